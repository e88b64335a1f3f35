//! A plain serde mirror of the spec files (`spec/README.md` documents the format). Nothing here decides
//! anything; `check` and `lower` do.

use serde::Deserialize;
use serde_json::Value;

/// One spec file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub service: String,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub operation: Option<Value>,
    #[serde(default)]
    pub objects: IndexedMap,
    #[serde(default)]
    pub enums: IndexedMap,
}

/// A JSON object whose entries are kept in file order and loaded one at a time, so that one bad entry
/// does not hide the problems of the others.
pub type IndexedMap = serde_json::Map<String, Value>;

/// Where the spec was transcribed from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub page: String,
    #[serde(default)]
    pub updated: Option<String>,
}

/// The HTTP methods an operation may have, as the pages write them.
pub const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// An operation: one documented API call.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub description: Vec<String>,
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub path_params: Vec<Value>,
    #[serde(default)]
    pub headers: Vec<Value>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub responses: Vec<Response>,
    #[serde(default)]
    pub examples: Examples,
}

/// A documented response of an operation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub status: u16,
    pub description: String,
    #[serde(default)]
    pub body: Option<String>,
}

/// The page's examples.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub requests: Vec<RequestExample>,
    #[serde(default)]
    pub responses: Vec<ResponseExample>,
}

/// An example request body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestExample {
    pub title: String,
    pub body: Value,
}

/// An example response body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseExample {
    pub status: u16,
    #[serde(default)]
    pub title: Option<String>,
    pub body: Value,
}

/// An object table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Object {
    #[serde(default)]
    pub description: Vec<String>,
    pub fields: Vec<Value>,
    #[serde(default)]
    pub rules: Vec<Value>,
}

/// A row of a table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub items: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: Vec<String>,
    #[serde(default)]
    pub minimum: Option<i64>,
    #[serde(default)]
    pub maximum: Option<i64>,
    #[serde(default)]
    pub min_length: Option<u64>,
    #[serde(default)]
    pub max_length: Option<u64>,
    #[serde(default)]
    pub min_items: Option<u64>,
    #[serde(default)]
    pub max_items: Option<u64>,
    #[serde(default)]
    pub default: Option<Value>,
    #[serde(default)]
    pub chars: Option<Chars>,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub decision: Option<String>,
}

/// A character rule written in prose.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chars {
    #[serde(default)]
    pub first: Vec<String>,
    #[serde(default)]
    pub allowed: Vec<String>,
    #[serde(default)]
    pub last: Vec<String>,
}

/// A structured string format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Format {
    /// A comma-separated list of integers and `low-high` ranges.
    IntegerList { minimum: i64, maximum: i64 },
}

/// An enumeration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enum {
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub description: Vec<String>,
    pub values: Vec<EnumValue>,
    #[serde(default)]
    pub decision: Option<String>,
}

/// One documented value of an enumeration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    pub value: Value,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub meaning: Option<String>,
    #[serde(default)]
    pub aliases: Vec<Value>,
}

/// A cross-field or conditional rule of an object.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    RequiredIf {
        field: String,
        when: Condition,
        source: String,
        #[serde(default)]
        decision: Option<String>,
        #[serde(default = "checked")]
        checked: bool,
    },
    ForbiddenUnless {
        field: String,
        when: Condition,
        source: String,
        #[serde(default)]
        decision: Option<String>,
        #[serde(default = "checked")]
        checked: bool,
    },
    LessThan {
        field: String,
        than: String,
        source: String,
        #[serde(default)]
        decision: Option<String>,
        #[serde(default = "checked")]
        checked: bool,
    },
    AtLeastOneOf {
        groups: Vec<Vec<String>>,
        source: String,
        #[serde(default)]
        decision: Option<String>,
        #[serde(default = "checked")]
        checked: bool,
    },
}

fn checked() -> bool {
    true
}

impl Rule {
    /// The page's sentence the rule comes from.
    pub fn source(&self) -> &str {
        match self {
            Rule::RequiredIf { source, .. } | Rule::ForbiddenUnless { source, .. } | Rule::LessThan { source, .. } | Rule::AtLeastOneOf { source, .. } => source,
        }
    }

    /// What was decided over the page, and why.
    pub fn decision(&self) -> Option<&str> {
        match self {
            Rule::RequiredIf { decision, .. } | Rule::ForbiddenUnless { decision, .. } | Rule::LessThan { decision, .. } | Rule::AtLeastOneOf { decision, .. } => decision.as_deref(),
        }
    }

    /// Whether `validate` checks the rule (`false`: the page states it, but the request cannot decide it).
    pub fn checked(&self) -> bool {
        match self {
            Rule::RequiredIf { checked, .. } | Rule::ForbiddenUnless { checked, .. } | Rule::LessThan { checked, .. } | Rule::AtLeastOneOf { checked, .. } => *checked,
        }
    }
}

/// `field` has one of the values `in` (an absent field counts as its documented default).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    #[serde(rename = "in")]
    pub values: Vec<Value>,
}
