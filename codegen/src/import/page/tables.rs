//! The parameter tables of a section: captions, the header cells, each row's name, Mandatory and Type
//! cells, and its description with the lines that are data (`Minimum:`, `Default:`, `Enumeration values:`).

use super::{bullet, status_marker, Line, PageError, Paragraph, Row, Side, Table, Type};

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
pub(super) fn tables(lines: &[Line<'_>], side: Side) -> Result<Vec<Table>, PageError> {
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
        ("Number" | "Float" | "Double", _) | ("number" | "numbers" | "float" | "floats" | "double" | "doubles", true) => Some(Ok(Type::Float)),
        ("Object" | "BigDecimal" | "Short" | "File", _) | ("objects", true) => Some(Err(word.to_owned())),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types() {
        assert_eq!(parse_type("Array of MemberInfo objects"), Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into()))))));
        assert_eq!(parse_type("Array of strings"), Some(Ok(Type::Array(Box::new(Type::String)))));
        assert_eq!(parse_type("VpcHealthConfig object"), Some(Ok(Type::Object("VpcHealthConfig".into()))));
        assert_eq!(parse_type("Number"), Some(Ok(Type::Float)));
        assert_eq!(parse_type("Array of doubles"), Some(Ok(Type::Array(Box::new(Type::Float)))));
        assert_eq!(parse_type("BigDecimal"), Some(Err("BigDecimal".into())));
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
