//! The rows of a parameter table: where each starts (its name, never a paragraph of the description
//! above), its Mandatory and Type cells, and its description with the lines that are data
//! (`Minimum:`, `Default:`, `Enumeration values:`).

use super::columns::{header, Column, Columns};
use super::types::{cell_type, parse_type};
use super::{bullet, Line, PageError, Paragraph, Row, Type};
use crate::import::review::{Kind, Review};

/// How many lines the column header takes at `lines[i]`, where a long table repeats it (the site
/// repeats the header of a table split across pages).
fn repeated_header(lines: &[Line<'_>], i: usize, columns: &Columns) -> Option<usize> {
    header(lines, i)
        .filter(|found| found == columns)
        .map(|found| found.len())
}

/// The rows of a table with `columns`, and review lines about cells read in a wider sense (a
/// Mandatory cell in words).
pub(super) fn rows(
    lines: &[Line<'_>],
    columns: &Columns,
    label: &str,
    last: usize,
) -> Result<(Vec<Row>, Vec<Review>), PageError> {
    let leading = columns.leading();
    let mut rows = Vec::new();
    let mut reviews = Vec::new();
    let mut i = 0;
    while let Some(first) = lines.get(i) {
        if let Some(header) = repeated_header(lines, i, columns) {
            i += header;
            continue;
        }
        // The line right after the header is a row's name wherever its cells are in words.
        let first_row = i == 0 && could_name_row(first.text);
        if !first_row && !starts_row(lines, i, &leading) {
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
        let cells = leading_cells(lines, &mut i, &leading, &in_row, last)?;
        if let Some(words) = cells.mandatory_in_words {
            let text = format!("{label}, row {name}: the Mandatory cell is {words:?}, not Yes or No; the row is read as optional");
            let review = Review::new(Kind::MandatoryInWords, text);
            reviews.push(review.at_row(label.to_owned(), name, first.no));
        }
        let start = i;
        // A placeholder row must be its table's only row, so only a row its cells confirm ends its
        // description (and is then reported): a one-word paragraph such as `OK` is not one.
        let ends_description = |i: usize| match is_placeholder(name) {
            true => row_with_cells(lines, i, &leading),
            false => starts_row(lines, i, &leading) || repeated_header(lines, i, columns).is_some(),
        };
        while i < lines.len() && !ends_description(i) {
            i += 1;
        }
        let row = row(name, first.no, &lines[start..i], columns, cells)
            .map_err(|(line, message)| in_row(line, message))?;
        rows.push(row);
    }
    check_placeholders(&rows, label)?;
    Ok((rows, reviews))
}

/// The one-line cells of a row read so far.
#[derive(Default)]
struct Cells<'a> {
    required: Option<bool>,
    ty: Option<Type>,
    /// A Mandatory cell that is a condition in words, not `Yes` or `No`.
    mandatory_in_words: Option<&'a str>,
}

/// The cells right after a row's name (`leading`), from `lines[*i]`; moves past them. A Mandatory
/// cell in words (`• value is mandatory when action is create.`) makes the row optional and stays
/// in its description.
fn leading_cells<'a>(
    lines: &[Line<'a>],
    i: &mut usize,
    leading: &[Column],
    in_row: &impl Fn(usize, String) -> PageError,
    last: usize,
) -> Result<Cells<'a>, PageError> {
    let mut cells = Cells::default();
    for column in leading {
        let cell = lines.get(*i).ok_or_else(|| {
            let what = match column {
                Column::Mandatory => "Mandatory cell",
                _ => "type",
            };
            in_row(
                last,
                format!("the table ends before the row's {what} (truncated?)"),
            )
        })?;
        match (column, cell.text) {
            (Column::Mandatory, yes_no @ ("Yes" | "No")) => {
                cells.required = Some(yes_no == "Yes");
                *i += 1;
            }
            (Column::Mandatory, words) => {
                cells.required = Some(false);
                cells.mandatory_in_words = Some(words);
            }
            _ => {
                cells.ty = Some(type_cell(cell, in_row)?);
                *i += 1;
            }
        }
    }
    Ok(cells)
}

/// A row from its name, the cells read before its description and the lines after them: the
/// Mandatory or Type cell of a column after the description (its first `Yes`/`No` or type line),
/// then the description and the free columns.
fn row(
    name: &str,
    line: usize,
    block: &[Line<'_>],
    columns: &Columns,
    mut cells: Cells<'_>,
) -> Result<Row, (usize, String)> {
    let mut block = block.to_vec();
    for (column, _) in columns.trailing() {
        let fits = |text: &str| match column {
            Column::Mandatory => matches!(text, "Yes" | "No"),
            Column::Type => parse_type(text).is_some(),
            _ => false,
        };
        if let Some(at) = block.iter().position(|l| fits(l.text)) {
            let cell = block.remove(at);
            match column {
                Column::Mandatory => cells.required = Some(cell.text == "Yes"),
                _ => cells.ty = parse_type(cell.text).map(|t| t.unwrap_or_else(Type::Unsupported)),
            }
        }
    }
    let ty = match (cells.ty, columns.has(Column::Type)) {
        (Some(ty), _) => ty,
        (None, false) => Type::String,
        (None, true) => return Err((line, "the row has no type".to_owned())),
    };
    let mut row = Row {
        name: name.to_owned(),
        required: cells.required.unwrap_or(false),
        ty,
        description: Vec::new(),
        minimum: None,
        maximum: None,
        default: None,
        enumeration: None,
        line,
    };
    let free: Vec<&(Column, &str)> = columns
        .trailing()
        .iter()
        .filter(|(c, _)| matches!(c, Column::Description | Column::Free))
        .collect();
    // One line per cell: each free column's cell is known, and is named.
    if free.len() > 1 && block.len() == free.len() {
        for (cell, (column, header)) in block.iter().zip(free) {
            match column {
                Column::Free => row
                    .description
                    .push(Paragraph::Text(format!("{header}: {}", cell.text))),
                _ => description(std::slice::from_ref(cell), &mut row),
            }
        }
        return Ok(row);
    }
    description(&block, &mut row);
    Ok(row)
}

/// A row's Type cell: a type; else, as written for the build to report or read, a type in words
/// that points at the table of its object (rds: `Dictionary data structure. For details, see Table
/// 3.`, cce: `Table 3`) or a phrase of up to three words, not a sentence (`AnyType`, `Resource_tag
/// structure`). A sentence is the row's description, not its type: the row has none, an error.
fn type_cell(
    cell: &Line<'_>,
    in_row: &impl Fn(usize, String) -> PageError,
) -> Result<Type, PageError> {
    let text = cell.text;
    let words = text.split_whitespace().count();
    let in_words = !text.ends_with(['.', ':', ';', ',']) && !matches!(text, "Yes" | "No");
    let pointer = text
        .split("Table")
        .skip(1)
        .any(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    match cell_type(cell, in_row) {
        Ok(ty) => Ok(ty),
        Err(_)
            if points_at_table(text) || (in_words && (words <= 3 || (pointer && words <= 8))) =>
        {
            Ok(Type::Unsupported(text.to_owned()))
        }
        Err(error) => Err(error),
    }
}

/// Whether a cell is a short phrase, then a pointer to a numbered table (`List data structure. For
/// details, see Table 4.`), as a Type cell in words is.
fn points_at_table(text: &str) -> bool {
    let first = text.split('.').next().unwrap_or_default();
    let pointer = text
        .split("Table ")
        .skip(1)
        .any(|after| after.starts_with(|c: char| c.is_ascii_digit()));
    pointer && first.split_whitespace().count() <= 4 && !first.contains("Table ")
}

/// Whether a line could be a row's Type cell.
fn is_type_cell(line: &Line<'_>) -> bool {
    let no_error = |line: usize, message: String| PageError {
        line,
        table: None,
        row: None,
        message,
    };
    cell_type(line, &no_error).is_ok()
        || points_at_table(line.text)
        || is_table_number(line.text)
        || is_type_word(line.text)
}

/// One capitalized word ending like a type (`AnyType`, `JsonObject`): a Type cell the format has no
/// type for, where a cell's labelled paragraph (`Range`, `Details:`) does not end that way.
fn is_type_word(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "type", "string", "integer", "boolean", "object", "array", "number", "float", "double",
    ];
    let lower = text.to_ascii_lowercase();
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// `Table 4`: a Type cell that only points at the table of the row's object (cce).
fn is_table_number(text: &str) -> bool {
    text.strip_prefix("Table")
        .map(str::trim_start)
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
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

/// Whether a row starts at `lines[i]`: a name followed by the cells its table's columns require
/// right after the name (`Yes`/`No` for Mandatory, a type for Type). So a paragraph of a cell
/// (`Range`, `Definition:`, `NOTE:`, `Examples` before `Before base64 encoding:`) is never a row.
///
/// Where the Type column comes first, a plain name that is clearly a wire name
/// (`member_group_remark`, `diskConfig`) also starts a row, so that a row without its type is
/// reported rather than read into the row above. Where no such cell comes right after the name, a
/// plain name starts a row, unless it is a one-word description (`Discarded`) before the next
/// row's name and type.
fn starts_row(lines: &[Line<'_>], i: usize, leading: &[Column]) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let next_is = |k: usize, cell: &dyn Fn(&Line<'_>) -> bool| lines.get(i + k).is_some_and(cell);
    let before_next_row = next_is(1, &|l| is_row_name(l.text)) && next_is(2, &is_type_cell);
    match leading.first() {
        Some(Column::Mandatory) => {
            could_name_row(line.text) && next_is(1, &|l| matches!(l.text, "Yes" | "No"))
        }
        Some(_) => {
            (could_name_row(line.text) && next_is(1, &is_type_cell))
                || (is_row_name(line.text)
                    && is_wire_name(line.text)
                    && lines.get(i + 1).is_some()
                    && !before_next_row)
        }
        None => is_row_name(line.text) && !before_next_row,
    }
}

/// Whether a plain name reads as a wire name, not an English word: an underscore, or a capital
/// after a lowercase letter.
fn is_wire_name(text: &str) -> bool {
    text.contains('_')
        || text
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// Whether a text could be a row's name: a plain one, another wire name, or a placeholder.
fn could_name_row(text: &str) -> bool {
    is_row_name(text) || is_placeholder(text) || is_odd_row_name(text)
}

/// Whether a row whose cells confirm it starts at `lines[i]`: a name, then `Yes`/`No` or a type as
/// the table's first cell after the name requires.
pub(super) fn row_with_cells(lines: &[Line<'_>], i: usize, leading: &[Column]) -> bool {
    could_name_row(lines[i].text) && cell_follows(lines, i, leading)
}

/// Whether the line after `lines[i]` is a row's first cell after its name.
fn cell_follows(lines: &[Line<'_>], i: usize, leading: &[Column]) -> bool {
    match (lines.get(i + 1).map(|l| l.text), leading.first()) {
        (Some("Yes" | "No"), Some(Column::Mandatory)) => true,
        (Some(cell), Some(Column::Type)) => parse_type(cell).is_some(),
        _ => false,
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
/// A limit that is not an integer (`Maximum: 1.7976931348623157e+108` of a float row) has no place
/// in the row's integer limits and stays a paragraph, for the prose reader to report.
fn description(lines: &[Line<'_>], row: &mut Row) {
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
        let number = |value: &str| value.trim().replace(',', "").parse::<i64>().ok();
        let minimum = text.strip_prefix("Minimum:").and_then(number);
        let maximum = text.strip_prefix("Maximum:").and_then(number);
        if text == "Enumeration values:" {
            in_enumeration = true;
            row.enumeration.get_or_insert_with(Vec::new);
        } else if minimum.is_some() {
            row.minimum = minimum;
        } else if maximum.is_some() {
            row.maximum = maximum;
        } else if let Some(value) = text.strip_prefix("Default:") {
            row.default = Some(value.trim().to_owned());
        } else {
            row.description.push(Paragraph::Text(text.to_owned()));
        }
    }
}

/// `texts` as a page's non-empty lines, numbered from 1, indented by their leading spaces, for the
/// tests of the table readers.
#[cfg(test)]
pub(super) fn test_lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
    texts
        .iter()
        .enumerate()
        .map(|(no, text)| Line {
            no: no + 1,
            text: text.trim(),
            offset: 0,
            indent: text.len() - text.trim_start().len(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::test_lines as lines;
    use super::*;

    const MANDATORY: &[Column] = &[Column::Mandatory, Column::Type];
    const TYPE: &[Column] = &[Column::Type];

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
                starts_row(&lines(&[name, "No", "String"]), 0, MANDATORY),
                "{name} before its Mandatory cell"
            );
            assert!(
                starts_row(&lines(&[name, "Map<String,ResponseInfoResp>"]), 0, TYPE),
                "{name} before its type"
            );
            // Not where the next line is a paragraph, and not where the table has another column
            // there.
            assert!(
                !starts_row(&lines(&[name, "Label color."]), 0, TYPE),
                "{name} before prose"
            );
            assert!(
                !starts_row(&lines(&[name, "String"]), 0, MANDATORY),
                "{name} without its Mandatory cell"
            );
            assert!(!starts_row(&lines(&[name]), 0, TYPE), "{name} at the end");
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
                !starts_row(&lines(&[paragraph, "No", "String"]), 0, MANDATORY),
                "{paragraph:?}"
            );
            assert!(
                !starts_row(&lines(&[paragraph, "String"]), 0, TYPE),
                "{paragraph:?}"
            );
        }
        // A plain name is a row as before, so that a row without its type is still reported as
        // such.
        assert!(starts_row(
            &lines(&["member_group_remark", "Group remark."]),
            0,
            TYPE
        ));
    }
}
