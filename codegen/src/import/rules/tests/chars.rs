//! Character rules: which characters a value may start, hold and end with.

use super::*;

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
