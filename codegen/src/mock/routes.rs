//! Routing by method and path template: a request's path matched segment by segment against each
//! operation's template, a `{param}` segment taking any one segment; of several matches, the one
//! with the most literal segments (`/apis/publish` before `/apis/{api_id}`). For a path no template
//! matches, the closest operation by shared segments.

use crate::ir::Operation;

enum Segment {
    Literal(String),
    /// A path parameter, by its wire name.
    Param(String),
}

struct Route {
    method: String,
    segments: Vec<Segment>,
}

pub(super) struct Routes(Vec<Route>);

/// A matched route: the operation's index and its path parameters, (wire name, raw segment).
pub(super) struct Found<'a> {
    pub operation: usize,
    pub params: Vec<(&'a str, &'a str)>,
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.strip_prefix('/').unwrap_or(path).split('/')
}

impl Routes {
    pub fn new(operations: &[Operation]) -> Routes {
        Routes(
            operations
                .iter()
                .map(|op| Route {
                    method: op.method.to_ascii_uppercase(),
                    segments: segments(&op.path)
                        .map(
                            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                                Some(name) => Segment::Param(name.to_owned()),
                                None => Segment::Literal(s.to_owned()),
                            },
                        )
                        .collect(),
                })
                .collect(),
        )
    }

    pub fn find<'a>(&'a self, method: &str, path: &'a str) -> Option<Found<'a>> {
        let parts: Vec<&str> = segments(path).collect();
        let mut best: Option<(usize, Found<'a>)> = None;
        for (index, route) in self.0.iter().enumerate() {
            if route.method != method || route.segments.len() != parts.len() {
                continue;
            }
            let mut params = Vec::new();
            let mut literals = 0;
            let matched = route
                .segments
                .iter()
                .zip(&parts)
                .all(|(segment, part)| match segment {
                    Segment::Literal(text) => {
                        literals += 1;
                        text == part
                    }
                    Segment::Param(name) => {
                        params.push((name.as_str(), *part));
                        true
                    }
                });
            if matched && best.as_ref().is_none_or(|(most, _)| literals > *most) {
                best = Some((
                    literals,
                    Found {
                        operation: index,
                        params,
                    },
                ));
            }
        }
        best.map(|(_, found)| found)
    }

    /// The index of the operation closest to a request no template matches: the most segments in
    /// the same place (a literal equal, or any segment for a parameter), the fewest segments more
    /// or less, then the same method; of equals, the first by name.
    pub fn closest(&self, method: &str, path: &str) -> usize {
        let parts: Vec<&str> = segments(path).collect();
        let score = |route: &Route| {
            let shared = (route.segments.iter().zip(&parts))
                .filter(|(segment, part)| match segment {
                    Segment::Literal(text) => text == *part,
                    Segment::Param(_) => true,
                })
                .count();
            let apart = route.segments.len().abs_diff(parts.len());
            (2 * shared as i64 - apart as i64, route.method == method)
        };
        let mut best = 0;
        for (index, route) in self.0.iter().enumerate() {
            if score(route) > score(&self.0[best]) {
                best = index;
            }
        }
        best
    }
}
