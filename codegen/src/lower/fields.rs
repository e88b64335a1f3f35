//! Pass 1 of lowering: every object's fields, with their types, checks, defaults and docs, and the
//! problems of each row (unknown types, limits that do not apply or cannot hold, defaults that do
//! not fit).

use super::check::check_default_names;
use super::cx::Cx;
use super::literals::lower_literal;
use super::types::{lower_type, FILE_HELP};
use super::{chars, descriptions};
use crate::ir::{self, Bounds, Checks, IntegerList, Type};
use crate::naming;
use crate::spec::{self, Located};
use std::collections::HashMap;

/// The fields of `object`, in table order; rows with problems are reported and left out.
pub fn lower_fields(cx: &mut Cx<'_, '_>, object: &spec::Object) -> Vec<ir::Field> {
    let mut fields: Vec<ir::Field> = Vec::new();
    let mut wires: HashMap<&str, &str> = HashMap::new();
    let mut idents: HashMap<String, &str> = HashMap::new();
    for field in &object.fields {
        let path = &field.path;
        if let Some(first) = wires.insert(&field.name, path) {
            let message = format!(
                "duplicate field `{}`: already defined at {first}",
                field.name
            );
            cx.error(&format!("{path}.name"), message);
            continue;
        }
        let ident = naming::field_ident(&field.name);
        if let Some(other) = idents.insert(ident.clone(), &field.name) {
            let message = format!(
                "fields `{other}` and `{}` both become the Rust field `{ident}`",
                field.name
            );
            cx.error(&format!("{path}.name"), message).help("wire names that differ only in case or punctuation need distinct names: rename one");
            continue;
        }
        let Some(lowered) = lower_field(cx, field, ident) else {
            continue;
        };
        if lowered.ty.holds_file() {
            cx.error(
                &format!("{path}.type"),
                "a `file` is sent only as a form field, not inside a JSON object",
            )
            .help(FILE_HELP);
            continue;
        }
        fields.push(lowered);
    }
    check_default_names(cx, object, &fields);
    fields
}

/// A row of a table (or a parameter) as the field `ident` of its type.
pub fn lower_field(
    cx: &mut Cx<'_, '_>,
    field: &Located<spec::Field>,
    ident: String,
) -> Option<ir::Field> {
    let path = &field.path;
    let ty = lower_type(
        cx,
        &format!("{path}.type"),
        &field.ty,
        field.items.as_deref(),
    )?;
    check_limits_apply(cx, field, &ty);
    if field.nullable && ty == Type::Any {
        cx.error(
            &format!("{path}.nullable"),
            "an `any` field takes `null` already",
        )
        .help("leave `nullable` out");
    }
    let checks = lower_checks(cx, field, &ty);
    let default = field
        .default
        .as_ref()
        .and_then(|value| lower_literal(cx, &format!("{path}.default"), value, &ty, &checks))
        .map(|value| ir::Default {
            value,
            constant: naming::default_const(&ident),
            getter: naming::default_getter(&ident),
        });
    let docs = descriptions::field_docs(field, &checks);
    Some(ir::Field {
        wire: field.name.clone(),
        ident,
        ty,
        required: field.required,
        nullable: field.nullable,
        expected: false,
        boxed: false,
        docs,
        checks,
        default,
    })
}

/// A limit applies to the fields it limits: bounds to integers, lengths, characters and formats to
/// strings, item counts to arrays.
fn check_limits_apply(cx: &mut Cx<'_, '_>, field: &Located<spec::Field>, ty: &Type) {
    let integer = matches!(ty, Type::I32 | Type::I64);
    let string = *ty == Type::String;
    let array = matches!(ty, Type::Vec(_));
    // On an array or a map, a value's limit is the element type's, not the field's: say so rather
    // than name the other keys.
    let container = matches!(ty, Type::Vec(_) | Type::Map(_));
    let bounds_help =
        "string lengths are `min_length`/`max_length`; array sizes are `min_items`/`max_items`";
    let lengths_help = "integer bounds are `minimum`/`maximum`";
    let limits = [
        ("minimum", field.minimum.is_some(), integer, bounds_help),
        ("maximum", field.maximum.is_some(), integer, bounds_help),
        (
            "min_length",
            field.min_length.is_some(),
            string,
            lengths_help,
        ),
        (
            "max_length",
            field.max_length.is_some(),
            string,
            lengths_help,
        ),
        (
            "min_items",
            field.min_items.is_some(),
            array,
            "only arrays have `min_items`",
        ),
        (
            "max_items",
            field.max_items.is_some(),
            array,
            "only arrays have `max_items`",
        ),
        (
            "chars",
            field.chars.is_some(),
            string,
            "character rules apply to strings",
        ),
        (
            "format",
            field.format.is_some(),
            string,
            "formats apply to strings",
        ),
    ];
    for (key, present, fits, help) in limits {
        if !present || fits {
            continue;
        }
        let help = if *ty == Type::Any {
            "a value of any kind has no limits: nothing of it is checked but its presence"
        } else if container && !key.ends_with("_items") {
            "the values of an array or a map take their limits from their type (an enumeration or an object)"
        } else {
            help
        };
        let message = format!("`{key}` does not apply to a field of type `{}`", field.ty);
        cx.error(&format!("{}.{key}", field.path), message)
            .help(help);
    }
}

/// The checks a field's limits make, each limit checked to hold (a minimum not above its maximum,
/// an integer bound within the integer's width).
fn lower_checks(cx: &mut Cx<'_, '_>, field: &Located<spec::Field>, ty: &Type) -> Checks {
    let path = &field.path;
    let mut checks = Checks::default();
    if matches!(ty, Type::I32 | Type::I64) && (field.minimum.is_some() || field.maximum.is_some()) {
        check_order(cx, path, "minimum", field.minimum, field.maximum);
        check_integer_width(cx, field, ty);
        checks.range = Some(Bounds {
            min: field.minimum,
            max: field.maximum,
        });
    }
    let as_i64 = |n: Option<u64>| n.map(|n| n as i64);
    if *ty == Type::String && (field.min_length.is_some() || field.max_length.is_some()) {
        let (min, max) = (as_i64(field.min_length), as_i64(field.max_length));
        check_order(cx, path, "min_length", min, max);
        checks.length = Some(Bounds {
            min: field.min_length,
            max: field.max_length,
        });
    }
    if field.min_items.is_some() || field.max_items.is_some() {
        let (min, max) = (as_i64(field.min_items), as_i64(field.max_items));
        check_order(cx, path, "min_items", min, max);
        checks.items = Some(Bounds {
            min: field.min_items,
            max: field.max_items,
        });
    }
    if let Some(chars) = &field.chars {
        checks.chars = chars::lower_chars(cx, &format!("{path}.chars"), chars);
    }
    if let Some(spec::Format::IntegerList { minimum, maximum }) = field.format {
        let at = format!("{path}.format.integer_list");
        check_order(cx, &at, "minimum", Some(minimum), Some(maximum));
        checks.integer_list = Some(IntegerList { minimum, maximum });
    }
    checks
}

/// An integer field's bounds fit its width (32 bits for `integer`).
fn check_integer_width(cx: &mut Cx<'_, '_>, field: &Located<spec::Field>, ty: &Type) {
    let bits = ty.integer_bounds().unwrap_or((i64::MIN, i64::MAX));
    for (key, bound) in [("minimum", field.minimum), ("maximum", field.maximum)] {
        if bound.is_some_and(|b| b < bits.0 || b > bits.1) {
            cx.error(
                &format!("{}.{key}", field.path),
                format!("{key} does not fit a `{}`", field.ty),
            )
            .help("an `integer` is 32-bit; use `long` for larger values");
        }
    }
}

/// A lower limit is not above its upper limit (`key` names the lower one).
fn check_order(cx: &mut Cx<'_, '_>, path: &str, key: &str, min: Option<i64>, max: Option<i64>) {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            let max_key = key.replace("min", "max");
            cx.error(
                &format!("{path}.{key}"),
                format!("{key} {min} is above {max_key} {max}"),
            )
            .help("swap them, or check the page");
        }
    }
}
