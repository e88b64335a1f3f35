//! Character rules: the classes a spec's `chars` names, compiled for the validators, and the rule in words
//! for messages and docs.

use crate::diag::{closest, Diagnostics};
use crate::ir::{CharClass, CharRule};
use crate::load::File;
use crate::spec;

pub fn lower_chars(
    file: &File,
    path: &str,
    chars: &spec::Chars,
    diags: &mut Diagnostics,
) -> Option<CharRule> {
    let mut classes = |key: &str, names: &[String]| -> Vec<CharClass> {
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate() {
            out.push(match name.as_str() {
                "letter" => CharClass::Letter,
                "ascii_letter" => CharClass::AsciiLetter,
                "ascii_lower" => CharClass::AsciiLower,
                "han" => CharClass::Han,
                "digit" => CharClass::Digit,
                "" => {
                    diags.error(&file.name, &file.spans, &format!("{path}.{key}[{i}]"), "empty character class");
                    continue;
                }
                literal if literal.chars().any(char::is_alphanumeric) => {
                    let diag = diags.error(&file.name, &file.spans, &format!("{path}.{key}[{i}]"), format!("unknown character class `{literal}`"));
                    match closest(literal, ["letter", "ascii_letter", "ascii_lower", "han", "digit"]) {
                        Some(s) => diag.help(format!("did you mean `{s}`? Literal characters must be punctuation")),
                        None => diag.help("classes are letter, ascii_letter, ascii_lower, han and digit; other entries list literal punctuation"),
                    }
                    continue;
                }
                literal => CharClass::Literal(literal.chars().collect()),
            });
        }
        out
    };
    let rule = CharRule {
        first: classes("first", &chars.first),
        allowed: classes("allowed", &chars.allowed),
        last: classes("last", &chars.last),
        text: String::new(),
    };
    if rule.allowed.is_empty() && rule.first.is_empty() && rule.last.is_empty() {
        diags.error(
            &file.name,
            &file.spans,
            path,
            "a character rule needs `allowed`, `first` or `last`",
        );
        return None;
    }
    let text = describe_chars(&rule);
    Some(CharRule { text, ..rule })
}

/// The character rule in words, for messages and docs: "must start with a letter; may contain only
/// letters, digits, `-`, `_` and `.`".
fn describe_chars(rule: &CharRule) -> String {
    let list = |classes: &[CharClass], plural: bool, last_word: &str| -> String {
        let mut names: Vec<String> = Vec::new();
        for class in classes {
            match class {
                CharClass::Letter => {
                    names.push(if plural { "letters" } else { "a letter" }.to_owned())
                }
                CharClass::AsciiLetter => names.push(
                    if plural {
                        "English letters"
                    } else {
                        "an English letter"
                    }
                    .to_owned(),
                ),
                CharClass::AsciiLower => names.push(
                    if plural {
                        "lowercase letters a-z"
                    } else {
                        "a lowercase letter a-z"
                    }
                    .to_owned(),
                ),
                CharClass::Han => names.push(
                    if plural {
                        "Chinese characters"
                    } else {
                        "a Chinese character"
                    }
                    .to_owned(),
                ),
                CharClass::Digit => {
                    names.push(if plural { "digits" } else { "a digit" }.to_owned())
                }
                CharClass::Literal(chars) => names.extend(chars.iter().map(|c| format!("`{c}`"))),
            }
        }
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {last_word} {last}", rest.join(", "))
            }
            Some((last, _)) => last.clone(),
            None => String::new(),
        }
    };
    let mut parts = Vec::new();
    if !rule.first.is_empty() {
        parts.push(format!(
            "must start with {}",
            list(&rule.first, false, "or")
        ));
    }
    if !rule.last.is_empty() {
        parts.push(format!("must end with {}", list(&rule.last, false, "or")));
    }
    if !rule.allowed.is_empty() {
        parts.push(format!(
            "may contain only {}",
            list(&rule.allowed, true, "and")
        ));
    }
    parts.join("; ")
}
