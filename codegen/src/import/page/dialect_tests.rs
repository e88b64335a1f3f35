//! The table readers on the page dialects of other documentation teams: tables with no caption
//! under bullets, columns in another order or with free columns, cells in words, a cell's
//! labelled paragraphs, each with lines of a real page.

use super::columns::header;
use super::rows::{rows, test_lines as lines};
use super::tables::tables;
use super::{Paragraph, Side, Table, Type};
use crate::import::review::Kind;

/// The one table `text` holds, read on `side`, with nothing left out.
fn one_table(text: &[&str], side: Side) -> Table {
    let mut unread = Vec::new();
    let (mut found, _) = tables(&lines(text), "Request", side, &mut unread);
    assert!(unread.is_empty() && found.len() == 1, "{unread:?}");
    found.remove(0)
}

/// evs: tables with no "Table N" caption under bullets, Type before Mandatory; each ends at
/// the next outer bullet, and the lines outside them are handed back.
#[test]
fn captionless_tables_under_bullets_end_at_the_next_outer_bullet() {
    let text = [
        "  • Request parameters",
        "    Parameter",
        "    Type",
        "    Mandatory",
        "    Description",
        "    volume",
        "    Object",
        "    Yes",
        "    The information of the disk to be created. For details, see Parameters in the volume field.",
        "  • Parameters in the volume field",
        "    Parameter",
        "    Type",
        "    Mandatory",
        "    Description",
        "    size",
        "    Integer",
        "    Yes",
        "    The disk size, in GB. The value can be as follows:",
        "      • System disk: 1 GB to 1024 GB",
        "    name",
        "    String",
        "    No",
        "    The disk name.",
        "  • Example request",
        "    {",
    ];
    let mut unread = Vec::new();
    let (found, rest) = tables(&lines(&text), "Request", Side::Request, &mut unread);
    assert!(unread.is_empty(), "{unread:?}");
    let read: Vec<(u32, &str, Vec<&str>)> = found
        .iter()
        .map(|t| {
            let rows = t.rows.iter().map(|r| r.name.as_str()).collect();
            (t.number, t.caption.as_str(), rows)
        })
        .collect();
    assert_eq!(
        read,
        [
            (0, "Request parameters", vec!["volume"]),
            (0, "Parameters in the volume field", vec!["size", "name"]),
        ]
    );
    assert_eq!(found[0].label(), "Request parameters");
    let size = &found[1].rows[0];
    assert!(size.required && size.ty == Type::Integer);
    assert_eq!(
        size.description[1],
        Paragraph::Bullet("System disk: 1 GB to 1024 GB".into())
    );
    let rest: Vec<&str> = rest.iter().map(|l| l.text).collect();
    assert_eq!(
        rest,
        [
            "• Request parameters",
            "• Parameters in the volume field",
            "• Example request",
            "{"
        ]
    );
}

/// rds: `Name` columns, a "Table N" caption after a bullet, and a Type cell in words that
/// points at the table of the object.
#[test]
fn a_type_cell_in_words_pointing_at_a_table_is_kept_as_written() {
    let text = [
        "  • Parameter description",
        "    Table 2 Parameter description",
        "    Name",
        "    Mandatory",
        "    Type",
        "    Description",
        "    backup",
        "    Yes",
        "    Dictionary data structure. For details, see Table 3.",
        "    Specifies the manual backup object.",
    ];
    let table = one_table(&text, Side::Request);
    assert_eq!(
        (table.number, table.caption.as_str()),
        (2, "Parameter description")
    );
    assert_eq!(
        table.rows[0].ty,
        Type::Unsupported("Dictionary data structure. For details, see Table 3.".into())
    );
    assert_eq!(
        table.rows[0].description,
        [Paragraph::Text(
            "Specifies the manual backup object.".into()
        )]
    );
}

/// vpn: a Mandatory cell that is a condition in words makes the row optional, with a review
/// line, and stays in the description.
#[test]
fn a_mandatory_cell_in_words_reads_as_optional_with_a_review_line() {
    let text = [
        "Table 2 Description of field resource_tag",
        "Name",
        "Type",
        "Mandatory",
        "Description",
        "key",
        "String",
        "Yes",
        "Specifies the tag key.",
        "value",
        "String",
        "  • value is mandatory when action is set to create.",
        "  • value is optional when action is set to delete.",
        "Specifies the list of tag values.",
    ];
    let mut unread = Vec::new();
    let (found, _) = tables(&lines(&text), "Request", Side::Request, &mut unread);
    let value = &found[0].rows[1];
    assert_eq!((value.name.as_str(), value.required), ("value", false));
    assert_eq!(value.description.len(), 3);
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0].kind, Kind::MandatoryInWords);
    assert_eq!(unread[0].row.as_deref(), Some("value"));
}

/// A table whose rows cannot be read is left out with a review line; the others are kept.
#[test]
fn an_unreadable_table_is_left_out_and_the_next_one_read() {
    let text = [
        "Table 1 Request parameters",
        "Parameter",
        "Mandatory",
        "Type",
        "Description",
        "remark",
        "No",
        "Remarks of the group.",
        "Table 2 MemberInfo",
        "Parameter",
        "Mandatory",
        "Type",
        "Description",
        "host",
        "No",
        "String",
        "Backend server address.",
    ];
    let mut unread = Vec::new();
    let (found, _) = tables(&lines(&text), "Request", Side::Request, &mut unread);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].label(), "Table 2 MemberInfo");
    let unread: Vec<String> = unread.iter().map(ToString::to_string).collect();
    assert_eq!(unread.len(), 1);
    assert!(
        unread[0]
            .starts_with("Table 1 Request parameters (line 8), row remark: the row has no type"),
        "{unread:?}"
    );
}

/// smn: a free column after the description; where each cell is one line, each is named.
#[test]
fn free_columns_are_description_paragraphs_named_by_their_column() {
    let text = [
        "    Table 1 Topic attribute values",
        "    Parameter",
        "    Description",
        "    Constraint",
        "    Version",
        "    Policy specification version",
        "    Only 2016-09-07 is supported.",
        "    Id",
        "    Policy ID, which uniquely identifies a policy",
        "    Id must be specified.",
    ];
    let table = one_table(&text, Side::Request);
    let read: Vec<(&str, &[Paragraph])> = table
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.description.as_slice()))
        .collect();
    let text = |t: &str| Paragraph::Text(t.to_owned());
    assert_eq!(
        read,
        [
            (
                "Version",
                &[
                    text("Policy specification version"),
                    text("Constraint: Only 2016-09-07 is supported.")
                ][..]
            ),
            (
                "Id",
                &[
                    text("Policy ID, which uniquely identifies a policy"),
                    text("Constraint: Id must be specified.")
                ][..]
            ),
        ]
    );
    assert!(!table.type_column && table.rows[0].ty == Type::String);
}

/// vpc, cce: a cell's labelled paragraphs (`Definition:`, `Range`, `Constraints`) stay in the
/// cell; only a name followed by its type starts a row.
#[test]
fn labelled_paragraphs_of_a_cell_stay_in_the_cell() {
    let columns = header(&lines(&["Parameter", "Type", "Description"]), 0).unwrap();
    let text = [
        "admin_state_up",
        "Boolean",
        "Definition:",
        "Network ACL administrative status.",
        "Range",
        "  • true: The network ACL is enabled.",
        "  • false: The network ACL is disabled.",
        "kind",
        "String",
        "Definition",
        "API type.",
        "Constraints",
        "The value cannot be changed.",
        "Range",
        "The value is fixed at AddonCheck.",
    ];
    let (rows, reviews) = rows(&lines(&text), &columns, "Table 6", 15).unwrap();
    assert!(reviews.is_empty());
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["admin_state_up", "kind"]);
    assert_eq!(rows[0].description.len(), 5);
    assert_eq!(
        rows[1].description.last(),
        Some(&Paragraph::Text("The value is fixed at AddonCheck.".into()))
    );
}

/// Columns in another order: Parameter, Type, Mandatory, Description (evs, vpc).
#[test]
fn cells_are_read_in_their_header_order() {
    let columns = header(
        &lines(&["Parameter", "Type", "Mandatory", "Description"]),
        0,
    )
    .unwrap();
    let text = [
        "firewall_group",
        "Array of strings",
        "Yes",
        "Specifies the firewall group.",
        "ports",
        "Array of strings",
        "No",
        "Specifies the list of ports.",
        "NOTE:",
        "The port is the one whose device_owner is network:router_interface_distributed.",
    ];
    let (rows, _) = rows(&lines(&text), &columns, "Table 1", 10).unwrap();
    let read: Vec<(&str, bool, usize)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.required, r.description.len()))
        .collect();
    assert_eq!(read, [("firewall_group", true, 1), ("ports", false, 3)]);
    assert_eq!(rows[1].ty, Type::Array(Box::new(Type::String)));
}

/// cce: a header that writes a type where "Type" belongs, and Type cells in words (a table's
/// number, a single word), kept as written for the build to report.
#[test]
fn a_type_in_the_header_is_the_type_column_and_type_cells_in_words_are_kept() {
    let text = [
        "Table 2 Parameters in the request header",
        "Parameter",
        "Mandatory",
        "String",
        "Description",
        "Content-Type",
        "Yes",
        "String",
        "Message body type (format).",
        "spec",
        "Yes",
        "Table 3",
        "Access information.",
        "value",
        "No",
        "AnyType",
        "Value of the parameter.",
    ];
    let table = one_table(&text, Side::Request);
    assert!(table.type_column && table.mandatory_column);
    let types: Vec<&Type> = table.rows.iter().map(|r| &r.ty).collect();
    assert_eq!(
        types,
        [
            &Type::String,
            &Type::Unsupported("Table 3".into()),
            &Type::Any
        ]
    );
}

/// ces: a limit that is not an integer stays a paragraph instead of stopping the table.
#[test]
fn a_limit_that_is_not_an_integer_stays_a_paragraph() {
    let text = [
        "Parameter",
        "Mandatory",
        "Type",
        "Description",
        "value",
        "Yes",
        "Number",
        "Alarm threshold.",
        "Minimum: 0",
        "Maximum: 1.7976931348623157e+108",
    ];
    let row = &one_table(&text, Side::Request).rows[0];
    assert_eq!((row.minimum, row.maximum), (Some(0), None));
    assert_eq!(
        row.description.last(),
        Some(&Paragraph::Text("Maximum: 1.7976931348623157e+108".into()))
    );
}

/// cce: where the Type column comes first, rows whose Type cell is in words (`Table 4`, `AnyType`)
/// still start rows, and a cell's labelled paragraphs (`Details:`, `Options:`) stay in it.
#[test]
fn rows_whose_type_is_in_words_start_where_the_type_column_comes_first() {
    let text = [
        "Table 3 Data structure of the spec field",
        "Parameter",
        "Type",
        "Description",
        "spec",
        "Table 4",
        "Information about the elastic IP address.",
        "name",
        "String",
        "Details:",
        "Configuration overrides of the default components in a cluster.",
        "Options:",
        "N/A",
        "value",
        "AnyType",
        "Details:",
        "Configuration overrides of the default components in a cluster.",
    ];
    let table = one_table(&text, Side::Request);
    let rows: Vec<(&str, &Type, usize)> = table
        .rows
        .iter()
        .map(|r| (r.name.as_str(), &r.ty, r.description.len()))
        .collect();
    assert_eq!(
        rows,
        [
            ("spec", &Type::Unsupported("Table 4".into()), 1),
            ("name", &Type::String, 4),
            ("value", &Type::Any, 2),
        ]
    );
}
