//! The rule catalogue: each rule's stable code and its message, written once. One file serves both
//! sides: every generated crate carries it in its support module for its `Rule`, and the
//! generator's interpreter compiles it for its own `Rule`, so that the two report a broken rule in
//! the same words.

use super::bounds::bounds;
use std::fmt;
use std::ops::Deref;

/// A broken rule as its code and message read it, with the rule's limit and value. `T` is how it
/// holds a text and `L` an enumeration's values: borrowed (`&str`, `&[&'static str]`) in a
/// generated crate, which words its own `Rule` through it, and owned (`String`, `Vec<String>`) in
/// the interpreter, whose rules are these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message<T, L> {
    /// An integer outside its inclusive bounds.
    Range {
        minimum: Option<i64>,
        maximum: Option<i64>,
        actual: i64,
    },
    /// A string whose length in characters is outside its inclusive bounds.
    Length {
        min: Option<usize>,
        max: Option<usize>,
        actual: usize,
    },
    /// An array whose number of items is outside its inclusive bounds.
    Items {
        min: Option<usize>,
        max: Option<usize>,
        actual: usize,
    },
    /// The first character a character rule does not allow where it is.
    Pattern {
        expected: T,
        found: char,
        position: usize,
    },
    /// A value the enumeration does not list.
    Enum { allowed: L, actual: T },
    /// A field required while a condition holds.
    RequiredIf { condition: T },
    /// A field allowed only while a condition holds.
    ForbiddenUnless { condition: T },
    /// A number not less than another field's value.
    LessThan { other: T, limit: i64, actual: i64 },
    /// An object none of whose groups of fields is complete.
    AtLeastOneOf { groups: T },
    /// A string without the documented format.
    Format { expected: T, problem: T },
    /// A mandatory field that is absent.
    Required,
    /// A field the table does not document, with the closest documented one if any is close.
    UnknownField { suggestion: Option<T> },
}

impl<T, L> Message<T, L> {
    /// The rule's stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Message::Range { .. } => "range",
            Message::Length { .. } => "length",
            Message::Items { .. } => "items",
            Message::Pattern { .. } => "pattern",
            Message::Enum { .. } => "enum",
            Message::RequiredIf { .. } => "required_if",
            Message::ForbiddenUnless { .. } => "forbidden_unless",
            Message::LessThan { .. } => "less_than",
            Message::AtLeastOneOf { .. } => "at_least_one_of",
            Message::Format { .. } => "format",
            Message::Required => "required",
            Message::UnknownField { .. } => "unknown_field",
        }
    }
}

impl<T: AsRef<str>, L: Deref<Target = [E]>, E: AsRef<str>> fmt::Display for Message<T, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Range {
                minimum,
                maximum,
                actual,
            } => write!(f, "must be {}, got {actual}", bounds(*minimum, *maximum)),
            Message::Length { min, max, actual } => write!(
                f,
                "must be {} characters long, got {actual}",
                bounds(*min, *max)
            ),
            Message::Items { min, max, actual } => {
                write!(f, "must have {} items, got {actual}", bounds(*min, *max))
            }
            Message::Pattern {
                expected,
                found,
                position,
            } => write!(
                f,
                "{}; found {found:?} at character {position}",
                expected.as_ref()
            ),
            Message::Enum { allowed, actual } => {
                f.write_str("must be one of ")?;
                for (i, value) in allowed.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(value.as_ref())?;
                }
                write!(f, ", got {}", actual.as_ref())
            }
            Message::RequiredIf { condition } => {
                write!(f, "is required when {}", condition.as_ref())
            }
            Message::ForbiddenUnless { condition } => {
                write!(f, "is allowed only when {}", condition.as_ref())
            }
            Message::LessThan {
                other,
                limit,
                actual,
            } => write!(
                f,
                "must be less than {} ({limit}), got {actual}",
                other.as_ref()
            ),
            Message::AtLeastOneOf { groups } => {
                write!(f, "needs at least one of: {}", groups.as_ref())
            }
            Message::Format { expected, problem } => {
                write!(f, "must be {}: {}", expected.as_ref(), problem.as_ref())
            }
            Message::Required => f.write_str("is mandatory but absent"),
            Message::UnknownField {
                suggestion: Some(name),
            } => write!(
                f,
                "is not a documented field; did you mean `{}`?",
                name.as_ref()
            ),
            Message::UnknownField { suggestion: None } => f.write_str("is not a documented field"),
        }
    }
}
