//! The literal values of the spec: defaults, enumeration values and aliases, conditions' values.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A value the spec writes for a field or an enumeration (a default, an enumeration value or alias,
/// a condition's value), sorted by its JSON kind when it is loaded. Which kind fits is decided in
/// lowering, where the field's type is known, so any JSON loads: what is neither a string, an
/// integer, a float nor a boolean is kept as its JSON text, for lowering to report.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    String(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// Anything else (`null`, an array, an object, an integer beyond `i64`), as JSON text.
    Other(String),
}

impl Literal {
    /// The string, for a string literal.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Literal::String(s) => Some(s),
            _ => None,
        }
    }

    /// The literal as the JSON the spec file holds.
    pub fn to_json(&self) -> Value {
        match self {
            Literal::String(s) => Value::String(s.clone()),
            Literal::Integer(n) => Value::from(*n),
            Literal::Float(f) => Value::from(*f),
            Literal::Bool(b) => Value::Bool(*b),
            // The text was written by serde_json, so it reads back.
            Literal::Other(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        }
    }
}

impl From<Value> for Literal {
    fn from(value: Value) -> Literal {
        match value {
            Value::String(s) => Literal::String(s),
            Value::Bool(b) => Literal::Bool(b),
            Value::Number(n) => match (n.as_i64(), n.is_f64()) {
                (Some(n), _) => Literal::Integer(n),
                (None, true) => Literal::Float(n.as_f64().unwrap_or_default()),
                (None, false) => Literal::Other(n.to_string()),
            },
            other => Literal::Other(other.to_string()),
        }
    }
}

/// As JSON: a string literal quoted, the way diagnostics show a value.
impl std::fmt::Display for Literal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Literal::Other(text) => f.write_str(text),
            other => write!(f, "{}", other.to_json()),
        }
    }
}

impl Serialize for Literal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Literal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Literal, D::Error> {
        Value::deserialize(deserializer).map(Literal::from)
    }
}
