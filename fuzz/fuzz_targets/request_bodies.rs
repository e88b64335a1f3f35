//! Every operation's body handling on arbitrary bytes, through the umbrella crate's dispatchers, so
//! that an operation a regeneration adds is fuzzed with no change here: the input's first two bytes
//! pick the operation of `OPERATIONS`, the third a status, and the rest is the body. For it,
//! `validate_request_body` (`check_body`: one pass, nothing built), `parse_request_body` (`parse_body`:
//! one pass, the owned model) and `response_departures` (`Response::parse_with_departures`, which
//! `Response::parse` shares its reading with). None may panic; errors must print.
//!
//! Invariants checked besides "no panic":
//! - `check_body` and `parse_body` give the same answer: the same violations, or the same JSON error;
//! - an operation's bare name, where no other service has it, gives the same answer as its
//!   `service/operation` name;
//! - `BodyError::Invalid` carries at least one violation;
//! - every departure and every parse error prints.

#![no_main]

use api_gateway_models::{self as models, BodyError};
use libfuzzer_sys::fuzz_target;

/// Documented statuses and undocumented ones.
const STATUSES: &[u16] = &[
    200,
    201,
    202,
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

fuzz_target!(|data: &[u8]| {
    let Some((&[low, high, status], body)) = data.split_first_chunk::<3>() else {
        return;
    };
    let operations = models::OPERATIONS;
    let name = operations[usize::from(u16::from_le_bytes([low, high])) % operations.len()];
    let status = STATUSES[usize::from(status) % STATUSES.len()];
    let checked = models::validate_request_body(name, body);
    let parsed = models::parse_request_body(name, body);
    assert_eq!(
        checked, parsed,
        "{name}: check_body and parse_body answer differently"
    );
    if let Some(Err(error)) = &checked {
        check_body_error(error);
    }
    let bare = name.rsplit('/').next().unwrap_or(name);
    let unique = operations
        .iter()
        .filter(|op| op.rsplit('/').next() == Some(bare))
        .count()
        == 1;
    if unique {
        assert_eq!(
            models::validate_request_body(bare, body),
            checked,
            "{bare}: the bare name gives another answer"
        );
    }
    match models::response_departures(name, status, body).expect("a listed operation") {
        Ok(departures) => departures
            .iter()
            .for_each(|d| assert!(!d.to_string().is_empty())),
        Err(error) => assert!(!error.to_string().is_empty()),
    }
    assert!(models::validate_request_body("no/such_operation", body).is_none());
});
