//! An operation's parameters, which become fields of its `Request`: path parameters and headers
//! (strings sent as they are), and the typed parameters, query parameters and form fields, lowered
//! as table fields are.

use super::cx::Cx;
use super::fields::lower_field;
use super::types::FILE_HELP;
use crate::ir;
use crate::naming;
use crate::spec::{self, Located};

/// Lowers path parameters or headers, which become fields of the operation's `Request` beside
/// `taken` (the path parameters, when lowering headers) and the body.
pub fn lower_params(
    cx: &mut Cx<'_, '_>,
    params: &[Located<spec::Field>],
    taken: &[ir::Param],
) -> Vec<ir::Param> {
    let mut out: Vec<ir::Param> = Vec::new();
    for field in params {
        if field.ty != "string" {
            cx.error(
                &format!("{}.type", field.path),
                "path parameters and headers are strings",
            );
        }
        refuse_null(cx, field, "a path parameter or header");
        let ident = naming::field_ident(&field.name);
        let others = taken
            .iter()
            .chain(&out)
            .map(|p| (p.ident.as_str(), p.wire.as_str()));
        if check_request_field(cx, field, &ident, others) {
            continue;
        }
        let docs = if field.description.is_empty() {
            vec![format!("`{}`.", field.name)]
        } else {
            field.description.clone()
        };
        out.push(ir::Param {
            wire: field.name.clone(),
            ident,
            docs,
            required: field.required,
        });
    }
    out
}

/// The typed parameters of a request: query parameters, or the parts of a multipart/form-data body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    Query,
    Form,
}

impl Typed {
    /// Whether a parameter may be a file (a form's file part).
    fn files_allowed(self) -> bool {
        self == Typed::Form
    }

    /// One parameter of the kind, in words.
    fn one(self) -> &'static str {
        match self {
            Typed::Query => "a query parameter",
            Typed::Form => "a form field",
        }
    }

    /// What a parameter of the kind is, for the diagnostic of one that is not.
    fn what(self) -> &'static str {
        match self {
            Typed::Query => "a query parameter is a string, integer, float, boolean or enumeration, or an array of them",
            Typed::Form => "a form field is a string, integer, float, boolean, enumeration or file, or an array of them",
        }
    }
}

/// Query parameters or form fields, typed and checked as table fields are: scalars, enumerations,
/// or arrays of them (sent as the parameter repeated), and for a form, files. They become fields of
/// the operation's `Request` beside `taken` (its other parameters, as (field, wire name)).
pub fn lower_typed_params(
    cx: &mut Cx<'_, '_>,
    kind: Typed,
    params: &[Located<spec::Field>],
    taken: &[(String, String)],
) -> Vec<ir::Field> {
    let mut out: Vec<ir::Field> = Vec::new();
    for field in params {
        let ident = naming::field_ident(&field.name);
        let others = taken
            .iter()
            .map(|(ident, wire)| (ident.as_str(), wire.as_str()))
            .chain(out.iter().map(|f| (f.ident.as_str(), f.wire.as_str())));
        if check_request_field(cx, field, &ident, others) {
            continue;
        }
        let Some(lowered) = lower_field(cx, field, ident) else {
            continue;
        };
        refuse_null(cx, field, kind.one());
        let file_part = kind.files_allowed() && lowered.ty.is_file_part();
        if !file_part && !is_text_value(&lowered.ty) {
            let diag = cx.error(&format!("{}.type", field.path), kind.what());
            if !kind.files_allowed() && lowered.ty.holds_file() {
                diag.help(FILE_HELP);
            } else if *lowered.ty.scalar() == ir::Type::Any {
                diag.help("a value of any kind has no text form: use `string` (the page's text, sent as it is)");
            }
            continue;
        }
        out.push(lowered);
    }
    out
}

/// A parameter is text (or a file), never JSON: it has no `null` to send.
fn refuse_null(cx: &mut Cx<'_, '_>, field: &Located<spec::Field>, what: &str) {
    if field.nullable {
        cx.error(
            &format!("{}.nullable", field.path),
            format!("{what} cannot be null: it is text, not JSON"),
        )
        .help("leave `nullable` out; an optional parameter is left out instead");
    }
}

/// A parameter's Rust field is one the operation's `Request` does not already have: the body's, or
/// another parameter's (`others`, as (field, wire name)). Returns whether it has.
fn check_request_field<'a>(
    cx: &mut Cx<'_, '_>,
    field: &Located<spec::Field>,
    ident: &str,
    mut others: impl Iterator<Item = (&'a str, &'a str)>,
) -> bool {
    let wire = &field.name;
    let message = if naming::RESERVED_REQUEST_FIELDS.contains(&ident) {
        format!("`{wire}` becomes the Rust field `{ident}`, which the request already has")
    } else if let Some((_, other)) = others.find(|(other, _)| *other == ident) {
        format!("`{wire}` becomes the Rust field `{ident}` of the request, as does `{other}`")
    } else {
        return false;
    };
    cx.error(&format!("{}.name", field.path), message).help("path parameters, query parameters, headers and form fields need names that differ beyond case and punctuation");
    true
}

/// Whether values of the type are written as text (a query parameter, a form's text part): a scalar
/// or an enumeration, or an array of them (the parameter repeated).
fn is_text_value(ty: &ir::Type) -> bool {
    let scalar = match ty {
        ir::Type::Vec(inner) => inner,
        other => other,
    };
    matches!(
        scalar,
        ir::Type::String
            | ir::Type::I32
            | ir::Type::I64
            | ir::Type::F64
            | ir::Type::Bool
            | ir::Type::Enum(_)
    )
}
