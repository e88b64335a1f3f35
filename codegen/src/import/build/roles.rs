//! What each table of a page is. A caption that says what its table is (its words `path`, `query`,
//! `header`, `form`, `body`) decides first; then a table a row's description points to is that
//! row's object, and a table whose caption names a row of the page is that row's object. Any other table
//! is decided by its section: under "URI" its rows in the path are path parameters and the others
//! query parameters; the first other table of the request is its body (or its query parameters,
//! for a method without one), the first of a response status that status's body; a later one is an
//! object its caption names, else left out with the reason.

use super::links::{self, Link, Links};
use super::objects::object_name;
use crate::import::page::{Page, Row, Side, Table};

/// What a table is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TableKind {
    PathParams,
    QueryParams,
    /// Under "URI": its rows in the path are path parameters, the others query parameters.
    Uri,
    Headers,
    /// "FormData parameters": the fields of a multipart/form-data request.
    FormData,
    RequestBody,
    ResponseBody,
    /// A response's headers, under its "Status code:" line.
    ResponseHeaders,
    /// An object, by its name.
    Named(String),
    /// Nothing on the page says what it is; the reason, for the report.
    Undecided(String),
}

/// Which parameters of the operation a table's rows can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Param {
    Path,
    Query,
    Headers,
    Form,
}

/// The page's tables, each with what it is, and the rows that refer to them.
pub(super) struct Roles {
    pub kinds: Vec<TableKind>,
    pub links: Links,
}

/// Decides what each table of `page` is.
pub(super) fn decide(page: &Page) -> Roles {
    let said: Vec<Option<TableKind>> = page.tables.iter().map(kind_words).collect();
    let links = links::find(page, |j| said[j].is_none());
    let named = |link: Option<&Link>| {
        link.map(|l| TableKind::Named(links::object_name_of(&page.tables[l.table].rows[l.row])))
    };
    let mut sections = Sections::default();
    let mut kinds = Vec::new();
    for (j, table) in page.tables.iter().enumerate() {
        let kind = said[j]
            .clone()
            .or_else(|| named(links.first_to(j, true)))
            .or_else(|| named(links.first_to(j, false)))
            .unwrap_or_else(|| sections.by_place(table, page));
        sections.take(&kind, table);
        kinds.push(kind);
    }
    Roles { kinds, links }
}

/// What a caption's own words say its table is: `Path Parameters`, `Parameters in the request
/// header`, `Response body parameter`, `FormData parameters`. A caption of one word is a type's name
/// (`Headers`), not a kind.
fn kind_words(table: &Table) -> Option<TableKind> {
    if !table.caption.trim().contains(' ') {
        return None;
    }
    let words: Vec<String> = table
        .caption
        // `host_path parameters` names a row, not the path.
        .split(|c: char| !c.is_ascii_alphanumeric() && !"_-".contains(c))
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.as_str()));
    let response = table.side == Side::Response;
    Some(match () {
        _ if has(&["header", "headers"]) && response => TableKind::ResponseHeaders,
        _ if has(&["header", "headers"]) => TableKind::Headers,
        _ if has(&["path"]) && has(&["query"]) => TableKind::Uri,
        _ if has(&["path"]) => TableKind::PathParams,
        _ if has(&["query"]) => TableKind::QueryParams,
        _ if has(&["formdata", "form"]) => TableKind::FormData,
        _ if has(&["body"]) && response => TableKind::ResponseBody,
        _ if has(&["body"]) => TableKind::RequestBody,
        _ => return None,
    })
}

/// The sections whose body a table already is: the request's, and each response status's.
#[derive(Default)]
struct Sections {
    request: Option<String>,
    responses: Vec<(Option<u16>, String)>,
}

impl Sections {
    /// Notes the section whose body `table` is.
    fn take(&mut self, kind: &TableKind, table: &Table) {
        match kind {
            TableKind::RequestBody => self.request = Some(table.label()),
            TableKind::ResponseBody => self.responses.push((table.status, table.label())),
            _ => {}
        }
    }

    /// The body a table's section already has.
    fn body(&self, table: &Table) -> Option<&String> {
        match table.side {
            Side::Request => self.request.as_ref(),
            Side::Response => self
                .responses
                .iter()
                .find(|(s, _)| *s == table.status)
                .map(|(_, label)| label),
        }
    }

    /// A table no row refers to and whose caption does not say what it is, by its place: its rows
    /// in the path, the section it is under, the method.
    fn by_place(&self, table: &Table, page: &Page) -> TableKind {
        let in_path = table.rows.iter().filter(|r| in_path(r, page)).count();
        if table.side == Side::Request && in_path > 0 {
            return match in_path == table.rows.len() {
                true => TableKind::PathParams,
                false => TableKind::Uri,
            };
        }
        if table.in_uri {
            return TableKind::QueryParams;
        }
        let bodiless = page.sends_no_body();
        match (table.side, self.body(table)) {
            (Side::Request, None) if bodiless => TableKind::QueryParams,
            (Side::Request, None) => TableKind::RequestBody,
            (Side::Response, None) => TableKind::ResponseBody,
            // A caption of one word is a type's name (`MemberInfo`), an object no row of this page
            // refers to, kept for the other pages of the service; one naming a row of the page
            // (`config parameters of batch`) is that row's object for one case of its prose.
            (_, Some(body)) => match object_name(&table.caption)
                .filter(|_| !table.caption.contains(' ') || names_a_row(table, page))
            {
                Some(name) => TableKind::Named(name),
                None => TableKind::Undecided(format!(
                    "no row refers to it, its caption names no object, and the body of its section is {body}"
                )),
            },
        }
    }
}

/// Whether a row of the page has its name among the words of `table`'s caption.
fn names_a_row(table: &Table, page: &Page) -> bool {
    let words = links::caption_words(&table.caption);
    page.tables
        .iter()
        .flat_map(|t| &t.rows)
        .any(|r| links::rightmost_run(&words, &r.name).is_some())
}

/// Whether a row is a `{name}` of the page's path.
fn in_path(row: &Row, page: &Page) -> bool {
    page.path.contains(&format!("{{{}}}", row.name))
}

/// Whether a row is a parameter the path's query part names.
fn in_query(row: &Row, page: &Page) -> bool {
    page.query.iter().any(|piece| piece.name == row.name)
}

/// Whether a row is a placeholder inside a piece of the path's query part (`key` of
/// `tags={key}={value}`), which the spec format cannot send as written: the piece's own parameter
/// takes the whole text.
pub(super) fn in_query_template(row: &Row, page: &Page) -> bool {
    !in_path(row, page)
        && !in_query(row, page)
        && (page.query.iter()).any(|piece| piece.inner_placeholders().contains(&row.name.as_str()))
}

/// The rows of the page that are parameters of kind `param`.
pub(super) fn parameter_rows<'p>(
    page: &'p Page,
    kinds: &[TableKind],
    param: Param,
) -> Vec<&'p Row> {
    let mut rows = Vec::new();
    for (table, kind) in page.tables.iter().zip(kinds) {
        let all = matches!(
            (kind, param),
            (TableKind::PathParams, Param::Path)
                | (TableKind::QueryParams, Param::Query)
                | (TableKind::Headers, Param::Headers)
                | (TableKind::FormData, Param::Form)
        );
        for row in &table.rows {
            let placed = match kind {
                // A URI table's row is where the path names it, else in the query.
                TableKind::Uri if in_path(row, page) => Some(Param::Path),
                TableKind::Uri => Some(Param::Query),
                // A path table's row that the path's query part names is a query parameter.
                TableKind::PathParams if !in_path(row, page) && in_query(row, page) => {
                    Some(Param::Query)
                }
                _ => None,
            };
            let all = all && placed.is_none();
            if (all || placed == Some(param)) && !in_query_template(row, page) {
                rows.push(row);
            }
        }
    }
    rows
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
