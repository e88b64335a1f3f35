//! Closed lists of values and defaults.

use super::*;

#[test]
fn closed_lists_of_values() {
    let listed = |f: &Facts| {
        f.values.as_ref().map(|v| {
            v.value
                .iter()
                .map(|l| (l.value.clone(), l.meaning.clone()))
                .collect::<Vec<_>>()
        })
    };
    let f = whole_and_not(
        "The value can be TCP, UDP_CONNECT, HTTP, HTTPS, or PING.",
        "The value can be TCP, UDP_CONNECT, HTTP, HTTPS, or PING, depending on the listener.",
        Kind::String,
    );
    let names = ["TCP", "UDP_CONNECT", "HTTP", "HTTPS", "PING"].map(|v| (v.to_owned(), None));
    assert_eq!(listed(&f), Some(names.to_vec()));
    let f = whole_and_not(
        "The value can be 4 (IPv4) or 6 (IPv6).",
        "The value can be 4 (IPv4) or 6 (IPv6), and others in some regions.",
        Kind::Integer,
    );
    assert_eq!(
        listed(&f),
        Some(vec![
            ("4".to_owned(), Some("IPv4".to_owned())),
            ("6".to_owned(), Some("IPv6".to_owned()))
        ])
    );
    for open in [
        "The value can be HTTPS (default) or GRPCS (available when the frontend request protocol is GRPCS).",
        "The value of xx can be 02, 06, 10, 14, 18, or 22.",
        "The value can be GET, POST, etc.",
        "The value can be one of the following:",
    ] {
        assert_eq!(listed(&facts(open, Kind::String)), None, "{open:?}");
    }
    assert_eq!(
        listed(&facts("The value can be TCP or UDP.", Kind::Integer)),
        None
    );
    // Another sentence of the row states a value the list does not have: no enumeration.
    let f = recognize(
        &[
            "The value can be 5_bgp (default) and 5_mailbgp.".to_owned(),
            "In eu-de, the value of this parameter can only be 5_gray.".to_owned(),
        ],
        Kind::String,
        &[],
    );
    assert_eq!(
        (listed(&f), f.default.map(|d| d.value), f.withheld.len()),
        (None, Some("5_bgp".to_owned()), 1)
    );
}

#[test]
fn defaults_in_prose() {
    let f = whole_and_not(
        "The default value is V1.",
        "The default value is V1 for new groups.",
        Kind::String,
    );
    assert_eq!(f.default.map(|d| d.value), Some("V1".to_owned()));
    let f = facts(
        "The default value is ${host}, indicating that the host of the request will be used.",
        Kind::String,
    );
    assert_eq!(f.default.map(|d| d.value), Some("${host}".to_owned()));
    for sentence in [
        "The default value is the current date and time.",
        "If type is set to global, the default value is common.",
    ] {
        let f = facts(sentence, Kind::String);
        assert_eq!((f.default, f.unrecognized.len()), (None, 1), "{sentence:?}");
    }
    let f = facts(
        "The value can be true or false, and the default value is false.",
        Kind::Boolean,
    );
    assert_eq!(
        (f.values, f.default.map(|d| d.value), f.unrecognized.len()),
        (None, Some("false".to_owned()), 0)
    );
}
