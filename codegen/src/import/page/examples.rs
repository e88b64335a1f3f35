//! The examples of a page and its status codes: the JSON bodies of an example section (or of the
//! lines of a request or response section outside its tables), the "Status Codes" table, and the
//! success status a response table with no status line of its own is read under.

use super::{bullet, error, status_marker, Example, Line, PageError, Side, Table};
use crate::import::review::{Kind, Review};
use serde_json::Value;

/// The example bodies of a section: each JSON value, titled by the bullet before it, else
/// (responses) by the status's description line, else by the line before it. An example that is not
/// JSON is left out (noted in `unread`) up to the next status or bullet: it documents nothing the
/// spec keeps.
pub(super) fn examples(
    lines: &[Line<'_>],
    text: &str,
    responses: bool,
    unread: &mut Vec<Review>,
) -> Result<Vec<Example>, PageError> {
    let mut found = Vec::new();
    let mut status = None;
    let mut status_text: Option<&str> = None;
    let mut bullet_title: Option<&str> = None;
    let mut plain: Option<&str> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if let Some(code) = status_marker(line.text).filter(|_| responses) {
            (status, status_text, bullet_title, plain) = (Some(code), None, None, None);
        } else if line.text.starts_with('{') || line.text.starts_with('[') {
            let rest = text.get(line.offset..).unwrap_or_default();
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            let body = match stream.next() {
                Some(Ok(body)) => body,
                Some(Err(e)) => {
                    let mut message = e.to_string();
                    if let Some(at) = message.rfind(" at line ") {
                        message.truncate(at);
                    }
                    let at = line.no + e.line().saturating_sub(1);
                    let text =
                        format!("line {at}: the example is not valid JSON ({message}); left out");
                    unread.push(Review::new(Kind::ExampleLeftOut, text).at_line(at));
                    let next = lines[i + 1..]
                        .iter()
                        .position(|l| status_marker(l.text).is_some() || bullet(l.text).is_some());
                    i = next.map_or(lines.len(), |n| i + 1 + n);
                    (bullet_title, plain) = (None, None);
                    continue;
                }
                None => return Err(error(line.no, "the example is empty")),
            };
            let end = line.offset + stream.byte_offset();
            let title = bullet_title
                .take()
                .or(if responses { status_text } else { None })
                .or(plain.take());
            found.push(Example {
                status,
                title: title.map(str::to_owned),
                body,
                line: line.no,
            });
            i = lines
                .iter()
                .position(|l| l.offset >= end)
                .unwrap_or(lines.len());
            continue;
        } else if let Some(item) = bullet(line.text) {
            bullet_title = Some(item);
        } else if responses && status.is_some() && status_text.is_none() {
            status_text = Some(line.text);
        } else {
            plain = Some(line.text);
        }
        i += 1;
    }
    Ok(found)
}

/// The "Status Codes" table: its header cells, then code and description in turn. It ends at the
/// first line where a code is expected and none is (the footer, or a layout this reading does not
/// know: bullets grouping the codes, more than two columns); [`documented_statuses`] still reads
/// the codes of those for the success status.
pub(super) fn status_codes(lines: &[Line<'_>]) -> Vec<(u16, String)> {
    let code = |line: &Line<'_>| line.text.parse::<u16>().ok();
    let header = lines
        .iter()
        .take_while(|l| code(l).is_none() && bullet(l.text).is_none() && l.text.len() < 20)
        .count();
    let mut codes = Vec::new();
    let mut i = header;
    while let (Some(status), Some(description)) = (lines.get(i).and_then(code), lines.get(i + 1)) {
        if code(description).is_some() {
            break;
        }
        codes.push((status, description.text.to_owned()));
        i += 2;
    }
    codes
}

/// Every status code a "Status Codes" section names, whatever its layout (`• Normal` then `200`).
pub(super) fn documented_statuses(lines: &[Line<'_>]) -> Vec<u16> {
    lines
        .iter()
        .filter_map(|l| l.text.parse::<u16>().ok())
        .filter(|c| (100..600).contains(c))
        .collect()
}

/// The success status a response table or example with no "Status code:" line of its own
/// belongs to: the lowest 2xx of the Status Codes table, else of the example responses, else (the
/// page names none, pointing to a service-wide list) HTTP's plain success, 200. Responses are read
/// leniently, so a service that answers another 2xx loses nothing the skipped table would have
/// given: its answer is an undocumented status, as it was.
fn success_status(documented: &[u16], examples: &[Example]) -> (u16, &'static str) {
    let lowest =
        |codes: &mut dyn Iterator<Item = u16>| codes.filter(|c| (200..300).contains(c)).min();
    lowest(&mut documented.iter().copied())
        .map(|c| (c, "the lowest 2xx of its Status Codes"))
        .or_else(|| {
            lowest(&mut examples.iter().filter_map(|e| e.status))
                .map(|c| (c, "the lowest 2xx of its example responses"))
        })
        .unwrap_or((
            200,
            "HTTP's plain success: the page names no success status of its own",
        ))
}

/// Whether an example's title says it shows a failure ("Example response (request failed)"), so
/// that it is not taken for a success.
fn shows_failure(title: &str) -> bool {
    let lower = title.to_ascii_lowercase();
    ["fail", "error", "abnormal", "exception"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Puts the response tables and examples with no status line under the page's success status, with
/// a review line saying which and why.
pub(super) fn assume_success_status(
    tables: &mut [Table],
    examples: &mut [Example],
    documented: &[u16],
    review: &mut Vec<Review>,
) {
    let (status, why) = success_status(documented, examples);
    let mut assumed = Vec::new();
    for table in tables
        .iter_mut()
        .filter(|t| t.side == Side::Response && t.status.is_none())
    {
        table.status = Some(status);
        assumed.push(table.label());
    }
    for example in examples
        .iter_mut()
        .filter(|e| e.status.is_none() && !e.title.as_deref().is_some_and(shows_failure))
    {
        example.status = Some(status);
        assumed.push(format!("the example response on line {}", example.line));
    }
    if !assumed.is_empty() {
        let text = format!(
            "{} under no \"Status code:\" line: read as status {status}, {why}",
            assumed.join(", ")
        );
        review.push(Review::new(Kind::StatusAssumed, text));
    }
}
