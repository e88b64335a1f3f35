//! Splits a reference page's text into its parts: title and date, the "Function" paragraphs, method
//! and path, the parameter tables with their rows, the examples and the status codes. The site's
//! navigation before the title and the cookie and feedback footer after the last section are
//! skipped: the content starts at the "Function" heading and every section knows where it ends.
//! The page is read by its structure (headings by their place, tables by their header rows, the
//! indentation of list items), so that the dialects of other documentation teams read alike.
//!
//! The headings and the method and path are found in `sections`, the tables in `tables` (their
//! header rows in `columns`), their rows in `rows` and the Type cells in `types`, the examples and
//! status codes in `examples`; this file puts the sections together.

mod columns;
#[cfg(test)]
mod dialect_tests;
mod examples;
mod query;
mod rows;
mod sections;
mod tables;
#[cfg(test)]
mod tests;
mod types;

pub use rows::is_placeholder;
pub use types::sized_string;

use super::review::{Kind, Review};
use super::PageError;
pub use query::QueryPiece;
use sections::Role;
use serde_json::Value;

/// A reference page, split.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub title: String,
    /// The "Updated on" date, `YYYY-MM-DD`, when the page states one.
    pub updated: Option<String>,
    /// The "Function" paragraphs.
    pub description: Vec<String>,
    pub method: String,
    /// The path, without the query part the page may write into it.
    pub path: String,
    /// The query part the page writes into its path, piece by piece: the query parameters it
    /// names.
    pub query: Vec<QueryPiece>,
    /// Every table, in page order.
    pub tables: Vec<Table>,
    pub request_examples: Vec<Example>,
    pub response_examples: Vec<Example>,
    /// Examples left out because they are not JSON (the page's own typo, such as a trailing comma),
    /// as `line N: the example is not valid JSON: ...`, for the report.
    pub unread_examples: Vec<Review>,
    /// What the reading of the tables left out or decided in a wider sense, for the report:
    /// tables left out (a table of values inside a description, a table whose rows cannot be read),
    /// as `Table N caption (line N): ...`; Mandatory cells in words; the success status assumed for
    /// response tables under no status line; a path taken from the example request.
    pub unread_tables: Vec<Review>,
    /// The "Status Codes" table: status and description.
    pub status_codes: Vec<(u16, String)>,
}

impl Page {
    /// Whether the page's method sends no body (GET, DELETE, HEAD): its request tables are query
    /// parameters, and its path may be all it documents.
    pub fn sends_no_body(&self) -> bool {
        matches!(self.method.as_str(), "GET" | "DELETE" | "HEAD")
    }

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
    /// Under a URI heading (path and query parameters) or a request heading ("Request
    /// Parameters", "Request").
    Request,
    /// Under a response heading ("Response Parameters", "Normal Response").
    Response,
}

/// A parameter table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The number in "Table 4 MemberGroupCreate"; 0 when the page gives the table no "Table N"
    /// caption (a running number could be mistaken for a "see Table N" pointer of the page).
    pub number: u32,
    /// The caption after the number: an object name or "Request body parameters"; for a table with
    /// no "Table N" caption, the words that introduce it (the bullet or line before its header,
    /// "Parameters in the volume field"), else its section's heading.
    pub caption: String,
    pub side: Side,
    /// The "Status code: N" the table is under, for response tables; for a response table under
    /// no status line, the page's lowest documented 2xx (with a review line), else none.
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
    /// `Table 4 MemberGroupCreate`, as errors and reports name it; a table the page gives no
    /// number (number 0) by its caption alone.
    pub fn label(&self) -> String {
        match self.number {
            0 => self.caption.clone(),
            n => format!("Table {n} {}", self.caption),
        }
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

/// A non-empty line of the page, trimmed, with its number, where its raw text starts and how far
/// it is indented (innerText indents list items and their content).
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
    offset: usize,
    indent: usize,
}

/// Splits `text` into a [`Page`]. A page with no method and path is an error naming the line; a
/// table that cannot be read is left out with a review line (`unread_tables`).
pub fn parse(text: &str) -> Result<Page, PageError> {
    let lines = non_empty_lines(text);
    let headings = sections::headings(&lines);
    let start = content_start(&headings)?;
    let (title, updated) = title_and_date(&lines[..start], lines[start].no)?;
    let mut page = Page {
        title,
        updated,
        ..Page::default()
    };
    let headings: Vec<(usize, Role)> = headings.into_iter().filter(|&(i, _)| i >= start).collect();
    // Every status the Status Codes section names, for the success status of response tables
    // under no status line.
    let mut documented = Vec::new();
    for (k, &(at, role)) in headings.iter().enumerate() {
        let end = headings.get(k + 1).map_or(lines.len(), |&(next, _)| next);
        let body = &lines[at + 1..end];
        read_section(&mut page, &mut documented, text, (lines[at], role), body)?;
    }
    if page.method.is_empty() {
        (page.method, page.path) = method_and_path_elsewhere(&lines, start, &headings, &mut page)?;
    }
    query::split_query(&mut page);
    examples::assume_success_status(
        &mut page.tables,
        &mut page.response_examples,
        &documented,
        &mut page.unread_tables,
    );
    Ok(page)
}

/// The method and path of a page whose URI section does not give both: in the lines before the
/// first section with tables or examples, else (with a review line) the URI section's lone method
/// and the path of an example request that uses it (`GET https://{Endpoint}/`).
fn method_and_path_elsewhere(
    lines: &[Line<'_>],
    start: usize,
    headings: &[(usize, Role)],
    page: &mut Page,
) -> Result<(String, String), PageError> {
    let first = headings
        .iter()
        .find(|(_, r)| !matches!(r, Role::Function | Role::Uri | Role::Other))
        .map_or(lines.len(), |&(i, _)| i);
    if let Some(found) = sections::method_and_path(&lines[start..first]) {
        return Ok(found);
    }
    let (method, path) = sections::path_from_example(lines, headings).ok_or_else(|| {
        error(
            lines[start].no,
            "no method and path (`METHOD /path`, or `PATH:` and `Method:` lines) in the URI section or before the request",
        )
    })?;
    let text = format!("the URI section gives the method {method} and no path; the path {path} is its example request's");
    page.unread_tables
        .push(Review::new(Kind::PathFromExample, text));
    Ok((method, path))
}

/// Reads the section under `heading` into `page`.
fn read_section(
    page: &mut Page,
    documented: &mut Vec<u16>,
    text: &str,
    (heading, role): (Line<'_>, Role),
    body: &[Line<'_>],
) -> Result<(), PageError> {
    let side = match role {
        Role::Function => {
            page.description = body.iter().map(|l| l.text.to_owned()).collect();
            return Ok(());
        }
        Role::RequestExamples | Role::ResponseExamples => {
            let responses = role == Role::ResponseExamples;
            let found = examples::examples(body, text, responses, &mut page.unread_examples)?;
            match responses {
                true => page.response_examples.extend(found),
                false => page.request_examples.extend(found),
            }
            return Ok(());
        }
        Role::Status => {
            page.status_codes = examples::status_codes(body);
            documented.extend(examples::documented_statuses(body));
            return Ok(());
        }
        Role::Other | Role::Examples => return Ok(()),
        Role::Uri => {
            if let Some((method, path)) = sections::method_and_path(body) {
                (page.method, page.path) = (method, path);
            }
            Side::Request
        }
        Role::Request => Side::Request,
        Role::Response => Side::Response,
    };
    let (mut found, rest) = tables::tables(body, heading.text, side, &mut page.unread_tables);
    found.iter_mut().for_each(|t| t.in_uri = role == Role::Uri);
    page.tables.extend(found);
    // Some dialects put the example under a bullet of the request or response section.
    if role != Role::Uri {
        let responses = side == Side::Response;
        let found = examples::examples(&rest, text, responses, &mut page.unread_examples)?;
        match responses {
            true => page.response_examples.extend(found),
            false => page.request_examples.extend(found),
        }
    }
    Ok(())
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
                indent: raw.len() - raw.trim_start().len(),
            });
        }
        offset += raw.len();
    }
    lines
}

/// The "Function" heading that starts the content (the navigation before it has no such line), or
/// the URI heading of a page without a "Function" section.
fn content_start(headings: &[(usize, Role)]) -> Result<usize, PageError> {
    let uri = headings
        .iter()
        .find(|(_, r)| *r == Role::Uri)
        .map(|&(i, _)| i);
    let function = headings
        .iter()
        .find(|(_, r)| *r == Role::Function)
        .map(|&(i, _)| i)
        .filter(|&f| uri.is_some_and(|u| f < u));
    function.or(uri).ok_or_else(|| {
        error(
            1,
            "no \"Function\" or \"URI\" heading: this does not look like an API reference page",
        )
    })
}

/// The title is the last line before the content other than "Updated on ..." and the paragraphs
/// of an introduction; the date may sit on either side of it.
fn title_and_date(
    before: &[Line<'_>],
    start_line: usize,
) -> Result<(String, Option<String>), PageError> {
    let mut title = None;
    let mut updated = None;
    // Paragraphs between the title and the content (an introduction before "Function") are
    // sentences or bullets; the title is neither.
    let paragraph = |text: &str| text.ends_with(['.', ':', ';']) || bullet(text).is_some();
    for line in before.iter().rev() {
        if let Some(date) = line.text.strip_prefix("Updated on ") {
            updated = updated.or_else(|| date.split_whitespace().next().map(str::to_owned));
        } else if title.is_none() && !paragraph(line.text) {
            title = Some(line.text.to_owned());
        } else if title.is_some() {
            break;
        }
    }
    // A page whose title reads as a sentence: the line before the content.
    title = title.or_else(|| {
        let last = before
            .iter()
            .rev()
            .find(|l| !l.text.starts_with("Updated on "));
        last.map(|l| l.text.to_owned())
    });
    let title =
        title.ok_or_else(|| error(start_line, "no title before the \"Function\" heading"))?;
    Ok((title, updated))
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
