//! The rows of a parameter table: where each starts (its name, never a paragraph of the description
//! above), its Mandatory and Type cells, and its description with the lines that are data
//! (`Minimum:`, `Default:`, `Enumeration values:`).

use super::types::{cell_type, parse_type};
use super::{bullet, Line, PageError, Paragraph, Row, Type};

/// Which of the optional columns a table has.
#[derive(Clone, Copy)]
pub(super) struct Columns {
    pub(super) mandatory: bool,
    pub(super) ty: bool,
}

/// How many lines the column header takes at `lines[i]`, where a long table repeats it (the site
/// repeats the header of a table split across pages): `Parameter`, then the table's own columns.
fn repeated_header(lines: &[Line<'_>], i: usize, columns: Columns) -> Option<usize> {
    let mut cells = vec!["Parameter"];
    cells.extend(columns.mandatory.then_some("Mandatory"));
    cells.extend(columns.ty.then_some("Type"));
    cells.push("Description");
    let found = lines.get(i..i + cells.len())?;
    found
        .iter()
        .zip(&cells)
        .all(|(line, cell)| line.text == *cell)
        .then_some(cells.len())
}

pub(super) fn rows(
    lines: &[Line<'_>],
    columns: Columns,
    label: &str,
    last: usize,
) -> Result<Vec<Row>, PageError> {
    let mandatory_column = columns.mandatory;
    let mut rows = Vec::new();
    let mut i = 0;
    while let Some(first) = lines.get(i) {
        if let Some(header) = repeated_header(lines, i, columns) {
            i += header;
            continue;
        }
        if !starts_row(lines, i, mandatory_column) {
            return Err(PageError {
                line: first.no,
                table: Some(label.to_owned()),
                row: rows.last().map(|r: &Row| r.name.clone()),
                message: format!("expected a parameter name, found {:?}", first.text),
            });
        }
        let name = first.text;
        let in_row = |line: usize, message: String| PageError {
            line,
            table: Some(label.to_owned()),
            row: Some(name.to_owned()),
            message,
        };
        i += 1;
        let required = mandatory_column && mandatory_cell(lines, &mut i, last, &in_row)?;
        let ty = match columns.ty {
            true => cell_type(next_cell(lines, &mut i, last, &in_row, "type")?, &in_row)?,
            false => Type::String,
        };
        let start = i;
        // A placeholder row must be its table's only row, so only a row its cells confirm ends its
        // description (and is then reported): a one-word paragraph such as `OK` is not one.
        let ends_description = |i: usize| match is_placeholder(name) {
            true => could_name_row(lines[i].text) && cell_follows(lines, i, mandatory_column),
            false => {
                starts_row(lines, i, mandatory_column)
                    || repeated_header(lines, i, columns).is_some()
            }
        };
        while i < lines.len() && !ends_description(i) {
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
    check_placeholders(&rows, label)?;
    Ok(rows)
}

/// The row's next cell, at `lines[*i]`; moves past it. `cells` names what the table ends before
/// when there is none.
fn next_cell<'l, 'a>(
    lines: &'l [Line<'a>],
    i: &mut usize,
    last: usize,
    in_row: &impl Fn(usize, String) -> PageError,
    cells: &str,
) -> Result<&'l Line<'a>, PageError> {
    let cell = lines.get(*i).ok_or_else(|| {
        in_row(
            last,
            format!("the table ends before the row's {cells} (truncated?)"),
        )
    })?;
    *i += 1;
    Ok(cell)
}

/// The row's Mandatory cell, `Yes` or `No`.
fn mandatory_cell(
    lines: &[Line<'_>],
    i: &mut usize,
    last: usize,
    in_row: &impl Fn(usize, String) -> PageError,
) -> Result<bool, PageError> {
    let cell = next_cell(lines, i, last, in_row, "Mandatory and Type cells")?;
    match cell.text {
        "Yes" => Ok(true),
        "No" => Ok(false),
        other => Err(in_row(
            cell.no,
            format!("expected Yes or No in the Mandatory column, found {other:?}"),
        )),
    }
}

/// A placeholder row stands for the whole of its table: `{User defined key}` of type
/// `Map<String,X>` (the table is a map) or `-` of type `File` (the body is a file). Beside other
/// rows, or of another type, the format cannot say what it means.
fn check_placeholders(rows: &[Row], label: &str) -> Result<(), PageError> {
    for row in rows.iter().filter(|r| is_placeholder(&r.name)) {
        let fits = match row.name.as_str() {
            "-" => row.ty == Type::File,
            _ => matches!(row.ty, Type::Map(_)),
        };
        if rows.len() > 1 || !fits {
            let message = format!(
                "a row named {:?} stands for its whole table, and so must be its only row, a `{{...}}` row of type `Map<String,X>` or a `-` row of type `File`",
                row.name
            );
            return Err(PageError {
                line: row.line,
                table: Some(label.to_owned()),
                row: Some(row.name.clone()),
                message,
            });
        }
    }
    Ok(())
}

/// `{User defined key}` (a map's keys) or `-` (no name: the body itself).
pub fn is_placeholder(name: &str) -> bool {
    name == "-"
        || (name.len() > 2
            && name.starts_with('{')
            && name.ends_with('}')
            && !name[1..name.len() - 1].contains(['{', '}']))
}

/// Whether a row starts at `lines[i]`. A plain name (`is_row_name`) always does. A wire name with other
/// characters (`@modelarts:color`, `OS-DCF:diskConfig`) or a placeholder (`{User defined key}`, `-`) does
/// only where the next line is its cell: `Yes`/`No` in a table with a Mandatory column, else a type. So a
/// paragraph such as `NOTE:` or `Values:` is never read as a row.
///
/// In a table with a Mandatory column a plain name starts a row only before `Yes`/`No` or a type
/// (the row without its Mandatory cell is then reported): a description's one-word paragraph such
/// as `Examples` before `Before base64 encoding:` is not a row. Without one, a plain name is not a
/// row before another name and a type: it is a one-word description (`Discarded`).
fn starts_row(lines: &[Line<'_>], i: usize, mandatory_column: bool) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let next_is =
        |k: usize, cell: &dyn Fn(&str) -> bool| lines.get(i + k).is_some_and(|l| cell(l.text));
    let is_type = |text: &str| parse_type(text).is_some();
    let plain = is_row_name(line.text)
        && match mandatory_column {
            true => next_is(1, &|t| matches!(t, "Yes" | "No") || is_type(t)),
            // A one-word description (`Discarded`) before the next row's name and type.
            false => !(next_is(1, &is_row_name) && next_is(2, &is_type)),
        };
    plain || (could_name_row(line.text) && cell_follows(lines, i, mandatory_column))
}

/// Whether the text could be a row's name: a plain one, another wire name, or a placeholder.
fn could_name_row(text: &str) -> bool {
    is_row_name(text) || is_placeholder(text) || is_odd_row_name(text)
}

/// Whether the line after `lines[i]` is a row's next cell: `Yes`/`No` in a table with a Mandatory
/// column, else a type.
fn cell_follows(lines: &[Line<'_>], i: usize, mandatory_column: bool) -> bool {
    match lines.get(i + 1).map(|l| l.text) {
        Some("Yes" | "No") => mandatory_column,
        Some(cell) => !mandatory_column && parse_type(cell).is_some(),
        None => false,
    }
}

/// A wire name that is one token but not a plain name: it has a letter or digit, no spaces, does
/// not end like a sentence or a label (`NOTE:`), and is not a bullet or a cell of another column.
fn is_odd_row_name(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
        && !text.chars().any(char::is_whitespace)
        && !text.ends_with(['.', ',', ';', ':'])
        && super::bullet(text).is_none()
        && !matches!(text, "Yes" | "No")
        && parse_type(text).is_none()
}

/// A parameter name: one token of name characters, not a cell value of the other columns.
/// Description paragraphs have spaces or end with punctuation, so they never look like one.
fn is_row_name(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.[]".contains(c))
        && !text.ends_with('.')
        && !matches!(text, "Yes" | "No")
        && parse_type(text).is_none()
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
            value.trim().replace(',', "").parse::<i64>().map_err(|_| {
                (
                    line.no,
                    format!("{what} is not an integer: {:?}", value.trim()),
                )
            })
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

/// `texts` as a page's non-empty lines, numbered from 1, for the tests of the table readers.
#[cfg(test)]
pub(super) fn test_lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
    texts
        .iter()
        .enumerate()
        .map(|(no, text)| Line {
            no: no + 1,
            text,
            offset: 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::test_lines as lines;
    use super::*;

    #[test]
    fn row_names() {
        assert!(is_row_name("X-Auth-Token"));
        assert!(is_row_name("member_group_name"));
        assert!(!is_row_name("Namespace."));
        assert!(!is_row_name("Options:"));
        assert!(!is_row_name("Yes"));
        assert!(!is_row_name("String"));
    }

    #[test]
    fn odd_wire_names_and_placeholders_start_rows_only_before_their_cells() {
        for name in [
            "@modelarts:color",
            "OS-DCF:diskConfig",
            "{User defined key}",
            "-",
        ] {
            assert!(
                starts_row(&lines(&[name, "No", "String"]), 0, true),
                "{name} before its Mandatory cell"
            );
            assert!(
                starts_row(&lines(&[name, "Map<String,ResponseInfoResp>"]), 0, false),
                "{name} before its type"
            );
            // Not where the next line is a paragraph, and not where the table has another column
            // there.
            assert!(
                !starts_row(&lines(&[name, "Label color."]), 0, false),
                "{name} before prose"
            );
            assert!(
                !starts_row(&lines(&[name, "String"]), 0, true),
                "{name} without its Mandatory cell"
            );
            assert!(!starts_row(&lines(&[name]), 0, false), "{name} at the end");
        }
        // A description's lines never start a row, whatever follows them.
        for paragraph in [
            "NOTE:",
            "Values:",
            "• ACTIVE",
            "Example: #FFFFF0.",
            "{key} is the error type.",
            "--",
            "1,024.",
        ] {
            assert!(
                !starts_row(&lines(&[paragraph, "No", "String"]), 0, true),
                "{paragraph:?}"
            );
            assert!(
                !starts_row(&lines(&[paragraph, "String"]), 0, false),
                "{paragraph:?}"
            );
        }
        // A plain name is a row as before, so that a row without its type is still reported as
        // such.
        assert!(starts_row(
            &lines(&["member_group_remark", "Group remark."]),
            0,
            false
        ));
    }
}
