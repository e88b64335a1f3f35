//! The older dialects type a row that holds one of the page's objects `Object` or `Array of objects`
//! and say which in its description: "For details, see Table 3.". Such a row is given the type of that
//! table's object, before the objects are built; a reference the page cannot back is reported.

use super::objects::{object_name, table_kind, TableKind};
use crate::import::page::{Page, Paragraph, Type};

/// `page` with the rows that point at a named table typed as its object, and what was decided.
pub(super) fn resolve(page: &Page) -> (Page, Vec<String>) {
    let mut resolved = page.clone();
    let mut report = Vec::new();
    for t in 0..resolved.tables.len() {
        for r in 0..resolved.tables[t].rows.len() {
            let row = &resolved.tables[t].rows[r];
            let Some(number) = row.description.iter().find_map(paragraph_reference) else { continue };
            let free = |ty: &Type| *ty == Type::FreeObject;
            if !free(&row.ty) && !row.ty.items().is_some_and(free) {
                continue;
            }
            let label = format!("{}.{}", resolved.tables[t].label(), row.name);
            let target = page.tables.iter().find(|table| table.number == number);
            let name = target.filter(|table| matches!(table_kind(table, page), TableKind::Named)).and_then(|table| object_name(&table.caption));
            let Some(name) = name else {
                report.push(format!("{label}: its description points to Table {number}, which is not an object table of the page; the type stays {}", row.ty.spec_name()));
                continue;
            };
            let object = Type::Object(name);
            let row = &mut resolved.tables[t].rows[r];
            row.ty = match row.ty {
                Type::Array(_) => Type::Array(Box::new(object)),
                _ => object,
            };
        }
    }
    (resolved, report)
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
        let digits: String = text[at + prefix.len()..].chars().take_while(char::is_ascii_digit).collect();
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
        assert_eq!(table_reference("Specifies tags. For details, see Table 3."), Some(3));
        assert_eq!(table_reference("Dataset of a training job. For details, see Table 14."), Some(14));
        assert_eq!(table_reference("see Table 3 or see Table 4."), None);
        assert_eq!(table_reference("Specifies the ECS ID."), None);
        assert_eq!(table_reference("For details, see Table."), None);
    }
}
