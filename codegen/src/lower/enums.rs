//! Enumerations: their wire values and aliases, variant names, and docs.

use super::defs::Def;
use crate::diag::Diagnostics;
use crate::ir::{self, EnumValue};
use crate::naming;
use crate::spec;
use serde_json::Value;
use std::collections::HashMap;

pub fn lower_enum(def: &Def<'_>, spec_enum: &spec::Enum, diags: &mut Diagnostics) -> ir::Enum {
    let file = def.file;
    let integer = match spec_enum.ty.as_str() {
        "integer" | "long" => true,
        "string" => false,
        other => {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{}.type", def.path),
                format!("an enumeration is `string` or `integer`, not `{other}`"),
            );
            false
        }
    };
    let mut variants = Vec::new();
    let mut seen_values: HashMap<String, String> = HashMap::new();
    let mut seen_idents: HashMap<String, String> = HashMap::new();
    if spec_enum.values.is_empty() {
        diags.error(
            &file.name,
            &file.spans,
            &format!("{}.values", def.path),
            "an enumeration needs at least one value",
        );
    }
    for (i, value) in spec_enum.values.iter().enumerate() {
        let path = format!("{}.values[{i}]", def.path);
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
            let lowered = match (integer, raw) {
                (true, Value::Number(n)) if n.as_i64().is_some() => {
                    EnumValue::Int(n.as_i64().unwrap_or_default())
                }
                (false, Value::String(s)) => EnumValue::Str(s.clone()),
                _ => {
                    diags.error(
                        &file.name,
                        &file.spans,
                        &at,
                        format!(
                            "{raw} is not a{} value",
                            if integer { "n integer" } else { " string" }
                        ),
                    );
                    continue;
                }
            };
            if let Some(first) = seen_values.insert(raw.to_string(), at.clone()) {
                diags.error(
                    &file.name,
                    &file.spans,
                    &at,
                    format!("duplicate enumeration value {raw}: already at {first}"),
                );
            }
            wire_values.push(lowered);
        }
        let ident = variant_ident(value);
        if ident == naming::UNKNOWN_VARIANT {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &path,
                    format!("variant name `{ident}` is the catch-all every enumeration gets"),
                )
                .help("set `name` to another variant name");
        } else if let Some(other) = seen_idents.insert(ident.clone(), path.clone()) {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &path,
                    format!("this value and the one at {other} both become the variant `{ident}`"),
                )
                .help("set `name` on one of them");
        }
        if wire_values.is_empty() {
            continue;
        }
        let value_wire = wire_values.remove(0);
        let mut docs: Vec<String> = value.meaning.iter().cloned().collect();
        docs.push(format!("Wire value: `{}`.", value_wire.text()));
        for alias in &wire_values {
            docs.push(format!("Also accepted as `{}`.", alias.text()));
        }
        variants.push(ir::Variant {
            ident,
            value: value_wire,
            aliases: wire_values,
            docs,
        });
    }
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
