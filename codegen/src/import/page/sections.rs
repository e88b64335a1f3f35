//! The page's sections: which lines are headings (by their place: a short line at the page's outer
//! indentation, not a sentence, not a bullet, not a table's header row) and what each heading's
//! section is for (by its words), and the method and path wherever the URI section puts them.

use super::columns::{Column, Columns};
use super::rows::row_with_cells;
use super::types::parse_type;
use super::{bullet, columns, Line};

/// What a section is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// "Function", "Description": what the operation does.
    Function,
    /// "URI": method, path and the path's parameters.
    Uri,
    /// "Request", "Request Parameters": the request's tables (and, in some dialects, its example).
    Request,
    /// "Response", "Normal Response", "Response Parameters".
    Response,
    RequestExamples,
    ResponseExamples,
    /// "Samples": examples of requests and responses together, which the importer does not tell
    /// apart.
    Examples,
    /// "Status Codes", "Returned Values".
    Status,
    /// "Error Codes", "Abnormal Response", "Calling Method", "Samples": nothing this importer keeps.
    Other,
}

/// The words of a role, most telling first: a heading takes the role of its first class that has
/// one of its words ("Example Responses" is examples, "Abnormal Response" errors, "Status Codes"
/// statuses).
const ROLE_WORDS: &[(&[&str], Class)] = &[
    (
        &["example", "examples", "sample", "samples"],
        Class::Examples,
    ),
    (
        &["error", "errors", "abnormal", "exception", "failure"],
        Class::Other,
    ),
    (&["status", "returned", "return"], Class::Role(Role::Status)),
    (&["uri", "url"], Class::Role(Role::Uri)),
    (&["request", "requests"], Class::Role(Role::Request)),
    (&["response", "responses"], Class::Role(Role::Response)),
    (&["function", "description"], Class::Role(Role::Function)),
    (&["calling", "method", "methods"], Class::Other),
];

/// Words a heading may hold beside its role's: a heading is made only of these and role words,
/// so that a cell's short line ("Request ID") is not one.
const FILLER_WORDS: &[&str] = &[
    "parameter",
    "parameters",
    "body",
    "header",
    "headers",
    "message",
    "messages",
    "normal",
    "code",
    "codes",
    "value",
    "values",
    "format",
    "query",
    "and",
    "of",
    "the",
];

#[derive(Debug, Clone, Copy)]
enum Class {
    Role(Role),
    /// Request or response examples, by the heading's other words.
    Examples,
    Other,
}

/// The role of a heading's words, or `None` when the line is not made of heading words.
fn role_of(text: &str) -> Option<Role> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let known = |w: &String| {
        FILLER_WORDS.contains(&w.as_str())
            || ROLE_WORDS.iter().any(|(ws, _)| ws.contains(&w.as_str()))
    };
    if words.is_empty() || words.len() > 5 || !words.iter().all(known) {
        return None;
    }
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(&w.as_str()));
    let (_, class) = ROLE_WORDS.iter().find(|(ws, _)| has(ws))?;
    Some(match class {
        Class::Role(role) => *role,
        Class::Examples if has(&["response", "responses"]) => Role::ResponseExamples,
        Class::Examples if has(&["request", "requests"]) => Role::RequestExamples,
        Class::Examples => Role::Examples,
        Class::Other => Role::Other,
    })
}

/// The headings of `lines`, as (index, role), in page order. A heading is a line at the outer
/// indentation, starting with a capital, not a bullet or a sentence, made of heading words, and not
/// a cell of a header row or a row's name.
/// A "Function" heading counts only before the first URI heading (after it, "Description" is a
/// column), and a heading right after a heading of the same role is the first cell of its table
/// ("Status Codes", then the header "Status Code").
pub(super) fn headings(lines: &[Line<'_>]) -> Vec<(usize, Role)> {
    let outer = lines.iter().map(|l| l.indent).min().unwrap_or(0);
    let headers: Vec<Option<Columns>> = (0..lines.len())
        .map(|i| columns::header(lines, i))
        .collect();
    let mut in_header = vec![false; lines.len()];
    for (i, columns) in headers.iter().enumerate() {
        if let Some(columns) = columns {
            in_header[i..i + columns.len()].fill(true);
        }
    }
    let mut found: Vec<(usize, Role)> = Vec::new();
    let mut saw_uri = false;
    // The one-line cells after the name of the table the lines are in, since the last heading.
    let mut open_table: Vec<Column> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(columns) = &headers[i] {
            open_table = columns.leading();
        }
        // A heading starts with a capital; a row's name (`status`, `Description` before `String`)
        // is followed by its cells.
        let is_row = lines.get(i + 1).is_some_and(|next| {
            matches!(next.text, "Yes" | "No") || parse_type(next.text).is_some()
        });
        if line.indent != outer
            || in_header[i]
            || bullet(line.text).is_some()
            || !line.text.starts_with(|c: char| c.is_ascii_uppercase())
            || is_row
        {
            continue;
        }
        let Some(role) = role_of(line.text) else {
            continue;
        };
        let after_same = found.last().is_some_and(|&(j, r)| j + 1 == i && r == role);
        if (role == Role::Function && saw_uri)
            || (role == Role::Examples && !holds_example(lines, i, outer))
            || after_same
            || inside_table(lines, i, &open_table, &headers)
        {
            continue;
        }
        saw_uri |= role == Role::Uri;
        open_table.clear();
        found.push((i, role));
    }
    found
}

/// Whether the section that `lines[i]` would head holds an example body (a JSON line), as an
/// examples heading's does; else the line is a paragraph ("Examples", then values in a cell).
fn holds_example(lines: &[Line<'_>], i: usize, outer: usize) -> bool {
    lines[i + 1..]
        .iter()
        .take_while(|l| l.indent != outer || role_of(l.text).is_none())
        .any(|l| l.text.starts_with(['{', '[']))
}

/// Whether the line `lines[i]` is a paragraph of a cell (an `Examples` line of a description):
/// a row of the open table, confirmed by its cells, follows before any other table's header.
fn inside_table(
    lines: &[Line<'_>],
    i: usize,
    open_table: &[Column],
    headers: &[Option<Columns>],
) -> bool {
    if open_table.is_empty() {
        return false;
    }
    (i + 1..lines.len())
        .take_while(|&j| headers[j].is_none())
        .any(|j| row_with_cells(lines, j, open_table))
}

/// The method and path of a URI section (or of the lines where the page gives them): a `METHOD
/// /path` line anywhere (also under a bullet, and with the scheme and host before the path), or a
/// method and a path on lines of their own, bare or labelled (`PATH: /x`, `Method: GET`), in
/// either order.
pub(super) fn method_and_path(lines: &[Line<'_>]) -> Option<(String, String)> {
    let mut method = None;
    let mut path = None;
    for line in lines {
        let text = bullet(line.text).unwrap_or(line.text);
        if let Some((m, p)) = text.split_once(' ').and_then(|(m, p)| {
            let p = host_stripped(p.trim())?;
            is_method(m).then_some((m, p))
        }) {
            return Some((m.to_owned(), p.to_owned()));
        }
        // `Method: GET`, `PATH: /x`: a label of one word, then the value.
        let value = match text.split_once(':') {
            Some((label, value)) if !label.contains(' ') && !value.starts_with("//") => {
                value.trim()
            }
            _ => text,
        };
        if is_method(value) {
            method = method.or(Some(value));
        } else if let Some(p) = host_stripped(value).filter(|p| !p.contains(' ')) {
            path = path.or(Some(p));
        }
        if let (Some(m), Some(p)) = (method, path) {
            return Some((m.to_owned(), p.to_owned()));
        }
    }
    None
}

/// The URI section's lone method line (`GET`) and the path of a later example request line with
/// that method and a full address (`GET https://{Endpoint}/`).
pub(super) fn path_from_example(
    lines: &[Line<'_>],
    headings: &[(usize, Role)],
) -> Option<(String, String)> {
    let k = headings.iter().position(|(_, r)| *r == Role::Uri)?;
    let end = headings.get(k + 1).map_or(lines.len(), |&(i, _)| i);
    let uri = headings[k].0;
    let method = lines[uri + 1..end].iter().find(|l| is_method(l.text))?.text;
    lines[end..].iter().find_map(|line| {
        let text = bullet(line.text).unwrap_or(line.text);
        let (m, address) = text.split_once(' ')?;
        let path = address
            .trim()
            .strip_prefix("http")
            .and(host_stripped(address.trim()))?;
        (m == method).then(|| (method.to_owned(), path.to_owned()))
    })
}

fn is_method(text: &str) -> bool {
    crate::spec::HTTP_METHODS.contains(&text)
}

/// `/path`, or the path of `https://{Endpoint}/path`.
fn host_stripped(text: &str) -> Option<&str> {
    if text.starts_with('/') {
        return Some(text);
    }
    let after_scheme = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    after_scheme.find('/').map(|at| &after_scheme[at..])
}

#[cfg(test)]
mod tests {
    use super::super::rows::test_lines as lines;
    use super::*;

    fn found(texts: &[&str]) -> Option<(String, String)> {
        method_and_path(&lines(texts))
    }

    #[test]
    fn method_and_path_wherever_the_uri_section_puts_them() {
        let post = Some((
            "POST".to_owned(),
            "/v2/{project_id}/cloudvolumes".to_owned(),
        ));
        // evs: under a bullet.
        assert_eq!(
            found(&["• URI format", "POST /v2/{project_id}/cloudvolumes"]),
            post
        );
        // rds: labelled, in either order.
        assert_eq!(
            found(&[
                "• URI format",
                "PATH: /v2/{project_id}/cloudvolumes",
                "Method: POST"
            ]),
            post
        );
        assert_eq!(
            found(&["Method: POST", "PATH: /v2/{project_id}/cloudvolumes"]),
            post
        );
        // With the scheme and host, and as a method line then a path line.
        assert_eq!(
            found(&["POST https://{Endpoint}/v2/{project_id}/cloudvolumes"]),
            post
        );
        assert_eq!(found(&["POST", "/v2/{project_id}/cloudvolumes"]), post);
        // A sentence naming a method is neither.
        assert_eq!(found(&["Table 1 describes the parameters.", "GET"]), None);
    }

    #[test]
    fn headings_by_place_and_words() {
        let text = [
            "Function",
            "This API is used to create a disk.",
            "URI",
            "  • URI format",
            "    POST /v2/{project_id}/cloudvolumes",
            "Normal Response",
            "    Parameter",
            "    Description",
            "    Request ID",
            "Abnormal Response",
            "Example Request",
            "Status Codes",
            "Status Code",
            "Description",
            "200",
            "OK",
        ];
        let roles: Vec<(usize, Role)> = headings(&lines(&text));
        assert_eq!(
            roles,
            [
                (0, Role::Function),
                (2, Role::Uri),
                (5, Role::Response),
                (9, Role::Other),
                (10, Role::RequestExamples),
                (11, Role::Status),
            ]
        );
    }
}
