//! `validate` of one object, as the generated one runs: the presence of its mandatory fields, then
//! each field's checks in table order (a nested object's whole `validate` where it sits), then its
//! rules.

use super::values::{enum_wire, integer, misfit, variant};
use super::{Checked, Interpreter, Place, Rule, Violation};
use crate::ir::{Bounds, CharClass, Checks, Field, Struct, Type};
use crate::shared::scan;
use serde_json::{Map, Value};

impl Interpreter<'_> {
    pub(super) fn check_object(
        &self,
        s: &Struct,
        object: &Map<String, Value>,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        for field in s.fields.iter().filter(|f| f.expected || f.required) {
            if !object.contains_key(&field.wire) {
                out.push(Violation {
                    path: path.field(&field.wire).text(),
                    rule: Checked::Required.into(),
                });
            }
        }
        for field in &s.fields {
            if let Some(value) = object.get(&field.wire) {
                self.check_field(field, value, path.field(&field.wire), out);
            }
        }
        self.check_rules(s, object, path, out);
    }

    /// An array's number of items before its items, as the generated checks go; a null where the
    /// page documents one has no checks.
    pub(super) fn check_field(
        &self,
        field: &Field,
        value: &Value,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        if field.nullable && value.is_null() {
            return;
        }
        let Type::Vec(inner) = &field.ty else {
            self.check_value(field, &field.ty, value, path, out);
            return;
        };
        let Value::Array(items) = value else {
            out.push(Violation {
                path: path.text(),
                rule: misfit(&field.ty, value, self),
            });
            return;
        };
        if let Some(Bounds { min, max }) = field.checks.items {
            let (min, max) = (min.map(to_usize), max.map(to_usize));
            let actual = items.len();
            if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
                out.push(Violation {
                    path: path.text(),
                    rule: Checked::Items { min, max, actual }.into(),
                });
            }
        }
        for (i, item) in items.iter().enumerate() {
            self.check_value(field, inner, item, path.index(i), out);
        }
    }

    /// One value of the field's scalar type `ty`: range, length, characters, format, then what a
    /// nested object or an enumeration checks.
    pub(super) fn check_value(
        &self,
        field: &Field,
        ty: &Type,
        value: &Value,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        let mut push = |rule: Rule| {
            out.push(Violation {
                path: path.text(),
                rule,
            })
        };
        // Destructured, so that a new kind of check does not compile until it is read here (`items`
        // is the array's own check, made by `check_field`; a string's three by `string_checks`).
        let Checks {
            range,
            length: _,
            items: _,
            chars: _,
            integer_list: _,
        } = &field.checks;
        match ty {
            Type::I32 | Type::I64 => {
                match ty.integer_bounds().and_then(|bits| integer(value, bits)) {
                    Some(n) => range_check(*range, n).into_iter().for_each(push),
                    None => push(misfit(ty, value, self)),
                }
            }
            Type::F64 if !value.is_number() => push(misfit(ty, value, self)),
            Type::Bool if !value.is_boolean() => push(misfit(ty, value, self)),
            Type::F64 | Type::Bool => {}
            Type::String => {
                let Value::String(text) = value else {
                    return push(misfit(ty, value, self));
                };
                for rule in string_checks(field, text) {
                    push(rule);
                }
            }
            Type::Struct(name) => {
                let Value::Object(object) = value else {
                    return push(misfit(ty, value, self));
                };
                if let Some(nested) = self.structure(name) {
                    self.check_object(nested, object, path, out);
                }
            }
            Type::Enum(name) => self.enum_check(name, ty, value).into_iter().for_each(push),
            // Lowering refuses arrays of arrays; were there one, its items would be read as the
            // field's are.
            Type::Vec(inner) => {
                let Value::Array(items) = value else {
                    return push(misfit(ty, value, self));
                };
                for (i, item) in items.iter().enumerate() {
                    self.check_value(field, inner, item, path.index(i), out);
                }
            }
            // A map's values are checked at their keys; lowering allows no limits on a map.
            Type::Map(inner) => {
                let Value::Object(entries) = value else {
                    return push(misfit(ty, value, self));
                };
                for (key, item) in entries {
                    self.check_value(field, inner, item, path.field(key), out);
                }
            }
            Type::JsonObject if !value.is_object() => push(misfit(ty, value, self)),
            // A file is a form's part, never JSON; any JSON is a value of `any`.
            Type::JsonObject | Type::File | Type::Any => {}
        }
    }
}

impl Interpreter<'_> {
    /// The violation of a value of the enumeration `name`: JSON of another kind, or a value it does
    /// not list.
    fn enum_check(&self, name: &str, ty: &Type, value: &Value) -> Option<Rule> {
        let e = self.enumeration(name)?;
        let Some(wire) = enum_wire(e, value) else {
            return Some(misfit(ty, value, self));
        };
        variant(e, &wire).is_none().then(|| {
            Checked::Enum {
                allowed: e.variants.iter().map(|v| v.value.text()).collect(),
                actual: wire.text(),
            }
            .into()
        })
    }
}

/// The violation of an integer outside its field's documented range.
fn range_check(range: Option<Bounds<i64>>, n: i64) -> Option<Rule> {
    let Bounds { min, max } = range?;
    (min.is_some_and(|min| n < min) || max.is_some_and(|max| n > max)).then_some(
        Checked::Range {
            minimum: min,
            maximum: max,
            actual: n,
        }
        .into(),
    )
}

/// A field of type `ty` with no checks of its own: what a body and a map's values are.
pub(super) fn unchecked(ty: &Type) -> Field {
    Field {
        wire: String::new(),
        ident: String::new(),
        ty: ty.clone(),
        required: false,
        nullable: false,
        expected: false,
        boxed: false,
        docs: Vec::new(),
        checks: Checks::default(),
        default: None,
    }
}

/// The violations of a string field's length, character rule and format.
fn string_checks(field: &Field, text: &str) -> Vec<Rule> {
    let checks = &field.checks;
    let mut out = Vec::new();
    if let Some(Bounds { min, max }) = checks.length {
        let (min, max) = (min.map(to_usize), max.map(to_usize));
        if let Some(actual) = scan::length_outside(text, min, max) {
            out.push(Checked::Length { min, max, actual }.into());
        }
    }
    if let Some(rule) = &checks.chars {
        let (first, allowed, last) = (
            in_classes(&rule.first),
            in_classes(&rule.allowed),
            in_classes(&rule.last),
        );
        if let Some((position, found)) = scan::offending_char(text, first, allowed, last) {
            out.push(
                Checked::Pattern {
                    expected: rule.text.clone(),
                    found,
                    position,
                }
                .into(),
            );
        }
    }
    if let Some(list) = checks.integer_list {
        if let Err(problem) = scan::integer_list(text, list.minimum, list.maximum) {
            out.push(
                Checked::Format {
                    expected: list.text(),
                    problem,
                }
                .into(),
            );
        }
    }
    out
}

/// Whether a character is in one of `classes`; an empty list allows every character, as the emitted
/// predicate does.
fn in_classes(classes: &[CharClass]) -> impl Fn(char) -> bool + '_ {
    move |c| classes.is_empty() || classes.iter().any(|class| class.contains(c))
}

/// A bound as the generated checks hold it.
fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
