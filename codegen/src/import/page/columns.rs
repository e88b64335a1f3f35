//! A parameter table's header row: the column names the pages use, each with its role, so that a
//! header is told by its cells, in any order, and a new wording of a column is one line of
//! [`COLUMNS`].

use super::types::parse_type;
use super::Line;

/// What a column of a parameter table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    /// The parameter's name: always the header's first cell.
    Name,
    /// `Yes` or `No`.
    Mandatory,
    /// The row's type (`String`, `Array of X objects`).
    Type,
    /// The row's description, read for its data lines (`Minimum:`, `Default:`).
    Description,
    /// Any other column of free text (Value Range, Default Value, Constraint, Example...): its cells
    /// are kept as description paragraphs, prefixed with the column's name where the row shows
    /// one paragraph per cell.
    Free,
}

/// The header cells of parameter tables and their role. A header is a name cell followed by other
/// cells of this list; its first cell must be a [`Column::Name`], and it must have a Mandatory, Type
/// or Description column, so that a `Key | Value` table of values is not one. A second
/// Description-like column (`Remarks` after `Description`) is read as [`Column::Free`].
const COLUMNS: &[(&str, Column)] = &[
    ("Parameter", Column::Name),
    ("Parameters", Column::Name),
    ("Parameter Name", Column::Name),
    ("Name", Column::Name),
    ("Field", Column::Name),
    ("Field Name", Column::Name),
    ("Element", Column::Name),
    ("Attribute", Column::Name),
    ("Key", Column::Name),
    ("Mandatory", Column::Mandatory),
    ("Required", Column::Mandatory),
    ("Type", Column::Type),
    ("Data Type", Column::Type),
    ("Parameter Type", Column::Type),
    ("Description", Column::Description),
    ("Remarks", Column::Description),
    ("Value Range", Column::Free),
    ("Default Value", Column::Free),
    ("Constraint", Column::Free),
    ("Constraints", Column::Free),
    ("Example", Column::Free),
    ("Example Value", Column::Free),
    ("Unit", Column::Free),
    ("Location", Column::Free),
];

/// A table's columns after the name, in header order, each with its role and its header cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Columns {
    pub(super) cells: Vec<(Column, &'static str)>,
}

impl Columns {
    pub(super) fn has(&self, role: Column) -> bool {
        self.cells.iter().any(|(c, _)| *c == role)
    }

    /// The one-line cells right after the name (Mandatory, Type, in header order): the cells that
    /// show where a row starts.
    pub(super) fn leading(&self) -> Vec<Column> {
        self.cells
            .iter()
            .map(|(c, _)| *c)
            .take_while(|c| matches!(c, Column::Mandatory | Column::Type))
            .collect()
    }

    /// The cells after the leading ones, in header order: Description and the free columns, and a
    /// Mandatory or Type cell that comes after them.
    pub(super) fn trailing(&self) -> &[(Column, &'static str)] {
        &self.cells[self.leading().len()..]
    }

    /// How many lines the header takes: the name cell and the others.
    pub(super) fn len(&self) -> usize {
        self.cells.len() + 1
    }
}

/// The header row at `lines[i]`, if the line is a name cell followed, at the same indentation, by
/// other column names that make a parameter table.
pub(super) fn header(lines: &[Line<'_>], i: usize) -> Option<Columns> {
    let first = lines.get(i)?;
    if role(first.text) != Some(Column::Name) {
        return None;
    }
    let mut cells: Vec<(Column, &'static str)> = Vec::new();
    let row = &lines[i + 1..];
    for (k, line) in row.iter().enumerate() {
        if line.indent != first.indent {
            break;
        }
        // A page that writes a type where the Type column's name belongs (`Parameter | Mandatory |
        // String | Description`), between two column names: that column is the Type column.
        let typo = || {
            let between = row.get(k + 1).is_some_and(|next| role(next.text).is_some());
            let has_type = cells.iter().any(|(c, _)| *c == Column::Type);
            let typed = parse_type(line.text).is_some() && !has_type;
            (between && typed).then_some(("Type", Column::Type))
        };
        let Some((cell, mut role)) = COLUMNS
            .iter()
            .find(|(cell, _)| *cell == line.text)
            .copied()
            .or_else(typo)
        else {
            break;
        };
        if role == Column::Name {
            break;
        }
        if role != Column::Free && cells.iter().any(|(c, _)| *c == role) {
            role = Column::Free;
        }
        cells.push((role, cell));
    }
    cells
        .iter()
        .any(|(c, _)| *c != Column::Free)
        .then_some(Columns { cells })
}

fn role(text: &str) -> Option<Column> {
    COLUMNS
        .iter()
        .find(|(cell, _)| *cell == text)
        .map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::super::rows::test_lines as lines;
    use super::*;

    fn roles(texts: &[&str]) -> Option<Vec<Column>> {
        header(&lines(texts), 0).map(|c| c.cells.iter().map(|(r, _)| *r).collect())
    }

    #[test]
    fn a_header_is_a_name_cell_then_column_names_in_any_order() {
        use Column::*;
        // evs: Type before Mandatory.
        assert_eq!(
            roles(&["Parameter", "Type", "Mandatory", "Description", "volume"]),
            Some(vec![Type, Mandatory, Description])
        );
        // rds: `Name`, and no Type column in a URI table.
        assert_eq!(
            roles(&["Name", "Mandatory", "Description", "project_id"]),
            Some(vec![Mandatory, Description])
        );
        // dcs: free columns after the description.
        assert_eq!(
            roles(&[
                "Parameter Name",
                "Type",
                "Description",
                "Value Range",
                "Default Value"
            ]),
            Some(vec![Type, Description, Free, Free])
        );
        // A second description-like column is a free one.
        assert_eq!(
            roles(&["Name", "Description", "Value Range", "Remarks"]),
            Some(vec![Description, Free, Free])
        );
        // A table of values, and a row named like a column, are no header.
        assert_eq!(roles(&["Key", "Value", "a"]), None);
        assert_eq!(roles(&["Name", "String", "Name of the key."]), None);
    }

    #[test]
    fn leading_cells_are_the_one_line_cells_after_the_name() {
        let columns = header(
            &lines(&["Parameter", "Type", "Mandatory", "Description"]),
            0,
        )
        .unwrap();
        assert_eq!(columns.leading(), [Column::Type, Column::Mandatory]);
        let columns = header(
            &lines(&["Parameter", "Description", "Mandatory", "Example"]),
            0,
        )
        .unwrap();
        assert!(columns.leading().is_empty());
        assert_eq!(columns.trailing().len(), 3);
    }
}
