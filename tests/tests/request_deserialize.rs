//! A type only requests hold has no derived `Deserialize`: it deserializes through its one-pass
//! reader, through our reader (`from_json`) and through any other serde deserializer
//! (`serde_json::from_slice`, `from_value`) alike. It reads as a derived impl would, strictly: the
//! JSON must fit the type, the documented rules are not applied and undocumented fields are ignored.

use api_gateway_models::apig::{self, update_vpc_channel};
use api_gateway_models::{from_json, BodyError};
use model_tests::Spec;
use serde::Deserialize;
use serde_json::{json, Value};

fn example() -> Value {
    Spec::load().example_request("apig/update_vpc_channel", |body| {
        body["member_type"] == "ip"
    })
}

fn with(path: &str, value: Value) -> Value {
    let mut body = example();
    *body
        .pointer_mut(path)
        .unwrap_or_else(|| panic!("{path} is in the example")) = value;
    body
}

/// The three ways of deserializing `body`, which must agree: ours, serde_json's reader, a `Value`.
fn all_three(body: &Value) -> [Result<apig::VpcCreate, String>; 3] {
    let text = body.to_string();
    [
        from_json(text.as_bytes()).map_err(|e| e.to_string()),
        serde_json::from_str(&text).map_err(|e| e.to_string()),
        serde_json::from_value(body.clone()).map_err(|e| e.to_string()),
    ]
}

#[test]
fn the_example_reads_the_same_every_way_and_as_parse_body() {
    let body = example();
    let parsed = update_vpc_channel::parse_body(body.to_string().as_bytes()).expect("valid");
    for read in all_three(&body) {
        assert_eq!(read.as_ref(), Ok(&parsed));
    }
    // What serializes deserializes back to the same value.
    let text = serde_json::to_string(&parsed).expect("serializes");
    assert_eq!(from_json::<apig::VpcCreate>(text.as_bytes()), Ok(parsed));
}

#[test]
fn rules_are_not_applied_and_undocumented_fields_are_ignored() {
    let mut body = with("/port", json!(0));
    body["nmae"] = json!("x");
    for read in all_three(&body) {
        let value = read.expect("fits the type");
        assert_eq!(value.port, 0);
    }
    let Err(BodyError::Invalid(errors)) =
        update_vpc_channel::parse_body(body.to_string().as_bytes())
    else {
        panic!("parse_body applies the rules")
    };
    assert!(errors.to_string().contains("port"), "{errors}");
}

#[test]
fn a_missing_mandatory_field_is_named_with_its_path() {
    let mut body = example();
    body.as_object_mut().expect("object").remove("name");
    let text = body.to_string();
    let error = from_json::<apig::VpcCreate>(text.as_bytes()).expect_err("no name");
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("name", "missing field `name`")
    );
    for read in &all_three(&body)[1..] {
        let error = read.as_ref().expect_err("no name");
        assert!(error.contains("missing field `name`"), "{error}");
    }
    let body = with("/member_groups", json!([{ "member_group_weight": 1 }]));
    let error = from_json::<apig::VpcCreate>(body.to_string().as_bytes()).expect_err("no name");
    assert_eq!(error.path, "member_groups[0].member_group_name", "{error}");
}

#[test]
fn a_value_of_the_wrong_type_has_its_path_and_position() {
    let body = r#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip",
 "members": [{"host": "10.0.0.1", "weight": "x"}]}"#;
    let error = from_json::<apig::VpcCreate>(body.as_bytes()).expect_err("weight is a string");
    assert_eq!(error.path, "members[0].weight", "{error}");
    // Where parse_body places the same error.
    let Err(BodyError::Json(placed)) = update_vpc_channel::parse_body(body.as_bytes()) else {
        panic!("weight is a string")
    };
    assert_eq!(
        (error.line, error.column),
        (placed.line, placed.column),
        "{error}"
    );
    assert_eq!(error.line, 2, "{error}");
    assert!(
        error.message.starts_with("invalid type: string \"x\""),
        "{error}"
    );
    let error = serde_json::from_str::<apig::VpcCreate>(body).expect_err("weight is a string");
    assert!(
        error
            .to_string()
            .starts_with("members[0].weight: invalid type: string \"x\""),
        "{error}"
    );
}

#[test]
fn null_and_arrays_are_refused_as_the_strict_reading_refuses_them() {
    for body in [
        with("/member_groups", Value::Null),
        json!(["VPC_demo", 22, 2, "ip"]),
    ] {
        for read in all_three(&body) {
            assert!(read.is_err(), "{body}");
        }
    }
}

/// A request type inside a document of the caller's: our reader hands it the rest of its input and
/// carries on after it.
#[derive(Debug, Deserialize)]
struct Saved {
    before: u32,
    request: apig::VpcCreate,
    after: Vec<String>,
}

#[test]
fn a_request_type_inside_another_document_reads_in_place() {
    let saved = json!({ "before": 1, "request": example(), "after": ["x", "y"] });
    let text = serde_json::to_string_pretty(&saved).expect("serializes");
    let read: Saved = from_json(text.as_bytes()).expect("reads");
    assert_eq!((read.before, read.after.len()), (1, 2));
    assert_eq!(read.request.name, "VPC_demo");
    let read: Saved = serde_json::from_str(&text).expect("reads through serde_json too");
    assert_eq!(read.request.name, "VPC_demo");
    let broken = text.replacen("\"weight\": ", "\"weight\": \"x\", \"w\": ", 1);
    let error = from_json::<Saved>(broken.as_bytes()).expect_err("weight is a string");
    assert_eq!(error.path, "request.members[0].weight", "{error}");
    let line = broken.lines().nth(error.line - 1).expect("the line");
    assert!(line.contains("\"weight\": \"x\""), "{error} at {line}");
}

/// Many request values in one document: each is handed the rest of the input, as text when all of
/// it is UTF-8 and as bytes when some of it is not (here an ignored field after them).
#[derive(Debug, Deserialize)]
struct Batch {
    requests: Vec<apig::VpcCreate>,
}

#[test]
fn many_request_values_in_one_document_read_each_in_place() {
    let requests: Vec<Value> = (0..50).map(|i| with("/port", json!(i + 1))).collect();
    let text = json!({ "requests": requests }).to_string();
    let read: Batch = from_json(text.as_bytes()).expect("reads");
    let ports: Vec<i32> = read.requests.iter().map(|r| r.port).collect();
    assert_eq!(ports, (1..=50).collect::<Vec<i32>>());

    let mut bytes = text.replacen("{", "{\"ignored\": \"x\", ", 1).into_bytes();
    bytes.truncate(bytes.len() - 1);
    bytes.extend_from_slice(b", \"after\": \"\xFF\"}");
    let read: Batch = from_json(&bytes).expect("the invalid byte is in an ignored value");
    assert_eq!(read.requests.len(), 50);

    let broken = text.replacen("\"port\":3,", "\"port\":\"3\",", 1);
    assert_ne!(broken, text);
    let error = from_json::<Batch>(broken.as_bytes()).expect_err("a string port");
    assert_eq!(error.path, "requests[2].port", "{error}");
}
