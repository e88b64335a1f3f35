//! Rows whose Type cell the spec format has no type for (`Array of arrays of X objects`, a type in
//! words) are left out of the import, each with a review line, so that the rest of the page still
//! imports and nothing is dropped in silence. A row that is a JSON value of any kind (`AnyType`,
//! `Integer/Boolean`, a bare `Array`) is the spec's `any`. A `String(64)` is a string of that length. A second row of one name in a table is left out too.

use crate::import::page::{sized_string, Page, Type};
use crate::import::review::{Kind, Review};

/// Removes such rows from `page`; returns a review line for each.
pub(super) fn leave_out(page: &mut Page) -> Vec<Review> {
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

    /// ELB: a row that is a boolean or an integer is any JSON value, kept; a `String(255)` is a
    /// string of at most 255 characters.
    #[test]
    fn a_row_of_any_value_is_kept_and_a_sized_string_has_its_length() {
        let text = "Creating a Load Balancer\n\nFunction\n\nf\n\nURI\n\nPOST /v2/lbs\n\nTable 1 Parameter description\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\nadmin_state_up\n\nNo\n\nInteger/Boolean\n\nThe state.\n\nname\n\nNo\n\nString(255)\n\nThe name.\n";
        let page = crate::import::page::parse(text).unwrap();
        let mut with = page;
        assert!(leave_out(&mut with).is_empty());
        let rows = &with.tables[0].rows;
        assert_eq!((&rows[0].ty, &rows[1].ty), (&Type::Any, &Type::String));
        assert_eq!(rows[1].maximum, Some(255));
    }
}
