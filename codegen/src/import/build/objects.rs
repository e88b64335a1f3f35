//! Groups the page's tables into objects: the request body, the response bodies (identical tables
//! one object), and the named tables (a name repeated under the responses one object); and
//! describes each. A body table that is a map or a file (its only row `{User defined key}` or `-`)
//! is a body, not an object.

use super::roles::TableKind;
use super::{Builder, Object, Role, Target, WholeBody};
use crate::import::page::{is_placeholder, Row, Side, Table, Type};
use crate::import::review::{Kind, Review};
use crate::spec;
use heck::ToUpperCamelCase;
use std::collections::BTreeSet;

/// The object a named table's caption makes: a type name as it is (`MemberInfo`); a lowercase wire
/// name in UpperCamelCase (`grants` -> `Grants`); and the older dialects' `X field description` and `X
/// parameters` (`X parameters of Y`), where X (and Y) is one wire name, from those names (`tags field
/// description` -> `Tags`, `data_source parameters` -> `DataSource`, `config parameters of batch` ->
/// `ConfigBatch`). A caption of several other words (`Response header parameters`) names no object.
pub(super) fn object_name(caption: &str) -> Option<String> {
    let is_wire = |word: &str| {
        word.starts_with(|c: char| c.is_ascii_alphabetic())
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-".contains(c))
    };
    if caption
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !caption.is_empty()
    {
        return Some(
            match caption.starts_with(|c: char| c.is_ascii_lowercase()) {
                true => caption.to_upper_camel_case(),
                false => caption.to_owned(),
            },
        );
    }
    let words: Vec<&str> = caption.split_whitespace().collect();
    let named = match words.as_slice() {
        [x, "field" | "parameter", "description"] | [x, "parameters"] => vec![*x],
        [x, "parameters", "of", y] => vec![*x, *y],
        _ => return None,
    };
    named
        .iter()
        .all(|w| is_wire(w))
        .then(|| named.join(" ").to_upper_camel_case())
}

/// Why a response table under no "Status code:" line is left out.
fn no_status(table: &Table) -> String {
    format!(
        "{}: skipped: no \"Status code:\" line before it",
        table.label()
    )
}

impl<'p> Builder<'p> {
    /// Turns the tables into objects: bodies (identical response tables into one), named tables (a
    /// name repeated under the responses into the same object).
    pub(super) fn collect_objects(&mut self, target: &Target) {
        let op = target.name.to_upper_camel_case();
        let page = self.page;
        for (table, kind) in page.tables.iter().zip(self.kinds) {
            if !table.type_column {
                let text = format!(
                    "{}: the table has no Type column; its rows are read as strings",
                    table.label()
                );
                self.report.push(table.review(Kind::NoTypeColumn, text));
            }
            match kind {
                TableKind::PathParams
                | TableKind::QueryParams
                | TableKind::Uri
                | TableKind::Headers
                | TableKind::FormData => {}
                TableKind::ResponseHeaders if table.status.is_none() => {
                    self.skip(table, no_status(table));
                }
                TableKind::ResponseHeaders => {}
                TableKind::Undecided(why) => self.skip(
                    table,
                    format!(
                        "{}: skipped: what it is is not decided: {why}",
                        table.label()
                    ),
                ),
                TableKind::RequestBody | TableKind::ResponseBody if whole_body(table).is_some() => {
                    self.push_whole_body(table)
                }
                TableKind::RequestBody => {
                    let name = self
                        .overlays
                        .body("request")
                        .map_or_else(|| format!("{op}Request"), str::to_owned);
                    self.push_object(name, Role::RequestBody, table, Vec::new());
                }
                TableKind::ResponseBody => self.push_response_body(table),
                TableKind::Named(name) => self.push_named(table, name.clone()),
            }
        }
        self.name_response_bodies(&op);
    }

    /// Leaves the table out, saying why in a review line.
    fn skip(&mut self, table: &Table, text: String) {
        self.report.push(table.review(Kind::TableSkipped, text));
    }

    /// A response body table: into the object of an identical one, else an object of its own.
    fn push_response_body(&mut self, table: &'p Table) {
        let Some(status) = table.status else {
            self.skip(table, no_status(table));
            return;
        };
        let same = self
            .objects
            .iter_mut()
            .find(|o| o.role == Role::ResponseBody && same_rows(o.table(), table, false));
        match same {
            Some(object) => {
                object.tables.push(table);
                object.statuses.push(status);
            }
            None => self.push_object(String::new(), Role::ResponseBody, table, vec![status]),
        }
    }

    /// A table named after its object: into the object of that name, else an object of its own.
    fn push_named(&mut self, table: &'p Table, name: String) {
        let Some(&i) = self
            .index
            .get(&name)
            .filter(|&&i| self.objects[i].role == Role::Named)
        else {
            self.push_object(name, Role::Named, table, Vec::new());
            return;
        };
        let first = self.objects[i].table();
        if !same_rows(first, table, true) {
            let text = format!(
                "{} differs from {} with the same name; the fields are taken from {}",
                table.label(),
                first.label(),
                first.label()
            );
            self.report.push(table.review(Kind::TableNameTaken, text));
        }
        self.objects[i].tables.push(table);
    }

    /// Response bodies are named once grouped, by whichever of their statuses the overlay names.
    fn name_response_bodies(&mut self, op: &str) {
        for i in 0..self.objects.len() {
            if self.objects[i].role != Role::ResponseBody {
                continue;
            }
            let statuses = self.objects[i].statuses.clone();
            let names: BTreeSet<&str> = statuses
                .iter()
                .filter_map(|s| self.overlays.body(&s.to_string()))
                .collect();
            if names.len() > 1 {
                let text = format!("overlay: bodies names the identical response tables of statuses {statuses:?} differently: {names:?}; the first is used");
                self.report.push(Review::new(Kind::OverlayConflict, text));
            }
            let name = names.first().map_or_else(
                || format!("{op}Response{}", statuses[0]),
                |n| (*n).to_owned(),
            );
            if self.index.contains_key(&name) {
                let text = format!("the response body of status {} is named {name}, which is also the name of another table", statuses[0]);
                let review = self.objects[i].table().review(Kind::TableNameTaken, text);
                self.report.push(review);
            }
            self.index.insert(name.clone(), i);
            self.objects[i].name = name;
        }
    }

    /// A body table whose only row stands for the body itself: its type, not an object.
    fn push_whole_body(&mut self, table: &Table) {
        let Some(body) = whole_body(table) else {
            return;
        };
        let status = match (table.side, table.status) {
            (Side::Request, _) => None,
            (Side::Response, Some(status)) => Some(status),
            (Side::Response, None) => {
                self.skip(table, no_status(table));
                return;
            }
        };
        self.whole_bodies.push(WholeBody { status, body });
    }

    fn push_object(&mut self, name: String, role: Role, table: &'p Table, statuses: Vec<u16>) {
        if !name.is_empty() {
            if self.index.contains_key(&name) {
                let text = format!(
                    "{}: the name {name} is already taken by another table",
                    table.label()
                );
                self.report.push(table.review(Kind::TableNameTaken, text));
            }
            self.index.insert(name.clone(), self.objects.len());
        }
        self.objects.push(Object {
            name,
            role,
            tables: vec![table],
            statuses,
            fields: Vec::new(),
            facts: Vec::new(),
            row_enums: Vec::new(),
            rules: Vec::new(),
        });
    }
}

/// The body a table is when its only row stands for the whole of it: `{User defined key}` of type
/// `Map<String,X>` (a map of X) or `-` of type `File` (a file). The page's reader lets such rows
/// stand nowhere else.
fn whole_body(table: &Table) -> Option<spec::Body> {
    let [row] = table.rows.as_slice() else {
        return None;
    };
    if !is_placeholder(&row.name) {
        return None;
    }
    match &row.ty {
        Type::File => Some(spec::Body::named("file")),
        Type::Map(items) => Some(spec::Body {
            ty: "map".to_owned(),
            items: Some(items.spec_name().to_owned()),
        }),
        _ => None,
    }
}

/// Whether two tables have the same rows, wherever they are on the page; `but_required` ignores the
/// Mandatory column (the response copy of a request table has none).
fn same_rows(a: &Table, b: &Table, but_required: bool) -> bool {
    let same = |x: &Row, y: &Row| {
        Row {
            line: y.line,
            required: if but_required { y.required } else { x.required },
            ..x.clone()
        } == *y
    };
    a.rows.len() == b.rows.len() && a.rows.iter().zip(&b.rows).all(|(x, y)| same(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_name_their_objects() {
        for (caption, name) in [
            ("MemberInfo", Some("MemberInfo")),
            ("APIInfo", Some("APIInfo")),
            ("grants", Some("Grants")),
            ("tags field description", Some("Tags")),
            ("os-start field description", Some("OsStart")),
            ("data_source parameters", Some("DataSource")),
            ("config parameters of batch", Some("ConfigBatch")),
            ("config parameters of real-time", Some("ConfigRealTime")),
            ("listeners parameter description", Some("Listeners")),
            ("Response header parameters", None),
            ("Parameter description", None),
        ] {
            assert_eq!(object_name(caption).as_deref(), name, "{caption}");
        }
    }
}
