//! Operations the pages document on one method and path (IAM's custom policies "for cloud services"
//! and "for agencies" are both `POST /v3.0/OS-ROLE/roles`; EVS's tag pages tell `create` from
//! `delete` by the body's `action`): OpenAPI holds one operation per method and path, so they are
//! one, never narrower than either. The first (in name order) gives the id and summary and
//! `x-operations` names them all; a parameter is required only where every page requires it; a
//! body or a response of a status several pages document is any of their schemas (`anyOf`), with
//! all their examples.

use serde_json::{json, Map, Value};

/// `second` folded into `first`, both operation objects of the document.
pub(super) fn merge(first: &mut Value, second: Value) {
    push_name(first, &second);
    merge_parameters(first, &second);
    merge_body(first, &second);
    for (status, response) in second["responses"].as_object().cloned().unwrap_or_default() {
        match first["responses"].get_mut(&status) {
            Some(existing) => merge_content(existing, &response),
            None => {
                first["responses"][status] = response;
            }
        }
    }
}

fn push_name(first: &mut Value, second: &Value) {
    if !first["x-operations"].is_array() {
        first["x-operations"] = json!([first["x-qualified-name"]]);
    }
    if let Some(names) = first["x-operations"].as_array_mut() {
        names.push(second["x-qualified-name"].clone());
    }
    let description = format!(
        "Also the operation `{}`: {}",
        second["x-qualified-name"].as_str().unwrap_or_default(),
        second["summary"].as_str().unwrap_or_default()
    );
    let joined = match first["description"].as_str() {
        Some(text) => format!("{text}\n\n{description}"),
        None => description,
    };
    first["description"] = json!(joined);
}

/// The parameters of both by `in` and `name`: required where both require it.
fn merge_parameters(first: &mut Value, second: &Value) {
    let key = |p: &Value| (p["in"].clone(), p["name"].clone());
    let theirs: Vec<Value> = second["parameters"].as_array().cloned().unwrap_or_default();
    let Some(ours) = first["parameters"].as_array_mut() else {
        return;
    };
    for param in ours.iter_mut() {
        let required_there = (theirs.iter()).any(|p| key(p) == key(param) && p["required"] == true);
        if !required_there {
            param["required"] = json!(param["in"] == "path");
        }
    }
    for param in theirs {
        if !ours.iter().any(|p| key(p) == key(&param)) {
            let mut param = param;
            param["required"] = json!(param["in"] == "path");
            ours.push(param);
        }
    }
}

/// The request bodies: any of the two where both have one, optional where one has none.
fn merge_body(first: &mut Value, second: &Value) {
    match (first.get_mut("requestBody"), second.get("requestBody")) {
        (Some(ours), Some(theirs)) => merge_content(ours, theirs),
        (Some(ours), None) => ours["required"] = json!(false),
        (None, Some(theirs)) => {
            let mut body = theirs.clone();
            body["required"] = json!(false);
            first["requestBody"] = body;
        }
        (None, None) => {}
    }
}

/// A request body or response of `theirs` folded into `ours`: each media type's schema any of the
/// two (and its `x-page-schema`), the examples of both, the headers of both.
fn merge_content(ours: &mut Value, theirs: &Value) {
    for (media, content) in theirs["content"].as_object().cloned().unwrap_or_default() {
        let Some(existing) = ours["content"].get_mut(&media) else {
            ours["content"][media] = content;
            continue;
        };
        for key in ["schema", "x-page-schema"] {
            if let Some(schema) = content.get(key) {
                any_of(&mut existing[key], schema);
            }
        }
        let examples: Vec<Value> = (existing["examples"].as_object().into_iter().flatten())
            .chain(content["examples"].as_object().into_iter().flatten())
            .map(|(_, example)| example.clone())
            .collect();
        if !examples.is_empty() {
            let numbered: Map<String, Value> = (examples.into_iter().enumerate())
                .map(|(i, example)| (format!("example_{}", i + 1), example))
                .collect();
            existing["examples"] = Value::Object(numbered);
        }
    }
    for (name, header) in theirs["headers"].as_object().cloned().unwrap_or_default() {
        if ours["headers"].get(&name).is_none() {
            ours["headers"][name] = header;
        }
    }
}

/// `schema` as `anyOf` of itself and `other`, unless it already is (or holds) `other`.
fn any_of(schema: &mut Value, other: &Value) {
    if schema == other {
        return;
    }
    if schema_is_union(schema) {
        if let Some(list) = schema["anyOf"].as_array_mut() {
            if !list.contains(other) {
                list.push(other.clone());
            }
        }
        return;
    }
    *schema = json!({ "anyOf": [schema.take(), other.clone()], "x-merged": true });
}

/// Whether `schema` is a union this merge made (a body's own `anyOf` is left as it is).
fn schema_is_union(schema: &Value) -> bool {
    schema["x-merged"] == true
}
