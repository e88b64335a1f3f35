//! A multipart/form-data body (RFC 7578) read into its fields, for the operations whose page has a
//! form: each part's name from its `Content-Disposition`, a text part's value as text, a file
//! part's file name standing for the file (a file has no checks but being there).

use super::violation::{not_utf8, Violation};
use super::Incoming;
use crate::interpret::Interpreter;
use crate::ir::Operation;
use serde_json::{Map, Value};

/// The form's fields by name as JSON of their types, or why the body is not a form.
pub(super) fn form_fields(
    interpreter: &Interpreter<'_>,
    op: &Operation,
    request: &Incoming<'_>,
) -> Result<Map<String, Value>, Violation> {
    let content_type = (request.headers.get(http::header::CONTENT_TYPE))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let boundary = boundary(content_type).ok_or_else(|| Violation {
        location: "header",
        path: "Content-Type".to_owned(),
        rule: "content_type",
        message: format!("must be multipart/form-data with a boundary, got {content_type:?}"),
    })?;
    let mut texts: Vec<(String, Vec<String>)> = Vec::new();
    for part in parts(request.body, &boundary).ok_or_else(|| not_a_form(&boundary))? {
        let (name, value) = part?;
        match texts.iter_mut().find(|(known, _)| *known == name) {
            Some((_, values)) => values.push(value),
            None => texts.push((name, vec![value])),
        }
    }
    Ok(typed_values(interpreter, &op.form, texts))
}

fn not_a_form(boundary: &str) -> Violation {
    Violation {
        location: "body",
        path: String::new(),
        rule: "form",
        message: format!("is not a multipart/form-data body delimited by {boundary:?}"),
    }
}

/// The boundary of a `multipart/form-data; boundary=...` content type.
fn boundary(content_type: &str) -> Option<String> {
    let mut pieces = content_type.split(';').map(str::trim);
    if !pieces.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    pieces
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
        .filter(|b| !b.is_empty())
}

type Part = Result<(String, String), Violation>;

/// Each part as (name, text), a file part's text being its file name; `None` when the body is not
/// delimited by the boundary.
fn parts(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    let delimiter = format!("--{boundary}");
    let mut pieces = split(body, delimiter.as_bytes());
    // Before the first delimiter: a preamble to ignore; after the last (`--`): an epilogue.
    pieces.next()?;
    let mut out = Vec::new();
    for piece in pieces {
        if piece.starts_with(b"--") {
            return Some(out);
        }
        let piece = piece.strip_prefix(b"\r\n")?;
        let piece = piece.strip_suffix(b"\r\n").unwrap_or(piece);
        let at = find(piece, b"\r\n\r\n")?;
        let (head, content) = (&piece[..at], &piece[at + 4..]);
        out.push(part(head, content));
    }
    // No closing delimiter.
    None
}

fn part(head: &[u8], content: &[u8]) -> Part {
    let head = std::str::from_utf8(head).map_err(|_| not_utf8("body", ""))?;
    let disposition = head
        .split("\r\n")
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-disposition")
                .then_some(value)
        })
        .unwrap_or("");
    let name = parameter(disposition, "name").unwrap_or_default();
    if let Some(file_name) = parameter(disposition, "filename") {
        return Ok((name, file_name));
    }
    let text = String::from_utf8(content.to_vec()).map_err(|_| not_utf8("body", &name))?;
    Ok((name, text))
}

/// A `key="value"` parameter of a `Content-Disposition`.
fn parameter(disposition: &str, key: &str) -> Option<String> {
    disposition.split(';').map(str::trim).find_map(|p| {
        let value = p.strip_prefix(key)?.strip_prefix('=')?;
        Some(value.trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `bytes` split at each `delimiter`.
fn split<'a>(bytes: &'a [u8], delimiter: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match find(current, delimiter) {
            Some(at) => {
                rest = Some(&current[at + delimiter.len()..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Each name's texts as JSON of its field's type (a form's fields, the query's parameters); an undocumented name's first text as a string.
pub(super) fn typed_values(
    interpreter: &Interpreter<'_>,
    fields: &[crate::ir::Field],
    texts: Vec<(String, Vec<String>)>,
) -> Map<String, Value> {
    texts
        .into_iter()
        .map(|(name, values)| {
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            let value = match fields.iter().find(|f| f.wire == name) {
                Some(field) => interpreter.param_value(&field.ty, &values),
                None => Value::String(values.first().copied().unwrap_or_default().to_owned()),
            };
            (name, value)
        })
        .collect()
}
