//! Rows whose Type cell the spec format has no type for (`Integer/Boolean`, `JSON Array`, a type in
//! words) are left out of the import, each with a review line, so that the rest of the page still
//! imports and nothing is dropped in silence.

use crate::import::page::{Page, Type};
use crate::import::review::{Kind, Review};

/// Removes such rows from `page`; returns a review line for each.
pub(super) fn leave_out(page: &mut Page) -> Vec<Review> {
    let mut report = Vec::new();
    for table in &mut page.tables {
        let label = table.label();
        table.rows.retain(|row| {
            let written = match (&row.ty, row.ty.items()) {
                (Type::Unsupported(written), _) | (_, Some(Type::Unsupported(written))) => written,
                _ => return true,
            };
            let text = format!("{label}.{}: left out: its type {written:?} is not one the spec format has; decide it in the overlay or the spec", row.name);
            let review = Review::new(Kind::UnsupportedType, text);
            report.push(review.at_row(label.clone(), &row.name, row.line));
            false
        });
    }
    report
}
