//! Every example on the four pages: requests deserialize, validate and serialize back to the same JSON;
//! responses, the error bodies included, parse into their status's type.

use api_gateway_models::{apig, roma};
use model_tests::{validate, Spec};
use serde_json::Value;

/// Deserializes into `T`, serializes back, and returns the JSON it wrote.
fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &Value) -> Value {
    let typed: T = serde_json::from_value(body.clone()).expect("the example fits the body type");
    serde_json::to_value(&typed).expect("serializes")
}

/// The page writes `"protocol" : "http"`, an accepted alias of the documented `HTTP`; the model writes
/// the documented spelling. Everything else must come back byte for byte.
fn with_documented_spellings(mut body: Value) -> Value {
    if let Some(protocol) = body.pointer_mut("/vpc_health_config/protocol") {
        *protocol = Value::String(protocol.as_str().unwrap_or_default().to_uppercase());
    }
    body
}

/// The round trip of a seed page's request body type; the other services' examples are checked by
/// validation only.
fn seed_round_trip(operation: &str, body: &Value) -> Option<Value> {
    Some(match operation {
        "apig/update_vpc_channel" => round_trip::<apig::VpcCreate>(body),
        "apig/add_or_update_member_groups" => round_trip::<apig::MemberGroupCreateBatch>(body),
        "apig/update_backend_instances" => round_trip::<apig::MembersBatchUpdate>(body),
        "roma/add_backend_instances" => round_trip::<roma::MembersBatchCreate>(body),
        _ => return None,
    })
}

#[test]
fn every_example_request_validates_and_the_seeds_round_trip() {
    let spec = Spec::load();
    let (mut seen, mut seeds) = (0, 0);
    let mut rejected = Vec::new();
    for op in &spec.operations {
        for (title, body) in op.example_requests() {
            seen += 1;
            if op.body.is_none() {
                continue;
            }
            if let Err(error) = validate(&op.qualified(), &body) {
                rejected.push(format!(
                    "{} example {title:?} is rejected:\n{error}",
                    op.qualified()
                ));
                continue;
            }
            if let Some(back) = seed_round_trip(&op.qualified(), &body) {
                assert_eq!(
                    back,
                    with_documented_spellings(body),
                    "{} example {title:?}",
                    op.qualified()
                );
                seeds += 1;
            }
        }
    }
    assert!(
        rejected.is_empty(),
        "{} of {seen} example requests are rejected:\n{}",
        rejected.len(),
        rejected.join("\n")
    );
    assert_eq!(
        seeds, 8,
        "two example requests on each of the four seed pages"
    );
}

/// An example a person marked invalid (the page's example breaks the page's tables) is no example of a
/// valid request, but the verdict must still be that it is rejected: one that validates is marked wrongly,
/// or the table changed under the mark.
fn check_marked_invalid(
    operation: &str,
    title: &str,
    reason: &str,
    body: &Value,
) -> Result<(), String> {
    match validate(operation, body) {
        Err(_) => Ok(()),
        Ok(()) => Err(format!("{operation} example {title:?} is marked invalid ({reason}) but validates: remove `invalid` from it (the overlay's invalid_examples)")),
    }
}

#[test]
fn every_example_marked_invalid_is_rejected() {
    let spec = Spec::load();
    for op in &spec.operations {
        for (title, reason, body) in op.invalid_example_requests() {
            check_marked_invalid(&op.qualified(), &title, &reason, &body)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // No checked-in page has such an example yet; the check itself, both ways:
    let members =
        |weight: i64| serde_json::json!({ "members": [{ "host": "h", "weight": weight }] });
    assert_eq!(
        check_marked_invalid(
            "apig/update_backend_instances",
            "Example 1",
            "the weight is beyond the table's maximum",
            &members(10_001)
        ),
        Ok(())
    );
    let error = check_marked_invalid(
        "apig/update_backend_instances",
        "Example 1",
        "the weight is beyond the table's maximum",
        &members(1),
    )
    .unwrap_err();
    assert!(
        error
            .contains("is marked invalid (the weight is beyond the table's maximum) but validates"),
        "{error}"
    );
}

#[test]
fn every_example_response_parses_into_its_status_type() {
    let spec = Spec::load();
    let mut failed = Vec::new();
    let mut seen = 0;
    for op in &spec.operations {
        for (status, body) in op.example_responses() {
            let bytes = serde_json::to_vec(&body).expect("serializes");
            match api_gateway_models::response_departures(&op.qualified(), status, &bytes) {
                Some(Ok(_)) => {}
                Some(Err(error)) => failed.push(format!(
                    "{} example response {status} does not parse: {error}",
                    op.qualified()
                )),
                None => panic!("the crate has no operation {}", op.qualified()),
            }
            seen += 1;
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {seen} example responses fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
    let seed_parsers = [
        apig::update_vpc_channel::Response::parse(200, b"{}").map(|r| r.status()),
        apig::add_or_update_member_groups::Response::parse(201, b"{}").map(|r| r.status()),
        apig::update_backend_instances::Response::parse(200, b"{}").map(|r| r.status()),
        roma::add_backend_instances::Response::parse(201, b"{}").map(|r| r.status()),
    ];
    assert!(seed_parsers.iter().all(Result::is_ok), "{seed_parsers:?}");
}

#[test]
fn every_example_response_marked_invalid_does_not_parse() {
    // The overlay marks a status: where the page gives several examples under it, one of them that
    // does not parse is what the mark is about.
    let spec = Spec::load();
    for op in &spec.operations {
        let mut marked: std::collections::BTreeMap<u16, (String, bool)> = Default::default();
        for (status, reason, body) in op.invalid_example_responses() {
            let bytes = serde_json::to_vec(&body).expect("serializes");
            let parsed = api_gateway_models::response_departures(&op.qualified(), status, &bytes)
                .expect("the operation exists");
            marked.entry(status).or_insert((reason, false)).1 |= parsed.is_err();
        }
        for (status, (reason, rejected)) in marked {
            assert!(rejected, "{} example response {status} is marked invalid ({reason}) but parses: remove it from the overlay's invalid_responses", op.qualified());
        }
    }
}

#[test]
fn documented_error_responses_are_typed_not_other() {
    let body = br#"{"error_code": "APIG.2001", "error_msg": "The request parameters must be specified, parameter name:members"}"#;
    let parsed = apig::update_vpc_channel::Response::parse(400, body).expect("parses");
    let apig::update_vpc_channel::Response::BadRequest(error) = parsed else {
        panic!("400 is BadRequest, got {parsed:?}")
    };
    assert_eq!(error.error_code.as_deref(), Some("APIG.2001"));
}

#[test]
fn responses_keep_enumeration_values_the_page_does_not_list() {
    // The page's own example answers `"service_type" : ""` and `"workload_type" : ""`.
    let body =
        br#"{"name": "VPC_demo", "balance_strategy": 9, "member_type": "fargate", "status": 7,
        "microservice_info": {"service_type": "", "cce_info": {"workload_type": "cronjob"}}}"#;
    let apig::update_vpc_channel::Response::Ok(info) =
        apig::update_vpc_channel::Response::parse(200, body).expect("parses leniently")
    else {
        panic!("200 is Ok")
    };
    assert_eq!(
        info.balance_strategy,
        Some(apig::BalanceStrategy::Unknown(9))
    );
    assert_eq!(
        info.member_type,
        Some(apig::MemberType::Unknown("fargate".to_owned()))
    );
    let micro = info.microservice_info.as_ref().expect("microservice_info");
    assert_eq!(
        micro.service_type,
        Some(apig::MicroserviceType::Unknown(String::new()))
    );
    // Unknown values are written back exactly as received.
    let back = serde_json::to_value(&*info).expect("serializes");
    assert_eq!(back["balance_strategy"], 9);
    assert_eq!(back["member_type"], "fargate");
}

#[test]
fn undocumented_status_is_kept_as_other() {
    let parsed = apig::update_vpc_channel::Response::parse(429, br#"{"error_code": "APIG.0308"}"#)
        .expect("parses");
    assert_eq!(parsed.status(), 429);
    assert!(matches!(
        parsed,
        apig::update_vpc_channel::Response::Other { .. }
    ));
    assert!(matches!(
        apig::update_vpc_channel::Response::parse(502, b""),
        Ok(apig::update_vpc_channel::Response::Other { status: 502, .. })
    ));
}

#[test]
fn response_with_wrong_type_reports_the_path() {
    let error = apig::update_vpc_channel::Response::parse(
        200,
        br#"{"member_groups": [{"member_group_weight": "ten"}]}"#,
    )
    .expect_err("a string is not an integer");
    assert_eq!(error.path, "member_groups[0].member_group_weight");
}
