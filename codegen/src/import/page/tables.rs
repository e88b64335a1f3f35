//! The parameter tables of a section: where each starts (a header row of column names, see
//! `columns`), its caption (the "Table N" line, else the words that introduce it), where it ends,
//! and the rows (see `rows`). A table that cannot be read is left out with a review line; the
//! lines outside tables are handed back for the examples some dialects put between them.

use super::columns::{header, Column, Columns};
use super::rows::rows;
use super::{bullet, status_marker, Line, PageError, Side, Table};
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

/// The tables of a section and the lines outside them. A "Table N" caption with no header row
/// after it (a table of values inside a description), and a table whose rows cannot be read, are
/// noted in `unread`.
pub(super) fn tables<'a>(
    lines: &[Line<'a>],
    heading: &str,
    side: Side,
    unread: &mut Vec<Review>,
) -> (Vec<Table>, Vec<Line<'a>>) {
    let mut found = Vec::new();
    let mut rest = Vec::new();
    let mut status = None;
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        if let Some(columns) = header(lines, i) {
            let (number, caption) = introduction(lines, i, heading);
            let end = table_end(lines, i, &columns);
            let label = label(number, &caption);
            match table(&lines[i..end], &columns, &label, side, status) {
                Ok((mut table, reviews)) => {
                    (table.number, table.caption) = (number, caption);
                    found.push(table);
                    unread.extend(reviews);
                }
                Err(error) => unread.push(left_out(&label, lines[i].no, &error)),
            }
            i = end;
            continue;
        }
        if let Some(code) = status_marker(line.text) {
            status = Some(code);
        } else if let Some((number, caption, _)) = caption(lines, i) {
            if header(lines, i + 1).is_none() {
                let label = label(number, caption);
                // The header row as far as it goes: its first cells, to show the one that is no
                // column of a parameter table (`Parameter`, then `Sub-Parameter`).
                let cells: Vec<&str> = lines[i + 1..].iter().take(2).map(|l| l.text).collect();
                let text = format!(
                    "{label} (line {}): its header starts {cells:?}, not a parameter table's; left out",
                    line.no
                );
                unread.push(Review::new(Kind::TableSkipped, text).in_table(label, line.no));
            }
        }
        rest.push(line);
        i += 1;
    }
    (found, rest)
}

fn label(number: u32, caption: &str) -> String {
    match number {
        0 => caption.to_owned(),
        n => format!("Table {n} {caption}"),
    }
}

/// The review line of a table left out because `error` stops its reading.
fn left_out(label: &str, line: usize, error: &PageError) -> Review {
    let row = error
        .row
        .as_ref()
        .map(|r| format!(", row {r}"))
        .unwrap_or_default();
    let text = format!(
        "{label} (line {}){row}: {}; left out",
        error.line, error.message
    );
    let review = Review::new(Kind::TableSkipped, text);
    match &error.row {
        Some(row) => review.at_row(label.to_owned(), row, error.line),
        None => review.in_table(label.to_owned(), line),
    }
}

/// The number and caption of the table whose header is at `lines[i]`: the "Table N" line before
/// it, else (number 0) the bullet or line that introduces it, else the section's heading.
fn introduction(lines: &[Line<'_>], i: usize, heading: &str) -> (u32, String) {
    if let Some((number, caption, _)) = i.checked_sub(1).and_then(|p| caption(lines, p)) {
        return (number, caption.to_owned());
    }
    let before = i.checked_sub(1).map(|p| lines[p]);
    match before.filter(|b| b.indent <= lines[i].indent) {
        Some(line) => {
            let words = bullet(line.text).unwrap_or(line.text);
            (0, words.trim_end_matches(':').trim().to_owned())
        }
        None => (0, heading.to_owned()),
    }
}

/// Where the table whose header is at `lines[h]` ends: at a status line, a line less indented than
/// its header, another table's header or "Table N" caption at its indentation (a header repeated
/// with no caption before it continues the table), or the section's end. The bullet that
/// introduces the next table is not part of this one.
fn table_end(lines: &[Line<'_>], h: usize, columns: &Columns) -> usize {
    let indent = lines[h].indent;
    let introduces = |j: usize| {
        caption(lines, j).is_some()
            || (bullet(lines[j].text).is_some() && lines[j].indent <= indent)
    };
    let mut j = h + columns.len();
    while let Some(line) = lines.get(j) {
        if line.indent < indent || status_marker(line.text).is_some() {
            break;
        }
        if line.indent == indent {
            if caption(lines, j).is_some() {
                break;
            }
            if let Some(next) = header(lines, j) {
                if next != *columns || introduces(j - 1) {
                    break;
                }
            }
        }
        j += 1;
    }
    if j > h + columns.len() + 1 && header(lines, j).is_some() && introduces(j - 1) {
        j -= 1;
    }
    j
}

/// One table: its header row, then the rows; with the review lines about its cells.
fn table(
    lines: &[Line<'_>],
    columns: &Columns,
    label: &str,
    side: Side,
    status: Option<u16>,
) -> Result<(Table, Vec<Review>), PageError> {
    let last = lines.last().map_or(0, |l| l.no);
    let (rows, reviews) = rows(&lines[columns.len()..], columns, label, last)?;
    if rows.is_empty() {
        return Err(PageError {
            line: last,
            table: Some(label.to_owned()),
            row: None,
            message: "the table has no rows (truncated?)".to_owned(),
        });
    }
    let table = Table {
        number: 0,
        caption: String::new(),
        side,
        status,
        mandatory_column: columns.has(Column::Mandatory),
        type_column: columns.has(Column::Type),
        in_uri: false,
        rows,
        line: lines[0].no,
    };
    Ok((table, reviews))
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
        let (mut found, _) = tables(&lines(text), "Request", side, &mut unread);
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
        assert!(tables(&lines(&text), "Request", Side::Request, &mut unread)
            .0
            .is_empty());
        let unread: Vec<String> = unread.iter().map(ToString::to_string).collect();
        assert_eq!(unread, ["Table 2 tls_ciphers_policy parameter description (line 1): its header starts [\"Security Policy\", \"TLS Version\"], not a parameter table's; left out"]);
    }
}
