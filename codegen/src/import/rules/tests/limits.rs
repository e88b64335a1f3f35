//! Lengths, ranges and array lengths.

use super::*;

#[test]
fn range_with_en_dash() {
    let f = facts("Range: 1–65535.", Kind::Integer);
    assert_eq!(
        (f.minimum.map(|s| s.value), f.maximum.map(|s| s.value)),
        (Some(1), Some(65535))
    );
}

#[test]
fn ranges_and_maximum_values() {
    let f = whole_and_not(
        "The value ranges from 1 to 10.",
        "The value ranges from 1 to 10 for dedicated gateways.",
        Kind::Integer,
    );
    assert_eq!(bounds(&f), (Some(1), Some(10)));
    let f = whole_and_not(
        "The maximum value is 2,147,483,647.",
        "The maximum value is 2,147,483,647 for each app.",
        Kind::Integer,
    );
    assert_eq!(bounds(&f), (None, Some(2_147_483_647)));
    let f = whole_and_not(
        "The value must be greater than 0.",
        "The value must be greater than 0 unless it is disabled.",
        Kind::Integer,
    );
    assert_eq!(bounds(&f), (Some(1), None));
    let f = facts(
        "If the network architecture is set to V2, the maximum timeout is 600,000.",
        Kind::Integer,
    );
    assert_eq!((bounds(&f), f.unrecognized.len()), ((None, None), 1));
    let f = facts(
        "The maximum value is 600,000, and the default value is 5000.",
        Kind::Integer,
    );
    assert_eq!(
        (bounds(&f), f.default.map(|d| d.value)),
        ((None, Some(600_000)), Some("5000".to_owned()))
    );
}

#[test]
fn lengths_in_other_words() {
    let f = whole_and_not(
        "It cannot exceed 255 characters.",
        "It cannot exceed 255 characters after encoding.",
        Kind::String,
    );
    assert_eq!(length(&f), (None, Some(255)));
    let f = whole_and_not(
        "A backend service address consists of a domain name or IP address and a port number, with not more than 255 characters.",
        "Ensure that the request body does not exceed 20,480 characters.",
        Kind::String,
    );
    assert_eq!(length(&f), (None, Some(255)));
    let f = whole_and_not(
        "It can contain a maximum of 512 characters and must comply with URI specifications.",
        "It can contain a maximum of 512 characters and must comply with URI specifications except the query.",
        Kind::String,
    );
    assert_eq!(length(&f), (None, Some(512)));
}

#[test]
fn array_lengths() {
    let f = whole_and_not(
        "Array Length: 1 - 50",
        "Array Length: 1 - 50 per gateway",
        Kind::Array,
    );
    assert_eq!(
        (f.min_items.map(|s| s.value), f.max_items.map(|s| s.value)),
        (Some(1), Some(50))
    );
}
