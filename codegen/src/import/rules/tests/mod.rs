//! What the recognizers make of sentences the pages write: sentences, relations and what gives no
//! check here; character rules, limits and values in files of their own.

mod chars;
mod limits;
mod values;

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

/// `text` as one paragraph of a string row: what it gives, and that it gives nothing when `variant`
/// is read instead (with the variant listed for review).
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
    // "Each" speaks of the environment variables inside the URI, and so does the rest of the
    // paragraph.
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
