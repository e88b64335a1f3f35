//! Tables that describe one thing for different cases: "Parameters for creating an image from an
//! ECS" and "... from a file in an OBS bucket" are two forms of one request body; "instance field
//! data structure (creating a DB instance)" and "(creating a read replica)" two forms of the
//! `instance` object. A table nothing else decides (no row refers to it, its caption names no
//! object) is a case of another table when its rows share names with it and one row points to
//! both, or its caption names a row referring to that table, or it is under the request and that
//! table is the request's body. The cases become one table, the union of their rows: a row is mandatory only where every
//! case has it mandatory, since a request of one case need not carry what only another case needs.

use super::links::{caption_words, rightmost_run};
use super::roles::{Roles, TableKind};
use crate::import::page::{Page, Row, Side, Table};
use crate::import::review::{Kind, Review};

/// Merges each table that is a case of another into it; the review lines say which.
pub(super) fn merge(page: &mut Page, roles: &Roles) -> Vec<Review> {
    let cases: Vec<(usize, usize)> = (0..page.tables.len())
        .filter(|&j| matches!(roles.kinds[j], TableKind::Undecided(_)))
        .filter_map(|j| case_of(page, roles, j).map(|to| (j, to)))
        .collect();
    let mut report = Vec::new();
    for &(case, into) in &cases {
        let (case_table, target) = (&page.tables[case], &page.tables[into]);
        let text = format!(
            "{} describes {} in another case (their rows share names): the fields are the union of the cases, a field mandatory only where each case makes it so",
            case_table.label(),
            target.label()
        );
        report.push(case_table.review(Kind::TableCase, text));
        let (rows, conflicts) = union(target, case_table);
        report.extend(conflicts);
        page.tables[into].rows = rows;
    }
    let merged: Vec<usize> = cases.iter().map(|&(case, _)| case).collect();
    let mut j = 0;
    page.tables.retain(|_| {
        j += 1;
        !merged.contains(&(j - 1))
    });
    report
}

/// The table `j` is a case of, if any: another of the tables one row points to; the table a row its
/// caption names refers to (the nearest such row before it); the request's body.
fn case_of(page: &Page, roles: &Roles, j: usize) -> Option<usize> {
    let table = &page.tables[j];
    let decided = |t: &usize| *t != j && !matches!(roles.kinds[*t], TableKind::Undecided(_));
    let pointed = roles
        .links
        .cases
        .iter()
        .filter(|group| group.contains(&j))
        .find_map(|group| group.iter().copied().find(decided));
    let words = caption_words(&table.caption);
    let named = || {
        roles
            .links
            .links
            .iter()
            .filter(|l| decided(&l.to) && page.tables[l.to].side == table.side)
            .filter(|l| {
                let row = &page.tables[l.table].rows[l.row];
                row.line < table.line && rightmost_run(&words, &row.name).is_some()
            })
            .max_by_key(|l| page.tables[l.table].rows[l.row].line)
            .map(|l| l.to)
    };
    let body = || match table.side {
        Side::Request => roles
            .kinds
            .iter()
            .position(|k| *k == TableKind::RequestBody),
        Side::Response => None,
    };
    let into = pointed.or_else(named).or_else(body)?;
    let shares = |row: &Row| page.tables[into].rows.iter().any(|r| r.name == row.name);
    table.rows.iter().any(shares).then_some(into)
}

/// The rows of both cases, `first`'s order then the rows only `case` has; with a review line for
/// each row the cases type differently (`first`'s type is kept).
fn union(first: &Table, case: &Table) -> (Vec<Row>, Vec<Review>) {
    let mut conflicts = Vec::new();
    let mut rows: Vec<Row> = first
        .rows
        .iter()
        .map(|row| match case.rows.iter().find(|r| r.name == row.name) {
            Some(other) => {
                if other.ty != row.ty {
                    let text = format!(
                        "{}.{}: typed {} here and {} in {}; the first is kept",
                        case.label(),
                        row.name,
                        other.ty.spec_name(),
                        row.ty.spec_name(),
                        first.label()
                    );
                    conflicts.push(case.row_review(other, Kind::TableCase, text));
                }
                Row {
                    required: row.required && other.required,
                    ..row.clone()
                }
            }
            None => Row {
                required: false,
                ..row.clone()
            },
        })
        .collect();
    let only_case = case
        .rows
        .iter()
        .filter(|r| !first.rows.iter().any(|f| f.name == r.name));
    rows.extend(only_case.map(|row| Row {
        required: false,
        ..row.clone()
    }));
    (rows, conflicts)
}

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;
    use serde_json::Value;

    /// A page's table as the older dialects write it: a bullet (with a numbered caption line under
    /// it, for a caption "Table N ..."), then cells of one paragraph each.
    fn table(caption: &str, rows: &[[&str; 4]]) -> String {
        let caption = match caption.starts_with("Table ") {
            true => format!("Parameter description\n\n    {caption}"),
            false => caption.to_owned(),
        };
        let mut text = format!(
            "  • {caption}\n\n    Parameter\n\n    Mandatory\n\n    Type\n\n    Description\n\n"
        );
        for cells in rows {
            for cell in cells {
                text.push_str(&format!("    {cell}\n\n"));
            }
        }
        text
    }

    fn page(tables: &[String]) -> String {
        format!(
            "Creating an Image\n\nFunction\n\nf\n\nURI\n\nPOST /v2/cloudimages/action\n\nRequest\n\n{}",
            tables.concat()
        )
    }

    /// The names of the request body's fields and which are required.
    fn body_fields(spec: &Value) -> Vec<(String, bool)> {
        let body = spec["operation"]["body"].as_str().unwrap();
        fields(spec, body)
    }

    /// The names of an object's fields and which are required.
    fn fields(spec: &Value, object: &str) -> Vec<(String, bool)> {
        spec["objects"][object]["fields"]
            .as_array()
            .unwrap_or_else(|| panic!("no object {object}: {spec:#}"))
            .iter()
            .map(|f| {
                let required = f["required"].as_bool().unwrap_or(false);
                (f["name"].as_str().unwrap().to_owned(), required)
            })
            .collect()
    }

    /// IMS: one request body described once per way of creating an image. Each case's fields are
    /// accepted; a field only one case needs is not required of the others.
    #[test]
    fn request_tables_sharing_rows_are_cases_of_the_body() {
        let ecs = table(
            "Parameters for creating an image from an ECS",
            &[
                ["name", "Yes", "String", "The image name."],
                ["instance_id", "Yes", "String", "The ECS."],
            ],
        );
        let obs = table(
            "Parameters for creating an image from a file in an OBS bucket",
            &[
                ["name", "Yes", "String", "The image name."],
                ["image_url", "Yes", "String", "The file."],
            ],
        );
        let imported = import_text(&page(&[ecs, obs]), "otc_ims", "creating_an_image");
        assert_eq!(
            body_fields(&imported.spec_json()),
            [
                ("name".into(), true),
                ("instance_id".into(), false),
                ("image_url".into(), false)
            ]
        );
        assert!(imported
            .report
            .iter()
            .any(|r| r.text.contains("in another case")));
    }

    /// A table sharing no row with the body is not a case of it: it stays left out, with its line.
    #[test]
    fn a_table_sharing_no_row_is_no_case() {
        let body = table("Request parameters", &[["name", "Yes", "String", "n"]]);
        let other = table("Resource_tag structure", &[["key", "Yes", "String", "k"]]);
        let imported = import_text(&page(&[body, other]), "otc_smn", "adding_a_tag");
        assert_eq!(body_fields(&imported.spec_json()), [("name".into(), true)]);
        assert!(imported.report.iter().any(|r| r.text.contains("skipped")));
    }

    /// RDS: one row points to a table per case ("when creating a read replica, see Table 4"): its
    /// object is the union of both.
    #[test]
    fn a_row_pointing_to_a_table_per_case_holds_their_union() {
        let body = table(
            "Table 2 Parameter description",
            &[[
                "instance",
                "Yes",
                "Dictionary data structure.",
                "For a DB instance, see Table 3. For a read replica, see Table 4.",
            ]],
        );
        let single = table(
            "Table 3 instance field data structure (creating a DB instance)",
            &[
                ["name", "Yes", "String", "n"],
                ["volume", "Yes", "String", "v"],
            ],
        );
        let replica = table(
            "Table 4 instance field data structure (creating a read replica)",
            &[
                ["name", "Yes", "String", "n"],
                ["replica_of_id", "Yes", "String", "r"],
            ],
        );
        let imported = import_text(
            &page(&[body, single, replica]),
            "otc_rds",
            "creating_a_db_instance",
        );
        assert_eq!(
            fields(&imported.spec_json(), "Instance"),
            [
                ("name".into(), true),
                ("volume".into(), false),
                ("replica_of_id".into(), false)
            ],
            "{:#?}",
            imported.report
        );
    }
}
