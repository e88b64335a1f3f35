//! An object's description, where the overlay gives none: the tables it is made from, and the
//! statuses of a response body.

use super::{Builder, Object, Role};

impl Builder<'_> {
    /// The object's description: the overlay's, else one naming the tables it comes from.
    pub(super) fn object_description(&self, object: &Object<'_>) -> Vec<String> {
        if let Some(description) = self.overlays.object_description(&object.name) {
            return description.clone();
        }
        let first = object.table();
        let text = match object.role {
            Role::RequestBody => format!("{}.", first.label()),
            Role::ResponseBody => {
                let statuses: Vec<String> = object.statuses.iter().map(u16::to_string).collect();
                let codes = if statuses.len() == 1 {
                    "status code"
                } else {
                    "status codes"
                };
                format!(
                    "{} ({codes} {}).",
                    response_tables(object),
                    and_list(&statuses)
                )
            }
            Role::Named if object.tables.len() > 1 => {
                let also: Vec<String> = object.tables[1..]
                    .iter()
                    .map(|t| match t.number {
                        0 => t.caption.clone(),
                        n => format!("Table {n}"),
                    })
                    .collect();
                format!("{} (also {}).", first.label(), and_list(&also))
            }
            Role::Named => format!("{}.", first.label()),
        };
        vec![text]
    }
}

/// The tables of a response body: `Table 7 to Table 11 Response body parameters`, by number where
/// the page numbers them, else by their captions (`Response parameters`).
fn response_tables(object: &Object<'_>) -> String {
    let first = object.table();
    let numbers: Vec<u32> = object.tables.iter().map(|t| t.number).collect();
    if numbers.contains(&0) {
        let captions: Vec<String> = object.tables.iter().map(|t| t.label()).collect();
        return and_list(&captions);
    }
    let consecutive = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    let tables = match numbers.as_slice() {
        [_] => format!("Table {}", numbers[0]),
        [first_n, .., last_n] if consecutive => format!("Table {first_n} to Table {last_n}"),
        _ => and_list(
            &numbers
                .iter()
                .map(|n| format!("Table {n}"))
                .collect::<Vec<_>>(),
        ),
    };
    format!("{tables} {}", first.caption)
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;

    /// EVS: a response table the page does not number is named by its caption, not "Table 0".
    #[test]
    fn an_unnumbered_response_table_is_named_by_its_caption() {
        let text = "Querying a Disk\n\nFunction\n\nf\n\nURI\n\n  • URI format\n\n    GET /v2/volumes/{volume_id}\n\nResponse\n\n  • Response parameters\n\n    Parameter\n\n    Type\n\n    Description\n\n    id\n\n    String\n\n    The disk ID.\n";
        let spec = import_text(text, "otc_evs", "querying_a_disk").spec_json();
        let body = spec["operation"]["responses"][0]["body"].as_str().unwrap();
        assert_eq!(
            spec["objects"][body]["description"][0],
            "Response parameters (status code 200)."
        );
    }
}
