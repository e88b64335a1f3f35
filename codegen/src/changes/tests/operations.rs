//! The checks of an operation both ways: its method, path, parameters, statuses and headers, and the
//! operation added, removed or renamed.

use super::{assert_both_ways, base, both_ways, lines, model};
use crate::changes::compare;
use serde_json::json;

#[test]
fn operations_parameters_statuses_and_headers() {
    assert_both_ways(
        |s| s["operation"]["method"] = json!("POST"),
        &["method-changed  breaking patch"],
        &["method-changed  breaking patch"],
    );
    let (there, _) = both_ways(|s| s["operation"]["path"] = json!("/v2/items/{item_id}"));
    assert_eq!(there, ["path-changed  breaking patch"]);
    assert_both_ways(
        |s| {
            let headers = s["operation"]["headers"].as_array_mut().unwrap();
            headers.push(json!({"name": "X-Project", "type": "string", "required": true}));
        },
        &["request-param-added request.header.X-Project breaking major"],
        &["request-param-removed request.header.X-Project breaking major"],
    );
    assert_both_ways(
        |s| s["operation"]["query_params"][0]["maximum"] = json!(50),
        &["request-maximum-decreased request.query.limit breaking patch"],
        &["request-maximum-increased request.query.limit compatible patch"],
    );
    assert_both_ways(
        |s| {
            let query = s["operation"]["query_params"].as_array_mut().unwrap();
            query.push(json!({"name": "offset", "type": "integer"}));
        },
        &["request-field-added-optional request.query.offset compatible minor"],
        &["request-field-removed request.query.offset breaking major"],
    );
    assert_both_ways(
        |s| {
            let responses = s["operation"]["responses"].as_array_mut().unwrap();
            responses.push(json!({"status": 409, "description": "Conflict"}));
        },
        &["response-status-added response.409 warning minor"],
        &["response-status-removed response.409 compatible major"],
    );
    assert_both_ways(
        |s| s["operation"]["responses"][1]["body"] = json!("Item"),
        &["response-body-added response.404.body compatible minor"],
        &["response-body-removed response.404.body breaking major"],
    );
    assert_both_ways(
        |s| {
            s["operation"].as_object_mut().unwrap().remove("body");
        },
        // `Item` is then a response's alone, and its response form takes its name.
        &[
            "request-body-removed request.body breaking major",
            "response-type-renamed response.200.body compatible major",
        ],
        &[
            "request-body-added request.body breaking major",
            "response-type-renamed response.200.body compatible major",
        ],
    );
    assert_both_ways(
        |s| {
            let headers = s["operation"]["responses"][0]["headers"]
                .as_array_mut()
                .unwrap();
            headers.push(json!({"name": "ETag", "type": "string"}));
        },
        &["response-header-added response.200.header.ETag compatible minor"],
        &["response-header-removed response.200.header.ETag breaking patch"],
    );
}

#[test]
fn operations_added_removed_and_renamed() {
    let old = base();
    let mut renamed = base();
    renamed["operation"]["name"] = json!("update_item");
    let changes = compare(&model(&old), &model(&renamed));
    assert_eq!(lines(&changes), ["operation-renamed  compatible major"]);
    assert_eq!(changes[0].operation, "svc/update_item");
    let mut moved = renamed.clone();
    moved["operation"]["path"] = json!("/things/{item_id}");
    assert_eq!(
        lines(&compare(&model(&old), &model(&moved))),
        [
            "operation-removed  breaking major",
            "operation-added  compatible minor"
        ]
    );
}
