//! Splits a reference page's text into its parts: title and date, the "Function" paragraphs, method
//! and path, the parameter tables with their rows, the examples and the status codes. The site's
//! navigation before the title and the cookie and feedback footer after the last section are
//! skipped: the content starts at the "Function" heading and every section knows where it ends.
//!
//! The tables are read in `tables`, their rows in `rows` and the Type cells in `types`; this file
//! splits the page into sections.

mod rows;
mod tables;
mod types;

pub use rows::is_placeholder;
pub use types::sized_string;

use super::review::{Kind, Review};
use super::PageError;
use serde_json::Value;

/// A reference page, split.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    /// The "Updated on" date, `YYYY-MM-DD`, when the page states one.
    pub updated: Option<String>,
    /// The "Function" paragraphs.
    pub description: Vec<String>,
    pub method: String,
    pub path: String,
    /// Every table, in page order.
    pub tables: Vec<Table>,
    pub request_examples: Vec<Example>,
    pub response_examples: Vec<Example>,
    /// Examples left out because they are not JSON (the page's own typo, such as a trailing comma),
    /// as `line N: the example is not valid JSON: ...`, for the report.
    pub unread_examples: Vec<Review>,
    /// Tables left out because they are not parameter tables (a table of values inside a
    /// description, its header not "Parameter"), as `Table N caption (line N): ...`, for the
    /// report.
    pub unread_tables: Vec<Review>,
    /// The "Status Codes" table: status and description.
    pub status_codes: Vec<(u16, String)>,
}

impl Page {
    /// A review line about the row `row` of one of the page's tables.
    pub fn row_review(&self, row: &Row, kind: Kind, text: String) -> Review {
        let table = self
            .tables
            .iter()
            .find(|t| t.rows.iter().any(|r| r.line == row.line));
        match table {
            Some(table) => table.row_review(row, kind, text),
            None => Review::new(kind, text).at_line(row.line),
        }
    }
}

/// Which part of the page a table is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Under "URI" (path and query parameters) or "Request Parameters".
    Request,
    /// Under "Response Parameters".
    Response,
}

/// A parameter table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The number in "Table 4 MemberGroupCreate".
    pub number: u32,
    /// The caption after the number: an object name or "Request body parameters".
    pub caption: String,
    pub side: Side,
    /// The "Status code: N" the table is under, for response tables.
    pub status: Option<u16>,
    /// Whether the table has a Mandatory column (response tables do not).
    pub mandatory_column: bool,
    /// Whether the table has a Type column. The older dialect's URI tables have none; their rows
    /// are read as strings (path parameters are), and the import says so.
    pub type_column: bool,
    /// Whether the table is under the "URI" heading, not a request or response section.
    pub in_uri: bool,
    pub rows: Vec<Row>,
    pub line: usize,
}

impl Table {
    /// `Table 4 MemberGroupCreate`, as errors and reports name it.
    pub fn label(&self) -> String {
        format!("Table {} {}", self.number, self.caption)
    }

    /// A review line about the table.
    pub fn review(&self, kind: Kind, text: String) -> Review {
        Review::new(kind, text).in_table(self.label(), self.line)
    }

    /// A review line about its row `row`.
    pub fn row_review(&self, row: &Row, kind: Kind, text: String) -> Review {
        Review::new(kind, text).at_row(self.label(), &row.name, row.line)
    }
}

/// A row of a parameter table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    /// "Yes" in the Mandatory column; false where the table has none.
    pub required: bool,
    pub ty: Type,
    /// The description's paragraphs without the lines that are data (`Minimum:`, `Maximum:`,
    /// `Default:`, `Enumeration values:` and its bullets).
    pub description: Vec<Paragraph>,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    pub default: Option<String>,
    /// The bullets under "Enumeration values:", when the row has that block.
    pub enumeration: Option<Vec<String>>,
    pub line: usize,
}

/// A paragraph of a row's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paragraph {
    Text(String),
    /// A `•` bullet, without the bullet.
    Bullet(String),
}

/// The Type column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    Long,
    Boolean,
    /// `Float`, `Double`, `Number`.
    Float,
    /// `X object`.
    Object(String),
    /// `Object`: a JSON object the page does not describe (also the items of `Array of objects`).
    FreeObject,
    /// `Array of X objects`, `Array of strings`.
    Array(Box<Type>),
    /// `Map<String,X>`: a JSON object whose values are X.
    Map(Box<Type>),
    /// `File`: a form's file part, or a response body that is a file.
    File,
    /// A JSON value of any kind: `AnyType`, `JSON`, a cell naming two types (`Integer/Boolean`), and
    /// the items of an array the page does not describe (`Array`, `List`).
    Any,
    /// A Type cell the spec format has no type for (`Integer/Boolean`, `JSON Array`, `schedule
    /// array`), as written; the import leaves the row out and reports it.
    Unsupported(String),
}

impl Type {
    /// The spec's name for the type, objects by their name.
    pub fn spec_name(&self) -> &str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Long => "long",
            Type::Boolean => "boolean",
            Type::Float => "float",
            Type::Object(name) => name,
            Type::FreeObject => "object",
            Type::Array(_) => "array",
            Type::Map(_) => "map",
            Type::File => "file",
            Type::Any => "any",
            Type::Unsupported(written) => written,
        }
    }

    /// The element type of an array or a map, which the spec writes as `items`.
    pub fn items(&self) -> Option<&Type> {
        match self {
            Type::Array(items) | Type::Map(items) => Some(items),
            _ => None,
        }
    }
}

/// An example request or response body.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The status code it is under, for responses.
    pub status: Option<u16>,
    /// The bullet's text, else the line before the body (the status's description for responses).
    pub title: Option<String>,
    pub body: Value,
    pub line: usize,
}

/// The page's section headings, in page order. The older dialect (ECS, ELB) writes "Request",
/// "Response", "Example Request", "Example Response" and "Returned Values"; ModelArts writes
/// "Request Body" and "Response Body", and ends the parameters at "Samples" or "Status Code" (which
/// is also the first header cell of a "Status Codes" table, and there no heading).
const HEADINGS: &[&str] = &[
    "Function",
    "Calling Method",
    "URI",
    "Request Parameters",
    "Request",
    "Request Body",
    "Response Parameters",
    "Response",
    "Response Body",
    "Example Requests",
    "Example Request",
    "Example Responses",
    "Example Response",
    "Status Codes",
    "Returned Values",
    "Status Code",
    "Samples",
    "Error Codes",
];

/// A non-empty line of the page, trimmed, with its number and where its raw text starts.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
    offset: usize,
}

/// Splits `text` into a [`Page`]; a page that does not have the expected shape is an error naming
/// the line and, inside a table, the table and the row.
pub fn parse(text: &str) -> Result<Page, PageError> {
    let lines = non_empty_lines(text);
    let start = content_start(&lines)?;
    let (title, updated) = title_and_date(&lines[..start], lines[start].no)?;
    let mut page = Page {
        title,
        updated,
        description: Vec::new(),
        method: String::new(),
        path: String::new(),
        tables: Vec::new(),
        request_examples: Vec::new(),
        response_examples: Vec::new(),
        unread_examples: Vec::new(),
        unread_tables: Vec::new(),
        status_codes: Vec::new(),
    };
    let mut saw_uri = false;
    for (heading, body) in sections(&lines[start..]) {
        match heading.text {
            "Function" => page.description = body.iter().map(|l| l.text.to_owned()).collect(),
            "URI" => {
                saw_uri = true;
                let first = body.first().ok_or_else(|| {
                    error(
                        heading.no,
                        "the URI section is empty: expected `METHOD /path`",
                    )
                })?;
                let (method, path) = method_and_path(first.text).ok_or_else(|| {
                    error(
                        first.no,
                        format!(
                            "expected `METHOD /path` after the URI heading, found {:?}",
                            first.text
                        ),
                    )
                })?;
                page.method = method;
                page.path = path;
                let mut found = tables::tables(&body[1..], Side::Request, &mut page.unread_tables)?;
                found.iter_mut().for_each(|t| t.in_uri = true);
                page.tables.extend(found);
            }
            "Request Parameters" | "Request" | "Request Body" => page.tables.extend(
                tables::tables(body, Side::Request, &mut page.unread_tables)?,
            ),
            "Response Parameters" | "Response" | "Response Body" => page.tables.extend(
                tables::tables(body, Side::Response, &mut page.unread_tables)?,
            ),
            "Example Requests" | "Example Request" => {
                page.request_examples = examples(body, text, false, &mut page.unread_examples)?
            }
            "Example Responses" | "Example Response" => {
                page.response_examples = examples(body, text, true, &mut page.unread_examples)?
            }
            "Status Codes" => page.status_codes = status_codes(body)?,
            // "Calling Method" links elsewhere; "Error Codes" is followed by the site's footer.
            _ => {}
        }
    }
    if !saw_uri {
        return Err(error(
            lines[start].no,
            "no URI section: the page gives no method and path",
        ));
    }
    Ok(page)
}

fn error(line: usize, message: impl Into<String>) -> PageError {
    PageError {
        line,
        table: None,
        row: None,
        message: message.into(),
    }
}

fn non_empty_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            lines.push(Line {
                no: i + 1,
                text: trimmed,
                offset,
            });
        }
        offset += raw.len();
    }
    lines
}

/// The "Function" heading that starts the content (the navigation before it has no such line), or
/// the URI heading of a page without a "Function" section.
fn content_start(lines: &[Line<'_>]) -> Result<usize, PageError> {
    let uri = lines.iter().position(|l| l.text == "URI");
    let function = lines
        .iter()
        .position(|l| l.text == "Function")
        .filter(|&f| uri.is_some_and(|u| f < u));
    function.or(uri).ok_or_else(|| {
        error(
            1,
            "no \"Function\" or \"URI\" heading: this does not look like an API reference page",
        )
    })
}

/// The title is the last line before the content other than "Updated on ..."; the date may sit on
/// either side of it.
fn title_and_date(
    before: &[Line<'_>],
    start_line: usize,
) -> Result<(String, Option<String>), PageError> {
    let mut title = None;
    let mut updated = None;
    for line in before.iter().rev().take(3) {
        if let Some(date) = line.text.strip_prefix("Updated on ") {
            updated = updated.or_else(|| date.split_whitespace().next().map(str::to_owned));
        } else if title.is_none() {
            title = Some(line.text.to_owned());
        } else {
            break;
        }
    }
    let title =
        title.ok_or_else(|| error(start_line, "no title before the \"Function\" heading"))?;
    Ok((title, updated))
}

/// The content split at its headings; text before the first heading belongs to none.
fn sections<'a, 'l>(lines: &'l [Line<'a>]) -> Vec<(Line<'a>, &'l [Line<'a>])> {
    let is_heading = |i: usize| {
        HEADINGS.contains(&lines[i].text)
            && !(lines[i].text == "Status Code" && i > 0 && lines[i - 1].text == "Status Codes")
    };
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| is_heading(i)).collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            (lines[i], &lines[i + 1..end])
        })
        .collect()
}

fn method_and_path(text: &str) -> Option<(String, String)> {
    let (method, path) = text.split_once(' ')?;
    let path = path.trim();
    (crate::spec::HTTP_METHODS.contains(&method) && path.starts_with('/'))
        .then(|| (method.to_owned(), path.to_owned()))
}

/// `Status code: 201`.
fn status_marker(text: &str) -> Option<u16> {
    text.strip_prefix("Status code:")?.trim().parse().ok()
}

/// A `•` bullet's text.
pub fn bullet(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['•', '●', '◦', '▪'])?;
    Some(rest.trim())
}

/// The example bodies of a section: each JSON value, titled by the bullet before it, else
/// (responses) by the status's description line, else by the line before it. An example that is not
/// JSON is left out (noted in `unread`) up to the next status or bullet: it documents nothing the
/// spec keeps.
fn examples(
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

/// The "Status Codes" table: a header, then code and description in turn. It ends at the first line
/// that is not a status code, where the footer starts.
fn status_codes(lines: &[Line<'_>]) -> Result<Vec<(u16, String)>, PageError> {
    let mut i = 0;
    while lines
        .get(i)
        .is_some_and(|l| matches!(l.text, "Status Code" | "Description"))
    {
        i += 1;
    }
    let mut codes = Vec::new();
    while let Some(code) = lines.get(i).and_then(|l| l.text.parse::<u16>().ok()) {
        let description = lines.get(i + 1).filter(|l| l.text.parse::<u16>().is_err());
        let description = description.ok_or_else(|| {
            error(
                lines[i].no,
                format!("Status Codes: status {code} has no description"),
            )
        })?;
        codes.push((code, description.text.to_owned()));
        i += 2;
    }
    Ok(codes)
}
