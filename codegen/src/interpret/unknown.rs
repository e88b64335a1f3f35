//! The fields a request body has and the tables do not document, in the body's order, each with the
//! closest documented name: what the generated crate reports after `validate` (`unknown_field`).

use super::{Checked, Interpreter, Place, Violation};
use crate::diag::closest;
use crate::ir::{Struct, Type};
use serde_json::{Map, Value};

impl Interpreter<'_> {
    pub(super) fn unknown_fields(
        &self,
        s: &Struct,
        object: &Map<String, Value>,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        for (key, value) in object {
            let here = path.field(key);
            match s.fields.iter().find(|f| f.wire == *key) {
                Some(field) => self.unknown_in(&field.ty, value, here, out),
                None => {
                    let suggestion =
                        closest(key, s.fields.iter().map(|f| f.wire.as_str())).map(str::to_owned);
                    out.push(Violation {
                        path: here.text(),
                        rule: Checked::UnknownField { suggestion }.into(),
                    });
                }
            }
        }
    }

    pub(super) fn unknown_in(
        &self,
        ty: &Type,
        value: &Value,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        match (ty, value) {
            (Type::Struct(name), Value::Object(object)) => {
                if let Some(s) = self.structure(name) {
                    self.unknown_fields(s, object, path, out);
                }
            }
            (Type::Vec(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.unknown_in(inner, item, path.index(i), out);
                }
            }
            // A map's keys are data, a free-form object's keys anything: neither is an unknown
            // field.
            (Type::Map(inner), Value::Object(entries)) => {
                for (key, item) in entries {
                    self.unknown_in(inner, item, path.field(key), out);
                }
            }
            _ => {}
        }
    }
}
