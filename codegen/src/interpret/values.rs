//! Whether JSON fits a field's type as the generated crate's strict reading takes it (an integer is
//! a JSON integer within the type's bits, `-0` among them; an object is a JSON object; `null` is
//! nothing, but where the page documents it), and what the value is when it does not.

use super::{Interpreter, Rule};
use crate::ir::{Enum, EnumValue, Type, Variant};
use serde_json::Value;

/// The integer `value` is, read as the strict reading reads an integer of `bits` (smallest,
/// largest).
pub(super) fn integer(value: &Value, (low, high): (i64, i64)) -> Option<i64> {
    let Value::Number(number) = value else {
        return None;
    };
    let n = match (number.as_i64(), number.as_f64()) {
        (Some(n), _) => n,
        // serde_json reads `-0` as the float -0.0, which the strict reading takes as the integer 0.
        (None, Some(x)) if number.is_f64() && x == 0.0 && x.is_sign_negative() => 0,
        _ => return None,
    };
    (low..=high).contains(&n).then_some(n)
}

/// The wire value of `value` as a value of the enumeration `e`, documented or not; `None` when the
/// JSON is not of the enumeration's kind (a string for an integer enumeration...).
pub(super) fn enum_wire(e: &Enum, value: &Value) -> Option<EnumValue> {
    match (e.integer, value) {
        (false, Value::String(s)) => Some(EnumValue::Str(s.clone())),
        (true, value) => integer(value, (i64::MIN, i64::MAX)).map(EnumValue::Int),
        (false, _) => None,
    }
}

/// The documented variant a wire value is, by its value or one of its aliases.
pub(super) fn variant<'e>(e: &'e Enum, wire: &EnumValue) -> Option<&'e Variant> {
    e.variants
        .iter()
        .find(|v| v.value == *wire || v.aliases.contains(wire))
}

/// The violation of JSON that does not fit `ty`.
pub(super) fn misfit(ty: &Type, value: &Value, interpreter: &Interpreter<'_>) -> Rule {
    Rule::Type {
        expected: expected(ty, interpreter),
        found: found(value),
    }
}

fn expected(ty: &Type, interpreter: &Interpreter<'_>) -> String {
    match ty {
        Type::String => "a string".to_owned(),
        Type::I32 => "an integer (32-bit)".to_owned(),
        Type::I64 => "an integer (64-bit)".to_owned(),
        Type::F64 => "a number".to_owned(),
        Type::Bool => "true or false".to_owned(),
        Type::Struct(name) => format!("an object ({name})"),
        Type::Enum(name) if interpreter.enumeration(name).is_some_and(|e| e.integer) => {
            format!("an integer ({name})")
        }
        Type::Enum(name) => format!("a string ({name})"),
        Type::Vec(_) => "an array".to_owned(),
        Type::Map(_) | Type::JsonObject => "an object".to_owned(),
        Type::File => "a file".to_owned(),
        Type::Any => "any JSON value".to_owned(),
    }
}

/// The JSON value in words, a long string cut short.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null (the tables document no null: leave the field out)".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("the string {:?}...", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
