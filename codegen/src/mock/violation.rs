//! One violation of a request as the mock reports it, and the kinds the wire adds to the
//! interpreter's (an absent or empty parameter, text that is not UTF-8).

use crate::interpret::{Checked, Violation as Broken};

/// One violation, where it is in the request: `path`, `query`, `header` or `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub location: &'static str,
    /// The parameter's or header's name, or the JSON path in the body (empty for the body itself).
    pub path: String,
    /// The rule's stable code (`range`, `required`, `type`...), as the generated crates give it.
    pub rule: &'static str,
    pub message: String,
}

impl Violation {
    pub(super) fn new(
        location: &'static str,
        path: &str,
        rule: &'static str,
        message: String,
    ) -> Violation {
        let path = path.to_owned();
        Violation {
            location,
            path,
            rule,
            message,
        }
    }

    pub(super) fn from_interpreter(location: &'static str, broken: Broken) -> Violation {
        let rule = broken.rule.code();
        Violation::new(location, &broken.path, rule, broken.rule.to_string())
    }
}

pub(super) fn required(location: &'static str, path: &str) -> Violation {
    let rule = Checked::Required;
    Violation::new(location, path, rule.code(), rule.to_string())
}

pub(super) fn empty(location: &'static str, path: &str) -> Violation {
    Violation::new(location, path, "empty", "must not be empty".to_owned())
}

pub(super) fn not_utf8(location: &'static str, path: &str) -> Violation {
    let message = "is not UTF-8 text".to_owned();
    Violation::new(location, path, "encoding", message)
}
