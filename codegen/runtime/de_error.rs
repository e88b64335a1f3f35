//! Why a body is not the JSON its type reads: [`DeError`], with the byte offset where it was found,
//! in serde_json's words (the `malformed` messages, and a float or a null named as JSON writes
//! them), so that a message reads the same whichever reader found it.

use serde::de::{Expected, Unexpected};
use std::fmt;

/// An error of reading JSON: what went wrong and, where known, the byte offset just past the byte
/// it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    /// What went wrong.
    pub message: String,
    /// The byte offset, `None` for an error raised by a type's own deserializer before the reader
    /// placed it.
    pub at: Option<usize>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl serde::de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> DeError {
        DeError {
            message: message.to_string(),
            at: None,
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> DeError {
        let unexpected = JsonUnexpected(unexpected);
        DeError::custom(format_args!(
            "invalid type: {unexpected}, expected {expected}"
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> DeError {
        let unexpected = JsonUnexpected(unexpected);
        DeError::custom(format_args!(
            "invalid value: {unexpected}, expected {expected}"
        ))
    }
}

/// A value that did not fit, named in JSON's words: `null`, and a float as JSON writes it.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(value) => match serde_json::Number::from_f64(value) {
                Some(number) => write!(f, "floating point `{number}`"),
                None => write!(f, "floating point `{value}`"),
            },
            other => other.fmt(f),
        }
    }
}

impl DeError {
    /// The 1-based line and the column of the error in `input` (the column counts bytes since the
    /// line began, as serde_json's does).
    pub fn line_column(&self, input: &[u8]) -> (usize, usize) {
        let at = self.at.unwrap_or(input.len()).min(input.len());
        let before = &input[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        (line, at - line_start)
    }
}

/// The messages of malformed JSON.
pub(super) mod malformed {
    pub const EOF_LIST: &str = "EOF while parsing a list";
    pub const EOF_OBJECT: &str = "EOF while parsing an object";
    pub const EOF_STRING: &str = "EOF while parsing a string";
    pub const EOF_VALUE: &str = "EOF while parsing a value";
    pub const COLON: &str = "expected `:`";
    pub const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
    pub const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
    pub const IDENT: &str = "expected ident";
    pub const VALUE: &str = "expected value";
    pub const ESCAPE: &str = "invalid escape";
    pub const NUMBER: &str = "invalid number";
    pub const OUT_OF_RANGE: &str = "number out of range";
    pub const UNICODE: &str = "invalid unicode code point";
    pub const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
    pub const KEY_NOT_STRING: &str = "key must be a string";
    pub const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub const TRAILING_COMMA: &str = "trailing comma";
    pub const TRAILING: &str = "trailing characters";
    pub const HEX_END: &str = "unexpected end of hex escape";
    pub const DEPTH: &str = "recursion limit exceeded";
}
