//! An operation's query parameters and a form's fields, checked as the generated `validate()` checks
//! them: they are typed and checked like a table's fields, so they are read here as an object of
//! those fields, from the text an HTTP request carries them in (the mock server's reading).

use super::{Checked, Interpreter, Place, Violation};
use crate::ir::{Field, Type};
use crate::shared::closest::closest;
use serde_json::{Map, Value};

impl Interpreter<'_> {
    /// Every violation of `values` (by wire name) as `fields`: each absent mandatory field, each
    /// field's checks in table order, then each name the fields do not document (with the closest
    /// documented one), which a typed SDK request could not have sent.
    pub fn check_params(&self, fields: &[Field], values: &Map<String, Value>) -> Vec<Violation> {
        let mut out = Vec::new();
        for field in fields.iter().filter(|f| f.required) {
            if !values.contains_key(&field.wire) {
                out.push(Violation {
                    path: field.wire.clone(),
                    rule: Checked::Required.into(),
                });
            }
        }
        for field in fields {
            if let Some(value) = values.get(&field.wire) {
                self.check_field(field, value, Place::At(&field.wire), &mut out);
            }
        }
        for name in values.keys() {
            if !fields.iter().any(|f| &f.wire == name) {
                let known = fields.iter().map(|f| f.wire.as_str());
                let suggestion = closest(name, known).map(str::to_owned);
                out.push(Violation {
                    path: name.clone(),
                    rule: Checked::UnknownField { suggestion }.into(),
                });
            }
        }
        out
    }

    /// A parameter's value as JSON of its type `ty`, from the text of each time it was sent (an
    /// array is its parameter repeated): a number or a boolean where the type is one and the text
    /// reads as one, a string otherwise (so that text that is not a number is reported as a `type`
    /// misfit, as the generated crate cannot hold it).
    pub fn param_value(&self, ty: &Type, texts: &[&str]) -> Value {
        match ty {
            Type::Vec(inner) => Value::Array(texts.iter().map(|t| self.scalar(inner, t)).collect()),
            _ => texts
                .first()
                .map_or(Value::Null, |text| self.scalar(ty, text)),
        }
    }

    fn scalar(&self, ty: &Type, text: &str) -> Value {
        let integer = || text.parse::<i64>().ok().map(Value::from);
        let parsed = match ty {
            Type::I32 | Type::I64 => integer(),
            Type::Enum(name) if self.enumeration(name).is_some_and(|e| e.integer) => integer(),
            Type::F64 => text
                .parse::<f64>()
                .ok()
                .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number)),
            Type::Bool => text.parse::<bool>().ok().map(Value::Bool),
            _ => None,
        };
        parsed.unwrap_or_else(|| Value::String(text.to_owned()))
    }
}
