//! The older dialects type a row that holds one of the page's objects `Object` or `Array of objects`
//! and say which in its description: "For details, see Table 3.". Such a row is given the type of that
//! table's object, before the objects are built; a reference the page cannot back is reported. A row
//! typed `Array` alone (or `JSON Array`) with such a pointer is an array of that object.

use super::objects::{object_name, table_kind, TableKind};
use crate::import::page::{Page, Paragraph, Type};
use crate::import::review::{Kind, Review};

/// Types the rows of `page` that point at a named table as its object; returns what it could not.
pub(super) fn resolve(page: &mut Page) -> Vec<Review> {
    // Each table's object name, by number, decided before any row changes.
    let objects: Vec<(u32, Option<String>)> = page
        .tables
        .iter()
        .map(|table| {
            (
                table.number,
                matches!(table_kind(table, page), TableKind::Named)
                    .then(|| object_name(&table.caption))
                    .flatten(),
            )
        })
        .collect();
    let mut report = Vec::new();
    for table in &mut page.tables {
        let label = table.label();
        for row in &mut table.rows {
            let free = |ty: &Type| *ty == Type::FreeObject;
            // `Array`, `JSON Array`, `schedule array` (the older ELB and ModelArts pages) say no
            // more than `Array of objects` does.
            let bare_array = matches!(&row.ty, Type::Unsupported(written) if written.to_ascii_lowercase().ends_with("array"));
            if !free(&row.ty) && !row.ty.items().is_some_and(free) && !bare_array {
                continue;
            }
            // One table for the whole description: a row pointing to one table per condition ("If
            // infer_type is batch, see Table 4.") is not any one of them.
            let mut numbers: Vec<u32> = row
                .description
                .iter()
                .filter_map(paragraph_reference)
                .collect();
            numbers.dedup();
            let [number] = numbers[..] else { continue };
            let Some(name) = objects
                .iter()
                .find(|(n, _)| *n == number)
                .and_then(|(_, name)| name.clone())
            else {
                let text = format!(
                    "{label}.{}: its description points to Table {number}, which is not an object table of the page; the type stays {}",
                    row.name,
                    row.ty.spec_name()
                );
                let review = Review::new(Kind::BrokenReference, text);
                report.push(review.at_row(label.clone(), &row.name, row.line));
                continue;
            };
            let object = Type::Object(name);
            row.ty = match row.ty {
                Type::Array(_) | Type::Unsupported(_) => Type::Array(Box::new(object)),
                _ => object,
            };
        }
    }
    report
}

/// Whether a sentence is only a pointer to a table: "For details, see Table 3.".
pub(super) fn is_pointer(sentence: &str) -> bool {
    sentence
        .strip_prefix("For details, see Table ")
        .and_then(|rest| rest.strip_suffix('.'))
        .is_some_and(|n| n.parse::<u32>().is_ok())
}

fn paragraph_reference(paragraph: &Paragraph) -> Option<u32> {
    match paragraph {
        Paragraph::Text(text) | Paragraph::Bullet(text) => table_reference(text),
    }
}

/// The table a sentence points to: "For details, see Table 3." or "..., see Table 4.", only when it
/// names a single table (a sentence naming two, one per condition, decides nothing).
fn table_reference(text: &str) -> Option<u32> {
    let mut found = text.match_indices("see Table ").map(|(at, prefix)| {
        let digits: String = text[at + prefix.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse::<u32>().ok()
    });
    let first = found.next()??;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_names_the_table_it_points_to() {
        assert_eq!(
            table_reference("Specifies tags. For details, see Table 3."),
            Some(3)
        );
        assert_eq!(
            table_reference("Dataset of a training job. For details, see Table 14."),
            Some(14)
        );
        assert_eq!(table_reference("see Table 3 or see Table 4."), None);
        assert_eq!(table_reference("Specifies the ECS ID."), None);
        assert_eq!(table_reference("For details, see Table."), None);
        assert!(is_pointer("For details, see Table 3."));
        assert!(!is_pointer("For details, see Table 3 and Table 4."));
    }
}
