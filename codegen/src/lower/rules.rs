//! Pass 2 of lowering, for objects: each object's cross-field and conditional rules, resolved
//! against the fields pass 1 lowered (a path such as `members[].host` walks into the nested
//! objects' lowered fields).

use super::cx::Cx;
use super::defs::Def;
use super::descriptions::RuleSources;
use super::literals::lower_literal;
use crate::diag::closest;
use crate::ir::{self, Checks, Type};
use crate::spec;
use std::collections::HashMap;

/// The lowered fields of every object of the service, by spec name: pass 1's result.
pub type LoweredFields = HashMap<String, Vec<ir::Field>>;

/// An object as rules see it: its table and its lowered fields.
#[derive(Clone, Copy)]
struct At<'a> {
    object: &'a spec::Object,
    fields: &'a [ir::Field],
}

/// The rules of the object `def` that `validate` checks, and every rule as its docs list it.
pub fn lower_rules(
    cx: &mut Cx<'_, '_>,
    lowered: &LoweredFields,
    def: &Def<'_>,
    object: &spec::Object,
) -> (Vec<ir::Rule>, RuleSources) {
    let own = cx
        .defs
        .by_rust(&def.rust)
        .and_then(|(name, _)| lowered.get(name));
    let at = At {
        object,
        fields: own.map_or(&[], Vec::as_slice),
    };
    let mut rules = Vec::new();
    let mut sources = RuleSources::default();
    for rule in &object.rules {
        let path = &rule.path;
        let governs = governs(rule);
        if rule.checked() {
            sources.push_checked(&governs, rule.source());
            rules.extend(lower_rule(cx, lowered, at, path, rule));
            continue;
        }
        check_unchecked_reason(cx, path, rule);
        sources.push_unchecked(&governs, rule.source(), rule.decision());
        // The rule's fields are still resolved, so that a misspelled one is reported.
        let _ = lower_rule(cx, lowered, at, path, rule);
    }
    (rules, sources)
}

/// A rule that `validate` does not check says why, in its `decision`.
fn check_unchecked_reason(cx: &mut Cx<'_, '_>, path: &str, rule: &spec::Rule) {
    if rule.decision().is_none() {
        cx.error(
            &format!("{path}.checked"),
            "a rule that is not checked needs a `decision` saying why",
        )
        .help("say why the request cannot decide the rule");
    }
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

fn lower_rule(
    cx: &mut Cx<'_, '_>,
    lowered: &LoweredFields,
    at: At<'_>,
    path: &str,
    rule: &spec::Rule,
) -> Option<ir::Rule> {
    let (field, when, required) = match rule {
        spec::Rule::RequiredIf { field, when, .. } => (field, when, true),
        spec::Rule::ForbiddenUnless { field, when, .. } => (field, when, false),
        spec::Rule::LessThan { field, than, .. } => {
            return lower_less_than(cx, at, path, field, than)
        }
        spec::Rule::AtLeastOneOf { groups, .. } => return lower_groups(cx, at, path, groups),
    };
    let target = field_path(cx, lowered, at, &format!("{path}.field"), field);
    let condition = lower_condition(cx, at, path, when);
    Some(ir::Rule::Presence {
        target: target?,
        condition: condition?,
        required,
    })
}

/// `field` is less than `than`: both integer fields of the object.
fn lower_less_than(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    field: &str,
    than: &str,
) -> Option<ir::Rule> {
    let a = field_ref(cx, at, &format!("{path}.field"), field);
    let b = field_ref(cx, at, &format!("{path}.than"), than);
    let ((a, a_ty), (b, b_ty)) = (a?, b?);
    refuse_nullable(cx, at, &format!("{path}.field"), field, "compare")?;
    refuse_nullable(cx, at, &format!("{path}.than"), than, "compare")?;
    for (key, ty) in [("field", a_ty), ("than", b_ty)] {
        if ty.integer_bounds().is_none() {
            cx.error(
                &format!("{path}.{key}"),
                "`less_than` compares integer fields",
            );
            return None;
        }
    }
    Some(ir::Rule::LessThan { field: a, than: b })
}

fn lower_groups(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    groups: &[Vec<String>],
) -> Option<ir::Rule> {
    let mut lowered = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        let mut refs = Vec::new();
        for (j, name) in group.iter().enumerate() {
            refs.push(field_ref(cx, at, &format!("{path}.groups[{i}][{j}]"), name)?.0);
        }
        lowered.push(refs);
    }
    if lowered.iter().any(Vec::is_empty) || lowered.is_empty() {
        cx.error(
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

/// Resolves `members[].host` from the object at `at` to a chain of field steps through nested
/// objects, whose fields pass 1 lowered. Problems are reported at `path` in the rule's file,
/// whichever object the step is in.
fn field_path<'l, 'a: 'l>(
    cx: &mut Cx<'_, 'a>,
    lowered: &'l LoweredFields,
    at: At<'l>,
    path: &str,
    text: &str,
) -> Option<ir::FieldPath> {
    let segments: Vec<&str> = text.split('.').collect();
    // Requests are checked in one pass, where an object tells the object holding it which of its
    // fields were present (the first 64): so a rule reaches one object down, no further.
    if segments.len() > 2 {
        cx.error(
            path,
            format!("`{text}` reaches more than one object down, which rules do not"),
        )
        .help("write the rule on the object one level down, or split the condition");
        return None;
    }
    let mut steps = Vec::new();
    let mut current = at;
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let (step, element) = step(cx, current, path, segment, last)?;
        let name = &step.field.wire;
        if last && i > 0 && step.field.position >= 64 {
            let message = format!("`{name}` is field {} of its table; a rule reaches only the first 64 fields of an object below", step.field.position + 1);
            cx.error(path, message);
            return None;
        }
        if !last {
            current = object_below(cx, lowered, path, name, element)?;
        }
        steps.push(step);
    }
    Some(ir::FieldPath { steps })
}

/// The step of a path through the field `segment` of the object at `at` (`name`, or `name[]` for
/// the elements of an array), and the type the path goes on from.
fn step(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    segment: &str,
    last: bool,
) -> Option<(ir::Step, Type)> {
    let (name, array) = match segment.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (segment, false),
    };
    let (field, ty) = field_ref(cx, at, path, name)?;
    if !last {
        refuse_nullable(cx, at, path, name, "go into")?;
    }
    let element = match (ty, array) {
        (Type::Vec(inner), true) => *inner,
        (Type::Vec(_), false) if !last => {
            let message = format!("`{name}` is an array: write `{name}[]` to reach into its items");
            cx.error(path, message);
            return None;
        }
        (_, true) => {
            cx.error(path, format!("`{name}` is not an array"));
            return None;
        }
        (other, false) => other,
    };
    Some((ir::Step { field, array }, element))
}

/// The object a path goes into past the field `name`, whose (element) type is `ty`.
fn object_below<'l, 'a: 'l>(
    cx: &mut Cx<'_, 'a>,
    lowered: &'l LoweredFields,
    path: &str,
    name: &str,
    ty: Type,
) -> Option<At<'l>> {
    let Type::Struct(rust) = ty else {
        let what = if matches!(ty, Type::Map(_) | Type::JsonObject) {
            "its keys are not documented fields"
        } else {
            "it is not an object"
        };
        cx.error(path, format!("the path cannot go past `{name}`: {what}"));
        return None;
    };
    let (spec_name, _, object) = cx.defs.object(&rust)?;
    Some(At {
        object,
        fields: lowered.get(spec_name).map_or(&[], Vec::as_slice),
    })
}

/// A rule does not compare a field that may be `null`, nor go into one: the page says nothing of
/// what its null means for the rule. (Its presence is another matter: a null is present.)
fn refuse_nullable(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    name: &str,
    how: &str,
) -> Option<()> {
    if !at.fields.iter().any(|f| f.wire == name && f.nullable) {
        return Some(());
    }
    cx.error(
        path,
        format!("`{name}` may be null: a rule cannot {how} it"),
    )
    .help("leave the rule out, or drop `nullable` where the page allows no null");
    None
}

fn field_ref(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    name: &str,
) -> Option<(ir::FieldRef, Type)> {
    if let Some(position) = at.fields.iter().position(|f| f.wire == name) {
        let field = &at.fields[position];
        let field_ref = ir::FieldRef {
            ident: field.ident.clone(),
            wire: field.wire.clone(),
            optional: !field.required,
            position,
        };
        return Some((field_ref, field.ty.clone()));
    }
    let known: Vec<&str> = at.object.fields.iter().map(|f| f.name.as_str()).collect();
    let exists = known.contains(&name);
    let diag = cx.error(
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

fn lower_condition(
    cx: &mut Cx<'_, '_>,
    at: At<'_>,
    path: &str,
    when: &spec::Condition,
) -> Option<ir::Condition> {
    let (field, ty) = field_ref(cx, at, &format!("{path}.when.field"), &when.field)?;
    refuse_nullable(
        cx,
        at,
        &format!("{path}.when.field"),
        &when.field,
        "compare",
    )?;
    if !matches!(
        ty,
        Type::String | Type::I32 | Type::I64 | Type::Bool | Type::Enum(_)
    ) {
        cx.error(
            &format!("{path}.when.field"),
            "a condition compares a string, integer, boolean or enumeration field",
        );
        return None;
    }
    let checks = Checks::default();
    let mut values = Vec::new();
    for (i, value) in when.values.iter().enumerate() {
        let at = format!("{path}.when.in[{i}]");
        values.extend(lower_literal(cx, &at, value, &ty, &checks));
    }
    if when.values.is_empty() {
        cx.error(
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
