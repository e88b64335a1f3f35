//! Literals: a default, or a condition's value, as a value of its field's type, checked against the
//! field's range, length and enumeration.

use super::cx::Cx;
use super::defs::Defs;
use super::{descriptions, enums};
use crate::ir::{Bounds, Checks, Literal, Type};
use crate::spec;

/// `value` (a default, or a condition's value) as a literal of a field of type `ty` with `checks`,
/// or `None` with the reason reported at `path`.
pub fn lower_literal(
    cx: &mut Cx<'_, '_>,
    path: &str,
    value: &spec::Literal,
    ty: &Type,
    checks: &Checks,
) -> Option<Literal> {
    let literal = literal_of_type(cx.defs, value, ty).and_then(|literal| {
        check_literal_fits(&literal, ty, checks)?;
        Ok(literal)
    });
    match literal {
        Ok(literal) => Some(literal),
        Err(message) => {
            cx.error(path, message);
            None
        }
    }
}

/// `value` as a literal of the type `ty`, or why it is not one (wrong type, not among the
/// enumeration values).
fn literal_of_type(defs: &Defs<'_>, value: &spec::Literal, ty: &Type) -> Result<Literal, String> {
    let unsupported = match ty {
        Type::Vec(_) => Some("arrays"),
        Type::Map(_) => Some("maps"),
        Type::Struct(_) | Type::JsonObject => Some("objects"),
        Type::File => Some("files"),
        Type::Any => Some("`any` values"),
        _ => None,
    };
    if let Some(kind) = unsupported {
        return Err(format!("defaults of {kind} are not supported"));
    }
    Ok(match (ty, value) {
        (Type::String, spec::Literal::String(s)) => Literal::Str(s.clone()),
        (Type::I32 | Type::I64, spec::Literal::Integer(n)) => Literal::Int(*n),
        (Type::F64, spec::Literal::Integer(n)) => Literal::Float(*n as f64),
        (Type::F64, spec::Literal::Float(f)) => Literal::Float(*f),
        (Type::Bool, spec::Literal::Bool(b)) => Literal::Bool(*b),
        (Type::Enum(name), value) => {
            let Some((spec_name, e)) = defs.enumeration(name) else {
                return Err(format!("unknown enumeration `{name}`"));
            };
            let matching = e
                .values
                .iter()
                .find(|v| v.value == *value || v.aliases.contains(value));
            let Some(v) = matching else {
                let listed: Vec<String> = e.values.iter().map(|v| v.value.to_string()).collect();
                return Err(format!(
                    "{value} is not among the enumeration values of `{spec_name}` ({})",
                    listed.join(", ")
                ));
            };
            Literal::Variant(name.clone(), enums::variant_ident(v))
        }
        (_, value) => return Err(format!("{value} is not a value of this field's type")),
    })
}

/// A default of a field holds the field's own range and length.
fn check_literal_fits(literal: &Literal, ty: &Type, checks: &Checks) -> Result<(), String> {
    match literal {
        Literal::Int(n) => {
            if let Some(Bounds { min, max }) = checks.range {
                if min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m) {
                    return Err(format!(
                        "default {n} is outside the range {}",
                        descriptions::range_text(min, max, "")
                    ));
                }
            }
            if ty
                .integer_bounds()
                .is_some_and(|(low, high)| *n < low || *n > high)
            {
                return Err(format!("default {n} does not fit an `integer` (32-bit)"));
            }
        }
        Literal::Str(s) => {
            let len = s.chars().count() as u64;
            if let Some(Bounds { min, max }) = checks.length {
                if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                    return Err(format!(
                        "default {s:?} is {len} characters long, outside {}",
                        descriptions::range_text(
                            min.map(|m| m as i64),
                            max.map(|m| m as i64),
                            " characters"
                        )
                    ));
                }
            }
        }
        _ => {}
    }
    Ok(())
}
