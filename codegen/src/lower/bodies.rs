//! Pass 2 of lowering, for the JSON body of a request and of each response: an object, a map, an
//! array or a free-form object; a response may also be a file.

use super::cx::Cx;
use super::types::{lower_type, FILE_HELP};
use crate::ir::{self, Type};
use crate::spec;

/// Which side of an operation a body is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// The body at `path` as its side may have it; problems are reported there.
pub fn lower_body(
    cx: &mut Cx<'_, '_>,
    path: &str,
    body: &spec::Body,
    side: Side,
) -> Option<ir::Body> {
    let type_path = if body.items.is_some() {
        format!("{path}.type")
    } else {
        path.to_owned()
    };
    let ty = lower_type(cx, &type_path, &body.ty, body.items.as_deref())?;
    match (&ty, side) {
        (Type::File, Side::Response) => Some(ir::Body::File),
        (Type::File, Side::Request) => {
            cx.error(
                path,
                "a request body is not a file: a request sends a file as a form field",
            )
            .help("list the form's fields under `form_params`, the file as a field of type `file`");
            None
        }
        _ if ty.holds_file() => {
            cx.error(path, "a JSON body does not hold files")
                .help(FILE_HELP);
            None
        }
        (Type::Struct(_) | Type::Map(_) | Type::Vec(_) | Type::JsonObject, _) => {
            Some(ir::Body::Json(ty))
        }
        (_, Side::Response) => {
            cx.error(
                path,
                "a response body is an object, `object`, a map, an array or `file`",
            );
            None
        }
        (_, Side::Request) => {
            cx.error(
                path,
                "a request body is an object, `object`, a map or an array",
            );
            None
        }
    }
}
