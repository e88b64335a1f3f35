//! Pass 2 of lowering, for operations: method, path template and its parameters, headers, the
//! responses' statuses, and the operation modules' names (parameters are lowered in `params`,
//! bodies in `bodies`).

use super::bodies::{lower_body, Side};
use super::check::check_operation_module;
use super::cx::Cx;
use super::params::{lower_params, lower_typed_params, Typed};
use crate::ir;
use crate::load::File;
use crate::naming;
use crate::spec;
use std::collections::HashMap;

/// The operations of a service's files, in module order.
pub fn lower_operations<'a>(cx: &mut Cx<'_, 'a>, files: &[&'a File]) -> Vec<ir::Operation> {
    let mut operations = Vec::new();
    let mut modules: HashMap<String, String> = HashMap::new();
    for &file in files {
        let Some(op) = &file.operation else {
            continue;
        };
        let mut cx = cx.in_file(file);
        let op = lower_operation(&mut cx, op);
        check_operation_module(&mut cx, &op, &mut modules);
        operations.push(op);
    }
    operations.sort_by(|a, b| a.module.cmp(&b.module));
    operations
}

fn lower_operation(cx: &mut Cx<'_, '_>, op: &spec::Operation) -> ir::Operation {
    let module = naming::module_ident(&op.name);
    check_operation_name(cx, &op.name, &module);
    let method = op.method.to_uppercase();
    if !spec::HTTP_METHODS.contains(&method.as_str()) {
        cx.error(
            "operation.method",
            format!("unknown HTTP method `{}`", op.method),
        );
    }
    // A path parameter fills the path, so a request always carries it, whatever the page says.
    let path_params: Vec<ir::Param> = lower_params(cx, &op.path_params, &[])
        .into_iter()
        .map(|p| ir::Param {
            required: true,
            ..p
        })
        .collect();
    let headers = lower_params(cx, &op.headers, &path_params);
    check_path_template(cx, &op.path, &path_params);
    let taken: Vec<(String, String)> = path_params
        .iter()
        .chain(&headers)
        .map(|p| (p.ident.clone(), p.wire.clone()))
        .collect();
    let query = lower_typed_params(cx, Typed::Query, &op.query_params, &taken);
    let body = op
        .body
        .as_ref()
        .and_then(|body| lower_body(cx, "operation.body", body, Side::Request))
        .and_then(|body| body.json().cloned());
    let taken: Vec<(String, String)> = taken
        .into_iter()
        .chain(query.iter().map(|f| (f.ident.clone(), f.wire.clone())))
        .collect();
    let form = lower_typed_params(cx, Typed::Form, &op.form_params, &taken);
    check_body_or_form(cx, op);
    check_example_reasons(cx, &op.examples);
    let responses = lower_responses(cx, &op.responses);
    let mut docs = vec![op.summary.clone(), String::new()];
    docs.extend(op.description.iter().cloned());
    docs.push(String::new());
    docs.push(format!("`{method} {}`", op.path));
    ir::Operation {
        module,
        spec_file: cx.file.name.clone(),
        qualified_name: format!("{}/{}", cx.file.service, op.name),
        bare_name: Some(op.name.clone()),
        docs,
        method,
        path_pieces: path_pieces(&op.path, &path_params),
        path: op.path.clone(),
        path_params,
        query,
        headers,
        form,
        body,
        responses,
        examples: op.examples.clone(),
    }
}

/// An operation's name is snake_case starting with a letter, and so makes an ASCII module name.
fn check_operation_name(cx: &mut Cx<'_, '_>, name: &str, module: &str) {
    if !module.is_ascii() {
        let message = format!(
            "operation `{name}` becomes a module in a file of its own, whose name must be ASCII"
        );
        cx.error("operation.name", message);
    } else if naming::unraw(&naming::field_ident(name)).trim_end_matches('_')
        != name.trim_end_matches('_')
    {
        let message = format!("operation names are snake_case starting with a letter; `{name}` would become `{module}`");
        cx.error("operation.name", message);
    }
}

/// The path template is balanced, and its parameters are the path parameters, each used once.
fn check_path_template(cx: &mut Cx<'_, '_>, path: &str, path_params: &[ir::Param]) {
    if !balanced_template(path) {
        cx.error(
            "operation.path",
            "unbalanced `{` or `}` in the path template",
        )
        .help("each parameter is written `{name}`");
    }
    let template_params: Vec<&str> = path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    for name in &template_params {
        if !path_params.iter().any(|p| p.wire == *name) {
            let message = format!("the path uses `{{{name}}}`, which is not among path_params");
            cx.error("operation.path", message);
        }
    }
    for (i, param) in path_params.iter().enumerate() {
        if !template_params.contains(&param.wire.as_str()) {
            let message = format!(
                "path parameter `{}` does not appear in the path",
                param.wire
            );
            cx.error(&format!("operation.path_params[{i}]"), message);
        }
    }
}

/// An operation sends a JSON body or a form, not both.
fn check_body_or_form(cx: &mut Cx<'_, '_>, op: &spec::Operation) {
    if op.body.is_some() && !op.form_params.is_empty() {
        cx.error(
            "operation.form_params",
            "an operation sends a JSON `body` or a form (`form_params`), not both",
        );
    }
}

/// An example marked invalid says why.
fn check_example_reasons(cx: &mut Cx<'_, '_>, examples: &spec::Examples) {
    let requests = examples
        .requests
        .iter()
        .map(|e| ("requests", e.invalid.as_deref()));
    let responses = examples
        .responses
        .iter()
        .map(|e| ("responses", e.invalid.as_deref()));
    for (i, (list, invalid)) in requests.enumerate().chain(responses.enumerate()) {
        if invalid.is_some_and(|reason| reason.trim().is_empty()) {
            cx.error(
                &format!("operation.examples.{list}[{i}].invalid"),
                "an example marked invalid needs the reason",
            )
            .help("say why the example, not the table, is wrong");
        }
    }
}

/// The documented responses, by status, each with its `Response` variant, body and headers.
fn lower_responses(cx: &mut Cx<'_, '_>, responses: &[spec::Response]) -> Vec<ir::Response> {
    let mut lowered = Vec::new();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    let mut variants: HashMap<String, usize> = HashMap::new();
    for (i, response) in responses.iter().enumerate() {
        let path = format!("operation.responses[{i}]");
        if let Some(first) = statuses.insert(response.status, i) {
            let message = format!(
                "status {} is documented twice (also at responses[{first}])",
                response.status
            );
            cx.error(&format!("{path}.status"), message);
        }
        let variant = response
            .name
            .clone()
            .unwrap_or_else(|| naming::response_variant(&response.description, response.status));
        check_variant(cx, &path, &variant, i, &mut variants);
        let body = response
            .body
            .as_ref()
            .and_then(|body| lower_body(cx, &format!("{path}.body"), body, Side::Response));
        lowered.push(ir::Response {
            status: response.status,
            variant,
            description: response.description.clone(),
            body,
            headers: lower_params(cx, &response.headers, &[]),
        });
    }
    lowered.sort_by_key(|r| r.status);
    lowered
}

/// A response's variant is an UpperCamelCase name of its own, other than the catch-all `Other`
/// (`variants`: the variants so far, with the index of the response each is made from).
fn check_variant(
    cx: &mut Cx<'_, '_>,
    path: &str,
    variant: &str,
    i: usize,
    variants: &mut HashMap<String, usize>,
) {
    let valid = variant
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && variant.chars().all(|c| c.is_ascii_alphanumeric());
    if !valid {
        let message =
            format!("`{variant}` is not a variant name (UpperCamelCase letters and digits)");
        cx.error(&format!("{path}.name"), message);
    } else if variant == "Other" {
        cx.error(
            &format!("{path}.description"),
            "`Other` is the variant for undocumented statuses",
        );
    } else if let Some(first) = variants.insert(variant.to_owned(), i) {
        let message =
            format!("responses[{first}] and this one both become the variant `{variant}`");
        cx.error(&format!("{path}.description"), message)
            .help("set `name` on one of them");
    }
}

/// The template split into literal text and parameters, in order (a `{name}` that is not a path
/// parameter is reported elsewhere and left out).
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
