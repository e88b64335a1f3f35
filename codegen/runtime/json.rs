//! JSON that does not fit its type, located by its path ([`JsonError`]), why a request body was
//! refused ([`BodyError`]), and the strings read from a body ([`Str`]).

use super::de_error::DeError;
use super::violation::ValidationErrors;
use std::fmt;

/// What a request body with a `null` is told.
pub const NULL_IN_REQUEST: &str =
    "invalid type: null, expected a value (the tables document no null: leave the field out)";

/// JSON that does not fit the type: what was wrong, where it happened, and the JSON path
/// of the value being read there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The JSON path of the value that did not fit, e.g. `members[0].weight` (empty for the body
    /// itself).
    pub path: String,
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error.
    pub column: usize,
    /// What was wrong, as serde_json would say it.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(body)"
        } else {
            &self.path
        };
        write!(
            f,
            "{path}: {} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// An error in reading a body in one pass (a `request`'s or a response's), which knows the path
    /// of the value it was reading.
    pub(super) fn read(input: &[u8], error: &DeError, path: &str, request: bool) -> JsonError {
        let (line, column) = error.line_column(input);
        // In a request, a null is refused by the strict reading or by the value's own reader: one
        // message for both.
        let message = if request && error.message.starts_with("invalid type: null") {
            NULL_IN_REQUEST.to_owned()
        } else {
            error.message.clone()
        };
        JsonError {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    }

    /// An error in deserializing a response body, whose path is found by scanning the text before
    /// it.
    pub(super) fn new(input: &[u8], error: &DeError) -> JsonError {
        let (line, column) = error.line_column(input);
        let message = error.message.clone();
        let offset = offset_of(input, line, column);
        let mut path = path_at(input, offset);
        // An array where an object belongs is reported just inside the array: name the array
        // itself.
        if message.starts_with("invalid type: sequence") && path.ends_with(']') {
            if let Some(open) = path.rfind('[') {
                path.truncate(open);
            }
        }
        // A missing field is reported at the end of its object; name the field itself.
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(field);
        }
        JsonError {
            path,
            line,
            column,
            message,
        }
    }
}

fn offset_of(input: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match input[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => break,
        }
    }
    (start + column).min(input.len())
}

/// Where the scan of [`path_at`] is: in an object (at its current key, and whether that key's value
/// has begun) or in an array (at its current item).
enum Frame {
    Object {
        key: Option<String>,
        after_value: bool,
    },
    Array {
        index: usize,
    },
}

/// The JSON path of the value that encloses byte `offset`, found by a light scan of the text before
/// it.
fn path_at(input: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let end = offset.min(input.len());
    while i < end {
        match input[i] {
            b'"' => {
                let start = i + 1;
                i = string_end(input, start);
                if let Some(Frame::Object { key, after_value }) = stack.last_mut() {
                    if !*after_value && colon_follows(input, i) {
                        *key = Some(key_text(&input[start..i.min(input.len())]));
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                after_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { after_value, .. }) = stack.last_mut() {
                    *after_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, after_value }) => {
                    *key = None;
                    *after_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    path_of(&stack)
}

/// The position of the quote that closes the string whose text begins at `start` (or the end of
/// the input).
fn string_end(input: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < input.len() && input[i] != b'"' {
        i += if input[i] == b'\\' { 2 } else { 1 };
    }
    i
}

/// Whether the next character after the string that closes at `close` is a colon: the string is a
/// key.
fn colon_follows(input: &[u8], close: usize) -> bool {
    input[close.saturating_add(1).min(input.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b':')
}

/// A key's text, its escapes decoded where they can be.
fn key_text(raw: &[u8]) -> String {
    let raw = String::from_utf8_lossy(raw);
    super::json_deserializer::JsonDeserializer::read::<String>(format!("\"{raw}\"").as_bytes())
        .unwrap_or_else(|_| raw.into_owned())
}

/// The path the scan's open objects and arrays make.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Why a request body was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// The bytes are not JSON, or the JSON does not fit the type.
    Json(JsonError),
    /// The body fits the type but breaks documented rules.
    Invalid(ValidationErrors),
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::Json(error) => error.fmt(f),
            BodyError::Invalid(errors) => errors.fmt(f),
        }
    }
}

impl std::error::Error for BodyError {}

/// A string read from a body: borrowed from the input when the JSON has no escapes, owned otherwise
/// (an undocumented field's name, a map's key).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Str<'a>(pub std::borrow::Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                value: &'de str,
            ) -> Result<Str<'de>, E> {
                Ok(Str(std::borrow::Cow::Borrowed(value)))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Str<'de>, E> {
                Ok(Str(std::borrow::Cow::Owned(value.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Str<'de>, E> {
                Ok(Str(std::borrow::Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
