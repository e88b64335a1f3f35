//! Pass 2 of lowering, for what an operation sends and receives besides parameters: the JSON body of a
//! request and of each response (an object, a map or a free-form object; a response may also be a
//! file), and the fields of a multipart/form-data request.

use super::defs::Defs;
use super::fields;
use super::operations::{is_text_value, request_field_clash};
use crate::diag::Diagnostics;
use crate::ir::{self, Type};
use crate::load::{self, File};
use crate::naming;
use crate::spec;
use serde_json::Value;

/// Which side of an operation a body is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// The body at `path` as its side may have it; problems are reported there.
pub fn lower_body(
    defs: &Defs<'_>,
    file: &File,
    path: &str,
    body: &Value,
    side: Side,
    diags: &mut Diagnostics,
) -> Option<ir::Body> {
    let body = load::entry::<spec::Body>(file, path, body, diags)?;
    let type_path = if body.items.is_some() {
        format!("{path}.type")
    } else {
        path.to_owned()
    };
    let ty = fields::lower_type(
        defs,
        file,
        &type_path,
        &body.ty,
        body.items.as_deref(),
        diags,
    )?;
    match (&ty, side) {
        (Type::File, Side::Response) => Some(ir::Body::File),
        (Type::File, Side::Request) => {
            diags.error(&file.name, &file.spans, path, "a request body is not a file: a request sends a file as a form field").help("list the form's fields under `form_params`, the file as a field of type `file`");
            None
        }
        _ if ty.holds_file() => {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    path,
                    "a JSON body does not hold files",
                )
                .help(fields::FILE_HELP);
            None
        }
        (Type::Struct(_) | Type::Map(_) | Type::JsonObject, _) => Some(ir::Body::Json(ty)),
        _ => {
            let what = if side == Side::Response {
                "an object, `object`, a map or `file`"
            } else {
                "an object, `object` or a map"
            };
            diags.error(
                &file.name,
                &file.spans,
                path,
                format!(
                    "a {} body is {what}",
                    if side == Side::Response {
                        "response"
                    } else {
                        "request"
                    }
                ),
            );
            None
        }
    }
}

/// The fields of a multipart/form-data request: text parts (scalars, enumerations, or arrays of them,
/// sent as the part repeated) and file parts. They become fields of the operation's `Request` beside
/// `taken` (its parameters, as (field, wire name)).
pub fn lower_form(
    defs: &Defs<'_>,
    file: &File,
    params: &[Value],
    taken: &[(String, String)],
    diags: &mut Diagnostics,
) -> Vec<ir::Field> {
    let mut out: Vec<ir::Field> = Vec::new();
    for (i, value) in params.iter().enumerate() {
        let at = format!("operation.form_params[{i}]");
        let Some(field) = load::entry::<spec::Field>(file, &at, value, diags) else {
            continue;
        };
        let ident = naming::field_ident(&field.name);
        let others = taken
            .iter()
            .map(|(ident, wire)| (ident.as_str(), wire.as_str()))
            .chain(out.iter().map(|f| (f.ident.as_str(), f.wire.as_str())));
        if request_field_clash(file, &at, &field.name, &ident, others, diags) {
            continue;
        }
        let Some(lowered) = fields::lower_field(defs, file, &at, field, ident, diags) else {
            continue;
        };
        if !lowered.ty.is_file_part() && !is_text_value(&lowered.ty) {
            diags.error(&file.name, &file.spans, &format!("{at}.type"), "a form field is a string, integer, float, boolean, enumeration or file, or an array of them");
            continue;
        }
        out.push(lowered);
    }
    out
}
