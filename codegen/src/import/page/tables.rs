//! The parameter tables of a section: captions, the header cells, each row's name, Mandatory and Type
//! cells, and its description with the lines that are data (`Minimum:`, `Default:`, `Enumeration values:`).

use super::{bullet, status_marker, Line, PageError, Paragraph, Row, Side, Table, Type};
use crate::import::review::{Kind, Review};

/// `Table 4 MemberGroupCreate` as (4, "MemberGroupCreate"). A description line that happens to start with
/// "Table" is not a caption unless the rest is a name or a kind of parameters ([`Caption::Parameters`]),
/// or reads as a caption in words, not a sentence: the older dialects caption tables that way ("Table 3
/// tags field description", "Table 1 Parameter description"), and also tables of values inside a
/// description ("Table 2 tls_ciphers_policy parameter description" with the header "Security Policy").
fn caption<'a>(lines: &[Line<'a>], i: usize) -> Option<(u32, &'a str, Caption)> {
    let text = lines.get(i)?.text;
    let rest = text.strip_prefix("Table ")?;
    let (number, caption) = rest.split_once(' ')?;
    let number = number.parse().ok()?;
    let caption = caption.trim();
    let is_name = caption
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !caption.is_empty();
    if is_name || caption.to_ascii_lowercase().ends_with("parameters") {
        return Some((number, caption, Caption::Parameters));
    }
    let sentence = |text: &str| text.ends_with(['.', ':', ',', ';']);
    let words = !caption.is_empty()
        && !sentence(caption)
        && lines.get(i + 1).is_some_and(|next| !sentence(next.text));
    words.then_some((number, caption, Caption::Words))
}

/// How a caption was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caption {
    /// A name or "... parameters": the table must be a parameter table.
    Parameters,
    /// Words: a parameter table if its header says so, else a table the import leaves out and reports.
    Words,
}

/// The tables of a section; text outside tables (a note between two tables) belongs to none. A table
/// captioned in words whose header is not a parameter table's is noted in `unread`.
pub(super) fn tables(
    lines: &[Line<'_>],
    side: Side,
    unread: &mut Vec<Review>,
) -> Result<Vec<Table>, PageError> {
    let mut found = Vec::new();
    let mut status = None;
    let mut i = 0;
    while i < lines.len() {
        if let Some(code) = status_marker(lines[i].text) {
            status = Some(code);
            i += 1;
        } else if let Some((number, caption, how)) = caption(lines, i) {
            let end = (i + 1..lines.len())
                .find(|&j| caption_or_status(lines, j))
                .unwrap_or(lines.len());
            match lines.get(i + 1).map(|l| l.text) {
                Some(header) if how == Caption::Words && header != "Parameter" => {
                    let label = format!("Table {number} {caption}");
                    let text = format!(
                        "{label} (line {}): its header is {header:?}, not a parameter table's; left out",
                        lines[i].no
                    );
                    unread.push(Review::new(Kind::TableSkipped, text).in_table(label, lines[i].no));
                }
                _ => found.push(table(&lines[i..end], number, caption, side, status)?),
            }
            i = end;
        } else {
            i += 1;
        }
    }
    Ok(found)
}

fn caption_or_status(lines: &[Line<'_>], i: usize) -> bool {
    caption(lines, i).is_some() || status_marker(lines[i].text).is_some()
}

/// One table: its caption line, the header cells, then the rows.
fn table(
    lines: &[Line<'_>],
    number: u32,
    caption: &str,
    side: Side,
    status: Option<u16>,
) -> Result<Table, PageError> {
    let label = format!("Table {number} {caption}");
    let in_table = |line: usize, message: String| PageError {
        line,
        table: Some(label.clone()),
        row: None,
        message,
    };
    let last = lines.last().map_or(0, |l| l.no);
    let mut i = 1;
    let expect = |cell: &str, i: &mut usize| -> Result<(), PageError> {
        match lines.get(*i) {
            Some(line) if line.text == cell => {
                *i += 1;
                Ok(())
            }
            Some(line) => Err(in_table(
                line.no,
                format!("expected the column header {cell:?}, found {:?}", line.text),
            )),
            None => Err(in_table(
                last,
                format!("the table ends before its column header {cell:?} (truncated?)"),
            )),
        }
    };
    expect("Parameter", &mut i)?;
    let mandatory_column = lines.get(i).is_some_and(|l| l.text == "Mandatory");
    if mandatory_column {
        i += 1;
    }
    // The older dialect's URI tables have no Type column: Parameter, Mandatory, Description.
    let type_column = !(mandatory_column && lines.get(i).is_some_and(|l| l.text == "Description"));
    if type_column {
        expect("Type", &mut i)?;
    }
    expect("Description", &mut i)?;
    let columns = Columns {
        mandatory: mandatory_column,
        ty: type_column,
    };
    let rows = rows(&lines[i..], columns, &label, last)?;
    if rows.is_empty() {
        return Err(in_table(
            last,
            "the table has no rows (truncated?)".to_owned(),
        ));
    }
    Ok(Table {
        number,
        caption: caption.to_owned(),
        side,
        status,
        mandatory_column,
        type_column,
        in_uri: false,
        rows,
        line: lines[0].no,
    })
}

/// Which of the optional columns a table has.
#[derive(Clone, Copy)]
struct Columns {
    mandatory: bool,
    ty: bool,
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

fn rows(
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
        let required = if mandatory_column {
            let cell = lines.get(i).ok_or_else(|| {
                in_row(
                    last,
                    "the table ends before the row's Mandatory and Type cells (truncated?)"
                        .to_owned(),
                )
            })?;
            i += 1;
            match cell.text {
                "Yes" => true,
                "No" => false,
                other => {
                    return Err(in_row(
                        cell.no,
                        format!("expected Yes or No in the Mandatory column, found {other:?}"),
                    ))
                }
            }
        } else {
            false
        };
        let ty = if !columns.ty {
            Type::String
        } else {
            let cell = lines.get(i).ok_or_else(|| {
                in_row(
                    last,
                    "the table ends before the row's type (truncated?)".to_owned(),
                )
            })?;
            i += 1;
            cell_type(cell, &in_row)?
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

/// A row's Type cell. A type the format does not have, or a cell that names one in words (`config
/// array corresponding to infer_type`), is kept as written for the import to report; a cell that is
/// not a type at all (the row's description) means the row has none, an error.
fn cell_type(
    cell: &Line<'_>,
    in_row: &impl Fn(usize, String) -> PageError,
) -> Result<Type, PageError> {
    match parse_type(cell.text) {
        Some(Ok(ty)) => Ok(ty),
        Some(Err(unsupported)) => Ok(Type::Unsupported(unsupported)),
        // In the Type cell's own place a lowercase `string` or an `Int` is a type, not a row's name.
        None => match simple_type(cell.text, true) {
            Some(Ok(ty)) => Ok(ty),
            _ if matches!(cell.text, "Int" | "int") => Ok(Type::Integer),
            _ if names_a_type(cell.text) => Ok(Type::Unsupported(cell.text.to_owned())),
            _ => Err(in_row(
                cell.no,
                format!(
                    "the row has no type: expected one of {TYPES}, found {:?}",
                    cell.text
                ),
            )),
        },
    }
}

/// Whether a cell that is no type of the format still names one: a few words, not a sentence, one of
/// them a type's (`Integer/Boolean`, `Array`, `JSON Array`, `schedule array`).
fn names_a_type(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "array", "object", "objects", "string", "integer", "int", "boolean", "list", "map", "json",
        "long", "number", "float", "double",
    ];
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    !text.ends_with(['.', ':', ',', ';'])
        && words.len() <= 6
        && words.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// The Type column's spellings, for errors.
const TYPES: &str = "String, Integer, Long, Boolean, Number, Object, File, `X object`, `Array of ...`, `Map<String,X>`";

/// A placeholder row stands for the whole of its table: `{User defined key}` of type `Map<String,X>` (the
/// table is a map) or `-` of type `File` (the body is a file). Beside other rows, or of another type, the
/// format cannot say what it means.
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
/// In a table with a Mandatory column a plain name starts a row only before `Yes`/`No` or a type (the
/// row without its Mandatory cell is then reported): a description's one-word paragraph such as
/// `Examples` before `Before base64 encoding:` is not a row. Without one, a plain name is not a row
/// before another name and a type: it is a one-word description (`Discarded`).
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

/// A wire name that is one token but not a plain name: it has a letter or digit, no spaces, does not end
/// like a sentence or a label (`NOTE:`), and is not a bullet or a cell of another column.
fn is_odd_row_name(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
        && !text.chars().any(char::is_whitespace)
        && !text.ends_with(['.', ',', ';', ':'])
        && super::bullet(text).is_none()
        && !matches!(text, "Yes" | "No")
        && parse_type(text).is_none()
}

/// A parameter name: one token of name characters, not a cell value of the other columns. Description
/// paragraphs have spaces or end with punctuation, so they never look like one.
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

/// A Type cell of one word (`String`, `Object`), or the words after "Array of" (`strings`, `objects`).
/// Lower-case and plural spellings only inside "Array of", so that a parameter named `type` or `string`
/// is not taken for a type.
fn simple_type(word: &str, in_array: bool) -> Option<Result<Type, String>> {
    match (word, in_array) {
        ("String", _) | ("string" | "strings" | "Strings", true) => Some(Ok(Type::String)),
        ("Integer", _) | ("integer" | "integers" | "Integers", true) => Some(Ok(Type::Integer)),
        ("Long", _) | ("long" | "longs" | "Longs", true) => Some(Ok(Type::Long)),
        ("Boolean", _) | ("boolean" | "booleans" | "Booleans", true) => Some(Ok(Type::Boolean)),
        ("Number" | "Float" | "Double", _)
        | ("number" | "numbers" | "float" | "floats" | "double" | "doubles", true) => {
            Some(Ok(Type::Float))
        }
        // `Array of objects` names no table: its items are free-form objects.
        ("Object", _) | ("objects" | "Objects", true) => Some(Ok(Type::FreeObject)),
        ("File", false) => Some(Ok(Type::File)),
        ("BigDecimal" | "Short" | "File", _) | ("files", true) => Some(Err(word.to_owned())),
        _ => None,
    }
}

/// The Type column; `Some(Err(..))` for a type the spec format does not have.
fn parse_type(text: &str) -> Option<Result<Type, String>> {
    let object = |words: &str| {
        let name = words
            .strip_suffix(" objects")
            .or_else(|| words.strip_suffix(" object"))?;
        is_type_name(name).then(|| Type::Object(name.to_owned()))
    };
    if let Some(inner) = text.strip_prefix("Array of ") {
        let inner = inner.trim();
        return match simple_type(inner, true)
            .or_else(|| object(inner).or_else(|| lowercase_objects(inner)).map(Ok))
        {
            Some(Ok(ty)) => Some(Ok(Type::Array(Box::new(ty)))),
            Some(Err(_)) | None => Some(Err(text.to_owned())),
        };
    }
    if let Some(inner) = text
        .strip_prefix("Map<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return Some(map_type(inner).ok_or_else(|| text.to_owned()));
    }
    if let Some(inner) = ["Array<", "List<"]
        .iter()
        .find_map(|open| text.strip_prefix(open)?.strip_suffix('>'))
    {
        return match simple_type(inner.trim(), false)
            .or_else(|| object(&format!("{} object", inner.trim())).map(Ok))
        {
            Some(Ok(ty)) if ty != Type::File => Some(Ok(Type::Array(Box::new(ty)))),
            _ => Some(Err(text.to_owned())),
        };
    }
    if text.starts_with("Map<") || text.starts_with("Array<") || text.starts_with("List<") {
        return Some(Err(text.to_owned()));
    }
    simple_type(text, false).or_else(|| object(text).map(Ok))
}

/// `String,X` of `Map<String,X>`: string keys and values of a scalar type, `Object`, or a table's name.
/// Maps of arrays, maps or files are not in the format.
fn map_type(inner: &str) -> Option<Type> {
    let (key, value) = inner.split_once(',')?;
    let value = value.trim();
    if key.trim() != "String" || value == "File" {
        return None;
    }
    let ty = match simple_type(value, false) {
        Some(result) => result.ok()?,
        None => is_type_name(value).then(|| Type::Object(value.to_owned()))?,
    };
    Some(Type::Map(Box::new(ty)))
}

/// `grants objects` of `Array of grants objects`: the items are the object of the table captioned
/// `grants`, named as that table's object is (`Grants`, see `build::objects::object_name`). Only inside
/// "Array of" and only a lowercase wire name, so that a description's words are not read as a type.
fn lowercase_objects(words: &str) -> Option<Type> {
    let name = words.strip_suffix(" objects")?;
    let wire = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    wire.then(|| Type::Object(heck::ToUpperCamelCase::to_upper_camel_case(name)))
}

/// A table's name as the Type column writes it: `MemberInfo`.
fn is_type_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types() {
        assert_eq!(
            parse_type("Array of MemberInfo objects"),
            Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into())))))
        );
        assert_eq!(
            parse_type("Array of strings"),
            Some(Ok(Type::Array(Box::new(Type::String))))
        );
        assert_eq!(
            parse_type("VpcHealthConfig object"),
            Some(Ok(Type::Object("VpcHealthConfig".into())))
        );
        assert_eq!(parse_type("Number"), Some(Ok(Type::Float)));
        assert_eq!(
            parse_type("Array of doubles"),
            Some(Ok(Type::Array(Box::new(Type::Float))))
        );
        assert_eq!(parse_type("BigDecimal"), Some(Err("BigDecimal".into())));
        assert_eq!(parse_type("Backend server ID."), None);
    }

    #[test]
    fn objects_maps_and_files() {
        let map = |ty: Type| Some(Ok(Type::Map(Box::new(ty))));
        assert_eq!(parse_type("Object"), Some(Ok(Type::FreeObject)));
        assert_eq!(
            parse_type("Array of objects"),
            Some(Ok(Type::Array(Box::new(Type::FreeObject))))
        );
        assert_eq!(parse_type("File"), Some(Ok(Type::File)));
        assert_eq!(parse_type("Map<String,Boolean>"), map(Type::Boolean));
        assert_eq!(parse_type("Map<String, String>"), map(Type::String));
        assert_eq!(parse_type("Map<String,Integer>"), map(Type::Integer));
        assert_eq!(parse_type("Map<String,Object>"), map(Type::FreeObject));
        assert_eq!(
            parse_type("Map<String,ResponseInfoResp>"),
            map(Type::Object("ResponseInfoResp".into()))
        );
        // What the format cannot say is an error naming the cell, not a row name or a description.
        for unsupported in [
            "Map<Integer,String>",
            "Map<String,File>",
            "Map<String,Array of strings>",
            "Map<String>",
            "Array of files",
            "List<Map<String,String>>",
        ] {
            assert_eq!(
                parse_type(unsupported),
                Some(Err(unsupported.into())),
                "{unsupported}"
            );
        }
        // The generic spellings of arrays, and an array of a lowercase table's objects.
        assert_eq!(
            parse_type("Array<Object>"),
            Some(Ok(Type::Array(Box::new(Type::FreeObject))))
        );
        assert_eq!(
            parse_type("List<String>"),
            Some(Ok(Type::Array(Box::new(Type::String))))
        );
        assert_eq!(
            parse_type("Array<MemberInfo>"),
            Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into())))))
        );
        assert_eq!(
            parse_type("Array of grants objects"),
            Some(Ok(Type::Array(Box::new(Type::Object("Grants".into())))))
        );
        assert_eq!(parse_type("Array<File>"), Some(Err("Array<File>".into())));
        assert_eq!(parse_type("grants objects"), None);
        // `object` as a row's name is not the type.
        assert_eq!(parse_type("object"), None);
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

    fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
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
            // Not where the next line is a paragraph, and not where the table has another column there.
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
        // A plain name is a row as before, so that a row without its type is still reported as such.
        assert!(starts_row(
            &lines(&["member_group_remark", "Group remark."]),
            0,
            false
        ));
    }

    #[test]
    fn captions_in_words_need_a_header_not_a_sentence() {
        let found =
            |texts: &[&str]| caption(&lines(texts), 0).map(|(n, c, how)| (n, c.to_owned(), how));
        assert_eq!(
            found(&["Table 3 tags field description", "Parameter"]),
            Some((3, "tags field description".into(), Caption::Words))
        );
        assert_eq!(
            found(&["Table 1 Parameter description", "Parameter"]),
            Some((1, "Parameter description".into(), Caption::Words))
        );
        assert_eq!(
            found(&["Table 4 MemberInfo", "Parameter"]),
            Some((4, "MemberInfo".into(), Caption::Parameters))
        );
        // The sentence that introduces a table, and a line before a sentence, are not captions.
        assert_eq!(
            found(&[
                "Table 1 describes the parameters in the URI.",
                "Table 1 Parameter description"
            ]),
            None
        );
        assert_eq!(
            found(&["Table 3 lists the values", "For details, see the guide."]),
            None
        );
    }

    #[test]
    fn a_table_without_a_type_column_a_repeated_header_and_one_word_paragraphs() {
        let text = [
            "Table 1 Parameter description",
            "Parameter",
            "Mandatory",
            "Description",
            "project_id",
            "Yes",
            "Specifies the project ID.",
        ];
        let mut unread = Vec::new();
        let [table] = &tables(&lines(&text), Side::Request, &mut unread).unwrap()[..] else {
            panic!("one table")
        };
        assert!(!table.type_column && table.mandatory_column);
        assert_eq!(
            (
                table.rows[0].name.as_str(),
                &table.rows[0].ty,
                table.rows[0].required
            ),
            ("project_id", &Type::String, true)
        );

        let text = [
            "Table 2 Request parameters",
            "Parameter",
            "Mandatory",
            "Type",
            "Description",
            "user_data",
            "No",
            "String",
            "Specifies the user data.",
            "Examples",
            "Before base64 encoding:",
            "Parameter",
            "Mandatory",
            "Type",
            "Description",
            "tags",
            "Yes",
            "Array of objects",
            "Specifies tags.",
        ];
        let [table] = &tables(&lines(&text), Side::Request, &mut unread).unwrap()[..] else {
            panic!("one table")
        };
        let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["user_data", "tags"]);
        assert!(table.rows[0]
            .description
            .contains(&Paragraph::Text("Examples".into())));

        // Without a Mandatory column, a one-word description before the next row's name and type.
        let text = [
            "Table 4 Response parameters",
            "Parameter",
            "Type",
            "Description",
            "accessIPv4",
            "String",
            "Discarded",
            "accessIPv6",
            "String",
            "Discarded",
            "progress",
            "String",
            "Progress.",
        ];
        let [table] = &tables(&lines(&text), Side::Response, &mut unread).unwrap()[..] else {
            panic!("one table")
        };
        assert_eq!(
            table
                .rows
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>(),
            ["accessIPv4", "accessIPv6", "progress"]
        );
        assert!(unread.is_empty());
    }

    #[test]
    fn a_table_of_values_captioned_in_words_is_noted_not_read() {
        let text = [
            "Table 2 tls_ciphers_policy parameter description",
            "Security Policy",
            "TLS Version",
            "tls-1-0",
            "TLS 1.2 TLS 1.1",
        ];
        let mut unread = Vec::new();
        assert!(tables(&lines(&text), Side::Request, &mut unread)
            .unwrap()
            .is_empty());
        let unread: Vec<String> = unread.iter().map(ToString::to_string).collect();
        assert_eq!(unread, ["Table 2 tls_ciphers_policy parameter description (line 1): its header is \"Security Policy\", not a parameter table's; left out"]);
    }

    #[test]
    fn type_cells_the_format_lacks_are_kept_as_written_and_a_description_is_no_type() {
        let in_row = |line: usize, message: String| PageError {
            line,
            table: None,
            row: None,
            message,
        };
        let cell = |text: &'static str| {
            cell_type(
                &Line {
                    no: 1,
                    text,
                    offset: 0,
                },
                &in_row,
            )
        };
        for written in [
            "Integer/Boolean",
            "Array",
            "JSON Array",
            "config array corresponding to infer_type",
            "Map",
            "BigDecimal",
        ] {
            assert_eq!(
                cell(written).unwrap(),
                Type::Unsupported(written.into()),
                "{written}"
            );
        }
        assert_eq!(cell("string").unwrap(), Type::String);
        assert_eq!(cell("Int").unwrap(), Type::Integer);
        assert!(cell("Remarks of the group.")
            .unwrap_err()
            .message
            .contains("has no type"));
    }
}
