//! The benchmark body is what the benchmarks claim it is: valid for every measured validator, so that no case
//! is timed on an error path, and the same bytes on every run.

use api_gateway_models::apig;
use bench::body::{default_groups, vpc_create_json};
use bench::cases::{jsonschema_errors, Context, CASES};

#[test]
fn the_body_breaks_no_documented_rule() {
    let body = vpc_create_json(1000, default_groups(1000));
    let value: apig::VpcCreate = api_gateway_models::from_json(&body).expect("fits the type");
    assert_eq!(value.members.as_ref().map(Vec::len), Some(1000));
    assert_eq!(value.member_groups.as_ref().map(Vec::len), Some(10));
    assert!(value.vpc_health_config.is_some() && value.microservice_info.is_some());
    if let Err(errors) = value.validate() {
        panic!("the benchmark body breaks documented rules:\n{errors}");
    }
}

#[test]
fn every_case_accepts_the_body() {
    let body = vpc_create_json(1000, default_groups(1000));
    let context = Context::new();
    let value: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        jsonschema_errors(&context, &value),
        Vec::<String>::new(),
        "the hand-made schema refuses the body"
    );
    for case in CASES {
        (case.run)(&context, &body);
    }
}

#[test]
fn the_body_is_the_same_every_time() {
    assert_eq!(vpc_create_json(300, 7), vpc_create_json(300, 7));
    assert_ne!(vpc_create_json(300, 7), vpc_create_json(301, 7));
}
