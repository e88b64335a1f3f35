//! Every operation's body handling on arbitrary bytes: `validate_request_body` for each of `OPERATIONS`
//! (by `service/operation` and by bare name), each module's `check_body` (one pass, nothing built) and
//! `parse_body` (one pass, the owned model), and `Response::parse` for every documented status and some
//! undocumented ones. None may panic; errors must print.
//!
//! Invariants checked besides "no panic":
//! - `validate_request_body(op)` (by either name) is `check_body`;
//! - `check_body` and `parse_body` give the same answer: the same violations, or the same JSON error;
//! - a body that validates, serialized again, validates again to an equal value;
//! - `BodyError::Invalid` carries at least one violation;
//! - a parsed response reports the status it was parsed for, and `parse_with_departures` parses the same.

#![no_main]

use api_gateway_models::{self as models, BodyError};
use libfuzzer_sys::fuzz_target;

/// The documented statuses of the four operations (200, 201, 400, 401, 403, 404, 500) and undocumented ones.
const STATUSES: &[u16] = &[
    200,
    201,
    204,
    400,
    401,
    403,
    404,
    500,
    0,
    302,
    502,
    u16::MAX,
];

fn check_body_error(error: &BodyError) {
    let printed = error.to_string();
    if let BodyError::Invalid(errors) = error {
        assert!(!errors.0.is_empty(), "Invalid with no violation");
        for violation in &errors.0 {
            let _ = violation.rule.code();
        }
    }
    assert!(!printed.is_empty());
}

macro_rules! operation {
    ($data:expr, $name:literal, $($module:ident)::+) => {{
        use models::$($module)::+ as op;
        let data: &[u8] = $data;
        assert!(models::OPERATIONS.contains(&$name), "{} is not in OPERATIONS", $name);
        let by_name = models::validate_request_body($name, data).expect("a listed operation has a body");
        let bare = $name.rsplit('/').next().unwrap();
        let by_bare = models::validate_request_body(bare, data).expect("the bare name is known");
        let checked = op::check_body(data);
        assert_eq!(by_name, checked, "validate_request_body is not check_body");
        assert_eq!(by_bare, checked, "the bare name gives another answer");
        match op::parse_body(data) {
            Ok(body) => {
                assert!(checked.is_ok(), "parse_body accepts what check_body rejects: {:?}", checked);
                let again = serde_json::to_vec(&body).expect("a valid body serializes");
                match op::parse_body(&again) {
                    Ok(reparsed) => assert_eq!(reparsed, body, "a valid body changed through serialization"),
                    Err(error) => panic!("a valid body, serialized, no longer validates: {error}\n{}", String::from_utf8_lossy(&again)),
                }
            }
            Err(error) => {
                check_body_error(&error);
                assert_eq!(Err(&error), checked.as_ref(), "check_body and parse_body answer differently");
            }
        }
        if let Err(error) = &checked {
            check_body_error(error);
        }
        for &status in STATUSES {
            let parsed = op::Response::parse(status, data);
            match &parsed {
                Ok(response) => assert_eq!(response.status(), status),
                Err(error) => assert!(!error.to_string().is_empty()),
            }
            // Departures never change what is parsed, nor whether it parses.
            match (parsed, op::Response::parse_with_departures(status, data)) {
                (Ok(plain), Ok((with, departures))) => {
                    assert_eq!(plain, with);
                    departures.iter().for_each(|d| assert!(!d.to_string().is_empty()));
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("parse and parse_with_departures disagree: {a:?} / {b:?}"),
            }
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    assert_eq!(
        models::OPERATIONS.len(),
        4,
        "a new operation: add it to this target"
    );
    operation!(
        data,
        "apig/add_or_update_member_groups",
        apig::add_or_update_member_groups
    );
    operation!(
        data,
        "apig/update_backend_instances",
        apig::update_backend_instances
    );
    operation!(data, "apig/update_vpc_channel", apig::update_vpc_channel);
    operation!(
        data,
        "roma/add_backend_instances",
        roma::add_backend_instances
    );
    assert!(models::validate_request_body("no/such_operation", data).is_none());
});
