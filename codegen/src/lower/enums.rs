//! Enumerations: their wire values and aliases, variant names, and docs.

use super::cx::Cx;
use super::defs::Def;
use crate::ir::{self, EnumValue};
use crate::naming;
use crate::spec;
use std::collections::HashMap;

/// The values an enumeration has seen so far, for reporting a value or a variant name met twice.
#[derive(Default)]
struct Seen {
    /// Wire values (as JSON text), with where each first stands.
    values: HashMap<String, String>,
    /// Variant names, with where each first stands.
    idents: HashMap<String, String>,
}

pub fn lower_enum(cx: &mut Cx<'_, '_>, def: &Def<'_>, spec_enum: &spec::Enum) -> ir::Enum {
    let integer = match spec_enum.ty.as_str() {
        "integer" | "long" => true,
        "string" => false,
        other => {
            let message = format!("an enumeration is `string` or `integer`, not `{other}`");
            cx.error(&format!("{}.type", def.path), message);
            false
        }
    };
    if spec_enum.values.is_empty() {
        cx.error(
            &format!("{}.values", def.path),
            "an enumeration needs at least one value",
        );
    }
    let mut seen = Seen::default();
    let variants = spec_enum
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let path = format!("{}.values[{i}]", def.path);
            lower_variant(cx, &path, value, integer, &mut seen)
        })
        .collect();
    let mut docs = spec_enum.description.clone();
    if docs.is_empty() {
        docs.push(format!(
            "The `{}` enumeration.",
            def.path.trim_start_matches("enums.")
        ));
    }
    if let Some(decision) = &spec_enum.decision {
        docs.push(String::new());
        docs.push(format!("Decision: {decision}"));
    }
    ir::Enum {
        name: def.rust.clone(),
        docs,
        integer,
        variants,
    }
}

/// The variant of the documented value at `path`, or `None` when its value does not fit the
/// enumeration.
fn lower_variant(
    cx: &mut Cx<'_, '_>,
    path: &str,
    value: &spec::EnumValue,
    integer: bool,
    seen: &mut Seen,
) -> Option<ir::Variant> {
    let mut wire_values = Vec::new();
    for (j, raw) in std::iter::once(&value.value)
        .chain(&value.aliases)
        .enumerate()
    {
        let at = if j == 0 {
            format!("{path}.value")
        } else {
            format!("{path}.aliases[{}]", j - 1)
        };
        wire_values.extend(lower_wire_value(cx, &at, raw, integer, seen));
    }
    let ident = variant_ident(value);
    check_variant_name(cx, path, &ident, seen);
    if wire_values.is_empty() {
        return None;
    }
    let value_wire = wire_values.remove(0);
    let mut docs: Vec<String> = value.meaning.iter().cloned().collect();
    docs.push(format!("Wire value: `{}`.", value_wire.text()));
    for alias in &wire_values {
        docs.push(format!("Also accepted as `{}`.", alias.text()));
    }
    Some(ir::Variant {
        ident,
        value: value_wire,
        aliases: wire_values,
        docs,
    })
}

/// A value or alias at `at` as the enumeration's wire value; each is of the enumeration's type and
/// stands once in it.
fn lower_wire_value(
    cx: &mut Cx<'_, '_>,
    at: &str,
    raw: &spec::Literal,
    integer: bool,
    seen: &mut Seen,
) -> Option<EnumValue> {
    let lowered = match (integer, raw) {
        (true, spec::Literal::Integer(n)) => EnumValue::Int(*n),
        (false, spec::Literal::String(s)) => EnumValue::Str(s.clone()),
        _ => {
            let what = if integer { "n integer" } else { " string" };
            cx.error(at, format!("{raw} is not a{what} value"));
            return None;
        }
    };
    if let Some(first) = seen.values.insert(raw.to_string(), at.to_owned()) {
        cx.error(
            at,
            format!("duplicate enumeration value {raw}: already at {first}"),
        );
    }
    Some(lowered)
}

/// A variant's name is not the catch-all's, and is made from one value only.
fn check_variant_name(cx: &mut Cx<'_, '_>, path: &str, ident: &str, seen: &mut Seen) {
    if ident == naming::UNKNOWN_VARIANT {
        let message = format!("variant name `{ident}` is the catch-all every enumeration gets");
        cx.error(path, message)
            .help("set `name` to another variant name");
    } else if let Some(other) = seen.idents.insert(ident.to_owned(), path.to_owned()) {
        let message =
            format!("this value and the one at {other} both become the variant `{ident}`");
        cx.error(path, message).help("set `name` on one of them");
    }
}

/// The Rust variant of a documented value: its `name`, else made from its meaning or value.
pub fn variant_ident(value: &spec::EnumValue) -> String {
    match &value.name {
        Some(name) => naming::type_ident(name),
        None => naming::variant_ident(
            value.meaning.as_deref(),
            value
                .value
                .as_str()
                .map_or_else(|| value.value.to_string(), str::to_owned)
                .as_str(),
        ),
    }
}
