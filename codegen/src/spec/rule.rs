//! An object's cross-field and conditional rules, as the spec writes them.

use super::Literal;
use serde::{Deserialize, Serialize};

/// A cross-field or conditional rule of an object.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    RequiredIf {
        field: String,
        when: Condition,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<String>,
        #[serde(default = "checked", skip_serializing_if = "is_checked")]
        checked: bool,
    },
    ForbiddenUnless {
        field: String,
        when: Condition,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<String>,
        #[serde(default = "checked", skip_serializing_if = "is_checked")]
        checked: bool,
    },
    LessThan {
        field: String,
        than: String,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<String>,
        #[serde(default = "checked", skip_serializing_if = "is_checked")]
        checked: bool,
    },
    AtLeastOneOf {
        groups: Vec<Vec<String>>,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decision: Option<String>,
        #[serde(default = "checked", skip_serializing_if = "is_checked")]
        checked: bool,
    },
}

fn checked() -> bool {
    true
}

/// `checked` is written only when it is `false`.
fn is_checked(checked: &bool) -> bool {
    *checked
}

impl Rule {
    /// Where the rule stands among its object's rules: a spec lists them by kind,
    /// `forbidden_unless`, `required_if`, `less_than`, then `at_least_one_of`.
    pub fn rank(&self) -> usize {
        match self {
            Rule::ForbiddenUnless { .. } => 0,
            Rule::RequiredIf { .. } => 1,
            Rule::LessThan { .. } => 2,
            Rule::AtLeastOneOf { .. } => 3,
        }
    }

    /// The rule's `kind`, as the spec file writes it.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::RequiredIf { .. } => "required_if",
            Rule::ForbiddenUnless { .. } => "forbidden_unless",
            Rule::LessThan { .. } => "less_than",
            Rule::AtLeastOneOf { .. } => "at_least_one_of",
        }
    }

    /// The field the rule governs (`at_least_one_of` governs groups, not one field).
    pub fn field(&self) -> Option<&str> {
        match self {
            Rule::RequiredIf { field, .. }
            | Rule::ForbiddenUnless { field, .. }
            | Rule::LessThan { field, .. } => Some(field),
            Rule::AtLeastOneOf { .. } => None,
        }
    }

    /// The page's sentence the rule comes from.
    pub fn source(&self) -> &str {
        match self {
            Rule::RequiredIf { source, .. }
            | Rule::ForbiddenUnless { source, .. }
            | Rule::LessThan { source, .. }
            | Rule::AtLeastOneOf { source, .. } => source,
        }
    }

    /// What was decided over the page, and why.
    pub fn decision(&self) -> Option<&str> {
        match self {
            Rule::RequiredIf { decision, .. }
            | Rule::ForbiddenUnless { decision, .. }
            | Rule::LessThan { decision, .. }
            | Rule::AtLeastOneOf { decision, .. } => decision.as_deref(),
        }
    }

    /// Whether `validate` checks the rule (`false`: the page states it, but the request cannot
    /// decide it).
    pub fn checked(&self) -> bool {
        match self {
            Rule::RequiredIf { checked, .. }
            | Rule::ForbiddenUnless { checked, .. }
            | Rule::LessThan { checked, .. }
            | Rule::AtLeastOneOf { checked, .. } => *checked,
        }
    }
}

/// `field` has one of the values `in` (an absent field counts as its documented default).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    #[serde(rename = "in")]
    pub values: Vec<Literal>,
}
