//! A request's violations, as the generated crates find them: a path parameter or a documented
//! header that is empty (`validate()`'s `empty`) or absent, the query parameters and a form's
//! fields as `validate()` checks them, and the JSON body as `check_body` does, all through the
//! interpreter; what the wire adds besides (text that is not UTF-8, a body that is not JSON) is
//! reported the same way, each violation where it is.

use super::form::{form_fields, typed_values};
use super::violation::{empty, not_utf8, required, Violation};
use super::Incoming;
use crate::interpret::Interpreter;
use crate::ir::Operation;
use serde_json::{Map, Value};

/// Every violation of `request` as a request of `op`, whose path parameters the route matched.
pub(super) fn check(
    interpreter: &Interpreter<'_>,
    op: &Operation,
    params: &[(&str, &str)],
    request: &Incoming<'_>,
) -> Vec<Violation> {
    let mut out = Vec::new();
    for (name, raw) in params {
        match percent_decode(raw) {
            Some(value) if value.is_empty() => out.push(empty("path", name)),
            Some(_) => {}
            None => out.push(not_utf8("path", name)),
        }
    }
    for header in &op.headers {
        match request.headers.get(&header.wire).map(|v| v.to_str()) {
            None => out.push(required("header", &header.wire)),
            Some(Ok("")) => out.push(empty("header", &header.wire)),
            Some(Ok(_)) => {}
            Some(Err(_)) => out.push(not_utf8("header", &header.wire)),
        }
    }
    match query_values(interpreter, op, request.query.unwrap_or("")) {
        Ok(values) => {
            let broken = interpreter.check_params(&op.query, &values);
            out.extend(
                broken
                    .into_iter()
                    .map(|b| Violation::from_interpreter("query", b)),
            );
        }
        Err(name) => out.push(not_utf8("query", &name)),
    }
    if !op.form.is_empty() {
        match form_fields(interpreter, op, request) {
            Ok(values) => {
                let broken = interpreter.check_params(&op.form, &values);
                out.extend(
                    broken
                        .into_iter()
                        .map(|b| Violation::from_interpreter("body", b)),
                );
            }
            Err(violation) => out.push(violation),
        }
    }
    if op.body.is_some() {
        check_json_body(interpreter, op, request.body, &mut out);
    }
    out
}

fn check_json_body(
    interpreter: &Interpreter<'_>,
    op: &Operation,
    body: &[u8],
    out: &mut Vec<Violation>,
) {
    if body.iter().all(u8::is_ascii_whitespace) {
        out.push(required("body", ""));
        return;
    }
    let Ok(text) = std::str::from_utf8(body) else {
        out.push(not_utf8("body", ""));
        return;
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            let broken = interpreter.check_body(op, &value).unwrap_or_default();
            out.extend(
                broken
                    .into_iter()
                    .map(|b| Violation::from_interpreter("body", b)),
            );
        }
        Err(error) => out.push(Violation::new(
            "body",
            "",
            "json",
            format!("not JSON: {error}"),
        )),
    }
}

/// The query's parameters by name as JSON of their documented types (an undocumented one as its
/// text, to be reported by name); the name of a parameter whose name or value is not UTF-8 when
/// decoded.
fn query_values(
    interpreter: &Interpreter<'_>,
    op: &Operation,
    query: &str,
) -> Result<Map<String, Value>, String> {
    let mut texts: Vec<(String, Vec<String>)> = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = form_decode(name).ok_or_else(|| name.to_owned())?;
        let value = form_decode(value).ok_or_else(|| name.clone())?;
        match texts.iter_mut().find(|(known, _)| *known == name) {
            Some((_, values)) => values.push(value),
            None => texts.push((name, vec![value])),
        }
    }
    Ok(typed_values(interpreter, &op.query, texts))
}

/// A query's name or value: `+` is a space, as forms send it, and `%XX` its byte.
fn form_decode(text: &str) -> Option<String> {
    percent_decode(&text.replace('+', " "))
}

/// `%XX` decoded; `None` when the bytes are not UTF-8 (a `%` not followed by two hex digits stays).
pub(super) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
