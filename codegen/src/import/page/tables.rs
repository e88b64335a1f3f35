//! The parameter tables of a section: captions, the header cells, each row's name, Mandatory and
//! Type cells, and its description with the lines that are data (`Minimum:`, `Default:`,
//! `Enumeration values:`).

use super::rows::{rows, Columns};
use super::{status_marker, Line, PageError, Side, Table};
use crate::import::review::{Kind, Review};

/// `Table 4 MemberGroupCreate` as (4, "MemberGroupCreate"). A description line that happens to
/// start with "Table" is not a caption unless the rest is a name or a kind of parameters
/// ([`Caption::Parameters`]), or reads as a caption in words, not a sentence: the older dialects
/// caption tables that way ("Table 3 tags field description", "Table 1 Parameter description"), and
/// also tables of values inside a description ("Table 2 tls_ciphers_policy parameter description"
/// with the header "Security Policy").
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
    /// Words: a parameter table if its header says so, else a table the import leaves out and
    /// reports.
    Words,
}

/// The tables of a section; text outside tables (a note between two tables) belongs to none. A
/// table captioned in words whose header is not a parameter table's is noted in `unread`.
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

#[cfg(test)]
mod tests {
    use super::super::rows::test_lines as lines;
    use super::super::{Paragraph, Type};
    use super::*;

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

    /// The one table `text` holds, read on `side`; it is read, not noted.
    fn one_table(text: &[&str], side: Side) -> Table {
        let mut unread = Vec::new();
        let mut found = tables(&lines(text), side, &mut unread).unwrap();
        assert!(unread.is_empty() && found.len() == 1);
        found.remove(0)
    }

    #[test]
    fn a_table_without_a_type_column_reads_its_rows_as_strings() {
        let text = [
            "Table 1 Parameter description",
            "Parameter",
            "Mandatory",
            "Description",
            "project_id",
            "Yes",
            "Specifies the project ID.",
        ];
        let table = one_table(&text, Side::Request);
        assert!(!table.type_column && table.mandatory_column);
        assert_eq!(
            (
                table.rows[0].name.as_str(),
                &table.rows[0].ty,
                table.rows[0].required
            ),
            ("project_id", &Type::String, true)
        );
    }

    #[test]
    fn a_repeated_header_continues_the_table_and_a_one_word_paragraph_is_no_row() {
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
        let table = one_table(&text, Side::Request);
        let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["user_data", "tags"]);
        assert!(table.rows[0]
            .description
            .contains(&Paragraph::Text("Examples".into())));
    }

    /// Without a Mandatory column, a one-word description before the next row's name and type.
    #[test]
    fn a_one_word_description_before_a_row_is_no_row() {
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
        let table = one_table(&text, Side::Response);
        assert_eq!(
            table
                .rows
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>(),
            ["accessIPv4", "accessIPv6", "progress"]
        );
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
}
