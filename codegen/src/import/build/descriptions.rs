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
                let numbers: Vec<u32> = object.tables.iter().map(|t| t.number).collect();
                let consecutive = numbers.windows(2).all(|w| w[1] == w[0] + 1);
                let tables = match numbers.as_slice() {
                    [_] => format!("Table {}", numbers[0]),
                    [first_n, .., last_n] if consecutive => {
                        format!("Table {first_n} to Table {last_n}")
                    }
                    _ => and_list(
                        &numbers
                            .iter()
                            .map(|n| format!("Table {n}"))
                            .collect::<Vec<_>>(),
                    ),
                };
                let statuses: Vec<String> = object.statuses.iter().map(u16::to_string).collect();
                let codes = if statuses.len() == 1 {
                    "status code"
                } else {
                    "status codes"
                };
                format!(
                    "{tables} {} ({codes} {}).",
                    first.caption,
                    and_list(&statuses)
                )
            }
            Role::Named if object.tables.len() > 1 => {
                let also: Vec<String> = object.tables[1..]
                    .iter()
                    .map(|t| format!("Table {}", t.number))
                    .collect();
                format!("{} (also {}).", first.label(), and_list(&also))
            }
            Role::Named => format!("{}.", first.label()),
        };
        vec![text]
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
