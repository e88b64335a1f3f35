//! A plain serde mirror of the spec files (`spec/README.md` documents the format). Nothing here
//! decides anything; `lower` does. The loader reads these types and the importer writes them: what
//! the importer leaves out (an absent limit, empty notes, `checked` where it is true) each type
//! skips when serializing, and fields are declared in the order the spec files write their keys.
//!
//! The lists whose entries are loaded one at a time (an object's fields and rules, an operation's
//! parameters and bodies) take their entry types as parameters: loaded, they hold [`Located`] typed
//! entries, so that lowering reads only typed values and still points at the entry in its file; as
//! the loader first reads them ([`RawOperation`], [`RawObject`]), they hold JSON, because an entry
//! may be anything and loading it is what reports it. The importer builds and compares them typed
//! without paths ([`Document`], [`PlainOperation`], [`PlainObject`]).

mod body;
mod literal;
mod ordered;
mod release;
mod rule;

pub use body::Body;
pub use literal::Literal;
pub use ordered::OrderedField;
pub use release::{Release, ReleaseChange, Releases, FIRST_VERSION};
pub use rule::{Condition, Rule};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One spec file's top level. As the loader first reads it (the defaults), its operation, objects
/// and enumerations are still JSON, loaded one entry at a time into `load::File` so that one bad
/// entry does not hide the problems of the others; as the importer builds, compares and writes it
/// ([`Document`]), every entry is typed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "Op: Deserialize<'de>, Obj: Deserialize<'de>, En: Deserialize<'de>")
)]
pub struct SpecFile<Op = Value, Obj = Value, En = Value> {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Op>,
    #[serde(default = "Entries::new")]
    pub objects: Entries<Obj>,
    #[serde(default = "Entries::new")]
    pub enums: Entries<En>,
}

/// A spec file with every entry typed and no paths: what the importer builds, compares and writes.
pub type Document = SpecFile<PlainOperation, PlainObject, Enum>;

/// An operation with typed entries and no paths, as the importer builds it, each field's keys in
/// its file's order.
pub type PlainOperation = Operation<OrderedField, Body>;

/// An object with typed fields and rules and no paths, as the importer builds it, each field's
/// keys in its file's order.
pub type PlainObject = Object<OrderedField, Rule>;

/// Named entries (objects, enumerations) in file order.
pub type Entries<T> = indexmap::IndexMap<String, T>;

/// A JSON object whose entries are kept in file order and loaded one at a time.
pub type IndexedMap = Entries<Value>;

/// Where the spec was transcribed from.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub page: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// The HTTP methods an operation may have, as the pages write them.
pub const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// An entry of a list that is loaded one entry at a time, with the JSON path where the loader found
/// it (`objects.Vpc.fields[2]`): an entry that does not load is left out of the list, so its index
/// no longer says where the next one stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub path: String,
    pub item: T,
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.item
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.item.serialize(serializer)
    }
}

/// An operation whose parameters and bodies are still JSON (see the module's docs).
pub type RawOperation = Operation<Value, Value>;

/// An object whose fields and rules are still JSON (see the module's docs).
pub type RawObject = Object<Value, Value>;

/// An operation: one documented API call. `F` is a parameter's type, `B` a body's (see the module's
/// docs).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "F: Deserialize<'de>, B: Deserialize<'de>")
)]
pub struct Operation<F = Located<Field>, B = Body> {
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub description: Vec<String>,
    pub method: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path_params: Vec<F>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_params: Vec<F>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<F>,
    /// The fields of a multipart/form-data request body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub form_params: Vec<F>,
    /// A [`Body`], loaded on its own so that its problems are reported at `operation.body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<B>,
    #[serde(default)]
    pub responses: Vec<Response<F, B>>,
    #[serde(default)]
    pub examples: Examples,
}

/// A documented response of an operation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "F: Deserialize<'de>, B: Deserialize<'de>")
)]
pub struct Response<F = Located<Field>, B = Body> {
    pub status: u16,
    pub description: String,
    /// A [`Body`], loaded on its own like the request's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<B>,
    /// The `Response` variant's name, where the one made from the description is not wanted (two
    /// statuses described alike).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The response's documented headers: string fields, as path parameters and headers are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<F>,
}

/// The page's examples. Their bodies stay JSON: they are JSON documents that the tests send and
/// read, not entries the generator decides on.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub requests: Vec<RequestExample>,
    #[serde(default)]
    pub responses: Vec<ResponseExample>,
}

/// An example request body.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RequestExample {
    pub title: String,
    /// Why the example breaks the page's own tables, where a person decided that the example is
    /// wrong (the overlay's `invalid_examples`): tests check that it is rejected rather than that
    /// it validates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid: Option<String>,
    pub body: Value,
}

/// An example response body.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseExample {
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Why the example does not fit the page's own tables, where a person decided that the example
    /// is wrong (the overlay's `invalid_responses`): tests check that it does not parse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid: Option<String>,
    pub body: Value,
}

/// An object table. `F` is a field's type and `R` a rule's (see the module's docs).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "F: Deserialize<'de>, R: Deserialize<'de>")
)]
pub struct Object<F = Located<Field>, R = Located<Rule>> {
    #[serde(default)]
    pub description: Vec<String>,
    pub fields: Vec<F>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<R>,
}

/// The keys of a [`Field`] besides `name`, in the order it serializes them: what an overlay's field
/// patch may set (or remove) and what `import --diff` compares. The tests tie the list to [`Field`]
/// and to `spec/spec.schema.json`.
pub const FIELD_KEYS: &[&str] = &[
    "type",
    "items",
    "required",
    "nullable",
    "description",
    "minimum",
    "maximum",
    "min_length",
    "max_length",
    "min_items",
    "max_items",
    "default",
    "chars",
    "format",
    "notes",
    "decision",
];

/// A row of a table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    #[serde(default)]
    pub required: bool,
    /// The field may be JSON `null`, where the page documents that null ("If both are null, the
    /// instance is unbound"); written only when true, so that other fields keep their bytes.
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    #[serde(default)]
    pub description: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Literal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<Chars>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A character rule written in prose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chars {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last: Vec<String>,
}

impl Chars {
    /// Whether the rule says nothing (no class for the first, any or the last character).
    pub fn is_empty(&self) -> bool {
        self.first.is_empty() && self.allowed.is_empty() && self.last.is_empty()
    }
}

/// A structured string format.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Format {
    /// A comma-separated list of integers and `low-high` ranges.
    IntegerList { minimum: i64, maximum: i64 },
}

/// An enumeration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Enum {
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub description: Vec<String>,
    pub values: Vec<EnumValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// One documented value of an enumeration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    pub value: Literal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Literal>,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// The keys `value` serializes, in order.
    pub(crate) fn keys(value: &impl Serialize) -> Vec<String> {
        match serde_json::to_value(value) {
            Ok(Value::Object(map)) => map.keys().cloned().collect(),
            other => panic!("expected an object, got {other:?}"),
        }
    }

    /// A field with every key set, with no `..Default::default()`: a key added to `Field` fails to
    /// compile here until it is set, and then fails the tests that compare keys until `FIELD_KEYS`
    /// (and what reads a field by key) lists it.
    pub(crate) fn every_key() -> Field {
        Field {
            name: "port".to_owned(),
            ty: "integer".to_owned(),
            items: Some("string".to_owned()),
            required: true,
            nullable: true,
            description: vec!["Port.".to_owned()],
            minimum: Some(1),
            maximum: Some(65535),
            min_length: Some(1),
            max_length: Some(64),
            min_items: Some(1),
            max_items: Some(10),
            default: Some(Literal::Integer(80)),
            chars: Some(Chars {
                first: vec!["letter".to_owned()],
                allowed: Vec::new(),
                last: Vec::new(),
            }),
            format: Some(Format::IntegerList {
                minimum: 100,
                maximum: 599,
            }),
            notes: vec!["Currently, this parameter is not supported.".to_owned()],
            decision: Some("Why.".to_owned()),
        }
    }

    #[test]
    fn field_keys_are_the_keys_a_field_serializes() {
        let mut expected = vec!["name"];
        expected.extend(FIELD_KEYS);
        assert_eq!(keys(&every_key()), expected);
    }

    /// `Rule::kind` names each kind as the spec file writes it.
    #[test]
    fn rule_kind_is_the_written_kind() {
        let condition = Condition {
            field: "a".to_owned(),
            values: vec![Literal::Bool(true)],
        };
        let (field, source) = ("f".to_owned(), "S.".to_owned());
        let rules = [
            Rule::RequiredIf {
                field: field.clone(),
                when: condition.clone(),
                source: source.clone(),
                decision: None,
                checked: true,
            },
            Rule::ForbiddenUnless {
                field: field.clone(),
                when: condition,
                source: source.clone(),
                decision: None,
                checked: true,
            },
            Rule::LessThan {
                field,
                than: "b".to_owned(),
                source: source.clone(),
                decision: None,
                checked: true,
            },
            Rule::AtLeastOneOf {
                groups: vec![vec!["a".to_owned()]],
                source,
                decision: None,
                checked: true,
            },
        ];
        for rule in rules {
            assert_eq!(serde_json::to_value(&rule).unwrap()["kind"], rule.kind());
        }
    }

    #[test]
    fn what_is_absent_or_empty_is_left_out() {
        let field = Field {
            name: "name".to_owned(),
            ty: "string".to_owned(),
            chars: Some(Chars::default()),
            ..Field::default()
        };
        // `required` and `description` are written even when false and empty; an empty `chars` is
        // an empty object.
        assert_eq!(
            serde_json::to_value(&field).unwrap(),
            json!({"name": "name", "type": "string", "required": false, "description": [], "chars": {}})
        );
        let rule = Rule::LessThan {
            field: "timeout".to_owned(),
            than: "time_interval".to_owned(),
            source: "S.".to_owned(),
            decision: None,
            checked: true,
        };
        assert_eq!(keys(&rule), ["kind", "field", "than", "source"]);
        let rule = Rule::LessThan {
            field: "a".to_owned(),
            than: "b".to_owned(),
            source: "S.".to_owned(),
            decision: Some("Why.".to_owned()),
            checked: false,
        };
        assert_eq!(
            serde_json::to_value(&rule).unwrap(),
            json!({"kind": "less_than", "field": "a", "than": "b", "source": "S.", "decision": "Why.", "checked": false})
        );
    }
}
