//! Rows whose Type cell the spec format has no type for (`Array of arrays of X objects`, a type in
//! words) are left out of the import, each with a review line, so that the rest of the page still
//! imports and nothing is dropped in silence. So are, until the spec's `any` type lowers, the rows
//! that are a JSON value of any kind (`AnyType`, `Integer/Boolean`, a bare `Array`). A `String(64)`
//! is a string of that length. A second row of one name in a table is left out too.

use crate::import::page::{sized_string, Page, Type};
use crate::import::review::{Kind, Review};

/// Whether the spec format has the type `any` (a JSON value of any kind). The importer writes
/// `"any"` for such rows once it does; until then they are left out and reported.
const SPEC_HAS_ANY: bool = false;

/// Removes such rows from `page`; returns a review line for each.
pub(super) fn leave_out(page: &mut Page) -> Vec<Review> {
    leave_out_with(page, SPEC_HAS_ANY)
}

fn leave_out_with(page: &mut Page, has_any: bool) -> Vec<Review> {
    let mut report = Vec::new();
    for table in &mut page.tables {
        let label = table.label();
        for row in &mut table.rows {
            // `String(64)`: a string of at most 64 characters, unless its Maximum line says more.
            let length = match &row.ty {
                Type::Unsupported(written) => sized_string(written),
                _ => None,
            };
            if let Some(length) = length.and_then(|l| i64::try_from(l).ok()) {
                row.ty = Type::String;
                row.maximum = row.maximum.or(Some(length));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        table.rows.retain(|row| {
            let why = match (&row.ty, row.ty.items()) {
                // The page's own slip: one name twice in a table; the first row stands.
                _ if !seen.insert(row.name.clone()) => {
                    "the table has a row of that name before it".to_owned()
                }
                (Type::Unsupported(written), _) | (_, Some(Type::Unsupported(written))) => {
                    format!("its type {written:?} is not one the spec format has")
                }
                (Type::Any, _) if !has_any => {
                    "it is a JSON value of any kind, which the spec format cannot say yet".to_owned()
                }
                (_, Some(Type::Any)) if !has_any => {
                    "its items are JSON values of any kind (the page does not describe them), which the spec format cannot say yet".to_owned()
                }
                _ => return true,
            };
            let text = format!(
                "{label}.{}: left out: {why}; decide it in the overlay or the spec",
                row.name
            );
            let review = Review::new(Kind::UnsupportedType, text);
            report.push(review.at_row(label.clone(), &row.name, row.line));
            false
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ELB: a row that is a boolean or an integer is any JSON value: left out until the spec can
    /// say so, kept once it can.
    #[test]
    fn a_row_of_any_value_waits_for_the_spec() {
        let text = "Creating a Load Balancer\n\nFunction\n\nf\n\nURI\n\nPOST /v2/lbs\n\nTable 1 Parameter description\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\nadmin_state_up\n\nNo\n\nInteger/Boolean\n\nThe state.\n\nname\n\nNo\n\nString(255)\n\nThe name.\n";
        let page = crate::import::page::parse(text).unwrap();
        let (mut without, mut with) = (page.clone(), page);
        let report = leave_out_with(&mut without, false);
        assert!(report[0]
            .text
            .contains("admin_state_up: left out: it is a JSON value of any kind"));
        assert!(leave_out_with(&mut with, true).is_empty());
        let rows = &with.tables[0].rows;
        assert_eq!((&rows[0].ty, &rows[1].ty), (&Type::Any, &Type::String));
        assert_eq!(rows[1].maximum, Some(255));
    }
}
