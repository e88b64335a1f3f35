//! Every operation's body handling on arbitrary bytes: `validate_request_body` for each of `OPERATIONS`
//! (by `service/operation` and by bare name), each module's `parse_body`, and `Response::parse` for every
//! documented status and some undocumented ones. None may panic; errors must print.
//!
//! Invariants checked besides "no panic":
//! - `validate_request_body(op)` and the module's `parse_body` give the same verdict;
//! - a body that validates, serialized again, validates again to an equal value;
//! - `BodyError::Invalid` carries at least one violation;
//! - a parsed response reports the status it was parsed for.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_channel_models::{self as models, BodyError};

/// The documented statuses of the four operations (200, 201, 400, 401, 403, 404, 500) and undocumented ones.
const STATUSES: &[u16] = &[200, 201, 204, 400, 401, 403, 404, 500, 0, 302, 502, u16::MAX];

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
        assert_eq!(by_name.is_ok(), by_bare.is_ok());
        match op::parse_body(data) {
            Ok(body) => {
                assert!(by_name.is_ok(), "parse_body accepts what validate_request_body rejects: {:?}", by_name);
                let again = serde_json::to_vec(&body).expect("a valid body serializes");
                match op::parse_body(&again) {
                    Ok(reparsed) => assert_eq!(reparsed, body, "a valid body changed through serialization"),
                    Err(error) => panic!("a valid body, serialized, no longer validates: {error}\n{}", String::from_utf8_lossy(&again)),
                }
            }
            Err(error) => {
                assert!(by_name.is_err(), "validate_request_body accepts what parse_body rejects: {error}");
                check_body_error(&error);
            }
        }
        if let Err(error) = &by_name {
            check_body_error(error);
        }
        for &status in STATUSES {
            match op::Response::parse(status, data) {
                Ok(response) => assert_eq!(response.status(), status),
                Err(error) => assert!(!error.to_string().is_empty()),
            }
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    assert_eq!(models::OPERATIONS.len(), 4, "a new operation: add it to this target");
    operation!(data, "apig/add_or_update_member_groups", apig::add_or_update_member_groups);
    operation!(data, "apig/update_backend_instances", apig::update_backend_instances);
    operation!(data, "apig/update_vpc_channel", apig::update_vpc_channel);
    operation!(data, "roma/add_backend_instances", roma::add_backend_instances);
    assert!(models::validate_request_body("no/such_operation", data).is_none());
});
