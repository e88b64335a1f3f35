//! What JSON a request may be: an object where the tables have an object, no `null`, and integers as JSON
//! writes them. Each case goes through both one-call paths, which must agree.

use api_gateway_models::apig::update_vpc_channel;
use api_gateway_models::BodyError;
use model_tests::Spec;
use serde_json::{json, Value};

fn example() -> Value {
    Spec::load().example_request("apig/update_vpc_channel", |body| {
        body["member_type"] == "ip"
    })
}

/// The JSON error both paths give, as `path: message`.
fn json_error(body: &str) -> String {
    let parsed = update_vpc_channel::parse_body(body.as_bytes());
    let checked = update_vpc_channel::check_body(body.as_bytes());
    match (parsed, checked) {
        (Err(BodyError::Json(a)), Err(BodyError::Json(b))) => {
            assert_eq!(
                (&a.path, &a.message),
                (&b.path, &b.message),
                "parse_body and check_body disagree on {body}"
            );
            format!("{}: {}", a.path, a.message)
        }
        other => panic!("expected a JSON error from both paths for {body}, got {other:?}"),
    }
}

fn with(path: &str, value: Value) -> String {
    let mut body = example();
    *body
        .pointer_mut(path)
        .unwrap_or_else(|| panic!("{path} is in the example")) = value;
    body.to_string()
}

#[test]
fn an_array_is_not_an_object() {
    let error = json_error(r#"["VPC_demo",22,2,"ip"]"#);
    assert!(
        error.starts_with(": invalid type: sequence, expected struct VpcCreate"),
        "{error}"
    );
    let error = json_error(&with("/members", json!([["10.0.0.1"]])));
    assert!(
        error.starts_with("members[0]: invalid type: sequence, expected struct MemberInfo"),
        "{error}"
    );
}

#[test]
fn null_is_not_a_value_in_a_request() {
    let mut body = example();
    body["member_groups"] = Value::Null;
    let error = json_error(&body.to_string());
    assert!(
        error.starts_with("member_groups: invalid type: null"),
        "{error}"
    );
    let error = json_error(&with("/member_type", Value::Null));
    assert_eq!(error, "member_type: invalid type: null, expected a value (the tables document no null: leave the field out)");
    let error = json_error(&with("/members/0/weight", Value::Null));
    assert!(
        error.starts_with("members[0].weight: invalid type: null"),
        "{error}"
    );
}

#[test]
fn minus_zero_is_the_integer_zero() {
    let body = with("/members/0/weight", json!(0)).replace("\"weight\":0", "\"weight\":-0");
    assert!(body.contains("\"weight\":-0"));
    let parsed =
        update_vpc_channel::parse_body(body.as_bytes()).expect("-0 is 0, inside 0 to 10000");
    assert_eq!(parsed.members.expect("members")[0].weight, Some(0));
    assert_eq!(update_vpc_channel::check_body(body.as_bytes()), Ok(()));
}

#[test]
fn an_integer_beyond_64_bits_is_an_integer_out_of_range() {
    let body = with("/port", json!(1)).replace("\"port\":1", "\"port\":100000000000000000000");
    let error = json_error(&body);
    assert!(
        error.starts_with(
            "port: invalid value: integer 100000000000000000000, beyond 64 bits, expected i32"
        ),
        "{error}"
    );
    let body = with("/port", json!(1)).replace("\"port\":1", "\"port\":4294967296");
    assert!(
        json_error(&body).starts_with("port: invalid value: integer `4294967296`, expected i32")
    );
    // A fraction is not an integer, whatever its value.
    let body = with("/port", json!(1.5));
    assert!(json_error(&body).starts_with("port: invalid type: floating point `1.5`, expected i32"));
}

#[test]
fn the_example_itself_stays_valid() {
    let body = example().to_string();
    assert_eq!(update_vpc_channel::check_body(body.as_bytes()), Ok(()));
    assert!(update_vpc_channel::parse_body(body.as_bytes()).is_ok());
}
