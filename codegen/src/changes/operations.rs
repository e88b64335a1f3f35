//! Operations compared: which were added, removed or renamed (the same method and path under
//! another name), and for each in both versions its method, path, parameters, request body and
//! responses by status.

use super::catalogue::find;
use super::types::{index, type_text, Types, Walk};
use super::values::Record;
use super::{Change, Direction};
use crate::ir::{self, Body, Operation, Param};
use std::collections::BTreeMap;

/// An operation with its service's types.
type Located<'a> = (&'a Operation, &'a Types<'a>);

/// Every change between the two models, by operation name.
pub fn compare_models(old: &ir::Model, new: &ir::Model) -> Vec<Change> {
    let old_types: Vec<Types<'_>> = old.services.iter().map(index).collect();
    let new_types: Vec<Types<'_>> = new.services.iter().map(index).collect();
    let old_ops = by_name(old, &old_types);
    let new_ops = by_name(new, &new_types);
    // An operation gone whose method and path another new operation has was renamed.
    let mut renamed: BTreeMap<&str, &str> = BTreeMap::new();
    for (name, (op, _)) in old_ops.iter().filter(|(n, _)| !new_ops.contains_key(*n)) {
        let twin = new_ops.iter().find(|(n, (other, _))| {
            !old_ops.contains_key(*n)
                && !renamed.values().any(|taken| taken == *n)
                && other.method == op.method
                && template(&other.path) == template(&op.path)
        });
        if let Some((twin, _)) = twin {
            renamed.insert(name, twin);
        }
    }
    let mut names: Vec<&str> = old_ops.keys().chain(new_ops.keys()).copied().collect();
    names.sort_unstable();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let now = renamed.get(name).copied().unwrap_or(name);
        match (old_ops.get(name), new_ops.get(now)) {
            (Some(&before), Some(&after)) => {
                if now != name {
                    let kind = find("operation-renamed");
                    let (old, new) = (Some(name.to_owned()), Some(now.to_owned()));
                    out.push(Change::new(kind, now, "", Direction::Request, old, new));
                }
                operation(&mut out, now, before, after);
            }
            (Some((op, _)), None) => {
                let kind = find("operation-removed");
                let text = Some(format!("{} {}", op.method, op.path));
                out.push(Change::new(kind, name, "", Direction::Request, text, None));
            }
            (None, Some((op, _))) if !renamed.values().any(|n| *n == name) => {
                let kind = find("operation-added");
                let text = Some(format!("{} {}", op.method, op.path));
                out.push(Change::new(kind, name, "", Direction::Request, None, text));
            }
            _ => {}
        }
    }
    out
}

fn by_name<'a>(model: &'a ir::Model, types: &'a [Types<'a>]) -> BTreeMap<&'a str, Located<'a>> {
    model
        .services
        .iter()
        .zip(types)
        .flat_map(|(service, types)| {
            service
                .operations
                .iter()
                .map(move |op| (op.qualified_name.as_str(), (op, types)))
        })
        .collect()
}

/// A path template with its parameters' names left out: `/v2/{project_id}/apigw` and
/// `/v2/{id}/apigw` are the same path.
fn template(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

/// One operation in both versions.
fn operation(out: &mut Vec<Change>, name: &str, old: Located<'_>, new: Located<'_>) {
    let ((before, old_types), (after, new_types)) = (old, new);
    let mut walk = Walk::new(out, name, old_types, new_types);
    let request = Direction::Request;
    if before.method != after.method {
        let text = |op: &Operation| Some(op.method.clone());
        walk.push("method-changed", "", request, text(before), text(after));
    }
    if template(&before.path) != template(&after.path) {
        let text = |op: &Operation| Some(op.path.clone());
        walk.push("path-changed", "", request, text(before), text(after));
    }
    params(
        &mut walk,
        "request.path",
        &before.path_params,
        &after.path_params,
    );
    params(&mut walk, "request.header", &before.headers, &after.headers);
    walk.fields("request.query", request, &before.query, &after.query);
    walk.fields("request.form", request, &before.form, &after.form);
    match (&before.body, &after.body) {
        (Some(a), Some(b)) => walk.ty("request.body", request, a, b),
        (None, Some(b)) => walk.push(
            "body-added",
            "request.body",
            request,
            None,
            Some(type_text(b)),
        ),
        (Some(a), None) => walk.push(
            "body-removed",
            "request.body",
            request,
            Some(type_text(a)),
            None,
        ),
        (None, None) => {}
    }
    responses(&mut walk, &before.responses, &after.responses);
}

/// Path parameters or request headers, by wire name: each is a string every request sets.
fn params(walk: &mut Walk<'_>, path: &str, old: &[Param], new: &[Param]) {
    let request = Direction::Request;
    for gone in old.iter().filter(|p| !new.iter().any(|n| n.wire == p.wire)) {
        let place = format!("{path}.{}", gone.wire);
        walk.push(
            "param-removed",
            &place,
            request,
            Some(gone.wire.clone()),
            None,
        );
    }
    for added in new.iter().filter(|p| !old.iter().any(|o| o.wire == p.wire)) {
        let place = format!("{path}.{}", added.wire);
        walk.push(
            "param-added",
            &place,
            request,
            None,
            Some(added.wire.clone()),
        );
    }
}

/// Responses by status: their headers and bodies.
fn responses(walk: &mut Walk<'_>, old: &[ir::Response], new: &[ir::Response]) {
    let response = Direction::Response;
    for before in old {
        let place = format!("response.{}", before.status);
        let Some(after) = new.iter().find(|r| r.status == before.status) else {
            let text = Some(before.status.to_string());
            walk.push("status-removed", &place, response, text, None);
            continue;
        };
        headers(walk, &place, &before.headers, &after.headers);
        let body = format!("{place}.body");
        let text = |b: &Option<Body>| b.as_ref().map(body_text);
        match (&before.body, &after.body) {
            (Some(Body::Json(a)), Some(Body::Json(b))) => walk.ty(&body, response, a, b),
            (Some(Body::File), Some(Body::File)) | (None, None) => {}
            (None, Some(_)) => walk.push("body-added", &body, response, None, text(&after.body)),
            (Some(_), None) => walk.push("body-removed", &body, response, text(&before.body), None),
            _ => walk.push(
                "type-changed",
                &body,
                response,
                text(&before.body),
                text(&after.body),
            ),
        }
    }
    for added in new
        .iter()
        .filter(|r| !old.iter().any(|o| o.status == r.status))
    {
        let place = format!("response.{}", added.status);
        let text = Some(added.status.to_string());
        walk.push("status-added", &place, response, None, text);
    }
}

/// A response's documented headers, by name (HTTP header names are case-insensitive).
fn headers(walk: &mut Walk<'_>, place: &str, old: &[Param], new: &[Param]) {
    let response = Direction::Response;
    let same = |a: &Param, b: &Param| a.wire.eq_ignore_ascii_case(&b.wire);
    for gone in old.iter().filter(|p| !new.iter().any(|n| same(n, p))) {
        let at = format!("{place}.header.{}", gone.wire);
        walk.push(
            "header-removed",
            &at,
            response,
            Some(gone.wire.clone()),
            None,
        );
    }
    for added in new.iter().filter(|p| !old.iter().any(|o| same(o, p))) {
        let at = format!("{place}.header.{}", added.wire);
        walk.push(
            "header-added",
            &at,
            response,
            None,
            Some(added.wire.clone()),
        );
    }
}

fn body_text(body: &Body) -> String {
    match body {
        Body::Json(ty) => type_text(ty),
        Body::File => "file".to_owned(),
    }
}
