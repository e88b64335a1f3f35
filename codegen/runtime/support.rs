//! Run-time support shared by every generated model: violation reporting, JSON paths, the checks
//! the generated `validate` methods call, enumeration (de)serialization with a catch-all, path
//! encoding, and (from its `form` module) the parts of a multipart/form-data body.
//!
//! The generator copies this file, and the modules it names, into the generated crate unchanged, so
//! the crate depends on serde and serde_json only.

use std::fmt;

pub use self::chars::{is_ascii_letter, is_ascii_lower, is_digit, is_han, is_letter};
pub use self::checks::{
    check_chars, check_enum, check_integer_list, check_items, check_length, check_less_than,
    check_not_empty, check_range, forbid, require, require_one_group, Validate,
};
pub use self::collections::{Items, Values};
pub use self::de_error::DeError;
pub use self::form::{multipart_body, FilePart, FormPart};
pub use self::json::{BodyError, JsonError, Str};
pub use self::json_deserializer::JsonDeserializer;
pub use self::nullable::{null_or, present, Nullable};
pub use self::object::{
    check_json, nested, parse_json, read_body, response_json, Fields, Nested, Outcome, Read, Seen,
    Tap,
};
pub use self::read::{
    check_value, scalar, text, unchecked, AnyValue, Boxed, Build, Check, FreeForm, Lenient, Mode,
    OrNull, Owned, Reader, Scalar, Text, Value,
};
pub use self::request_de::{
    deserialize as deserialize_request, deserialize_lenient as deserialize_response,
};
pub use self::violation::{Path, Rule, ValidationErrors, Violation};

/// Deserializes a string enumeration: `known` maps a documented spelling to its variant, any other
/// string is kept by `unknown`, so a response from a newer service still parses.
pub fn deserialize_str_enum<'de, D, T>(
    deserializer: D,
    known: fn(&str) -> Option<T>,
    unknown: fn(String) -> T,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visitor<T> {
        known: fn(&str) -> Option<T>,
        unknown: fn(String) -> T,
    }
    impl<T> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
            Ok((self.known)(value).unwrap_or_else(|| (self.unknown)(value.to_owned())))
        }
        fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
            Ok(match (self.known)(&value) {
                Some(known) => known,
                None => (self.unknown)(value),
            })
        }
    }
    deserializer.deserialize_str(Visitor { known, unknown })
}

/// Deserializes an integer enumeration from a JSON integer (never a string or a float): `known`
/// maps a documented value to its variant, any other integer is kept by `unknown`.
pub fn deserialize_int_enum<'de, D, T>(
    deserializer: D,
    known: fn(i64) -> Option<T>,
    unknown: fn(i64) -> T,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visitor<T> {
        known: fn(i64) -> Option<T>,
        unknown: fn(i64) -> T,
    }
    impl<T> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<T, E> {
            Ok((self.known)(value).unwrap_or_else(|| (self.unknown)(value)))
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<T, E> {
            let value = i64::try_from(value)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))?;
            self.visit_i64(value)
        }
    }
    deserializer.deserialize_i64(Visitor { known, unknown })
}

/// Percent-encodes a path parameter: everything but RFC 3986's unreserved characters.
pub fn encode_path_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    out
}

/// Appends `name=value` to a query string, both percent-encoded (RFC 3986's unreserved characters
/// stay), after a `&` when the string already has a parameter.
pub fn push_query(query: &mut String, name: &str, value: impl fmt::Display) {
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&encode_path_segment(name));
    query.push('=');
    query.push_str(&encode_path_segment(&value.to_string()));
}

/// Deserializes `input` into `T`, reporting where the JSON did not fit with its path.
pub fn from_json<'de, T: serde::Deserialize<'de>>(input: &'de [u8]) -> Result<T, JsonError> {
    JsonDeserializer::read(input).map_err(|error| JsonError::new(input, &error))
}

/// Deserializes a request body into `T` strictly, reporting where the JSON did not fit with its
/// path: an object must be a JSON object (not an array), `null` is not a value, and `-0` is the
/// integer 0 (the `strict` module, which the generator places inside this one).
pub fn from_json_strict<'de, T: serde::Deserialize<'de>>(input: &'de [u8]) -> Result<T, JsonError> {
    let mut deserializer = JsonDeserializer::new(input);
    T::deserialize(strict::Strict(&mut deserializer))
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|error| JsonError::new(input, &error))
}

/// Deserializes a request body of the table `T` and checks every documented rule, in one pass.
/// Fields the tables do not document are reported too (`unknown_field`): in a request file they are
/// usually typos.
pub fn from_json_validated<T: Read>(input: &[u8]) -> Result<T, BodyError> {
    parse_json(input, nested::<T>())
}

/// Deserializes a response body of the table `T` leniently, as its `Deserialize` does, and lists
/// where it departs from the page, in one pass: every documented rule it breaks and every field the
/// tables do not document.
pub fn from_json_with_departures<T: Read>(input: &[u8]) -> Result<(T, Vec<Violation>), JsonError> {
    response_json(input, true, nested::<T>())
}

/// The body of a response of an undocumented status: its JSON, `null` when the body is empty.
pub fn undocumented_body(input: &[u8]) -> Result<serde_json::Value, JsonError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        Ok(serde_json::Value::Null)
    } else {
        from_json(input)
    }
}
