//! An object's cross-field and conditional rules, checked as [`rule_checks`] groups them.
//! Conditions read the object's own field, an absent one as its documented default
//! (`absent_holds`).

use super::values::{enum_wire, integer, variant};
use super::{Checked, Interpreter, Place, Violation};
use crate::ir::{rule_checks, Condition, FieldRef, Literal, Presence, RuleCheck, Struct};
use serde_json::{Map, Value};

type Object = Map<String, Value>;

impl Interpreter<'_> {
    pub(super) fn check_rules(
        &self,
        s: &Struct,
        object: &Object,
        path: Place<'_>,
        out: &mut Vec<Violation>,
    ) {
        for check in rule_checks(&s.rules) {
            match check {
                RuleCheck::Presence(presence) => {
                    // `required_if` walks while the condition holds, `forbidden_unless` while it
                    // does not.
                    if self.holds(presence.condition, object) == presence.required {
                        presence.walk(object, path, 0, out);
                    }
                }
                RuleCheck::LessThan { field, than } => {
                    let read = |f: &FieldRef| {
                        object
                            .get(&f.wire)
                            .and_then(|v| integer(v, (i64::MIN, i64::MAX)))
                    };
                    if let (Some(actual), Some(limit)) = (read(field), read(than)) {
                        if actual >= limit {
                            out.push(Violation {
                                path: path.field(&field.wire).text(),
                                rule: Checked::LessThan {
                                    other: than.wire.clone(),
                                    limit,
                                    actual,
                                }
                                .into(),
                            });
                        }
                    }
                }
                RuleCheck::AtLeastOneOf { groups, text } => {
                    if !groups
                        .iter()
                        .any(|group| group.iter().all(|f| present(f, object)))
                    {
                        out.push(Violation {
                            path: path.text(),
                            rule: Checked::AtLeastOneOf {
                                groups: text.to_owned(),
                            }
                            .into(),
                        });
                    }
                }
            }
        }
    }

    fn holds(&self, condition: &Condition, object: &Object) -> bool {
        match object.get(&condition.field.wire) {
            Some(value) => condition
                .values
                .iter()
                .any(|literal| self.is(value, literal)),
            None => condition.absent_holds,
        }
    }

    /// Whether `value` is `literal` (an enumeration's value by any of its spellings).
    fn is(&self, value: &Value, literal: &Literal) -> bool {
        match literal {
            Literal::Str(s) => value.as_str() == Some(s),
            Literal::Int(n) => integer(value, (i64::MIN, i64::MAX)) == Some(*n),
            Literal::Float(x) => value.as_f64() == Some(*x),
            Literal::Bool(b) => value.as_bool() == Some(*b),
            Literal::Variant(name, ident) => {
                let Some(e) = self.enumeration(name) else {
                    return false;
                };
                enum_wire(e, value)
                    .and_then(|wire| variant(e, &wire))
                    .is_some_and(|v| v.ident == *ident)
            }
        }
    }
}

/// Whether a rule's field is present (a mandatory one always is, where the form has such fields).
fn present(field: &FieldRef, object: &Object) -> bool {
    !field.optional || object.contains_key(&field.wire)
}

/// A presence rule, walked to the objects that hold its fields.
impl Presence<'_> {
    /// Walks from `object` (at `path`) through the steps from `step` on, into each item of an
    /// array, to the objects that hold the final fields, and reports there.
    fn walk(&self, object: &Object, path: Place<'_>, step: usize, out: &mut Vec<Violation>) {
        let steps = &self.target.steps;
        if step + 1 >= steps.len() {
            for field in &self.finals {
                let rule = match (self.required, present(field, object)) {
                    (true, false) => Checked::RequiredIf {
                        condition: self.condition.text.clone(),
                    }
                    .into(),
                    (false, true) => Checked::ForbiddenUnless {
                        condition: self.condition.text.clone(),
                    }
                    .into(),
                    _ => continue,
                };
                out.push(Violation {
                    path: path.field(&field.wire).text(),
                    rule,
                });
            }
            return;
        }
        let current = &steps[step];
        let Some(value) = object.get(&current.field.wire) else {
            return;
        };
        let here = path.field(&current.field.wire);
        // Values that do not fit their type are reported as such; the walk goes on where it can.
        match value {
            Value::Array(items) if current.array => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Object(item) = item {
                        self.walk(item, here.index(i), step + 1, out);
                    }
                }
            }
            Value::Object(nested) if !current.array => self.walk(nested, here, step + 1, out),
            _ => {}
        }
    }
}
