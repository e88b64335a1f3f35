//! Splits a reference page's text into its parts: title and date, the "Function" paragraphs, method and
//! path, the parameter tables with their rows, the examples and the status codes. The site's navigation
//! before the title and the cookie and feedback footer after the last section are skipped: the content
//! starts at the "Function" heading and every section knows where it ends.

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
    /// The "Status Codes" table: status and description.
    pub status_codes: Vec<(u16, String)>,
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
    pub rows: Vec<Row>,
    pub line: usize,
}

impl Table {
    /// `Table 4 MemberGroupCreate`, as errors and reports name it.
    pub fn label(&self) -> String {
        format!("Table {} {}", self.number, self.caption)
    }
}

/// A row of a parameter table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    /// "Yes" in the Mandatory column; false where the table has none.
    pub required: bool,
    pub ty: Type,
    /// The description's paragraphs without the lines that are data (`Minimum:`, `Maximum:`, `Default:`,
    /// `Enumeration values:` and its bullets).
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
    /// `X object`.
    Object(String),
    /// `Array of X objects`, `Array of strings`.
    Array(Box<Type>),
}

impl Type {
    /// The spec's name for the type, objects by their name.
    pub fn spec_name(&self) -> &str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Long => "long",
            Type::Boolean => "boolean",
            Type::Object(name) => name,
            Type::Array(_) => "array",
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

/// The page's section headings, in page order.
const HEADINGS: &[&str] =
    &["Function", "Calling Method", "URI", "Request Parameters", "Response Parameters", "Example Requests", "Example Responses", "Status Codes", "Error Codes"];

/// A non-empty line of the page, trimmed, with its number and where its raw text starts.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
    offset: usize,
}

/// Splits `text` into a [`Page`]; a page that does not have the expected shape is an error naming the
/// line and, inside a table, the table and the row.
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
        status_codes: Vec::new(),
    };
    let mut saw_uri = false;
    for (heading, body) in sections(&lines[start..]) {
        match heading.text {
            "Function" => page.description = body.iter().map(|l| l.text.to_owned()).collect(),
            "URI" => {
                saw_uri = true;
                let first = body.first().ok_or_else(|| error(heading.no, "the URI section is empty: expected `METHOD /path`"))?;
                let (method, path) = method_and_path(first.text)
                    .ok_or_else(|| error(first.no, format!("expected `METHOD /path` after the URI heading, found {:?}", first.text)))?;
                page.method = method;
                page.path = path;
                page.tables.extend(tables(&body[1..], Side::Request)?);
            }
            "Request Parameters" => page.tables.extend(tables(body, Side::Request)?),
            "Response Parameters" => page.tables.extend(tables(body, Side::Response)?),
            "Example Requests" => page.request_examples = examples(body, text, false)?,
            "Example Responses" => page.response_examples = examples(body, text, true)?,
            "Status Codes" => page.status_codes = status_codes(body)?,
            // "Calling Method" links elsewhere; "Error Codes" is followed by the site's footer.
            _ => {}
        }
    }
    if !saw_uri {
        return Err(error(lines[start].no, "no URI section: the page gives no method and path"));
    }
    Ok(page)
}

fn error(line: usize, message: impl Into<String>) -> PageError {
    PageError { line, table: None, row: None, message: message.into() }
}

fn non_empty_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            lines.push(Line { no: i + 1, text: trimmed, offset });
        }
        offset += raw.len();
    }
    lines
}

/// The "Function" heading that starts the content (the navigation before it has no such line), or the
/// URI heading of a page without a "Function" section.
fn content_start(lines: &[Line<'_>]) -> Result<usize, PageError> {
    let uri = lines.iter().position(|l| l.text == "URI");
    let function = lines.iter().position(|l| l.text == "Function").filter(|&f| uri.is_some_and(|u| f < u));
    function.or(uri).ok_or_else(|| error(1, "no \"Function\" or \"URI\" heading: this does not look like an API reference page"))
}

/// The title is the last line before the content other than "Updated on ..."; the date may sit on either
/// side of it.
fn title_and_date(before: &[Line<'_>], start_line: usize) -> Result<(String, Option<String>), PageError> {
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
    let title = title.ok_or_else(|| error(start_line, "no title before the \"Function\" heading"))?;
    Ok((title, updated))
}

/// The content split at its headings; text before the first heading belongs to none.
fn sections<'a, 'l>(lines: &'l [Line<'a>]) -> Vec<(Line<'a>, &'l [Line<'a>])> {
    let starts: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| HEADINGS.contains(&l.text)).map(|(i, _)| i).collect();
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
    (crate::spec::HTTP_METHODS.contains(&method) && path.starts_with('/')).then(|| (method.to_owned(), path.to_owned()))
}

/// `Status code: 201`.
fn status_marker(text: &str) -> Option<u16> {
    text.strip_prefix("Status code:")?.trim().parse().ok()
}

/// `Table 4 MemberGroupCreate` as (4, "MemberGroupCreate"). A description line that happens to start with
/// "Table" is not a caption unless the rest is a name or a kind of parameters.
fn caption(text: &str) -> Option<(u32, &str)> {
    let rest = text.strip_prefix("Table ")?;
    let (number, caption) = rest.split_once(' ')?;
    let number = number.parse().ok()?;
    let caption = caption.trim();
    let is_name = caption.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !caption.is_empty();
    (is_name || caption.to_ascii_lowercase().ends_with("parameters")).then_some((number, caption))
}

/// The tables of a section; text outside tables (a note between two tables) belongs to none.
fn tables(lines: &[Line<'_>], side: Side) -> Result<Vec<Table>, PageError> {
    let mut found = Vec::new();
    let mut status = None;
    let mut i = 0;
    while i < lines.len() {
        if let Some(code) = status_marker(lines[i].text) {
            status = Some(code);
            i += 1;
        } else if let Some((number, caption)) = caption(lines[i].text) {
            let end = (i + 1..lines.len()).find(|&j| caption_or_status(lines[j].text)).unwrap_or(lines.len());
            found.push(table(&lines[i..end], number, caption, side, status)?);
            i = end;
        } else {
            i += 1;
        }
    }
    Ok(found)
}

fn caption_or_status(text: &str) -> bool {
    caption(text).is_some() || status_marker(text).is_some()
}

/// One table: its caption line, the header cells, then the rows.
fn table(lines: &[Line<'_>], number: u32, caption: &str, side: Side, status: Option<u16>) -> Result<Table, PageError> {
    let label = format!("Table {number} {caption}");
    let in_table = |line: usize, message: String| PageError { line, table: Some(label.clone()), row: None, message };
    let last = lines.last().map_or(0, |l| l.no);
    let mut i = 1;
    let expect = |cell: &str, i: &mut usize| -> Result<(), PageError> {
        match lines.get(*i) {
            Some(line) if line.text == cell => {
                *i += 1;
                Ok(())
            }
            Some(line) => Err(in_table(line.no, format!("expected the column header {cell:?}, found {:?}", line.text))),
            None => Err(in_table(last, format!("the table ends before its column header {cell:?} (truncated?)"))),
        }
    };
    expect("Parameter", &mut i)?;
    let mandatory_column = lines.get(i).is_some_and(|l| l.text == "Mandatory");
    if mandatory_column {
        i += 1;
    }
    expect("Type", &mut i)?;
    expect("Description", &mut i)?;
    let rows = rows(&lines[i..], mandatory_column, &label, last)?;
    if rows.is_empty() {
        return Err(in_table(last, "the table has no rows (truncated?)".to_owned()));
    }
    Ok(Table { number, caption: caption.to_owned(), side, status, mandatory_column, rows, line: lines[0].no })
}

fn rows(lines: &[Line<'_>], mandatory_column: bool, label: &str, last: usize) -> Result<Vec<Row>, PageError> {
    let mut rows = Vec::new();
    let mut i = 0;
    while let Some(first) = lines.get(i) {
        if !is_row_name(first.text) {
            return Err(PageError {
                line: first.no,
                table: Some(label.to_owned()),
                row: rows.last().map(|r: &Row| r.name.clone()),
                message: format!("expected a parameter name, found {:?}", first.text),
            });
        }
        let name = first.text;
        let in_row = |line: usize, message: String| PageError { line, table: Some(label.to_owned()), row: Some(name.to_owned()), message };
        i += 1;
        let required = if mandatory_column {
            let cell = lines.get(i).ok_or_else(|| in_row(last, "the table ends before the row's Mandatory and Type cells (truncated?)".to_owned()))?;
            i += 1;
            match cell.text {
                "Yes" => true,
                "No" => false,
                other => return Err(in_row(cell.no, format!("expected Yes or No in the Mandatory column, found {other:?}"))),
            }
        } else {
            false
        };
        let cell = lines.get(i).ok_or_else(|| in_row(last, "the table ends before the row's type (truncated?)".to_owned()))?;
        let ty = match parse_type(cell.text) {
            Some(Ok(ty)) => ty,
            Some(Err(unsupported)) => {
                return Err(in_row(
                    cell.no,
                    format!("type {unsupported:?} is not one the spec format has (String, Integer, Long, Boolean, `X object`, `Array of ...`)"),
                ))
            }
            None => {
                return Err(in_row(
                    cell.no,
                    format!("the row has no type: expected String, Integer, Long, Boolean, `X object` or `Array of X objects`, found {:?}", cell.text),
                ))
            }
        };
        i += 1;
        let start = i;
        while lines.get(i).is_some_and(|l| !is_row_name(l.text)) {
            i += 1;
        }
        let mut row = Row {
            name: name.to_owned(),
            required,
            ty,
            description: Vec::new(),
            minimum: None,
            maximum: None,
            default: None,
            enumeration: None,
            line: first.no,
        };
        description(&lines[start..i], &mut row).map_err(|(line, message)| in_row(line, message))?;
        rows.push(row);
    }
    Ok(rows)
}

/// A parameter name: one token of name characters, not a cell value of the other columns. Description
/// paragraphs have spaces or end with punctuation, so they never look like one.
fn is_row_name(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "_-.[]".contains(c))
        && !text.ends_with('.')
        && !matches!(text, "Yes" | "No")
        && parse_type(text).is_none()
}

/// The Type column; `Some(Err(..))` for a type the spec format does not have.
fn parse_type(text: &str) -> Option<Result<Type, String>> {
    // Lower-case and plural spellings only inside "Array of", so that a parameter named `type` or
    // `string` is not taken for a type.
    let simple = |word: &str, in_array: bool| match (word, in_array) {
        ("String", _) | ("string" | "strings" | "Strings", true) => Some(Ok(Type::String)),
        ("Integer", _) | ("integer" | "integers" | "Integers", true) => Some(Ok(Type::Integer)),
        ("Long", _) | ("long" | "longs" | "Longs", true) => Some(Ok(Type::Long)),
        ("Boolean", _) | ("boolean" | "booleans" | "Booleans", true) => Some(Ok(Type::Boolean)),
        ("Number" | "Float" | "Double" | "Object" | "BigDecimal" | "Short" | "File", _) | ("numbers" | "objects", true) => Some(Err(word.to_owned())),
        _ => None,
    };
    let object = |words: &str| {
        let name = words.strip_suffix(" objects").or_else(|| words.strip_suffix(" object"))?;
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        valid.then(|| Type::Object(name.to_owned()))
    };
    if let Some(inner) = text.strip_prefix("Array of ") {
        let inner = inner.trim();
        return match simple(inner, true).or_else(|| object(inner).map(Ok)) {
            Some(Ok(ty)) => Some(Ok(Type::Array(Box::new(ty)))),
            Some(Err(_)) | None => Some(Err(text.to_owned())),
        };
    }
    if text.starts_with("Map<") || text.starts_with("Array<") || text.starts_with("List<") {
        return Some(Err(text.to_owned()));
    }
    simple(text, false).or_else(|| object(text).map(Ok))
}

/// A `•` bullet's text.
pub fn bullet(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['•', '●', '◦', '▪'])?;
    Some(rest.trim())
}

/// Splits a row's description cell into paragraphs and the lines that are data.
fn description(lines: &[Line<'_>], row: &mut Row) -> Result<(), (usize, String)> {
    let mut in_enumeration = false;
    for line in lines {
        let text = line.text;
        if let Some(item) = bullet(text) {
            match (&mut row.enumeration, in_enumeration) {
                (Some(values), true) => values.push(item.to_owned()),
                _ => row.description.push(Paragraph::Bullet(item.to_owned())),
            }
            continue;
        }
        in_enumeration = false;
        let number = |value: &str, what: &str| {
            value.trim().replace(',', "").parse::<i64>().map_err(|_| (line.no, format!("{what} is not an integer: {:?}", value.trim())))
        };
        if text == "Enumeration values:" {
            in_enumeration = true;
            row.enumeration.get_or_insert_with(Vec::new);
        } else if let Some(value) = text.strip_prefix("Minimum:") {
            row.minimum = Some(number(value, "Minimum")?);
        } else if let Some(value) = text.strip_prefix("Maximum:") {
            row.maximum = Some(number(value, "Maximum")?);
        } else if let Some(value) = text.strip_prefix("Default:") {
            row.default = Some(value.trim().to_owned());
        } else {
            row.description.push(Paragraph::Text(text.to_owned()));
        }
    }
    Ok(())
}

/// The example bodies of a section: each JSON value, titled by the bullet before it, else (responses) by
/// the status's description line, else by the line before it.
fn examples(lines: &[Line<'_>], text: &str, responses: bool) -> Result<Vec<Example>, PageError> {
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
                Some(Err(e)) => return Err(error(line.no + e.line().saturating_sub(1), format!("the example is not valid JSON: {e}"))),
                None => return Err(error(line.no, "the example is empty")),
            };
            let end = line.offset + stream.byte_offset();
            let title = bullet_title.take().or(if responses { status_text } else { None }).or(plain.take());
            found.push(Example { status, title: title.map(str::to_owned), body, line: line.no });
            i = lines.iter().position(|l| l.offset >= end).unwrap_or(lines.len());
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

/// The "Status Codes" table: a header, then code and description in turn. It ends at the first line that
/// is not a status code, where the footer starts.
fn status_codes(lines: &[Line<'_>]) -> Result<Vec<(u16, String)>, PageError> {
    let mut i = 0;
    while lines.get(i).is_some_and(|l| matches!(l.text, "Status Code" | "Description")) {
        i += 1;
    }
    let mut codes = Vec::new();
    while let Some(code) = lines.get(i).and_then(|l| l.text.parse::<u16>().ok()) {
        let description = lines.get(i + 1).filter(|l| l.text.parse::<u16>().is_err());
        let description = description.ok_or_else(|| error(lines[i].no, format!("Status Codes: status {code} has no description")))?;
        codes.push((code, description.text.to_owned()));
        i += 2;
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types() {
        assert_eq!(parse_type("Array of MemberInfo objects"), Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into()))))));
        assert_eq!(parse_type("Array of strings"), Some(Ok(Type::Array(Box::new(Type::String)))));
        assert_eq!(parse_type("VpcHealthConfig object"), Some(Ok(Type::Object("VpcHealthConfig".into()))));
        assert_eq!(parse_type("Number"), Some(Err("Number".into())));
        assert_eq!(parse_type("Backend server ID."), None);
    }

    #[test]
    fn row_names() {
        assert!(is_row_name("X-Auth-Token"));
        assert!(is_row_name("member_group_name"));
        assert!(!is_row_name("Namespace."));
        assert!(!is_row_name("Options:"));
        assert!(!is_row_name("Yes"));
        assert!(!is_row_name("String"));
    }
}
