//! Responses never break on what a service adds or omits, and say where they depart from the page.

use api_gateway_models::apig::{self, update_vpc_channel};
use api_gateway_models::roma;
use model_tests::Spec;
use serde_json::json;

/// `(path, code)` of each departure, in order.
fn departures(status: u16, body: &serde_json::Value) -> Vec<(String, &'static str)> {
    let bytes = serde_json::to_vec(body).expect("serializes");
    let (_, departures) =
        update_vpc_channel::Response::parse_with_departures(status, &bytes).expect("parses");
    departures
        .iter()
        .map(|v| (v.path.clone(), v.rule.code()))
        .collect()
}

#[test]
fn a_label_without_its_value_an_unlisted_status_and_an_undocumented_field_parse_and_are_reported() {
    let body = json!({
        "name": "VPC_demo",
        "status": 3,
        "zone": "eu-de-01",
        "member_groups": [{"member_group_name": "test", "microservice_labels": [{"label_name": "app"}]}]
    });
    let bytes = serde_json::to_vec(&body).expect("serializes");
    let parsed = update_vpc_channel::Response::parse(200, &bytes).expect("a lenient parse");
    let update_vpc_channel::Response::Ok(info) = &parsed else {
        panic!("expected the 200 body, got {parsed:?}")
    };
    assert_eq!(info.status, Some(apig::VpcChannelStatus::Unknown(3)));
    let label = &info.member_groups.as_ref().expect("groups")[0]
        .microservice_labels
        .as_ref()
        .expect("labels")[0];
    assert_eq!(
        (label.label_name.as_deref(), label.label_value.as_deref()),
        (Some("app"), None)
    );

    let (again, found) =
        update_vpc_channel::Response::parse_with_departures(200, &bytes).expect("parses");
    assert_eq!(again, parsed, "departures do not change what is parsed");
    let found: Vec<String> = found
        .iter()
        .map(|v| format!("{}: {} ({})", v.path, v.rule, v.rule.code()))
        .collect();
    assert_eq!(
        found,
        [
            "status: must be one of 1, 2, got 3 (enum)",
            "member_groups[0].microservice_labels[0].label_value: is mandatory but absent (required)",
            "zone: is not a documented field (unknown_field)",
        ]
    );
}

#[test]
fn the_request_side_of_a_shared_type_stays_strict() {
    // MicroserviceLabel is in request bodies too: there, a label without its value is refused.
    let body = json!({"member_groups": [{"member_group_name": "test", "microservice_labels": [{"label_name": "app"}]}]});
    let bytes = serde_json::to_vec(&body).expect("serializes");
    let error = apig::add_or_update_member_groups::check_body(&bytes)
        .expect_err("a label needs its value in a request");
    assert!(
        error.to_string().contains(
            "member_groups[0].microservice_labels[0].label_value: is mandatory but absent"
        ),
        "{error}"
    );
    assert!(apig::add_or_update_member_groups::parse_body(&bytes).is_err());
}

#[test]
fn values_outside_the_documented_limits_and_unlisted_enumeration_values_are_departures() {
    let body = json!({
        "port": 70000,
        "name": "é",
        "microservice_info": {"service_type": "NACOS", "cce_info": {"namespace": "Default"}},
    });
    assert_eq!(
        departures(200, &body),
        [
            ("name".to_owned(), "length"),
            ("name".to_owned(), "pattern"),
            ("port".to_owned(), "range"),
            ("microservice_info.service_type".to_owned(), "enum"),
        ]
    );
}

#[test]
fn a_null_in_a_response_is_an_absent_field_and_an_empty_object_parses_for_every_status() {
    assert_eq!(
        departures(200, &json!({"name": null, "member_groups": null})),
        []
    );
    for status in [200, 400, 401, 403, 404, 500] {
        assert_eq!(departures(status, &json!({})), [], "status {status}");
    }
    for status in [200, 400] {
        assert!(apig::update_backend_instances::Response::parse(status, b"{}").is_ok());
        assert!(apig::add_or_update_member_groups::Response::parse(status, b"{}").is_ok());
    }
    assert!(roma::add_backend_instances::Response::parse(201, br#"{"members": [{}]}"#).is_ok());
}

#[test]
fn undocumented_statuses_and_json_that_does_not_fit_keep_their_meaning() {
    let (other, found) =
        update_vpc_channel::Response::parse_with_departures(418, br#"{"teapot": true}"#)
            .expect("parses");
    assert_eq!(other.status(), 418);
    assert!(found.is_empty());
    let error = update_vpc_channel::Response::parse_with_departures(200, br#"{"port": "22"}"#)
        .expect_err("a string where an integer belongs");
    assert_eq!(error.path, "port");
}

#[test]
fn every_example_response_parses_the_same_with_its_departures() {
    let spec = Spec::load();
    let mut seen = 0;
    for op in spec
        .operations
        .iter()
        .filter(|op| op.qualified() == "apig/update_vpc_channel")
    {
        for (status, body) in op.example_responses() {
            let bytes = serde_json::to_vec(&body).expect("serializes");
            let plain =
                update_vpc_channel::Response::parse(status, &bytes).expect("the example parses");
            let (with, found) = update_vpc_channel::Response::parse_with_departures(status, &bytes)
                .expect("the example parses");
            assert_eq!(plain, with);
            // The page's own example sends empty strings for its enumerations: the page and its example disagree.
            for departure in &found {
                assert!(
                    ["enum", "length", "pattern"].contains(&departure.rule.code()),
                    "{departure}"
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 0);
}

#[test]
fn the_headers_a_page_documents_are_listed_by_status() {
    use api_gateway_models::otc_apig::accepting_or_rejecting_a_vpc_endpoint_connection::Response;
    assert_eq!(Response::documented_headers(200), ["x-request-id"]);
    assert_eq!(Response::documented_headers(299), [] as [&str; 0]);
    assert_eq!(
        api_gateway_models::apig::update_vpc_channel::Response::documented_headers(200),
        [] as [&str; 0]
    );
}
