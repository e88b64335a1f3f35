//! The answers: a valid request gets the page's example response for the operation's success
//! status, with the headers the page documents for it; an invalid one every violation, in the
//! shape of the page's own error response where it has one; an undocumented route the closest
//! documented operation; an oversize body its limit.

use super::violation::Violation;
use super::Incoming;
use crate::ir::{Body, Operation, Response};
use serde_json::{json, Map, Value};

/// What the server sends back.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The operation the request was routed to (`service/operation`), for the log.
    pub operation: Option<String>,
    /// How many violations the request had, for the log.
    pub violations: usize,
}

/// The value the mock gives a documented response header: the pages document headers by name and
/// meaning only, never with an example value.
pub const HEADER_VALUE: &str = "mock";

fn json_answer(status: u16, op: Option<&Operation>, body: &Value, violations: usize) -> Answer {
    Answer {
        status,
        headers: vec![("content-type".to_owned(), "application/json".to_owned())],
        body: serde_json::to_vec(body).unwrap_or_default(),
        operation: op.map(|op| op.qualified_name.clone()),
        violations,
    }
}

/// The page's example body for `status`, but one a person marked as wrong.
fn example(op: &Operation, status: u16) -> Option<&Value> {
    (op.examples.responses.iter())
        .find(|e| e.status == status && e.invalid.is_none())
        .map(|e| &e.body)
}

/// The documented success: the lowest 2xx status the page documents.
fn success_response(op: &Operation) -> Option<&Response> {
    (op.responses.iter())
        .filter(|r| (200..300).contains(&r.status))
        .min_by_key(|r| r.status)
}

/// The page's example response for the success status and its documented headers; where the page
/// has no example, an empty object for a JSON body, and nothing for a file or no body.
pub(super) fn success(op: &Operation) -> Answer {
    let Some(response) = success_response(op) else {
        return json_answer(200, Some(op), &json!({}), 0);
    };
    let mut answer = match (&response.body, example(op, response.status)) {
        (Some(Body::Json(_)), example) => {
            json_answer(response.status, Some(op), example.unwrap_or(&json!({})), 0)
        }
        (Some(Body::File), _) => Answer {
            headers: vec![(
                "content-type".to_owned(),
                "application/octet-stream".to_owned(),
            )],
            ..json_answer(response.status, Some(op), &Value::Null, 0)
        },
        (None, _) => Answer {
            headers: Vec::new(),
            ..json_answer(response.status, Some(op), &Value::Null, 0)
        },
    };
    if !matches!(response.body, Some(Body::Json(_))) {
        answer.body.clear();
    }
    for header in &response.headers {
        answer
            .headers
            .push((header.wire.clone(), HEADER_VALUE.to_owned()));
    }
    answer
}

/// The status an invalid request gets: 400, or the page's lowest documented 4xx where it documents
/// no 400.
fn error_status(op: &Operation) -> u16 {
    let client_errors = op
        .responses
        .iter()
        .map(|r| r.status)
        .filter(|s| (400..500).contains(s));
    match client_errors.clone().find(|&s| s == 400) {
        Some(status) => status,
        None => client_errors.min().unwrap_or(400),
    }
}

/// Every violation, in the page's error response for the status (its `error_code` and the other
/// fields of its example kept, `error_msg` saying how many violations), under `violations`.
pub(super) fn invalid(op: &Operation, violations: &[Violation]) -> Answer {
    let status = error_status(op);
    let mut body = match example(op, status) {
        Some(Value::Object(object)) => object.clone(),
        _ => Map::new(),
    };
    body.entry("error_code")
        .or_insert_with(|| json!(format!("MOCK.{status}")));
    let first = &violations[0];
    let summary = format!(
        "{} violation{} of the page; the first: {} {}: {}",
        violations.len(),
        if violations.len() == 1 { "" } else { "s" },
        first.location,
        if first.path.is_empty() {
            "(body)"
        } else {
            &first.path
        },
        first.message
    );
    body.insert("error_msg".to_owned(), json!(summary));
    let listed = violations
        .iter()
        .map(|v| json!({ "in": v.location, "path": v.path, "rule": v.rule, "message": v.message }));
    body.insert("violations".to_owned(), Value::Array(listed.collect()));
    json_answer(status, Some(op), &Value::Object(body), violations.len())
}

/// 404 for a route no operation documents, naming the closest one.
pub(super) fn not_found(request: &Incoming<'_>, closest: &Operation) -> Answer {
    let message = format!(
        "no documented operation is {} {}; the closest is {} {} ({})",
        request.method, request.path, closest.method, closest.path, closest.qualified_name
    );
    let body = json!({
        "error_code": "MOCK.404",
        "error_msg": message,
        "closest": { "operation": closest.qualified_name, "method": closest.method, "path": closest.path },
    });
    json_answer(404, None, &body, 0)
}

/// 413 for a body over the limit.
pub fn too_large(limit: usize) -> Answer {
    let body = json!({
        "error_code": "MOCK.413",
        "error_msg": format!("the body is larger than the mock's limit of {limit} bytes"),
    });
    json_answer(413, None, &body, 0)
}
