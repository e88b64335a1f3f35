//! Types the rows that refer to a table as that table's object: an `Object` or `X object` row
//! becomes the object, an `Array`, `Array of objects` or `Array of X objects` row an array of it, a
//! `Map<String,Object>` row a map of it. A row whose pointer the page cannot back keeps its type
//! and is reported; a row typed by a wire name no table of the page answers (`vpc object`) is an
//! object the page does not describe, and is reported.

use super::roles::{Roles, TableKind};
use crate::import::page::{Page, Type};
use crate::import::review::{Kind, Review};

/// Types the rows of `page` that refer to a table; returns what it could not.
pub(super) fn resolve(page: &mut Page, roles: &Roles) -> Vec<Review> {
    let mut report = Vec::new();
    for link in &roles.links.links {
        let TableKind::Named(name) = &roles.kinds[link.to] else {
            // Its caption says the table is parameters or a body, not an object.
            let to = page.tables[link.to].label();
            let why = format!("{to}, which its caption says is not an object");
            report.push(pointer_review(page, link.table, link.row, &why));
            continue;
        };
        let row = &mut page.tables[link.table].rows[link.row];
        row.ty = referring_type(&row.ty, name);
    }
    for broken in &roles.links.broken {
        let why = format!("Table {}, which is not a table of the page", broken.number);
        report.push(pointer_review(page, broken.table, broken.row, &why));
    }
    let linked =
        |t: usize, r: usize| {
            roles.links.links.iter().any(|l| {
                (l.table, l.row) == (t, r) && matches!(roles.kinds[l.to], TableKind::Named(_))
            })
        };
    for (t, table) in page.tables.iter_mut().enumerate() {
        let label = table.label();
        for (r, row) in table.rows.iter_mut().enumerate() {
            let Some(wire) = wire_type(&row.ty).filter(|_| !linked(t, r)) else {
                continue;
            };
            let text = format!(
                "{label}.{}: its type names {wire:?}, which no table of the page describes; read as an object of any fields",
                row.name
            );
            report.push(Review::new(Kind::BrokenReference, text).at_row(
                label.clone(),
                &row.name,
                row.line,
            ));
            row.ty = referring_type(&row.ty, "");
        }
    }
    report
}

/// A review line about a row whose pointer gives it no object: it points to `what`.
fn pointer_review(page: &Page, table: usize, row: usize, what: &str) -> Review {
    let table = &page.tables[table];
    let row = &table.rows[row];
    let text = format!(
        "{}.{}: its description points to {what}; the type stays {}",
        table.label(),
        row.name,
        row.ty.spec_name()
    );
    table.row_review(row, Kind::BrokenReference, text)
}

/// The type of a row that holds the object `name` (`""`: an object the page does not describe),
/// keeping its array or map; a Type cell in words is an array where it says list or array (`List
/// data structure. For details, see Table 4.`).
fn referring_type(ty: &Type, name: &str) -> Type {
    let object = match name {
        "" => Type::FreeObject,
        name => Type::Object(name.to_owned()),
    };
    let says_many = |written: &str| {
        let lower = written.to_ascii_lowercase();
        lower.contains("list") || lower.contains("array")
    };
    match ty {
        Type::Array(_) => Type::Array(Box::new(object)),
        Type::Unsupported(written) if says_many(written) => Type::Array(Box::new(object)),
        Type::Map(_) => Type::Map(Box::new(object)),
        _ => object,
    }
}

/// The lowercase wire name a row's type gives (`vpc object`): a table of the page, not a type of
/// the service.
fn wire_type(ty: &Type) -> Option<&str> {
    match ty.items().unwrap_or(ty) {
        Type::Object(name) if name.starts_with(|c: char| c.is_ascii_lowercase()) => Some(name),
        _ => None,
    }
}

/// Whether a sentence is only a pointer to a table: "For details, see Table 3.".
pub(super) fn is_pointer(sentence: &str) -> bool {
    sentence
        .strip_prefix("For details, see Table ")
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|n| n.parse::<u32>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_sentence_is_told_apart() {
        assert!(is_pointer("For details, see Table 3."));
        assert!(!is_pointer("For details, see Table 3 and Table 4."));
    }
}
