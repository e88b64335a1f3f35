//! Pass 1 of lowering: every object's fields, with their types, checks, defaults and docs, and the
//! problems of each row (unknown types, limits that do not apply or cannot hold, defaults that do not fit).

use super::defs::{Def, DefKind, Defs};
use super::{chars, descriptions, enums};
use crate::diag::{closest, Diagnostics};
use crate::ir::{self, Bounds, Checks, IntegerList, Literal, Type};
use crate::load::{self, File};
use crate::naming;
use crate::spec;
use serde_json::Value;
use std::collections::HashMap;

/// Where a file may stand, for the diagnostics of one that stands elsewhere.
pub const FILE_HELP: &str =
    "list it in the operation's `form_params`; a response that is a file has `\"body\": \"file\"`";

/// The fields of the object `def`, in table order; rows with problems are reported and left out.
pub fn lower_fields(
    defs: &Defs<'_>,
    def: &Def<'_>,
    object: &spec::Object,
    diags: &mut Diagnostics,
) -> Vec<ir::Field> {
    let file = def.file;
    let mut fields: Vec<ir::Field> = Vec::new();
    let mut wires: HashMap<String, String> = HashMap::new();
    let mut idents: HashMap<String, String> = HashMap::new();
    for (i, value) in object.fields.iter().enumerate() {
        let path = format!("{}.fields[{i}]", def.path);
        let Some(field) = load::entry::<spec::Field>(file, &path, value, diags) else {
            continue;
        };
        if let Some(first) = wires.insert(field.name.clone(), path.clone()) {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{path}.name"),
                format!(
                    "duplicate field `{}`: already defined at {first}",
                    field.name
                ),
            );
            continue;
        }
        let ident = naming::field_ident(&field.name);
        if let Some(other) = idents.insert(ident.clone(), field.name.clone()) {
            let message = format!(
                "fields `{other}` and `{}` both become the Rust field `{ident}`",
                field.name
            );
            diags.error(&file.name, &file.spans, &format!("{path}.name"), message).help("wire names that differ only in case or punctuation need distinct names: rename one");
            continue;
        }
        let Some(lowered) = lower_field(defs, file, &path, field, ident, diags) else {
            continue;
        };
        if lowered.ty.holds_file() {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &format!("{path}.type"),
                    "a `file` is sent only as a form field, not inside a JSON object",
                )
                .help(FILE_HELP);
            continue;
        }
        fields.push(lowered);
    }
    check_default_names(def, object, &fields, diags);
    fields
}

/// Reports two defaults whose constants would have one name (`straße` and `strasse`).
fn check_default_names(
    def: &Def<'_>,
    object: &spec::Object,
    fields: &[ir::Field],
    diags: &mut Diagnostics,
) {
    let mut constants: HashMap<&str, &str> = HashMap::new();
    for field in fields {
        let Some(default) = &field.default else {
            continue;
        };
        if let Some(other) = constants.insert(&default.constant, &field.wire) {
            let at = object
                .fields
                .iter()
                .position(|f| f.get("name").and_then(Value::as_str) == Some(&field.wire))
                .unwrap_or_default();
            let message = format!(
                "the defaults of `{other}` and `{}` both become the constant `{}`",
                field.wire, default.constant
            );
            diags
                .error(
                    &def.file.name,
                    &def.file.spans,
                    &format!("{}.fields[{at}].default", def.path),
                    message,
                )
                .help("rename one of the fields");
        }
    }
}

/// The spec's built-in type names, for suggestions and help.
const BUILT_IN_TYPES: &[&str] = &[
    "string", "integer", "long", "float", "boolean", "array", "map", "object", "file",
];

/// The type a field (or a body) names at `path` (its `type` key), with `items` for arrays and maps.
/// Where a type may stand (a file only in a form, a map not in a query) is checked by the caller.
pub fn lower_type(
    defs: &Defs<'_>,
    file: &File,
    path: &str,
    ty: &str,
    items: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Type> {
    let ty = match ty {
        "string" => Type::String,
        "integer" => Type::I32,
        "long" => Type::I64,
        "float" => Type::F64,
        "boolean" => Type::Bool,
        "object" => Type::JsonObject,
        "file" => Type::File,
        container @ ("array" | "map") => {
            return lower_container(defs, file, path, container, items, diags)
        }
        name => match defs.get(name) {
            Some(Def {
                kind: DefKind::Struct(_),
                rust,
                ..
            }) => Type::Struct(rust.clone()),
            Some(Def {
                kind: DefKind::Enum(_),
                rust,
                ..
            }) => Type::Enum(rust.clone()),
            None if defs.incomplete => return None,
            None => {
                let suggestion = closest(name, BUILT_IN_TYPES.iter().copied().chain(defs.names()))
                    .map(str::to_owned);
                let diag = diags.error(
                    &file.name,
                    &file.spans,
                    path,
                    format!("unknown type `{name}`"),
                );
                match suggestion {
                    Some(s) => diag.help(format!("did you mean `{s}`?")),
                    None => diag.help(format!(
                        "use {}, or an object or enumeration of this service",
                        BUILT_IN_TYPES.join(", ")
                    )),
                }
                return None;
            }
        },
    };
    if items.is_some() {
        diags.error(
            &file.name,
            &file.spans,
            path,
            "`items` is only for arrays and maps",
        );
    }
    Some(ty)
}

/// An array or a map, whose element type is `items`. The format has one `items`, so the elements are
/// neither arrays nor maps.
fn lower_container(
    defs: &Defs<'_>,
    file: &File,
    path: &str,
    container: &str,
    items: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Type> {
    let Some(items) = items else {
        let what = if container == "map" {
            "the type of its values"
        } else {
            "the element type"
        };
        diags.error(
            &file.name,
            &file.spans,
            path,
            format!("a {container} needs `items`: {what}"),
        );
        return None;
    };
    let items_path = match path.strip_suffix(".type") {
        Some(field) => format!("{field}.items"),
        None => format!("{path}.items"),
    };
    if matches!(items, "array" | "map") {
        let message =
            format!("{container}s of {items}s are not supported: the format has one `items`");
        diags
            .error(&file.name, &file.spans, &items_path, message)
            .help("describe the inner values as an object table");
        return None;
    }
    let inner = Box::new(lower_type(defs, file, &items_path, items, None, diags)?);
    Some(if container == "map" {
        Type::Map(inner)
    } else {
        Type::Vec(inner)
    })
}

pub fn lower_field(
    defs: &Defs<'_>,
    file: &File,
    path: &str,
    field: spec::Field,
    ident: String,
    diags: &mut Diagnostics,
) -> Option<ir::Field> {
    let ty = lower_type(
        defs,
        file,
        &format!("{path}.type"),
        &field.ty,
        field.items.as_deref(),
        diags,
    )?;
    let mut checks = Checks::default();
    let integer = matches!(ty, Type::I32 | Type::I64);
    let string = ty == Type::String;
    // On an array or a map, a value's limit is the element type's, not the field's: say so rather than
    // name the other keys.
    let container = matches!(ty, Type::Vec(_) | Type::Map(_));
    let mut misplaced = |key: &str, present: bool, fits: bool, help: &str| {
        if present && !fits {
            let help = if container && !key.ends_with("_items") {
                "the values of an array or a map take their limits from their type (an enumeration or an object)"
            } else {
                help
            };
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &format!("{path}.{key}"),
                    format!("`{key}` does not apply to a field of type `{}`", field.ty),
                )
                .help(help.to_owned());
        }
    };
    misplaced(
        "minimum",
        field.minimum.is_some(),
        integer,
        "string lengths are `min_length`/`max_length`; array sizes are `min_items`/`max_items`",
    );
    misplaced(
        "maximum",
        field.maximum.is_some(),
        integer,
        "string lengths are `min_length`/`max_length`; array sizes are `min_items`/`max_items`",
    );
    misplaced(
        "min_length",
        field.min_length.is_some(),
        string,
        "integer bounds are `minimum`/`maximum`",
    );
    misplaced(
        "max_length",
        field.max_length.is_some(),
        string,
        "integer bounds are `minimum`/`maximum`",
    );
    misplaced(
        "min_items",
        field.min_items.is_some(),
        matches!(ty, Type::Vec(_)),
        "only arrays have `min_items`",
    );
    misplaced(
        "max_items",
        field.max_items.is_some(),
        matches!(ty, Type::Vec(_)),
        "only arrays have `max_items`",
    );
    misplaced(
        "chars",
        field.chars.is_some(),
        string,
        "character rules apply to strings",
    );
    misplaced(
        "format",
        field.format.is_some(),
        string,
        "formats apply to strings",
    );
    if integer && (field.minimum.is_some() || field.maximum.is_some()) {
        check_order(diags, file, path, "minimum", field.minimum, field.maximum);
        let bits = ty.integer_bounds().unwrap_or((i64::MIN, i64::MAX));
        for (key, bound) in [("minimum", field.minimum), ("maximum", field.maximum)] {
            if bound.is_some_and(|b| b < bits.0 || b > bits.1) {
                diags
                    .error(
                        &file.name,
                        &file.spans,
                        &format!("{path}.{key}"),
                        format!("{key} does not fit a `{}`", field.ty),
                    )
                    .help("an `integer` is 32-bit; use `long` for larger values");
            }
        }
        checks.range = Some(Bounds {
            min: field.minimum,
            max: field.maximum,
        });
    }
    if string && (field.min_length.is_some() || field.max_length.is_some()) {
        check_order(
            diags,
            file,
            path,
            "min_length",
            field.min_length.map(|n| n as i64),
            field.max_length.map(|n| n as i64),
        );
        checks.length = Some(Bounds {
            min: field.min_length,
            max: field.max_length,
        });
    }
    if field.min_items.is_some() || field.max_items.is_some() {
        check_order(
            diags,
            file,
            path,
            "min_items",
            field.min_items.map(|n| n as i64),
            field.max_items.map(|n| n as i64),
        );
        checks.items = Some(Bounds {
            min: field.min_items,
            max: field.max_items,
        });
    }
    if let Some(chars) = &field.chars {
        checks.chars = chars::lower_chars(file, &format!("{path}.chars"), chars, diags);
    }
    if let Some(spec::Format::IntegerList { minimum, maximum }) = field.format {
        check_order(
            diags,
            file,
            &format!("{path}.format.integer_list"),
            "minimum",
            Some(minimum),
            Some(maximum),
        );
        checks.integer_list = Some(IntegerList { minimum, maximum });
    }
    let default = field
        .default
        .as_ref()
        .and_then(|value| {
            lower_default(
                defs,
                file,
                &format!("{path}.default"),
                value,
                &ty,
                &checks,
                diags,
            )
        })
        .map(|value| ir::Default {
            value,
            constant: naming::default_const(&ident),
            getter: naming::default_getter(&ident),
        });
    let docs = descriptions::field_docs(&field, &checks);
    Some(ir::Field {
        wire: field.name,
        ident,
        ty,
        required: field.required,
        expected: false,
        boxed: false,
        docs,
        checks,
        default,
    })
}

fn check_order(
    diags: &mut Diagnostics,
    file: &File,
    path: &str,
    key: &str,
    min: Option<i64>,
    max: Option<i64>,
) {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            let max_key = key.replace("min", "max");
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &format!("{path}.{key}"),
                    format!("{key} {min} is above {max_key} {max}"),
                )
                .help("swap them, or check the page");
        }
    }
}

/// `value` (a default, or a condition's value) as a literal of a field of type `ty` with `checks`, or
/// `None` with the reason reported at `path`.
pub fn lower_default(
    defs: &Defs<'_>,
    file: &File,
    path: &str,
    value: &Value,
    ty: &Type,
    checks: &Checks,
    diags: &mut Diagnostics,
) -> Option<Literal> {
    match default_literal(defs, value, ty, checks) {
        Ok(literal) => Some(literal),
        Err(message) => {
            diags.error(&file.name, &file.spans, path, message);
            None
        }
    }
}

/// `value` as a literal of the field's type, or why it is not one (wrong type, outside the range or
/// length, not among the enumeration values).
fn default_literal(
    defs: &Defs<'_>,
    value: &Value,
    ty: &Type,
    checks: &Checks,
) -> Result<Literal, String> {
    let unsupported = match ty {
        Type::Vec(_) => Some("arrays"),
        Type::Map(_) => Some("maps"),
        Type::Struct(_) | Type::JsonObject => Some("objects"),
        Type::File => Some("files"),
        _ => None,
    };
    if let Some(kind) = unsupported {
        return Err(format!("defaults of {kind} are not supported"));
    }
    let literal = match (ty, value) {
        (Type::String, Value::String(s)) => Literal::Str(s.clone()),
        (Type::I32 | Type::I64, Value::Number(n)) if n.as_i64().is_some() => {
            Literal::Int(n.as_i64().unwrap_or_default())
        }
        (Type::F64, Value::Number(n)) if n.as_f64().is_some() => {
            Literal::Float(n.as_f64().unwrap_or_default())
        }
        (Type::Bool, Value::Bool(b)) => Literal::Bool(*b),
        (Type::Enum(name), value) => {
            let Some((
                spec_name,
                Def {
                    kind: DefKind::Enum(e),
                    ..
                },
            )) = defs.by_rust(name)
            else {
                return Err(format!("unknown enumeration `{name}`"));
            };
            let matching = e
                .values
                .iter()
                .find(|v| v.value == *value || v.aliases.contains(value));
            match matching {
                Some(v) => Literal::Variant(name.clone(), enums::variant_ident(v)),
                None => {
                    let listed: Vec<String> =
                        e.values.iter().map(|v| v.value.to_string()).collect();
                    return Err(format!(
                        "{value} is not among the enumeration values of `{spec_name}` ({})",
                        listed.join(", ")
                    ));
                }
            }
        }
        (_, value) => return Err(format!("{value} is not a value of this field's type")),
    };
    match &literal {
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
    Ok(literal)
}
