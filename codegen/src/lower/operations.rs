//! Pass 2 of lowering, for operations: method, path template and its parameters, headers, the responses'
//! statuses, and the operation modules' names (bodies and forms are lowered in `bodies`).

use super::bodies::{lower_body, lower_form, Side};
use super::defs::Defs;
use crate::diag::Diagnostics;
use crate::ir;
use crate::load::{self, File};
use crate::naming;
use crate::spec;
use serde_json::Value;
use std::collections::HashMap;

/// The operations of a service's files, in module order.
pub fn lower_operations(
    defs: &Defs<'_>,
    files: &[&File],
    diags: &mut Diagnostics,
) -> Vec<ir::Operation> {
    let mut operations = Vec::new();
    let mut modules: HashMap<String, String> = HashMap::new();
    for &file in files {
        let Some(value) = file.json.get("operation") else {
            continue;
        };
        let Some(op) = load::entry::<spec::Operation>(file, "operation", value, diags) else {
            continue;
        };
        let op = lower_operation(defs, file, op, diags);
        if let Some((_, what)) = naming::SERVICE_MODULE_ITEMS
            .iter()
            .find(|(name, _)| *name == op.module)
        {
            let message = format!(
                "operation `{}` becomes the module `{}`, which is the name of {what}",
                op.bare_name.as_deref().unwrap_or_default(),
                op.module
            );
            diags
                .error(&file.name, &file.spans, "operation.name", message)
                .help("rename the operation");
        }
        if let Some(other) = modules.insert(op.module.clone(), file.name.clone()) {
            diags.error(
                &file.name,
                &file.spans,
                "operation.name",
                format!("operation module `{}` is also made from {other}", op.module),
            );
        }
        operations.push(op);
    }
    operations.sort_by(|a, b| a.module.cmp(&b.module));
    operations
}

fn lower_operation(
    defs: &Defs<'_>,
    file: &File,
    op: spec::Operation,
    diags: &mut Diagnostics,
) -> ir::Operation {
    let module = naming::module_ident(&op.name);
    if !module.is_ascii() {
        diags.error(
            &file.name,
            &file.spans,
            "operation.name",
            format!(
                "operation `{}` becomes a module in a file of its own, whose name must be ASCII",
                op.name
            ),
        );
    } else if naming::unraw(&naming::field_ident(&op.name)).trim_end_matches('_')
        != op.name.trim_end_matches('_')
    {
        diags.error(&file.name, &file.spans, "operation.name", format!("operation names are snake_case starting with a letter; `{}` would become `{module}`", op.name));
    }
    if !balanced_template(&op.path) {
        diags
            .error(
                &file.name,
                &file.spans,
                "operation.path",
                "unbalanced `{` or `}` in the path template",
            )
            .help("each parameter is written `{name}`");
    }
    let method = op.method.to_uppercase();
    if !spec::HTTP_METHODS.contains(&method.as_str()) {
        diags.error(
            &file.name,
            &file.spans,
            "operation.method",
            format!("unknown HTTP method `{}`", op.method),
        );
    }
    let path_params = lower_params(file, "operation.path_params", &op.path_params, &[], diags);
    let headers = lower_params(file, "operation.headers", &op.headers, &path_params, diags);
    let taken: Vec<ir::Param> = path_params.iter().chain(&headers).cloned().collect();
    let query = lower_query(defs, file, &op.query_params, &taken, diags);
    let template_params: Vec<&str> = op
        .path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    for name in &template_params {
        if !path_params.iter().any(|p| p.wire == *name) {
            diags.error(
                &file.name,
                &file.spans,
                "operation.path",
                format!("the path uses `{{{name}}}`, which is not among path_params"),
            );
        }
    }
    for (i, param) in path_params.iter().enumerate() {
        if !template_params.contains(&param.wire.as_str()) {
            diags.error(
                &file.name,
                &file.spans,
                &format!("operation.path_params[{i}]"),
                format!(
                    "path parameter `{}` does not appear in the path",
                    param.wire
                ),
            );
        }
    }
    let body = op
        .body
        .as_ref()
        .and_then(|body| lower_body(defs, file, "operation.body", body, Side::Request, diags))
        .and_then(|body| body.json().cloned());
    let taken: Vec<(String, String)> = taken
        .iter()
        .map(|p| (p.ident.clone(), p.wire.clone()))
        .chain(query.iter().map(|f| (f.ident.clone(), f.wire.clone())))
        .collect();
    let form = lower_form(defs, file, &op.form_params, &taken, diags);
    if op.body.is_some() && !op.form_params.is_empty() {
        diags.error(
            &file.name,
            &file.spans,
            "operation.form_params",
            "an operation sends a JSON `body` or a form (`form_params`), not both",
        );
    }
    let requests = op
        .examples
        .requests
        .iter()
        .map(|e| ("requests", e.invalid.as_deref()));
    let responses = op
        .examples
        .responses
        .iter()
        .map(|e| ("responses", e.invalid.as_deref()));
    for (i, (list, invalid)) in requests.enumerate().chain(responses.enumerate()) {
        if invalid.is_some_and(|reason| reason.trim().is_empty()) {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &format!("operation.examples.{list}[{i}].invalid"),
                    "an example marked invalid needs the reason",
                )
                .help("say why the example, not the table, is wrong");
        }
    }
    let mut responses = Vec::new();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    let mut variants: HashMap<String, usize> = HashMap::new();
    for (i, response) in op.responses.iter().enumerate() {
        let path = format!("operation.responses[{i}]");
        if let Some(first) = statuses.insert(response.status, i) {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{path}.status"),
                format!(
                    "status {} is documented twice (also at responses[{first}])",
                    response.status
                ),
            );
        }
        let variant = response
            .name
            .clone()
            .unwrap_or_else(|| naming::response_variant(&response.description, response.status));
        let valid = variant
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && variant.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{path}.name"),
                format!("`{variant}` is not a variant name (UpperCamelCase letters and digits)"),
            );
        } else if variant == "Other" {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{path}.description"),
                "`Other` is the variant for undocumented statuses",
            );
        } else if let Some(first) = variants.insert(variant.clone(), i) {
            diags
                .error(
                    &file.name,
                    &file.spans,
                    &format!("{path}.description"),
                    format!("responses[{first}] and this one both become the variant `{variant}`"),
                )
                .help("set `name` on one of them");
        }
        let body = response.body.as_ref().and_then(|body| {
            lower_body(
                defs,
                file,
                &format!("{path}.body"),
                body,
                Side::Response,
                diags,
            )
        });
        let headers = lower_params(
            file,
            &format!("{path}.headers"),
            &response.headers,
            &[],
            diags,
        );
        responses.push(ir::Response {
            status: response.status,
            variant,
            description: response.description.clone(),
            body,
            headers,
        });
    }
    responses.sort_by_key(|r| r.status);
    let mut docs = vec![op.summary.clone(), String::new()];
    docs.extend(op.description.iter().cloned());
    docs.push(String::new());
    docs.push(format!("`{method} {}`", op.path));
    ir::Operation {
        module,
        spec_file: file.name.clone(),
        qualified_name: format!("{}/{}", file.spec.service, op.name),
        bare_name: Some(op.name),
        docs,
        method,
        path_pieces: path_pieces(&op.path, &path_params),
        path: op.path,
        path_params,
        query,
        headers,
        form,
        body,
        responses,
    }
}

/// Lowers path parameters or headers, which become fields of the operation's `Request` beside `taken`
/// (the path parameters, when lowering headers) and the body.
fn lower_params(
    file: &File,
    path: &str,
    params: &[Value],
    taken: &[ir::Param],
    diags: &mut Diagnostics,
) -> Vec<ir::Param> {
    let mut out: Vec<ir::Param> = Vec::new();
    for (i, value) in params.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Some(field) = load::entry::<spec::Field>(file, &at, value, diags) else {
            continue;
        };
        if field.ty != "string" {
            diags.error(
                &file.name,
                &file.spans,
                &format!("{at}.type"),
                "path parameters and headers are strings",
            );
        }
        let ident = naming::field_ident(&field.name);
        let others = taken
            .iter()
            .chain(&out)
            .map(|p| (p.ident.as_str(), p.wire.as_str()));
        if request_field_clash(file, &at, &field.name, &ident, others, diags) {
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
        });
    }
    out
}

/// Reports a parameter whose Rust field `ident` the operation's `Request` already has: the body, or
/// another parameter (`others`, as (field, wire name)). Returns whether it clashed.
pub(super) fn request_field_clash<'a>(
    file: &File,
    at: &str,
    wire: &str,
    ident: &str,
    mut others: impl Iterator<Item = (&'a str, &'a str)>,
    diags: &mut Diagnostics,
) -> bool {
    let message = if naming::RESERVED_REQUEST_FIELDS.contains(&ident) {
        format!("`{wire}` becomes the Rust field `{ident}`, which the request already has")
    } else if let Some((_, other)) = others.find(|(other, _)| *other == ident) {
        format!("`{wire}` becomes the Rust field `{ident}` of the request, as does `{other}`")
    } else {
        return false;
    };
    diags.error(&file.name, &file.spans, &format!("{at}.name"), message).help("path parameters, query parameters, headers and form fields need names that differ beyond case and punctuation");
    true
}

/// Query parameters, typed and checked as table fields are; scalars, enumerations, or arrays of them
/// (sent as the parameter repeated).
fn lower_query(
    defs: &Defs<'_>,
    file: &File,
    params: &[Value],
    taken: &[ir::Param],
    diags: &mut Diagnostics,
) -> Vec<ir::Field> {
    let mut out: Vec<ir::Field> = Vec::new();
    for (i, value) in params.iter().enumerate() {
        let at = format!("operation.query_params[{i}]");
        let Some(field) = load::entry::<spec::Field>(file, &at, value, diags) else {
            continue;
        };
        let ident = naming::field_ident(&field.name);
        let others = taken
            .iter()
            .map(|p| (p.ident.as_str(), p.wire.as_str()))
            .chain(out.iter().map(|f| (f.ident.as_str(), f.wire.as_str())));
        if request_field_clash(file, &at, &field.name, &ident, others, diags) {
            continue;
        }
        let Some(lowered) = super::fields::lower_field(defs, file, &at, field, ident, diags) else {
            continue;
        };
        if !is_text_value(&lowered.ty) {
            let diag = diags.error(&file.name, &file.spans, &format!("{at}.type"), "a query parameter is a string, integer, float, boolean or enumeration, or an array of them");
            if lowered.ty.holds_file() {
                diag.help(super::fields::FILE_HELP);
            }
            continue;
        }
        out.push(lowered);
    }
    out
}

/// Whether values of the type are written as text (a query parameter, a form's text part): a scalar or
/// an enumeration, or an array of them (the parameter repeated).
pub(super) fn is_text_value(ty: &ir::Type) -> bool {
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

/// The template split into literal text and parameters, in order (a `{name}` that is not a path parameter
/// is reported elsewhere and left out).
fn path_pieces(template: &str, params: &[ir::Param]) -> Vec<ir::PathPiece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(ir::PathPiece::Literal(rest[..open].to_owned()));
        }
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if let Some(param) = params.iter().find(|p| p.wire == name) {
            pieces.push(ir::PathPiece::Param(param.ident.clone()));
        }
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(ir::PathPiece::Literal(rest.to_owned()));
    }
    pieces
}

/// Whether every `{` of a path template is closed by a `}` before the next `{`.
fn balanced_template(path: &str) -> bool {
    let mut open = false;
    for c in path.chars() {
        match (c, open) {
            ('{', false) => open = true,
            ('}', true) => open = false,
            ('{', true) | ('}', false) => return false,
            _ => {}
        }
    }
    !open
}
