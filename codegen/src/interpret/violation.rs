//! The interpreter's violations: the generated crate's `support::Violation`, its rule being the
//! catalogue's own type (`runtime/messages.rs`) with owned data (the generated `support::Rule`
//! holds `&'static str`s the generated code is made of), and one rule more, `type`, for JSON that
//! does not fit the field's type. The differential test (`tests/tests/interpreter.rs`) compares
//! path, code and message with the generated validators'.

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

/// A broken catalogue rule with owned limit and value: the generated `support::Rule` is worded
/// through the same type, borrowing its own.
pub type Checked = Message<String, Vec<String>>;

/// The rule a value broke: one of the catalogue's, with the documented limit and the value found,
/// or the one rule the interpreter has more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A rule of the catalogue, as a generated crate reports it.
    Catalogue(Checked),
    /// JSON that does not fit the field's type (a string where an integer belongs, `null`, an array
    /// for an object...). The generated crate stops reading at the first such value, with a
    /// `JsonError` at its path; the interpreter reports each one and checks the rest.
    Type { expected: String, found: String },
}

impl Rule {
    /// The stable code, as the generated `support::Rule::code` gives it; `type` for [`Rule::Type`].
    pub fn code(&self) -> &'static str {
        match self {
            Rule::Catalogue(message) => message.code(),
            Rule::Type { .. } => "type",
        }
    }
}

impl From<Checked> for Rule {
    fn from(message: Checked) -> Rule {
        Rule::Catalogue(message)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Catalogue(message) => message.fmt(f),
            Rule::Type { expected, found } => write!(f, "must be {expected}, got {found}"),
        }
    }
}
