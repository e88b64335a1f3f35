//! The type a field or a body names: a built-in type, an array or a map of one, or a named type of
//! the service.

use super::cx::Cx;
use super::defs::{Def, DefKind};
use crate::diag::closest;
use crate::ir::Type;

/// Where a file may stand, for the diagnostics of one that stands elsewhere.
pub const FILE_HELP: &str =
    "list it in the operation's `form_params`; a response that is a file has `\"body\": \"file\"`";

/// The spec's built-in type names, for suggestions and help.
const BUILT_IN_TYPES: &[&str] = &[
    "string", "integer", "long", "float", "boolean", "array", "map", "object", "file", "any",
];

/// The type a field (or a body) names at `path` (its `type` key), with `items` for arrays and maps.
/// Where a type may stand (a file only in a form, a map not in a query) is checked by the caller.
pub fn lower_type(cx: &mut Cx<'_, '_>, path: &str, ty: &str, items: Option<&str>) -> Option<Type> {
    let ty = match ty {
        "string" => Type::String,
        "integer" => Type::I32,
        "long" => Type::I64,
        "float" => Type::F64,
        "boolean" => Type::Bool,
        "object" => Type::JsonObject,
        "any" => Type::Any,
        "file" => Type::File,
        container @ ("array" | "map") => return lower_container(cx, path, container, items),
        name => named_type(cx, path, name)?,
    };
    if items.is_some() {
        cx.error(path, "`items` is only for arrays and maps");
    }
    Some(ty)
}

/// The object or enumeration of the service called `name`, or `None` with a suggestion reported.
fn named_type(cx: &mut Cx<'_, '_>, path: &str, name: &str) -> Option<Type> {
    match cx.defs.get(name) {
        Some(Def {
            kind: DefKind::Struct(_),
            rust,
            ..
        }) => Some(Type::Struct(rust.clone())),
        Some(Def {
            kind: DefKind::Enum(_),
            rust,
            ..
        }) => Some(Type::Enum(rust.clone())),
        None if cx.defs.incomplete => None,
        None => {
            let known = BUILT_IN_TYPES.iter().copied().chain(cx.defs.names());
            let suggestion = closest(name, known).map(str::to_owned);
            let diag = cx.error(path, format!("unknown type `{name}`"));
            match suggestion {
                Some(s) => diag.help(format!("did you mean `{s}`?")),
                None => diag.help(format!(
                    "use {}, or an object or enumeration of this service",
                    BUILT_IN_TYPES.join(", ")
                )),
            }
            None
        }
    }
}

/// An array or a map, whose element type is `items`. The format has one `items`, so the elements
/// are neither arrays nor maps.
fn lower_container(
    cx: &mut Cx<'_, '_>,
    path: &str,
    container: &str,
    items: Option<&str>,
) -> Option<Type> {
    let Some(items) = items else {
        let what = if container == "map" {
            "the type of its values"
        } else {
            "the element type"
        };
        cx.error(path, format!("a {container} needs `items`: {what}"));
        return None;
    };
    let items_path = match path.strip_suffix(".type") {
        Some(field) => format!("{field}.items"),
        None => format!("{path}.items"),
    };
    if matches!(items, "array" | "map") {
        let message =
            format!("{container}s of {items}s are not supported: the format has one `items`");
        cx.error(&items_path, message)
            .help("describe the inner values as an object table");
        return None;
    }
    let inner = Box::new(lower_type(cx, &items_path, items, None)?);
    Some(if container == "map" {
        Type::Map(inner)
    } else {
        Type::Vec(inner)
    })
}
