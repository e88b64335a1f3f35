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
    assert_eq!(sentences("Namespace. 1 to 63 characters. Use lowercase letters."), ["Namespace.", "1 to 63 characters.", "Use lowercase letters."]);
}

#[test]
fn name_rule() {
    let f = facts(
        "It can contain 3 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), underscores (_), and periods (.) are allowed.",
        Kind::String,
    );
    assert_eq!((f.min_length.map(|s| s.value), f.max_length.map(|s| s.value)), (Some(3), Some(64)));
    assert_eq!(f.chars, Chars { first: classes(&["letter"]), allowed: classes(&["letter", "digit", "-_."]), last: vec![] });
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
        Chars { first: classes(&["ascii_lower"]), allowed: classes(&["ascii_lower", "digit", "-"]), last: classes(&["ascii_lower", "digit"]) }
    );
    let f = facts("It can include letters, digits, hyphens (-), and underscores (_) (max. 64 characters).", Kind::String);
    assert_eq!((f.chars.allowed, f.max_length.map(|s| s.value), f.min_length), (classes(&["letter", "digit", "-_"]), Some(64), None));
}

#[test]
fn range_with_en_dash() {
    let f = facts("Range: 1–65535.", Kind::Integer);
    assert_eq!((f.minimum.map(|s| s.value), f.maximum.map(|s| s.value)), (Some(1), Some(65535)));
}

#[test]
fn conditions_and_comparisons() {
    let f = facts("Destination path for health checks. This parameter is required if protocol is set to http or https.", Kind::String);
    assert_eq!(f.conditions[0].subject, "protocol");
    assert_eq!(f.conditions[0].values, ["http", "https"]);
    let f = facts("This parameter is supported only when the VPC channel type is microservice.", Kind::String);
    assert_eq!((f.conditions[0].kind, f.conditions[0].subject.as_str()), (ConditionKind::ForbiddenUnless, "VPC channel type"));
    let f = facts("Unit: s. The value must be greater than the value of timeout.", Kind::Integer);
    assert_eq!((f.comparisons[0].less_than, f.comparisons[0].other.as_str()), (false, "timeout"));
}

#[test]
fn alternatives_take_their_explanation() {
    let text = "CCE workload details. Either app_name or any of label_key and label_value must be set. \
                If only app_name is set, label_key='app' and label_value=app_name.";
    let f = facts(text, Kind::Other);
    assert_eq!(f.at_least_one_of[0].groups, [vec!["app_name".to_owned()], vec!["label_key".to_owned(), "label_value".to_owned()]]);
    assert!(f.at_least_one_of[0].source.ends_with("label_value=app_name."));
}

#[test]
fn unrecognized_rules_are_listed() {
    let f = facts("Backend server address. This parameter is valid when the member type is IP address.", Kind::String);
    assert_eq!(f.unrecognized, ["This parameter is valid when the member type is IP address."]);
    let f = recognize(
        &["This parameter is valid when the member type is IP address.".to_owned()],
        Kind::String,
        &["This parameter is valid when the member type is IP address.".to_owned()],
    );
    assert_eq!((f.unrecognized.len(), f.notes.len()), (0, 1));
}
