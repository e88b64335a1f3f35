//! The query part a page writes into its path (`/v3/{project_id}/instances?offset={offset}&limit={limit}`,
//! `/v3/endpoints{?interface, service_id}`, `/quotas?usage=True`): the path is what comes before it,
//! and each piece names a query parameter, which the parameter tables describe (or do not).

use super::Page;
use crate::import::review::{Kind, Review};

/// One `name=value` piece of a path's query part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryPiece {
    /// The query parameter's name.
    pub name: String,
    /// What the page writes as its value: `{limit}` (the parameter's own placeholder), a literal
    /// (`True`), a template of other placeholders (`{key}={value}`), or nothing.
    pub value: String,
}

impl QueryPiece {
    /// The placeholders of the value that are not the parameter itself (`key` and `value` of
    /// `tags={key}={value}`): the spec format cannot send them as written.
    pub fn inner_placeholders(&self) -> Vec<&str> {
        if self.value == format!("{{{}}}", self.name) {
            return Vec::new();
        }
        placeholders(&self.value)
    }
}

/// Splits the query part off `page.path` into `page.query`, with a review line naming the
/// parameters it holds.
pub(super) fn split_query(page: &mut Page) {
    let (path, query) = match page.path.split_once("{?") {
        // RFC 6570's form: `{?a,b}`, names only.
        Some((path, names)) => {
            let names = names.trim_end_matches('}');
            let pieces = (names.split(','))
                .map(|name| name.trim())
                .filter(|name| !name.is_empty())
                .map(|name| QueryPiece {
                    name: name.to_owned(),
                    value: format!("{{{name}}}"),
                })
                .collect();
            (path.to_owned(), pieces)
        }
        None => match page.path.split_once('?') {
            Some((path, query)) => (path.to_owned(), pieces(query)),
            None => return,
        },
    };
    let names: Vec<&str> = query.iter().map(|p| p.name.as_str()).collect();
    let text = format!(
        "the path {} has a query part: the path is {path}, and {} a query parameter",
        page.path,
        names.join(", ") + if names.len() == 1 { " is" } else { " are each" }
    );
    page.unread_tables
        .push(Review::new(Kind::QueryInPath, text));
    page.path = path;
    page.query = query;
}

/// `a={a}&b=True&c`: each piece by its name, in order.
fn pieces(query: &str) -> Vec<QueryPiece> {
    (query.split('&'))
        .filter(|piece| !piece.trim().is_empty())
        .map(|piece| {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            QueryPiece {
                name: name.trim().to_owned(),
                value: value.trim().to_owned(),
            }
        })
        .filter(|piece| !piece.name.is_empty())
        .collect()
}

/// The `{name}`s of `text`, in order.
fn placeholders(text: &str) -> Vec<&str> {
    (text.split('{').skip(1))
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.trim()))
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(path: &str) -> (String, Vec<(String, String)>) {
        let mut page = Page {
            path: path.to_owned(),
            ..Page::default()
        };
        split_query(&mut page);
        let query = page
            .query
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        (page.path, query)
    }

    #[test]
    fn a_query_part_is_split_off_the_path() {
        assert_eq!(
            split("/v3/{project_id}/jobs?id={id}&limit={limit}"),
            (
                "/v3/{project_id}/jobs".to_owned(),
                vec![
                    ("id".into(), "{id}".into()),
                    ("limit".into(), "{limit}".into())
                ]
            )
        );
        assert_eq!(
            split("/v3/endpoints{?interface, service_id}"),
            (
                "/v3/endpoints".to_owned(),
                vec![
                    ("interface".into(), "{interface}".into()),
                    ("service_id".into(), "{service_id}".into())
                ]
            )
        );
        assert_eq!(
            split("/v2/{p}/quotas/{t}?usage=True"),
            (
                "/v2/{p}/quotas/{t}".to_owned(),
                vec![("usage".into(), "True".into())]
            )
        );
        assert_eq!(split("/v2/{p}/vpcs"), ("/v2/{p}/vpcs".to_owned(), vec![]));
    }

    #[test]
    fn a_piece_of_other_placeholders_names_them() {
        let piece = QueryPiece {
            name: "tags".into(),
            value: "{key}={value}".into(),
        };
        assert_eq!(piece.inner_placeholders(), ["key", "value"]);
        let own = QueryPiece {
            name: "limit".into(),
            value: "{limit}".into(),
        };
        assert!(own.inner_placeholders().is_empty());
    }
}
