//! Groups the page's tables into objects: the request body, the response bodies (identical tables
//! one object), and the named tables (a name repeated under the responses one object); and
//! describes each. A body table that is a map or a file (its only row `{User defined key}` or `-`)
//! is a body, not an object.

use super::{Builder, Object, Role, Target, WholeBody};
use crate::import::page::{is_placeholder, Page, Row, Side, Table, Type};
use crate::import::review::{Kind, Review};
use crate::spec;
use heck::ToUpperCamelCase;
use std::collections::BTreeSet;

/// What a table is, by its caption.
pub(super) enum TableKind {
    PathParams,
    QueryParams,
    Headers,
    /// "FormData parameters": the fields of a multipart/form-data request.
    FormData,
    RequestBody,
    ResponseBody,
    /// A response's headers, under its "Status code:" line.
    ResponseHeaders,
    Named,
    Unsupported,
    /// A caption that names no kind ("Parameter description") on a table its place does not decide
    /// either; the reason, for the report.
    Undecided(&'static str),
}

/// Captions that say only that the table holds parameters. The older dialects use them for every
/// table of a page, so what the table is comes from where it is (see [`generic_kind`]).
const GENERIC_CAPTIONS: &[&str] = &[
    "parameter description",
    "parameters",
    "parameter",
    "request parameters",
    "request parameter",
    "response parameters",
    "response parameter",
];

/// What `table` of `page` is.
pub(super) fn table_kind(table: &Table, page: &Page) -> TableKind {
    let caption = table.caption.to_ascii_lowercase();
    match caption.as_str() {
        "path parameters" => TableKind::PathParams,
        "query parameters" => TableKind::QueryParams,
        "request header parameters" | "header parameters" => TableKind::Headers,
        "formdata parameters" | "form data parameters" | "form parameters" => TableKind::FormData,
        "request body parameters" => TableKind::RequestBody,
        "response body parameters" => TableKind::ResponseBody,
        "response header parameters" | "response headers" => TableKind::ResponseHeaders,
        _ if GENERIC_CAPTIONS.contains(&caption.as_str()) => generic_kind(table, page),
        _ if object_name(&table.caption).is_some() => TableKind::Named,
        _ => TableKind::Unsupported,
    }
}

/// A generically captioned table, by its place: under the responses a response body; on the request
/// side path parameters when every row is a `{name}` of the path, else (not under "URI") query
/// parameters of a method without a body and the body of one with. Rows partly in the path, or a
/// table under "URI" whose rows are not in the path, cannot be told apart and are reported.
fn generic_kind(table: &Table, page: &Page) -> TableKind {
    if table.side == Side::Response {
        return TableKind::ResponseBody;
    }
    let in_path = table
        .rows
        .iter()
        .filter(|r| page.path.contains(&format!("{{{}}}", r.name)))
        .count();
    match in_path {
        n if n == table.rows.len() => TableKind::PathParams,
        0 if table.in_uri => {
            TableKind::Undecided("under \"URI\", but none of its rows is in the path")
        }
        0 if matches!(page.method.as_str(), "GET" | "DELETE" | "HEAD") => TableKind::QueryParams,
        0 => TableKind::RequestBody,
        _ => TableKind::Undecided("some of its rows are in the path and some are not"),
    }
}

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
        for table in &page.tables {
            if !table.type_column {
                let text = format!(
                    "{}: the table has no Type column; its rows are read as strings",
                    table.label()
                );
                self.report.push(table.review(Kind::NoTypeColumn, text));
            }
            match table_kind(table, page) {
                TableKind::PathParams
                | TableKind::QueryParams
                | TableKind::Headers
                | TableKind::FormData => {}
                TableKind::ResponseHeaders if table.status.is_none() => {
                    self.skip(table, no_status(table));
                }
                TableKind::ResponseHeaders => {}
                TableKind::Unsupported => {
                    let why = "the spec format has no such parameters";
                    self.skip(table, format!("{}: skipped: {why}", table.label()));
                }
                TableKind::Undecided(why) => self.skip(
                    table,
                    format!(
                        "{}: skipped: its caption does not say what it is and its place does not decide it ({why})",
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
                TableKind::Named => self.push_named(table),
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
    fn push_named(&mut self, table: &'p Table) {
        let name = object_name(&table.caption).unwrap_or_else(|| table.caption.clone());
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

    fn page(method: &str, path: &str, tables: Vec<Table>) -> Page {
        let page =
            crate::import::page::parse(&format!("T\nFunction\nf\nURI\n{method} {path}\n")).unwrap();
        Page { tables, ..page }
    }

    fn table(caption: &str, side: Side, in_uri: bool, rows: &[&str]) -> Table {
        let row = |name: &&str| Row {
            name: (*name).to_owned(),
            required: true,
            ty: Type::String,
            description: Vec::new(),
            minimum: None,
            maximum: None,
            default: None,
            enumeration: None,
            line: 1,
        };
        Table {
            number: 1,
            caption: caption.to_owned(),
            side,
            status: None,
            mandatory_column: true,
            type_column: true,
            in_uri,
            rows: rows.iter().map(row).collect(),
            line: 1,
        }
    }

    #[test]
    fn a_generic_caption_is_decided_by_the_tables_place_or_reported() {
        let kind = |method: &str, t: Table| {
            let page = page(
                method,
                "/v1/{project_id}/servers/{server_id}",
                vec![t.clone()],
            );
            match table_kind(&t, &page) {
                TableKind::PathParams => "path",
                TableKind::QueryParams => "query",
                TableKind::RequestBody => "request",
                TableKind::ResponseBody => "response",
                TableKind::Undecided(_) => "undecided",
                _ => "other",
            }
        };
        // The method, the table (caption, side, read from the URI, rows) and the kind decided.
        let cases: [(&str, Table, &str); 7] = [
            (
                "POST",
                table(
                    "Parameter description",
                    Side::Request,
                    true,
                    &["project_id", "server_id"],
                ),
                "path",
            ),
            (
                "POST",
                table("Request parameters", Side::Request, false, &["tags"]),
                "request",
            ),
            (
                "GET",
                table("Parameter description", Side::Request, false, &["marker"]),
                "query",
            ),
            (
                "POST",
                table("Parameters", Side::Response, false, &["job_id"]),
                "response",
            ),
            (
                "POST",
                table("Parameter description", Side::Request, true, &["marker"]),
                "undecided",
            ),
            (
                "POST",
                table(
                    "Parameter description",
                    Side::Request,
                    false,
                    &["project_id", "name"],
                ),
                "undecided",
            ),
            (
                "POST",
                table("tags field description", Side::Request, false, &["key"]),
                "other",
            ),
        ];
        for (method, t, expected) in cases {
            let caption = t.caption.clone();
            assert_eq!(kind(method, t), expected, "{method} {caption}");
        }
    }
}
