//! Checking a body through its borrowed view (`check_body`, used by the CLI and `validate_request_body`)
//! reports exactly what deserializing the owned model and validating it (`parse_body`) reports, and goes
//! further on one point: every missing mandatory field is a violation, where serde stops at the first.

use model_tests::{boundary_cases, Spec};
use serde_json::Value;
use std::borrow::Cow;
use api_gateway_models::{apig, roma, BodyError};

type Outcome = Result<(), Vec<(String, String)>>;

fn outcome<T>(result: Result<T, BodyError>) -> Outcome {
    match result {
        Ok(_) => Ok(()),
        Err(BodyError::Invalid(errors)) => Err(errors.violations().iter().map(|v| (v.path.clone(), v.rule.to_string())).collect()),
        Err(BodyError::Json(error)) => Err(vec![(error.path, "json".to_owned())]),
    }
}

/// `parse_body` and `check_body` of the seed services' operations (the mechanism is the same for every
/// operation; these have the rules of every kind).
fn both(operation: &str, input: &[u8]) -> Option<(Outcome, Outcome)> {
    Some(match operation {
        "apig/update_vpc_channel" => (outcome(apig::update_vpc_channel::parse_body(input)), outcome(apig::update_vpc_channel::check_body(input))),
        "apig/add_or_update_member_groups" => (outcome(apig::add_or_update_member_groups::parse_body(input)), outcome(apig::add_or_update_member_groups::check_body(input))),
        "apig/update_backend_instances" => (outcome(apig::update_backend_instances::parse_body(input)), outcome(apig::update_backend_instances::check_body(input))),
        "roma/add_backend_instances" => (outcome(roma::add_backend_instances::parse_body(input)), outcome(roma::add_backend_instances::check_body(input))),
        _ => return None,
    })
}

#[test]
fn views_report_exactly_what_the_owned_model_reports() {
    let spec = Spec::load();
    let mut compared = 0;
    let mut invalid = 0;
    for op in &spec.operations {
        let operation = op.qualified();
        if both(&operation, b"{}").is_none() {
            continue;
        }
        let mut bodies: Vec<Vec<u8>> = op.example_requests().into_iter().map(|(_, body)| serde_json::to_vec(&body).expect("serializes")).collect();
        bodies.extend(boundary_cases(&spec, op).into_iter().map(|(body, _)| serde_json::to_vec(&body).expect("serializes")));
        // Escapes (which a view cannot borrow), unknown fields, and JSON that does not fit.
        let example = serde_json::to_string(&op.example_requests()[0].1).expect("serializes");
        // The first key and the first string value spelled with escapes: the same body, which a view
        // cannot borrow there.
        let first = example.chars().nth(2).expect("a first key");
        let escaped = format!("{{\"\\u{:04x}{}", u32::from(first), &example[3..]);
        bodies.push(escaped.replacen(":\"", ":\"\\u0020", 1).into_bytes());
        bodies.push(example.replacen('{', r#"{"typo_field": [1, {"x": 2}], "#, 1).into_bytes());
        bodies.push(br#"{"members": "not an array", "name": 5}"#.to_vec());
        bodies.push(b"".to_vec());
        for body in bodies {
            let (owned, view) = both(&operation, &body).expect("a seed operation");
            assert_eq!(owned, view, "{operation}: {}", String::from_utf8_lossy(&body));
            invalid += usize::from(owned.is_err());
            compared += 1;
        }
    }
    assert!(compared > 500 && invalid > 200, "{compared} compared, {invalid} invalid");
}

#[test]
fn views_borrow_strings_without_escapes_and_own_the_rest() {
    let body = br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip", "members": [{"host": "10.0.0.1"}, {"host": "h\u00e9"}]}"#;
    let view: apig::view::VpcCreate<'_> = serde_json::from_slice(body).expect("fits");
    assert!(matches!(view.name.as_ref().map(|n| &n.0), Some(Cow::Borrowed("VPC_demo"))));
    let members = view.members.as_ref().expect("members");
    assert!(matches!(members[0].host.as_ref().map(|h| &h.0), Some(Cow::Borrowed("10.0.0.1"))), "borrowed inside an Option in a Vec");
    assert!(matches!(members[1].host.as_ref().map(|h| &h.0), Some(Cow::Owned(host)) if host == "hé"), "an escape is owned");
    assert!(view.validate().is_ok());
    let value: Value = serde_json::from_slice(body).expect("JSON");
    assert_eq!(value["members"][1]["host"], "hé");
}

#[test]
fn check_body_reports_every_missing_mandatory_field_as_a_violation() {
    let body = br#"{"port": 70000, "members": [{"host": "h"}], "vpc_health_config": {"protocol": "HTTP", "path": "/", "http_code": "200"}}"#;
    let Err(BodyError::Invalid(errors)) = apig::update_vpc_channel::check_body(body) else { panic!("invalid") };
    let found: Vec<(&str, &str)> = errors.violations().iter().map(|v| (v.path.as_str(), v.rule.code())).collect();
    assert_eq!(
        found,
        [
            ("name", "required"),
            ("balance_strategy", "required"),
            ("member_type", "required"),
            ("port", "range"),
            ("vpc_health_config.threshold_normal", "required"),
            ("vpc_health_config.threshold_abnormal", "required"),
            ("vpc_health_config.time_interval", "required"),
            ("vpc_health_config.timeout", "required"),
            // member_type is absent, so its documented default (ecs) applies to the members.
            ("members[0].ecs_id", "required_if"),
            ("members[0].ecs_name", "required_if"),
        ]
    );
    // Deserializing the owned model stops at the first missing field, as serde does.
    let Err(BodyError::Json(error)) = apig::update_vpc_channel::parse_body(body) else { panic!("a JSON error") };
    assert!(error.message.starts_with("missing field"), "{error}");
}
