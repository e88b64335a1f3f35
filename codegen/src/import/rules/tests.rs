//! What the recognizers make of sentences the pages write.

use super::*;

fn facts(text: &str, kind: Kind) -> Facts {
    recognize(&[text.to_owned()], kind, &[])
}

fn classes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn sentences_keep_abbreviations_and_character_lists() {
    assert_eq!(
        sentences("Start and end with a letter or digit. Use only letters, digits, hyphens (-), underscores (_), and periods (.). (Max. 63 characters.)"),
        ["Start and end with a letter or digit.", "Use only letters, digits, hyphens (-), underscores (_), and periods (.).", "(Max. 63 characters.)"]
    );
    assert_eq!(
        sentences(
            "Service label key. Start with a letter or digit, and use only letters, digits, and these special characters: -_./:(). (1 to 64 characters)"
        ),
        [
            "Service label key.",
            "Start with a letter or digit, and use only letters, digits, and these special characters: -_./:().",
            "(1 to 64 characters)"
        ]
    );
    assert_eq!(
        sentences("Namespace. 1 to 63 characters. Use lowercase letters."),
        [
            "Namespace.",
            "1 to 63 characters.",
            "Use lowercase letters."
        ]
    );
}

#[test]
fn name_rule() {
    let f = facts(
        "It can contain 3 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), underscores (_), and periods (.) are allowed.",
        Kind::String,
    );
    assert_eq!(
        (f.min_length.map(|s| s.value), f.max_length.map(|s| s.value)),
        (Some(3), Some(64))
    );
    assert_eq!(
        f.chars,
        Chars {
            first: classes(&["letter"]),
            allowed: classes(&["letter", "digit", "-_."]),
            last: vec![]
        }
    );
    assert!(f.unrecognized.is_empty());
}

#[test]
fn special_characters_and_lowercase() {
    let f = facts(
        "Service label key. Start with a letter or digit, and use only letters, digits, and these special characters: -_./:(). (1 to 64 characters)",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", "-_./:()"]));
    assert_eq!(f.chars.first, classes(&["letter", "digit"]));
    let f = facts(
        "Namespace. 1 to 63 characters. Use lowercase letters, digits, and hyphens (-). Start with a letter and end with a letter or digit.",
        Kind::String,
    );
    assert_eq!(
        f.chars,
        Chars {
            first: classes(&["ascii_lower"]),
            allowed: classes(&["ascii_lower", "digit", "-"]),
            last: classes(&["ascii_lower", "digit"])
        }
    );
    let f = facts(
        "It can include letters, digits, hyphens (-), and underscores (_) (max. 64 characters).",
        Kind::String,
    );
    assert_eq!(
        (f.chars.allowed, f.max_length.map(|s| s.value), f.min_length),
        (classes(&["letter", "digit", "-_"]), Some(64), None)
    );
}

#[test]
fn range_with_en_dash() {
    let f = facts("Range: 1–65535.", Kind::Integer);
    assert_eq!(
        (f.minimum.map(|s| s.value), f.maximum.map(|s| s.value)),
        (Some(1), Some(65535))
    );
}

#[test]
fn conditions_and_comparisons() {
    let f = facts("Destination path for health checks. This parameter is required if protocol is set to http or https.", Kind::String);
    assert_eq!(f.conditions[0].subject, "protocol");
    assert_eq!(f.conditions[0].values, ["http", "https"]);
    let f = facts(
        "This parameter is supported only when the VPC channel type is microservice.",
        Kind::String,
    );
    assert_eq!(
        (f.conditions[0].kind, f.conditions[0].subject.as_str()),
        (ConditionKind::ForbiddenUnless, "VPC channel type")
    );
    let f = facts(
        "Unit: s. The value must be greater than the value of timeout.",
        Kind::Integer,
    );
    assert_eq!(
        (f.comparisons[0].less_than, f.comparisons[0].other.as_str()),
        (false, "timeout")
    );
}

#[test]
fn alternatives_take_their_explanation() {
    let text =
        "CCE workload details. Either app_name or any of label_key and label_value must be set. \
                If only app_name is set, label_key='app' and label_value=app_name.";
    let f = facts(text, Kind::Other);
    assert_eq!(
        f.at_least_one_of[0].groups,
        [
            vec!["app_name".to_owned()],
            vec!["label_key".to_owned(), "label_value".to_owned()]
        ]
    );
    assert!(f.at_least_one_of[0]
        .source
        .ends_with("label_value=app_name."));
}

#[test]
fn unrecognized_rules_are_listed() {
    let f = facts(
        "Backend server address. This parameter is valid when the member type is IP address.",
        Kind::String,
    );
    assert_eq!(
        f.unrecognized,
        ["This parameter is valid when the member type is IP address."]
    );
    let f = recognize(
        &["This parameter is valid when the member type is IP address.".to_owned()],
        Kind::String,
        &["This parameter is valid when the member type is IP address.".to_owned()],
    );
    assert_eq!((f.unrecognized.len(), f.notes.len()), (0, 1));
}

/// `text` as one paragraph of a string row: what it gives, and that it gives nothing when `variant` is
/// read instead (with the variant listed for review).
fn whole_and_not(text: &str, variant: &str, kind: Kind) -> Facts {
    let none = facts(variant, kind);
    assert_eq!(
        (
            none.chars.is_empty(),
            none.min_length,
            none.max_length,
            none.minimum,
            none.maximum,
            none.values,
            none.default
        ),
        (true, None, None, None, None, None, None),
        "{variant:?} must give no check"
    );
    assert!(
        none.unrecognized
            .iter()
            .any(|s| variant.contains(s.as_str())),
        "{variant:?} must be listed for review, got {:?}",
        none.unrecognized
    );
    let read = facts(text, kind);
    assert!(
        read.unrecognized.is_empty(),
        "{text:?} must be read whole, left {:?}",
        read.unrecognized
    );
    read
}

fn length(f: &Facts) -> (Option<u64>, Option<u64>) {
    (
        f.min_length.as_ref().map(|s| s.value),
        f.max_length.as_ref().map(|s| s.value),
    )
}

fn bounds(f: &Facts) -> (Option<i64>, Option<i64>) {
    (
        f.minimum.as_ref().map(|s| s.value),
        f.maximum.as_ref().map(|s| s.value),
    )
}

#[test]
fn special_characters_in_parentheses() {
    let f = whole_and_not(
        "The value can contain 3 to 255 characters, including letters, digits, and special characters (-_./():).",
        "The value can contain 3 to 255 characters, including letters, digits, and special characters (-_./():) in the name part.",
        Kind::String,
    );
    assert_eq!(
        (length(&f), f.chars.allowed),
        (
            (Some(3), Some(255)),
            classes(&["letter", "digit", "-_./():"])
        )
    );
    let f = whole_and_not(
        "Letters, digits, and special characters (_-!@#$%) are allowed.",
        "Letters, digits, and special characters (_-!@#$%) are not allowed.",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", "_-!@#$%"]));
}

#[test]
fn the_following_special_characters_are_allowed() {
    let f = whole_and_not(
        "Only letters, digits, and the following special characters are allowed: +_!@#$%-/=",
        "Only letters, digits, and the following special characters are allowed: +_!@#$%-/= except in the first position.",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", "+_!@#$%-/="]));
    let f = whole_and_not(
        "Only letters, digits, and these special characters are allowed: -_./:()",
        "Only letters, digits, and these special characters are allowed: -_./:() when the group is global.",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", "-_./:()"]));
    // Right after the words, up to the next clause; a space inside the run is read as listed.
    let f = whole_and_not(
        "The value is case-sensitive and can contain only letters, digits, and special characters !$&'()*+,-./:;=?@^_`",
        "The value is case-sensitive and can contain only letters, digits, and special characters !$&'()*+,-./:;=?@^_` if type is PATH.",
        Kind::String,
    );
    assert_eq!(
        f.chars.allowed,
        classes(&["letter", "digit", "!$&'()*+,-./:;=?@^_`"])
    );
}

#[test]
fn named_punctuation_with_and_without_its_character() {
    let f = whole_and_not(
        "It can contain max. 16 characters, including letters, digits, hyphens (-), and underscores.",
        "It can contain max. 16 characters, including letters, digits, hyphens (-), and underscores, but no spaces.",
        Kind::String,
    );
    assert_eq!(
        (length(&f), f.chars.allowed),
        ((None, Some(16)), classes(&["letter", "digit", "-_"]))
    );
    // The page lost the asterisk between the parentheses; its name still says it.
    let f = facts("The value can contain letters, digits, hyphens (-), periods (.), and asterisks (), and must start with a letter, digit, or asterisk ().", Kind::String);
    assert_eq!(
        (f.chars.allowed, f.chars.first),
        (
            classes(&["letter", "digit", "-.*"]),
            classes(&["letter", "digit", "*"])
        )
    );
    let f = facts(
        "Include UTF-8 letters, digits, spaces, or special characters (_.:=+-@).",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", " _.:=+-@"]));
}

#[test]
fn first_character_lists() {
    let f = whole_and_not(
        "It can contain 64 to 180 characters, starting with a letter, digit, plus sign (+), or slash (/).",
        "It can contain 64 to 180 characters, starting with a letter, digit, plus sign (+), or slash (/) unless it is generated.",
        Kind::String,
    );
    assert_eq!(
        (length(&f), f.chars.first),
        ((Some(64), Some(180)), classes(&["letter", "digit", "+/"]))
    );
    let f = whole_and_not(
        "The value must start with a slash (/).",
        "The value must start with a slash (/) or a variable name.",
        Kind::String,
    );
    assert_eq!(f.chars.first, classes(&["/"]));
}

#[test]
fn negations_give_no_check() {
    for sentence in [
        "Do not use only digits.",
        "Each account name can contain up to 64 ASCII characters except commas (,).",
        "The value can contain up to 255 characters except > and <.",
        "It cannot start with a digit.",
        "Do not start with _sys_ because it is a system label.",
        "Brackets (<>) are not supported.",
    ] {
        let f = facts(sentence, Kind::String);
        assert!(
            f.chars.is_empty() && length(&f) == (None, None),
            "{sentence:?} gave {f:?}"
        );
        assert_eq!(f.unrecognized, [sentence]);
    }
}

#[test]
fn open_or_narrowed_lists_give_no_check() {
    for sentence in [
        "Special characters, such as asterisks (*), slashes (/), percent signs (%), hyphens (-), underscores (_), and periods (.), are allowed.",
        "The account ID contains 32 characters, including only letters (a-f) and digits.",
        "Only uppercase letters and digits are allowed.",
        "Only letters, digits, and special characters are allowed.",
    ] {
        let f = facts(sentence, Kind::String);
        assert!(f.chars.is_empty(), "{sentence:?} gave {:?}", f.chars);
        assert_eq!(f.unrecognized, [sentence]);
    }
}

#[test]
fn a_case_of_the_value_gives_no_check() {
    let f = whole_and_not(
        "The value can contain letters, digits, hyphens (-), and periods (.) and must start with a letter or digit.",
        "If type is set to HOST_NAME, the value can contain letters, digits, hyphens (-), and periods (.) and must start with a letter or digit.",
        Kind::String,
    );
    assert_eq!(f.chars.first, classes(&["letter", "digit"]));
    // "Each" speaks of the environment variables inside the URI, and so does the rest of the paragraph.
    let uri = "Environment variables are supported. Each must start with a letter and can consist of 3 to 32 characters. \
               Only letters, digits, hyphens (-), and underscores (_) are allowed.";
    let f = facts(uri, Kind::String);
    assert!(f.chars.is_empty() && length(&f) == (None, None), "{f:?}");
    assert_eq!(f.unrecognized.len(), 3);
    let f = facts(
        "Only letters, digits, hyphens (-), and underscores (_) are allowed.",
        Kind::String,
    );
    assert_eq!(f.chars.allowed, classes(&["letter", "digit", "-_"]));
}

#[test]
fn per_variant_bullets_limit_no_field() {
    let paragraphs = [
        "Signature key.",
        "• hmac: The value contains 8 to 32 characters, including letters, digits, underscores (_), and hyphens (-). It must start with a letter or digit.",
        "• basic: The value contains 4 to 32 characters, including letters, digits, underscores (_), and hyphens (-). It must start with a letter.",
        "• public_key: The value can contain 16 to 2048 characters, including letters, digits, and special characters (_-!@#$%+/=).",
    ]
    .map(str::to_owned);
    let f = recognize(&paragraphs, Kind::String, &[]);
    assert!(f.chars.is_empty() && length(&f) == (None, None), "{f:?}");
    assert_eq!(f.unrecognized.len(), 5);
    // The same wording outside a variant's bullet is the field's.
    let f = facts("The value can contain 16 to 2048 characters, including letters, digits, and special characters (_-!@#$%+/=).", Kind::String);
    assert_eq!(
        (length(&f), f.chars.allowed),
        (
            (Some(16), Some(2048)),
            classes(&["letter", "digit", "_-!@#$%+/="])
        )
    );
}

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

#[test]
fn sentences_that_disagree_keep_the_wider_limit_and_no_character_rule() {
    let f = recognize(
        &[
            "It cannot exceed 64 characters.".to_owned(),
            "It cannot exceed 255 characters.".to_owned(),
        ],
        Kind::String,
        &[],
    );
    assert_eq!((length(&f), f.withheld.len()), ((None, Some(255)), 1));
    let f = recognize(
        &[
            "Only letters and digits are allowed.".to_owned(),
            "Only letters, digits, and underscores (_) are allowed.".to_owned(),
        ],
        Kind::String,
        &[],
    );
    assert_eq!((f.chars.allowed.is_empty(), f.withheld.len()), (true, 1));
}
