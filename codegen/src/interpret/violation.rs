//! The interpreter's violations: the generated crate's `support::Violation` and `support::Rule` with owned
//! data (the generated ones hold `&'static str`s the generated code is made of), with the same codes and
//! messages, and one rule more, `type`, for JSON that does not fit the field's type. The differential test
//! (`tests/tests/interpreter.rs`) compares path, code and message with the generated validators'.

use crate::shared::bounds::bounds;
use std::fmt;

/// One broken rule: where, which rule, and the limit and value as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON path of the offending value, e.g. `members[3].weight` (empty for the body itself).
    pub path: String,
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.rule, self.rule.code())
    }
}

/// The rule a value broke, with the documented limit and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// An integer outside its documented minimum and maximum (inclusive).
    Range {
        minimum: Option<i64>,
        maximum: Option<i64>,
        actual: i64,
    },
    /// A string whose length in characters is outside its documented bounds.
    Length {
        min: Option<usize>,
        max: Option<usize>,
        actual: usize,
    },
    /// An array whose number of items is outside its documented bounds.
    Items {
        min: Option<usize>,
        max: Option<usize>,
        actual: usize,
    },
    /// A character the documented character rule does not allow there (the first such one).
    Pattern {
        expected: String,
        found: char,
        position: usize,
    },
    /// A value the documented enumeration does not list.
    Enum {
        allowed: Vec<String>,
        actual: String,
    },
    /// A field required while a condition on another field holds.
    RequiredIf { condition: String },
    /// A field allowed only while a condition on another field holds.
    ForbiddenUnless { condition: String },
    /// A number that must be less than another field's value.
    LessThan {
        other: String,
        limit: i64,
        actual: i64,
    },
    /// None of the documented groups of fields is complete.
    AtLeastOneOf { groups: String },
    /// A string that does not have the documented format.
    Format { expected: String, problem: String },
    /// A mandatory field that is absent.
    Required,
    /// A field the table does not document, with the closest documented one if any is close.
    UnknownField { suggestion: Option<String> },
    /// JSON that does not fit the field's type (a string where an integer belongs, `null`, an array for an
    /// object...). The generated crate stops reading at the first such value, with a `JsonError` at its
    /// path; the interpreter reports each one and checks the rest.
    Type { expected: String, found: String },
}

impl Rule {
    /// The stable code, as the generated `support::Rule::code` gives it; `type` for [`Rule::Type`].
    pub fn code(&self) -> &'static str {
        match self {
            Rule::Range { .. } => "range",
            Rule::Length { .. } => "length",
            Rule::Items { .. } => "items",
            Rule::Pattern { .. } => "pattern",
            Rule::Enum { .. } => "enum",
            Rule::RequiredIf { .. } => "required_if",
            Rule::ForbiddenUnless { .. } => "forbidden_unless",
            Rule::LessThan { .. } => "less_than",
            Rule::AtLeastOneOf { .. } => "at_least_one_of",
            Rule::Format { .. } => "format",
            Rule::Required => "required",
            Rule::UnknownField { .. } => "unknown_field",
            Rule::Type { .. } => "type",
        }
    }
}

// The messages are the generated `support::Rule`'s word for word (the differential test compares them).
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Range {
                minimum,
                maximum,
                actual,
            } => write!(f, "must be {}, got {actual}", bounds(*minimum, *maximum)),
            Rule::Length { min, max, actual } => write!(
                f,
                "must be {} characters long, got {actual}",
                bounds(*min, *max)
            ),
            Rule::Items { min, max, actual } => {
                write!(f, "must have {} items, got {actual}", bounds(*min, *max))
            }
            Rule::Pattern {
                expected,
                found,
                position,
            } => write!(f, "{expected}; found {found:?} at character {position}"),
            Rule::Enum { allowed, actual } => {
                write!(f, "must be one of {}, got {actual}", allowed.join(", "))
            }
            Rule::RequiredIf { condition } => write!(f, "is required when {condition}"),
            Rule::ForbiddenUnless { condition } => write!(f, "is allowed only when {condition}"),
            Rule::LessThan {
                other,
                limit,
                actual,
            } => write!(f, "must be less than {other} ({limit}), got {actual}"),
            Rule::AtLeastOneOf { groups } => write!(f, "needs at least one of: {groups}"),
            Rule::Format { expected, problem } => write!(f, "must be {expected}: {problem}"),
            Rule::Required => f.write_str("is mandatory but absent"),
            Rule::UnknownField {
                suggestion: Some(name),
            } => write!(f, "is not a documented field; did you mean `{name}`?"),
            Rule::UnknownField { suggestion: None } => f.write_str("is not a documented field"),
            Rule::Type { expected, found } => write!(f, "must be {expected}, got {found}"),
        }
    }
}
