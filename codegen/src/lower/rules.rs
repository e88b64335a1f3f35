//! Pass 2 of lowering, for objects: each object's cross-field and conditional rules, resolved against the
//! fields pass 1 lowered (a path such as `members[].host` walks into the nested objects' lowered fields).

use super::defs::{Def, DefKind, Defs};
use super::descriptions::RuleSources;
use super::fields;
use crate::diag::{closest, Diagnostics};
use crate::ir::{self, Checks, Type};
use crate::load::{self, File};
use crate::spec;
use serde_json::Value;
use std::collections::HashMap;

/// The lowered fields of every object of the service, by spec name: pass 1's result.
pub type LoweredFields = HashMap<String, Vec<ir::Field>>;

/// An object as rules see it: its file, its table and its lowered fields.
struct At<'a> {
    file: &'a File,
    object: &'a spec::Object,
    fields: &'a [ir::Field],
}

/// The rules of the object `def` that `validate` checks, and every rule as its docs list it.
pub fn lower_rules(
    defs: &Defs<'_>,
    lowered: &LoweredFields,
    def: &Def<'_>,
    object: &spec::Object,
    diags: &mut Diagnostics,
) -> (Vec<ir::Rule>, RuleSources) {
    let own: &[ir::Field] = lowered.get(def_name(defs, def)).map_or(&[], Vec::as_slice);
    let at = At {
        file: def.file,
        object,
        fields: own,
    };
    let mut rules = Vec::new();
    let mut sources = RuleSources::default();
    for (i, value) in object.rules.iter().enumerate() {
        let path = format!("{}.rules[{i}]", def.path);
        let Some(rule) = load::entry::<spec::Rule>(def.file, &path, value, diags) else {
            continue;
        };
        let line = format!("- `{}`: {}", governs(&rule), rule.source());
        if rule.checked() {
            sources.checked.push(line);
            rules.extend(lower_rule(defs, lowered, &at, &path, rule, diags));
            continue;
        }
        if rule.decision().is_none() {
            diags
                .error(
                    &def.file.name,
                    &def.file.spans,
                    &format!("{path}.checked"),
                    "a rule that is not checked needs a `decision` saying why",
                )
                .help("say why the request cannot decide the rule");
        }
        let decision = rule
            .decision()
            .map(|d| format!(" Decision: {d}"))
            .unwrap_or_default();
        sources.unchecked.push(format!("{line}{decision}"));
        // The rule's fields are still resolved, so that a misspelled one is reported.
        let _ = lower_rule(defs, lowered, &at, &path, rule, diags);
    }
    (rules, sources)
}

/// The field a rule governs, as its docs name it (`members[].host`; `app_name` or `label_key`...).
fn governs(rule: &spec::Rule) -> String {
    match rule {
        spec::Rule::RequiredIf { field, .. }
        | spec::Rule::ForbiddenUnless { field, .. }
        | spec::Rule::LessThan { field, .. } => field.clone(),
        spec::Rule::AtLeastOneOf { groups, .. } => groups
            .iter()
            .map(|g| g.join("` and `"))
            .collect::<Vec<_>>()
            .join("` or `"),
    }
}

fn def_name<'d>(defs: &'d Defs<'_>, def: &Def<'_>) -> &'d str {
    defs.by_rust(&def.rust).map_or("", |(name, _)| name)
}

fn lower_rule(
    defs: &Defs<'_>,
    lowered: &LoweredFields,
    at: &At<'_>,
    path: &str,
    rule: spec::Rule,
    diags: &mut Diagnostics,
) -> Option<ir::Rule> {
    let file = at.file;
    let (field, when, required) = match rule {
        spec::Rule::RequiredIf { field, when, .. } => (field, when, true),
        spec::Rule::ForbiddenUnless { field, when, .. } => (field, when, false),
        spec::Rule::LessThan { field, than, .. } => {
            let a = field_ref(at, &format!("{path}.field"), &field, diags);
            let b = field_ref(at, &format!("{path}.than"), &than, diags);
            let ((a, a_ty), (b, b_ty)) = (a?, b?);
            for (key, ty) in [("field", a_ty), ("than", b_ty)] {
                if ty.integer_bounds().is_none() {
                    diags.error(
                        &file.name,
                        &file.spans,
                        &format!("{path}.{key}"),
                        "`less_than` compares integer fields",
                    );
                    return None;
                }
            }
            return Some(ir::Rule::LessThan { field: a, than: b });
        }
        spec::Rule::AtLeastOneOf { groups, .. } => return lower_groups(at, path, &groups, diags),
    };
    let target = field_path(defs, lowered, at, &format!("{path}.field"), &field, diags);
    let condition = lower_condition(defs, at, path, &when, diags);
    Some(ir::Rule::Presence {
        target: target?,
        condition: condition?,
        required,
    })
}

fn lower_groups(
    at: &At<'_>,
    path: &str,
    groups: &[Vec<String>],
    diags: &mut Diagnostics,
) -> Option<ir::Rule> {
    let mut lowered = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let mut refs = Vec::new();
        for (j, name) in group.iter().enumerate() {
            refs.push(field_ref(at, &format!("{path}.groups[{i}][{j}]"), name, diags)?.0);
        }
        lowered.push(refs);
    }
    if lowered.iter().any(Vec::is_empty) || lowered.is_empty() {
        diags.error(
            &at.file.name,
            &at.file.spans,
            &format!("{path}.groups"),
            "every group needs at least one field",
        );
        return None;
    }
    let text = groups
        .iter()
        .map(|g| g.join(" and "))
        .collect::<Vec<_>>()
        .join("; or ");
    Some(ir::Rule::AtLeastOneOf {
        groups: lowered,
        text,
    })
}

/// Resolves `members[].host` from the object at `at` to a chain of field steps through nested objects,
/// whose fields pass 1 lowered.
fn field_path(
    defs: &Defs<'_>,
    lowered: &LoweredFields,
    at: &At<'_>,
    path: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<ir::FieldPath> {
    let mut steps = Vec::new();
    let mut current = At {
        file: at.file,
        object: at.object,
        fields: at.fields,
    };
    let segments: Vec<&str> = text.split('.').collect();
    // Requests are checked in one pass, where an object tells the object holding it which of its fields
    // were present (the first 64): so a rule reaches one object down, no further.
    if segments.len() > 2 {
        diags
            .error(
                &at.file.name,
                &at.file.spans,
                path,
                format!("`{text}` reaches more than one object down, which rules do not"),
            )
            .help("write the rule on the object one level down, or split the condition");
        return None;
    }
    for (i, segment) in segments.iter().enumerate() {
        let (name, array) = match segment.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (*segment, false),
        };
        // Problems are reported in the rule's file, whichever object the step is in.
        let here = At {
            file: at.file,
            ..current
        };
        let (field, ty) = field_ref(&here, path, name, diags)?;
        let last = i + 1 == segments.len();
        let element = match (ty, array) {
            (Type::Vec(inner), true) => *inner,
            (Type::Vec(_), false) if !last => {
                diags.error(
                    &at.file.name,
                    &at.file.spans,
                    path,
                    format!("`{name}` is an array: write `{name}[]` to reach into its items"),
                );
                return None;
            }
            (_, true) => {
                diags.error(
                    &at.file.name,
                    &at.file.spans,
                    path,
                    format!("`{name}` is not an array"),
                );
                return None;
            }
            (other, false) => other,
        };
        if last && i > 0 && field.position >= 64 {
            diags.error(&at.file.name, &at.file.spans, path, format!("`{name}` is field {} of its table; a rule reaches only the first 64 fields of an object below", field.position + 1));
            return None;
        }
        steps.push(ir::Step { field, array });
        if last {
            break;
        }
        let Type::Struct(rust) = element else {
            let what = if matches!(element, Type::Map(_) | Type::JsonObject) {
                "its keys are not documented fields"
            } else {
                "it is not an object"
            };
            diags.error(
                &at.file.name,
                &at.file.spans,
                path,
                format!("the path cannot go past `{name}`: {what}"),
            );
            return None;
        };
        let Some((
            spec_name,
            Def {
                kind: DefKind::Struct(next),
                file,
                ..
            },
        )) = defs.by_rust(&rust)
        else {
            return None;
        };
        current = At {
            file,
            object: next,
            fields: lowered.get(spec_name).map_or(&[], Vec::as_slice),
        };
    }
    Some(ir::FieldPath { steps })
}

fn field_ref(
    at: &At<'_>,
    path: &str,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<(ir::FieldRef, Type)> {
    let (file, object, fields) = (at.file, at.object, at.fields);
    match fields.iter().position(|f| f.wire == name) {
        Some(position) => {
            let field = &fields[position];
            Some((
                ir::FieldRef {
                    ident: field.ident.clone(),
                    wire: field.wire.clone(),
                    optional: !field.required,
                    position,
                },
                field.ty.clone(),
            ))
        }
        None => {
            let known: Vec<&str> = object
                .fields
                .iter()
                .filter_map(|f| f.get("name").and_then(Value::as_str))
                .collect();
            let exists = known.contains(&name);
            let diag = diags.error(
                &file.name,
                &file.spans,
                path,
                format!("the rule names field `{name}`, which this object does not have"),
            );
            if exists {
                diag.help("that field has problems of its own, reported separately");
            } else if let Some(s) = closest(name, known) {
                diag.help(format!("did you mean `{s}`?"));
            }
            None
        }
    }
}

fn lower_condition(
    defs: &Defs<'_>,
    at: &At<'_>,
    path: &str,
    when: &spec::Condition,
    diags: &mut Diagnostics,
) -> Option<ir::Condition> {
    let (field, ty) = field_ref(at, &format!("{path}.when.field"), &when.field, diags)?;
    let file = at.file;
    if !matches!(
        ty,
        Type::String | Type::I32 | Type::I64 | Type::Bool | Type::Enum(_)
    ) {
        diags.error(
            &file.name,
            &file.spans,
            &format!("{path}.when.field"),
            "a condition compares a string, integer, boolean or enumeration field",
        );
        return None;
    }
    let checks = Checks::default();
    let mut values = Vec::new();
    for (i, value) in when.values.iter().enumerate() {
        let at = format!("{path}.when.in[{i}]");
        values.extend(fields::lower_default(
            defs, file, &at, value, &ty, &checks, diags,
        ));
    }
    if when.values.is_empty() {
        diags.error(
            &file.name,
            &file.spans,
            &format!("{path}.when.in"),
            "a condition needs at least one value",
        );
    }
    let default = at
        .fields
        .iter()
        .find(|f| f.wire == when.field)
        .and_then(|f| f.default.as_ref())
        .map(|d| d.value.clone());
    let absent_holds = default.is_some_and(|d| values.contains(&d));
    let shown: Vec<String> = when
        .values
        .iter()
        .map(|v| v.to_string().trim_matches('"').to_owned())
        .collect();
    let text = format!("{} is {}", when.field, shown.join(" or "));
    Some(ir::Condition {
        field,
        values,
        absent_holds,
        text,
    })
}
