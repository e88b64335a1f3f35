//! Run-time support shared by every generated model: violation reporting, JSON paths, the checks the
//! generated `validate` methods call, enumeration (de)serialization with a catch-all, path encoding, and
//! (from its `form` module) the parts of a multipart/form-data body.
//!
//! The generator copies this file into the generated crate unchanged, so the crate depends on serde and
//! serde_json only.

use std::fmt;

pub use self::form::{multipart_body, FilePart, FormPart};
pub use self::read::{
    check_json, nested, parse_json, read_body, scalar, text, unchecked, Boxed, Build, Check,
    Fields, FreeForm, Items, Mode, Nested, Outcome, Read, Reader, Scalar, Seen, Tap, Text, Value,
    Values,
};

/// Where a value sits in a request body, built on the stack while validating so that a valid body costs no
/// allocation; it is rendered (`members[3].weight`) only when a violation is reported.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The body itself.
    Root,
    /// A field of the object at the parent path.
    Field(&'a Path<'a>, &'static str),
    /// An element of the array at the parent path.
    Index(&'a Path<'a>, usize),
    /// The value at a key of the map at the parent path, shown like a field (`responses.AUTH_FAILURE`).
    Key(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    /// The path of the field `name` of the object at this path.
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of element `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The path of the value at `key` of the map at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Field(parent, name) | Path::Key(parent, name) => {
                parent.write_to(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

/// The rule a value broke, with the documented limit and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// An integer outside its documented minimum and maximum (inclusive).
    Range {
        /// The documented minimum, if any.
        minimum: Option<i64>,
        /// The documented maximum, if any.
        maximum: Option<i64>,
        /// The value found.
        actual: i64,
    },
    /// A string whose length in characters is outside its documented bounds (inclusive).
    Length {
        /// The documented minimum length, if any.
        min: Option<usize>,
        /// The documented maximum length, if any.
        max: Option<usize>,
        /// The length found, in characters.
        actual: usize,
    },
    /// An array whose number of items is outside its documented bounds (inclusive).
    Items {
        /// The documented minimum number of items, if any.
        min: Option<usize>,
        /// The documented maximum number of items, if any.
        max: Option<usize>,
        /// The number of items found.
        actual: usize,
    },
    /// A string with a character the documented character rule does not allow there.
    Pattern {
        /// The documented rule, in words.
        expected: &'static str,
        /// The offending character.
        found: char,
        /// Its position, counted in characters from 0.
        position: usize,
    },
    /// A value the documented enumeration does not list.
    Enum {
        /// The documented values.
        allowed: &'static [&'static str],
        /// The value found.
        actual: String,
    },
    /// A field that is required while a condition on another field holds.
    RequiredIf {
        /// The condition, in words.
        condition: &'static str,
    },
    /// A field that is allowed only while a condition on another field holds.
    ForbiddenUnless {
        /// The condition, in words.
        condition: &'static str,
    },
    /// A number that must be less than another field's value.
    LessThan {
        /// The other field.
        other: &'static str,
        /// The other field's value.
        limit: i64,
        /// The value found.
        actual: i64,
    },
    /// None of the documented groups of fields is complete.
    AtLeastOneOf {
        /// The groups, in words.
        groups: &'static str,
    },
    /// A string that does not have the documented format.
    Format {
        /// The format, in words.
        expected: &'static str,
        /// Why the value does not have it.
        problem: String,
    },
    /// A path parameter or header that is empty.
    Empty,
    /// A mandatory field that is absent (reported by `check_body`; deserializing the owned model stops at
    /// the first one instead).
    Required,
    /// A field the table does not document: in a request file, usually a typo.
    UnknownField {
        /// The documented field closest to it, if any is close.
        suggestion: Option<&'static str>,
    },
}

impl Rule {
    /// A stable, machine-readable code for the rule: `range`, `length`, `items`, `pattern`, `enum`,
    /// `required`, `required_if`, `forbidden_unless`, `less_than`, `at_least_one_of`, `format`, `empty` or
    /// `unknown_field`.
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
            Rule::Empty => "empty",
            Rule::Required => "required",
            Rule::UnknownField { .. } => "unknown_field",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Range {
                minimum,
                maximum,
                actual,
            } => {
                write!(
                    f,
                    "must be {}, got {actual}",
                    bounds::bounds(*minimum, *maximum)
                )
            }
            Rule::Length { min, max, actual } => {
                write!(
                    f,
                    "must be {} characters long, got {actual}",
                    bounds::bounds(*min, *max)
                )
            }
            Rule::Items { min, max, actual } => {
                write!(
                    f,
                    "must have {} items, got {actual}",
                    bounds::bounds(*min, *max)
                )
            }
            Rule::Pattern {
                expected,
                found,
                position,
            } => {
                write!(f, "{expected}; found {found:?} at character {position}")
            }
            Rule::Enum { allowed, actual } => {
                write!(f, "must be one of {}, got {actual}", allowed.join(", "))
            }
            Rule::RequiredIf { condition } => write!(f, "is required when {condition}"),
            Rule::ForbiddenUnless { condition } => write!(f, "is allowed only when {condition}"),
            Rule::LessThan {
                other,
                limit,
                actual,
            } => {
                write!(f, "must be less than {other} ({limit}), got {actual}")
            }
            Rule::AtLeastOneOf { groups } => write!(f, "needs at least one of: {groups}"),
            Rule::Format { expected, problem } => write!(f, "must be {expected}: {problem}"),
            Rule::Empty => f.write_str("must not be empty"),
            Rule::Required => f.write_str("is mandatory but absent"),
            Rule::UnknownField {
                suggestion: Some(name),
            } => write!(f, "is not a documented field; did you mean `{name}`?"),
            Rule::UnknownField { suggestion: None } => f.write_str("is not a documented field"),
        }
    }
}

/// One broken rule: where, which rule, and the limit and value as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON path of the offending value, e.g. `members[3].weight`.
    pub path: String,
    /// The rule it broke.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.rule, self.rule.code())
    }
}

/// Every violation found in a value: each object's own fields in table order, then its cross-field and
/// conditional rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<Violation>);

impl ValidationErrors {
    /// The violations.
    pub fn violations(&self) -> &[Violation] {
        &self.0
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A type whose documented rules can be checked.
pub trait Validate {
    /// Appends every violation found in `self`, which sits at `path`, to `out`.
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>);

    /// Checks every documented rule and returns all violations at once.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut out = Vec::new();
        self.validate_at(&Path::Root, &mut out);
        if out.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(out))
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&path.index(i), out);
        }
    }
}

/// A map's values are checked at their keys.
impl<K: std::ops::Deref<Target = str>, T: Validate> Validate for std::collections::BTreeMap<K, T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (key, value) in self {
            value.validate_at(&path.key(key), out);
        }
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        if let Some(value) = self {
            value.validate_at(path, out);
        }
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        (**self).validate_at(path, out);
    }
}

fn push(out: &mut Vec<Violation>, path: &Path<'_>, rule: Rule) {
    out.push(Violation {
        path: path.to_string(),
        rule,
    });
}

/// Checks an integer against its inclusive bounds.
pub fn check_range(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: i64,
    minimum: Option<i64>,
    maximum: Option<i64>,
) {
    let low = minimum.is_some_and(|min| value < min);
    let high = maximum.is_some_and(|max| value > max);
    if low || high {
        push(
            out,
            path,
            Rule::Range {
                minimum,
                maximum,
                actual: value,
            },
        );
    }
}

/// Checks a string's length, counted in characters, against its inclusive bounds.
pub fn check_length(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) {
    if let Some(actual) = scan::length_outside(value, min, max) {
        push(out, path, Rule::Length { min, max, actual });
    }
}

/// Checks an array's number of items against its inclusive bounds.
pub fn check_items(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    actual: usize,
    min: Option<usize>,
    max: Option<usize>,
) {
    if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
        push(out, path, Rule::Items { min, max, actual });
    }
}

/// Checks a string's characters against a character rule: which characters may start and end it and which
/// may appear anywhere. The generator turns each documented rule into these three predicates. Only the first
/// offending character is reported.
pub fn check_chars(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    expected: &'static str,
    first: impl Fn(char) -> bool,
    allowed: impl Fn(char) -> bool,
    last: impl Fn(char) -> bool,
) {
    if let Some((position, found)) = scan::offending_char(value, first, allowed, last) {
        push(
            out,
            path,
            Rule::Pattern {
                expected,
                found,
                position,
            },
        );
    }
}

/// Reports an enumeration value the page does not list.
pub fn check_enum(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    known: bool,
    allowed: &'static [&'static str],
    actual: impl fmt::Display,
) {
    if !known {
        push(
            out,
            path,
            Rule::Enum {
                allowed,
                actual: actual.to_string(),
            },
        );
    }
}

/// Checks a comma-separated list of integers and `low-high` ranges, each within `minimum..=maximum`, such as
/// `200,201,210-299`.
pub fn check_integer_list(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    expected: &'static str,
    minimum: i64,
    maximum: i64,
) {
    if let Err(problem) = scan::integer_list(value, minimum, maximum) {
        push(out, path, Rule::Format { expected, problem });
    }
}

/// Reports a field that a condition requires but that is absent.
pub fn require(out: &mut Vec<Violation>, path: &Path<'_>, present: bool, condition: &'static str) {
    if !present {
        push(out, path, Rule::RequiredIf { condition });
    }
}

/// Reports a field that is present although only allowed while a condition holds.
pub fn forbid(out: &mut Vec<Violation>, path: &Path<'_>, present: bool, condition: &'static str) {
    if present {
        push(out, path, Rule::ForbiddenUnless { condition });
    }
}

/// Checks that `value` is less than the other field's value, when both are present.
pub fn check_less_than(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: Option<i64>,
    other: &'static str,
    limit: Option<i64>,
) {
    if let (Some(actual), Some(limit)) = (value, limit) {
        if actual >= limit {
            push(
                out,
                path,
                Rule::LessThan {
                    other,
                    limit,
                    actual,
                },
            );
        }
    }
}

/// Reports an object none of whose documented groups of fields is complete.
pub fn require_one_group(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    satisfied: bool,
    groups: &'static str,
) {
    if !satisfied {
        push(out, path, Rule::AtLeastOneOf { groups });
    }
}

/// Reports a mandatory field that is absent.
pub fn check_present(out: &mut Vec<Violation>, path: &Path<'_>, present: bool) {
    if !present {
        push(out, path, Rule::Required);
    }
}

/// Reports an empty path parameter or header.
pub fn check_not_empty(out: &mut Vec<Violation>, path: &Path<'_>, value: &str) {
    if value.is_empty() {
        push(out, path, Rule::Empty);
    }
}

/// Deserializes a string enumeration: `known` maps a documented spelling to its variant, any other string
/// is kept by `unknown`, so a response from a newer service still parses.
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

/// Deserializes an integer enumeration from a JSON integer (never a string or a float): `known` maps a
/// documented value to its variant, any other integer is kept by `unknown`.
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

/// What a request body with a `null` is told.
const NULL_IN_REQUEST: &str =
    "invalid type: null, expected a value (the tables document no null: leave the field out)";

/// Appends `name=value` to a query string, both percent-encoded (RFC 3986's unreserved characters stay),
/// after a `&` when the string already has a parameter.
pub fn push_query(query: &mut String, name: &str, value: impl fmt::Display) {
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&encode_path_segment(name));
    query.push('=');
    query.push_str(&encode_path_segment(&value.to_string()));
}

/// JSON that does not fit the type: the message of serde_json, where it happened, and the JSON path of the
/// value being read there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The JSON path of the value that did not fit, e.g. `members[0].weight` (empty for the body itself).
    pub path: String,
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error.
    pub column: usize,
    /// What serde_json said.
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
    /// serde_json's message without its position, which the error gives apart.
    fn message(error: &serde_json::Error) -> String {
        let mut message = error.to_string();
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        message
    }

    /// An error in reading a request body in one pass, which knows the path of the value it was reading.
    fn read(error: &serde_json::Error, path: &str) -> JsonError {
        let mut message = JsonError::message(error);
        // A null is refused by the strict reading or by the value's own reader: one message for both.
        if message.starts_with("invalid type: null") {
            message = NULL_IN_REQUEST.to_owned();
        }
        JsonError {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            message,
        }
    }

    /// An error in deserializing a response body, whose path is found by scanning the text before it.
    fn new(input: &[u8], error: &serde_json::Error) -> JsonError {
        let (line, column) = (error.line(), error.column());
        let message = JsonError::message(error);
        let offset = offset_of(input, line, column);
        let mut path = path_at(input, offset);
        // An array where an object belongs is reported just inside the array: name the array itself.
        if message.starts_with("invalid type: sequence") && path.ends_with(']') {
            if let Some(open) = path.rfind('[') {
                path.truncate(open);
            }
        }
        // serde_json reports a missing field at the end of its object; name the field itself.
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

/// The JSON path of the value that encloses byte `offset`, found by a light scan of the text before it.
fn path_at(input: &[u8], offset: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            after_value: bool,
        },
        Array {
            index: usize,
        },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let end = offset.min(input.len());
    while i < end {
        match input[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < input.len() && input[i] != b'"' {
                    i += if input[i] == b'\\' { 2 } else { 1 };
                }
                let text = &input[start..i.min(input.len())];
                if let Some(Frame::Object { key, after_value }) = stack.last_mut() {
                    let is_key = input[i.saturating_add(1).min(input.len())..]
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|&b| b == b':');
                    if is_key && !*after_value {
                        let raw = String::from_utf8_lossy(text);
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.into_owned()),
                        );
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
    let mut path = String::new();
    for frame in &stack {
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

/// The documented fields of an object, for finding fields a request file adds by mistake.
#[derive(Debug)]
pub struct Shape {
    /// The documented fields.
    pub fields: &'static [FieldShape],
}

/// A documented field and the shape of its value.
#[derive(Debug)]
pub struct FieldShape {
    /// The wire name.
    pub name: &'static str,
    /// What its value holds.
    pub value: ValueShape,
}

/// What a value holds, as far as field names go.
#[derive(Debug)]
pub enum ValueShape {
    /// A string, number, boolean or enumeration.
    Scalar,
    /// An object with documented fields.
    Object(&'static Shape),
    /// An array of values of one shape.
    Array(&'static ValueShape),
    /// An object whose keys are free and whose values have one shape (a map).
    Map(&'static ValueShape),
    /// A free-form object: the page lists none of its keys, so none is undocumented.
    FreeForm,
}

/// A type whose documented fields are known: a table's struct, a map of such values, a free-form
/// object, an enumeration or a scalar (a body may be any of them).
pub trait Shaped {
    /// What a value of the type holds, as far as field names go.
    const SHAPE: &'static ValueShape;
}

impl<T: Shaped> Shaped for std::collections::BTreeMap<String, T> {
    const SHAPE: &'static ValueShape = &ValueShape::Map(T::SHAPE);
}

impl Shaped for serde_json::Map<String, serde_json::Value> {
    const SHAPE: &'static ValueShape = &ValueShape::FreeForm;
}

/// A scalar has no fields and no rules of its own: what a page says about it is checked by the field
/// that holds it. The impls let a map of scalars be a body.
macro_rules! scalars {
    ($($ty:ty),*) => {
        $(
            impl Shaped for $ty {
                const SHAPE: &'static ValueShape = &ValueShape::Scalar;
            }

            impl Validate for $ty {
                fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
            }
        )*
    };
}

scalars!(String, i32, i64, f64, bool);

/// A free-form object is checked only for being an object, which reading it already did.
impl Validate for serde_json::Map<String, serde_json::Value> {
    fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
}

/// Walks JSON that already fit its type, reporting every object key the shape does not document.
struct UnknownFields<'a, 'p> {
    shape: &'p ValueShape,
    path: &'p Path<'p>,
    out: &'a mut Vec<Violation>,
}

impl<'de> serde::de::DeserializeSeed<'de> for UnknownFields<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.shape {
            ValueShape::Scalar | ValueShape::FreeForm => {
                <serde::de::IgnoredAny as serde::Deserialize>::deserialize(deserializer).map(drop)
            }
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for UnknownFields<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or array")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let shape = match self.shape {
            ValueShape::Object(shape) => shape,
            ValueShape::Map(values) => {
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    let path = self.path.key(&key);
                    map.next_value_seed(UnknownFields {
                        shape: values,
                        path: &path,
                        out: self.out,
                    })?;
                }
                return Ok(());
            }
            _ => {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                return Ok(());
            }
        };
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match shape.fields.iter().find(|f| f.name == &*key) {
                Some(field) => {
                    let path = self.path.field(field.name);
                    map.next_value_seed(UnknownFields {
                        shape: &field.value,
                        path: &path,
                        out: self.out,
                    })?;
                }
                None => {
                    let mut path = self.path.to_string();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    let suggestion = closest_field(&key, shape);
                    self.out.push(Violation {
                        path,
                        rule: Rule::UnknownField { suggestion },
                    });
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ValueShape::Array(items) = self.shape else {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let mut index = 0;
        loop {
            let path = self.path.index(index);
            if seq
                .next_element_seed(UnknownFields {
                    shape: items,
                    path: &path,
                    out: self.out,
                })?
                .is_none()
            {
                return Ok(());
            }
            index += 1;
        }
    }
}

/// The documented field a misspelled one most likely meant: the closest by edit distance, if close.
fn closest_field(name: &str, shape: &Shape) -> Option<&'static str> {
    closest::closest(name, shape.fields.iter().map(|f| f.name))
}

/// Every object key in `input` that `T`'s tables do not document, with its path. `input` must already
/// have deserialized into `T`.
pub fn unknown_fields<T: Shaped>(input: &[u8]) -> Vec<Violation> {
    let mut out = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_slice(input);
    let seed = UnknownFields {
        shape: T::SHAPE,
        path: &Path::Root,
        out: &mut out,
    };
    // The input already fit the type, so the walk cannot fail on its structure.
    let _ = serde::de::DeserializeSeed::deserialize(seed, &mut deserializer);
    out
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

/// Deserializes `input` into `T`, reporting where the JSON did not fit with its path.
pub fn from_json<'de, T: serde::Deserialize<'de>>(input: &'de [u8]) -> Result<T, JsonError> {
    serde_json::from_slice(input).map_err(|error| JsonError::new(input, &error))
}

/// Deserializes a request body into `T` strictly, reporting where the JSON did not fit with its path: an
/// object must be a JSON object (not an array), `null` is not a value, and `-0` is the integer 0 (the
/// `strict` module, which the generator places inside this one).
pub fn from_json_strict<'de, T: serde::Deserialize<'de>>(input: &'de [u8]) -> Result<T, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_slice(input);
    T::deserialize(strict::Strict(&mut deserializer))
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|error| JsonError::new(input, &error))
}

/// Deserializes a request body of the table `T` and checks every documented rule, in one pass. Fields
/// the tables do not document are reported too (`unknown_field`): in a request file they are usually typos.
pub fn from_json_validated<T: Read>(input: &[u8]) -> Result<T, BodyError> {
    parse_json(input, nested::<T>())
}

/// Deserializes a response body into `T` leniently, as [`from_json`] does, and lists where it departs from
/// the page: every documented rule it breaks and every field the tables do not document.
pub fn from_json_with_departures<'de, T: serde::Deserialize<'de> + Validate + Shaped>(
    input: &'de [u8],
) -> Result<(T, Vec<Violation>), JsonError> {
    let value: T = from_json(input)?;
    let out = departures::<T>(&value, input);
    Ok((value, out))
}

/// A documented response body of type `T`, read leniently, with its departures from the page when
/// `departures` asks for them (an empty list otherwise): what each status of a `Response` reads.
pub fn response_body<'de, T: serde::Deserialize<'de> + Validate + Shaped>(
    input: &'de [u8],
    departures: bool,
) -> Result<(T, Vec<Violation>), JsonError> {
    if departures {
        from_json_with_departures(input)
    } else {
        from_json(input).map(|value| (value, Vec::new()))
    }
}

/// The body of a response of an undocumented status: its JSON, `null` when the body is empty.
pub fn undocumented_body(input: &[u8]) -> Result<serde_json::Value, JsonError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        Ok(serde_json::Value::Null)
    } else {
        from_json(input)
    }
}

/// Every documented rule `value` breaks, then every field of `input` (which deserialized into `value`) that
/// the tables do not document.
fn departures<T: Shaped>(value: &impl Validate, input: &[u8]) -> Vec<Violation> {
    let mut out = Vec::new();
    value.validate_at(&Path::Root, &mut out);
    out.extend(unknown_fields::<T>(input));
    out
}

/// A string read from a body: borrowed from the input when the JSON has no escapes, owned otherwise (an
/// undocumented field's name, a map's key).
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
