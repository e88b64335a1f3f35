//! The interpreter's violations: the generated crate's `support::Violation` and `support::Rule` with owned
//! data (the generated ones hold `&'static str`s the generated code is made of), worded by the same
//! catalogue (`runtime/messages.rs`), and one rule more, `type`, for JSON that does not fit the field's type.
//! The differential test (`tests/tests/interpreter.rs`) compares path, code and message with the generated
//! validators'.

use crate::shared::messages::Message;
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
        self.message().map_or("type", |message| message.code())
    }

    /// The rule in the catalogue's words; `None` for `type`, which only the interpreter reports.
    fn message(&self) -> Option<Message<'_, String>> {
        Some(match self {
            Rule::Range {
                minimum,
                maximum,
                actual,
            } => Message::Range {
                minimum: *minimum,
                maximum: *maximum,
                actual: *actual,
            },
            Rule::Length { min, max, actual } => Message::Length {
                min: *min,
                max: *max,
                actual: *actual,
            },
            Rule::Items { min, max, actual } => Message::Items {
                min: *min,
                max: *max,
                actual: *actual,
            },
            Rule::Pattern {
                expected,
                found,
                position,
            } => Message::Pattern {
                expected,
                found: *found,
                position: *position,
            },
            Rule::Enum { allowed, actual } => Message::Enum { allowed, actual },
            Rule::RequiredIf { condition } => Message::RequiredIf { condition },
            Rule::ForbiddenUnless { condition } => Message::ForbiddenUnless { condition },
            Rule::LessThan {
                other,
                limit,
                actual,
            } => Message::LessThan {
                other,
                limit: *limit,
                actual: *actual,
            },
            Rule::AtLeastOneOf { groups } => Message::AtLeastOneOf { groups },
            Rule::Format { expected, problem } => Message::Format { expected, problem },
            Rule::Required => Message::Required,
            Rule::UnknownField { suggestion } => Message::UnknownField {
                suggestion: suggestion.as_deref(),
            },
            Rule::Type { .. } => return None,
        })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Type { expected, found } => write!(f, "must be {expected}, got {found}"),
            _ => self.message().map_or(Ok(()), |message| message.fmt(f)),
        }
    }
}
