//! The response cases: a large list response of a real service read three ways. The body is the
//! 200 response of otc_apig's "Querying APIs Bound with a Plug-in", its page's example item repeated
//! N times with each id, name and path its own (deterministic: the same N gives the same bytes).

use crate::cases::{Case, Context};
use crate::plain_responses as plain;
use api_gateway_models::otc_apig::{self, querying_apis_bound_with_a_plug_in as operation};
use serde_json::{json, Value};

/// The operation's spec file, whose example response gives the item.
const SPEC: &str = include_str!("../../spec/otc_apig/querying_apis_bound_with_a_plug_in.json");

/// The response body with `items` APIs, as compact JSON bytes.
pub fn apis_json(items: usize) -> Vec<u8> {
    let spec: Value = serde_json::from_str(SPEC).expect("the spec file is JSON");
    let example = &spec["operation"]["examples"]["responses"][0];
    assert_eq!(
        example["status"], 200,
        "the first example response is the 200"
    );
    let item = &example["body"]["apis"][0];
    let apis: Vec<Value> = (0..items)
        .map(|i| {
            let mut api = item.clone();
            api["api_id"] = json!(format!("{:032x}", 0x8aa0_97b0_u64 * (i as u64 + 1)));
            api["api_name"] = json!(format!("API_{i:05}"));
            api["req_uri"] = json!(format!("/test/{i}"));
            api["plugin_attach_id"] = json!(format!("{:032x}", 0x4739_b3f5_u64 * (i as u64 + 7)));
            api
        })
        .collect();
    let body = json!({ "total": items, "size": items, "apis": apis });
    serde_json::to_vec(&body).expect("serializes")
}

/// The response cases, the baseline first.
pub const RESPONSE_CASES: &[Case] = &[
    Case {
        key: "ra",
        what: "serde_json::from_slice::<plain_responses::QueryingApisBoundWithAPlugInResponse200> (baseline: plain serde derives of the same tables)",
        run: plain_serde,
    },
    Case {
        key: "rb",
        what: "Response::parse(200, body)",
        run: parse,
    },
    Case {
        key: "rc",
        what: "Response::parse_with_departures(200, body)",
        run: parse_with_departures,
    },
];

fn items(body: &otc_apig::QueryingApisBoundWithAPlugInResponse200) -> usize {
    body.apis.as_ref().map_or(0, Vec::len)
}

fn plain_serde(_: &Context, body: &[u8]) -> usize {
    let value: plain::QueryingApisBoundWithAPlugInResponse200 =
        serde_json::from_slice(body).expect("the body fits the type");
    value.apis.map_or(0, |apis| apis.len())
}

fn ok_items(response: &operation::Response) -> usize {
    match response {
        operation::Response::Ok(body) => items(body),
        _ => panic!("a 200 response"),
    }
}

fn parse(_: &Context, body: &[u8]) -> usize {
    ok_items(&operation::Response::parse(200, body).expect("the body parses"))
}

fn parse_with_departures(_: &Context, body: &[u8]) -> usize {
    let (response, departures) =
        operation::Response::parse_with_departures(200, body).expect("the body parses");
    ok_items(&response) + departures.len()
}
