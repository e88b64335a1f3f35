//! A small service with each kind of problem the corpus's imports had becomes one that lowers, each
//! resolution or omission with its review line.

use super::*;
use crate::import::review::Kind;
use serde_json::{json, Value};
use std::path::PathBuf;

fn file(name: &str, spec: Value) -> ServiceFile {
    ServiceFile {
        service: "otc_demo".to_owned(),
        path: PathBuf::from(format!("/tmp/otc_demo/{name}.json")),
        spec,
    }
}

/// An operation file: `operation` over a GET of `/v1/{project_id}/vpcs` that lowers, and `objects`.
fn operation(name: &str, operation: Value, objects: Value) -> ServiceFile {
    let mut op = json!({
        "name": name, "summary": name, "method": "POST", "path": "/v1/{project_id}/vpcs",
        "path_params": [{ "name": "project_id", "type": "string", "required": true }],
        "responses": [{ "status": 200, "description": "OK" }],
    });
    for (key, value) in operation.as_object().into_iter().flatten() {
        op[key] = value.clone();
    }
    file(
        name,
        json!({ "service": "otc_demo", "operation": op, "objects": objects, "enums": {} }),
    )
}

fn field(name: &str, ty: &str) -> Value {
    json!({ "name": name, "type": ty })
}

/// The repair's review lines, as `kind: text`; asserts the files lower afterwards.
fn repaired(files: &mut Vec<ServiceFile>) -> (Vec<String>, Vec<String>) {
    let repaired = until_it_lowers(files);
    let left = problems(files);
    assert!(left.is_empty(), "still does not lower: {left:#?}");
    let lines = repaired
        .report
        .iter()
        .map(|line| format!("{:?}: {line}", line.kind))
        .collect();
    (lines, repaired.left_out)
}

/// Asserts that one of `lines` is of `kind` and holds every one of `parts`.
#[track_caller]
fn assert_line(lines: &[String], kind: Kind, parts: &[&str]) {
    let found = lines.iter().any(|line| {
        line.starts_with(&format!("{kind:?}: ")) && parts.iter().all(|p| line.contains(p))
    });
    assert!(found, "no {kind:?} line with {parts:?} in {lines:#?}");
}

#[test]
fn a_path_parameter_no_table_lists_is_a_string_one() {
    let mut files = vec![operation(
        "deleting_a_node",
        json!({ "path": "/v3/{project_id}/clusters/{cluster_id}/nodes/{node_id}" }),
        json!({}),
    )];
    let (lines, _) = repaired(&mut files);
    let params = &files[0].spec["operation"]["path_params"];
    assert_eq!(
        params[2],
        json!({ "name": "node_id", "type": "string", "required": true })
    );
    assert_line(
        &lines,
        Kind::PathParamAdded,
        &[
            "deleting_a_node: `{cluster_id}`: the path names it",
            "added as a string path parameter",
        ],
    );
    assert_eq!(lines.len(), 2, "{lines:#?}");
}

#[test]
fn a_default_that_does_not_fit_is_left_out_and_its_field_kept() {
    let mut files = vec![operation(
        "adding_a_cidr",
        json!({ "body": "CidrCreate" }),
        json!({
            "CidrCreate": { "fields": [
                { "name": "vpc", "type": "Vpc", "default": "None" },
                { "name": "ttl", "type": "integer", "default": "3600s" },
            ] },
            "Vpc": { "fields": [field("id", "string")] },
        }),
    )];
    let (lines, _) = repaired(&mut files);
    let fields = &files[0].spec["objects"]["CidrCreate"]["fields"];
    assert_eq!(fields[0], field("vpc", "Vpc"));
    assert_eq!(fields[1], field("ttl", "integer"));
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &[
            "the `default` of field `vpc` of CidrCreate left out",
            "defaults of objects are not supported",
        ],
    );
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &["field `ttl`", "\"3600s\""],
    );
}

#[test]
fn a_field_twice_or_named_like_another_and_one_of_an_unknown_type_are_left_out() {
    let mut files = vec![operation(
        "querying_engines",
        json!({ "responses": [{ "status": 200, "description": "OK", "body": "Engine" }] }),
        json!({ "Engine": { "fields": [
            field("server_id", "string"),
            field("serverId", "string"),
            field("name", "string"),
            field("name", "string"),
            field("condition", "Condition"),
        ] } }),
    )];
    let (lines, _) = repaired(&mut files);
    let names: Vec<&Value> = files[0].spec["objects"]["Engine"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["name"])
        .collect();
    assert_eq!(names, [&json!("server_id"), &json!("name")]);
    for part in ["`serverId`", "field `name` of Engine", "`condition`"] {
        assert_line(&lines, Kind::LeftOutToGenerate, &[part]);
    }
}

#[test]
fn a_parameter_in_the_path_and_in_the_query_keeps_the_path_one() {
    let mut files = vec![operation(
        "querying_security_groups",
        json!({ "query_params": [field("limit", "integer"), field("project_id", "string")] }),
        json!({}),
    )];
    let (lines, _) = repaired(&mut files);
    assert_eq!(
        files[0].spec["operation"]["query_params"],
        json!([field("limit", "integer")])
    );
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &["query parameter `project_id` left out"],
    );
}

#[test]
fn a_path_parameter_of_another_type_becomes_a_string_one() {
    let mut files = vec![operation(
        "querying_a_message",
        json!({
            "path": "/v1/{project_id}/partitions/{partition}",
            "path_params": [
                { "name": "project_id", "type": "string", "required": true },
                { "name": "partition", "type": "integer", "required": true },
            ],
        }),
        json!({}),
    )];
    let (lines, _) = repaired(&mut files);
    assert_eq!(
        files[0].spec["operation"]["path_params"][1],
        json!({ "name": "partition", "type": "string", "required": true })
    );
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &["path parameter `partition` left out", "strings"],
    );
    assert_line(&lines, Kind::PathParamAdded, &["`{partition}`"]);
}

#[test]
fn a_shared_type_named_like_a_generated_one_is_renamed_where_it_is_used() {
    let common = file(
        "common",
        json!({ "service": "otc_demo", "objects": { "Response": { "fields": [field("id", "string")] } }, "enums": {} }),
    );
    let user = operation(
        "deleting_an_engine",
        json!({ "responses": [{ "status": 200, "description": "OK", "body": "Deleted" }] }),
        json!({ "Deleted": { "fields": [{ "name": "items", "type": "array", "items": "Response" }] } }),
    );
    let mut files = vec![user, common];
    let (lines, _) = repaired(&mut files);
    assert!(files[1].spec["objects"]
        .get("DeletingAnEngineResponse")
        .is_some());
    assert_eq!(
        files[0].spec["objects"]["Deleted"]["fields"][0]["items"],
        "DeletingAnEngineResponse"
    );
    assert_line(
        &lines,
        Kind::RenamedToGenerate,
        &[
            "common.json: type Response renamed DeletingAnEngineResponse",
            "every operation module defines",
        ],
    );
}

#[test]
fn a_rule_on_a_field_it_cannot_compare_is_left_out() {
    let mut files = vec![operation(
        "creating_a_function",
        json!({ "body": "MountConfig" }),
        json!({
            "MountConfig": { "fields": [field("user", "Vpc"), field("path", "string")], "rules": [
                { "kind": "required_if", "field": "path", "when": { "field": "user", "in": ["x"] }, "source": "path when user is x" },
            ] },
            "Vpc": { "fields": [field("id", "string")] },
        }),
    )];
    let (lines, _) = repaired(&mut files);
    assert!(files[0].spec["objects"]["MountConfig"]["rules"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &["rule on `path` of MountConfig (\"path when user is x\") left out"],
    );
}

#[test]
fn an_operation_whose_problem_has_no_smaller_unit_is_left_out_and_the_others_stay() {
    let mut files = vec![
        operation("fetching", json!({ "method": "FETCH" }), json!({})),
        operation("listing", json!({}), json!({})),
    ];
    let (lines, left_out) = repaired(&mut files);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].operation().as_deref(), Some("listing"));
    assert_line(
        &lines,
        Kind::OperationLeftOut,
        &["fetching: operation left out"],
    );
    assert_eq!(left_out.len(), 1);
}

#[test]
fn a_body_of_a_table_not_read_is_a_free_form_object() {
    let mut files = vec![operation(
        "creating_a_vpc",
        json!({ "body": "VpcCreate", "responses": [
            { "status": 200, "description": "OK" },
            { "status": 201, "description": "OK", "body": "Vpc" },
        ] }),
        json!({}),
    )];
    let (lines, _) = repaired(&mut files);
    let op = &files[0].spec["operation"];
    assert_eq!(op["body"], "object");
    assert_eq!(op["responses"][1]["body"], "object");
    assert_eq!(op["responses"][1]["name"], "Status201");
    assert_line(
        &lines,
        Kind::LeftOutToGenerate,
        &[
            "the request body's type left out: the body is read as a free-form JSON object",
            "unknown type `VpcCreate`",
        ],
    );
    assert_line(
        &lines,
        Kind::RenamedToGenerate,
        &["response 201: its `Response` variant is named Status201"],
    );
}

#[test]
fn an_unbalanced_path_leaves_its_operation_out() {
    let mut files = vec![
        operation(
            "broken",
            json!({ "path": "/v1/{project_id}/vpcs/{vpc_id" }),
            json!({}),
        ),
        operation("listing", json!({}), json!({})),
    ];
    let (lines, left_out) = repaired(&mut files);
    assert_eq!(files.len(), 1);
    assert_line(
        &lines,
        Kind::OperationLeftOut,
        &["broken: operation left out", "unbalanced"],
    );
    assert!(
        left_out[0].contains("broken.json: not imported"),
        "{left_out:?}"
    );
}
