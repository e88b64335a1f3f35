//! The OpenAPI 3.1 documents `generate` writes beside the JSON Schemas (`generated/schema/<service>.openapi.json`):
//! each holds every operation of its service at its path and method (those on one method and path
//! as one, naming them all), with the parameters the generated `Request` has; every schema in it is a valid JSON Schema 2020-12 (the `jsonschema`
//! crate's meta-schema check) whose references resolve; the document keeps the rules of the
//! OpenAPI 3.1 text that tools rely on (path parameters named in the template and required,
//! unique operation ids, string status codes, a response for each operation); each document is
//! valid against the OpenAPI Initiative's own schema of OpenAPI 3.1 documents
//! (`tests/fixtures/openapi/`); every page's example request is valid against the document's
//! request body schema, and every example response that the crates parse against its status's
//! response schema (what a client may read: the types' `.read` forms).

use model_tests::{root, Spec};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Every service's document, by the names `generate` wrote.
fn services() -> Vec<String> {
    let dir = root().join("generated/schema");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .expect("generated/schema/ is written")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().to_string_lossy().into_owned();
            Some(name.strip_suffix(".openapi.json")?.to_owned())
        })
        .collect();
    found.sort();
    assert!(found.len() >= 20, "{found:?}");
    found
}

fn document(service: &str) -> Value {
    let path = root().join(format!("generated/schema/{service}.openapi.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("the document is written"))
        .expect("JSON")
}

/// Every operation of the document: (path, method, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((path.clone(), method.clone(), op.clone()));
        }
    }
    out
}

/// Every schema object under `value` that a `schema` key holds, and each component schema.
fn schemas(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(object) => {
            for (key, item) in object {
                if key == "schema" {
                    out.push(item.clone());
                } else if key != "examples" {
                    schemas(item, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| schemas(item, out)),
        _ => {}
    }
}

/// Every `$ref` of the document's schemas (the examples are values, not schemas).
fn refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get("$ref") {
                out.insert(target.clone());
            }
            (object.iter())
                .filter(|(key, _)| *key != "examples")
                .for_each(|(_, item)| refs(item, out));
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, out)),
        _ => {}
    }
}

/// The document's operation at `op`'s method and path.
fn found<'a>(doc: &'a Value, op: &model_tests::Operation) -> &'a Value {
    let item = &doc["paths"][op.value["path"].as_str().unwrap()];
    &item[op.value["method"].as_str().unwrap().to_ascii_lowercase()]
}

/// Calls `check` with each operation of `spec/`, its service's document and the operation's object
/// in it.
fn each_operation(mut check: impl FnMut(&Value, &model_tests::Operation, &Value)) {
    let spec = Spec::load();
    for service in &services() {
        let doc = document(service);
        for op in spec.operations.iter().filter(|op| op.service == **service) {
            check(&doc, op, found(&doc, op));
        }
    }
}

/// `schema` as a JSON Schema 2020-12 document whose `#/components/...` references resolve in `doc`.
fn rooted(schema: &Value, doc: &Value) -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [schema],
        "components": doc["components"],
    })
}

#[test]
fn every_operation_is_at_its_path_and_method_with_its_parameters() {
    let spec = Spec::load();
    for service in &services() {
        let doc = document(service);
        assert_eq!(doc["openapi"], "3.1.0");
        assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
        let ops = operations(&doc);
        let mut ids = BTreeSet::new();
        for (path, method, op) in &ops {
            assert!(path.starts_with('/'), "{path}");
            assert!(["get", "put", "post", "delete", "patch", "head", "options"]
                .contains(&method.as_str()));
            assert!(
                ids.insert(op["operationId"].as_str().unwrap().to_owned()),
                "a second {}",
                op["operationId"]
            );
            let responses = op["responses"].as_object().unwrap();
            assert!(!responses.is_empty());
            assert!(responses
                .keys()
                .all(|k| k == "default" || (k.len() == 3 && k.parse::<u16>().is_ok())));
            // A path parameter is named in the template and required; each template name has one.
            let params = op["parameters"].as_array().unwrap();
            let in_path: BTreeSet<&str> = (params.iter())
                .filter(|p| p["in"] == "path")
                .inspect(|p| assert_eq!(p["required"], true, "{path}"))
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            let named: BTreeSet<&str> = (path.split('/'))
                .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            assert_eq!(in_path, named, "{path}");
            assert!(params
                .iter()
                .all(|p| ["path", "query", "header"].contains(&p["in"].as_str().unwrap())));
        }
        let documented: Vec<_> = spec
            .operations
            .iter()
            .filter(|op| op.service == **service)
            .collect();
        // Operations on one method and path are one, naming them all under `x-operations`.
        let held: usize = (ops.iter())
            .map(|(_, _, op)| op["x-operations"].as_array().map_or(1, Vec::len))
            .sum();
        assert_eq!(held, documented.len(), "{service}");
        for op in documented {
            let found = found(&doc, op);
            let named = found["x-operations"]
                .as_array()
                .is_some_and(|names| names.contains(&json!(op.qualified())));
            assert!(
                found["operationId"] == op.name || named,
                "{}",
                op.qualified()
            );
            let queries = op.value["query_params"].as_array().map_or(0, Vec::len);
            let in_query = found["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["in"] == "query")
                .count();
            assert!(in_query >= queries, "{}", op.qualified());
        }
    }
}

#[test]
fn every_schema_is_json_schema_2020_12_and_every_reference_resolves() {
    for service in &services() {
        let doc = document(service);
        let mut found = Vec::new();
        schemas(&doc["paths"], &mut found);
        found.extend(
            doc["components"]["schemas"]
                .as_object()
                .unwrap()
                .values()
                .cloned(),
        );
        for schema in &found {
            let mut declared = schema.clone();
            declared["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
            if let Err(error) = jsonschema::meta::validate(&declared) {
                panic!("{service}: not a JSON Schema 2020-12: {error}\n{schema:#}");
            }
        }
        // The components compile as one schema resource.
        jsonschema::validator_for(&rooted(&json!({ "type": "object" }), &doc)).expect("compiles");
        let mut targets = BTreeSet::new();
        refs(&doc, &mut targets);
        for target in targets {
            let name = target
                .strip_prefix("#/components/schemas/")
                .expect("a component");
            assert!(
                doc["components"]["schemas"].get(name).is_some(),
                "{service}: {target}"
            );
        }
    }
}

#[test]
fn every_page_example_request_is_valid_against_the_document() {
    let mut checked = 0;
    each_operation(|doc, op, found| {
        let schema = &found["requestBody"]["content"]["application/json"]["schema"];
        if schema.is_null() {
            return;
        }
        let validator = jsonschema::validator_for(&rooted(schema, doc)).unwrap();
        // The document shows the page's examples, but those a person marked wrong.
        let shown: Vec<&Value> = found["requestBody"]["content"]["application/json"]["examples"]
            .as_object()
            .map(|examples| examples.values().map(|e| &e["value"]).collect())
            .unwrap_or_default();
        for (title, body) in op.example_requests() {
            assert!(shown.contains(&&body), "{} {title}", op.qualified());
        }
        for (title, body) in op.example_requests() {
            let errors: Vec<String> = validator
                .iter_errors(&body)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{} {title}: {errors:?}", op.qualified());
            checked += 1;
        }
    });
    assert!(checked > 60, "only {checked} examples");
}

#[test]
fn every_document_is_valid_against_the_openapi_3_1_schema() {
    let path = root().join("tests/fixtures/openapi/schema-3.1-2022-10-07.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture")).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles");
    // The schema is no rubber stamp: a document missing `info` and with a number for a path item.
    let broken = json!({ "openapi": "3.1.0", "paths": { "/x": 1 } });
    assert!(validator.iter_errors(&broken).count() >= 2);
    for service in &services() {
        let doc = document(service);
        let errors: Vec<String> = (validator.iter_errors(&doc))
            .take(10)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{service}: {errors:#?}");
    }
}

#[test]
fn every_page_example_response_is_valid_against_the_document() {
    let mut checked = 0;
    each_operation(|doc, op, found| {
        for (status, body) in op.example_responses() {
            let content = &found["responses"][status.to_string()]["content"];
            let schema = &content["application/json"]["schema"];
            if schema.is_null() {
                continue;
            }
            let validator = jsonschema::validator_for(&rooted(schema, doc)).unwrap();
            let errors: Vec<String> = (validator.iter_errors(&body))
                .take(5)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{} {status}: {errors:?}", op.qualified());
            checked += 1;
        }
    });
    assert!(checked > 500, "only {checked} example responses");
}
