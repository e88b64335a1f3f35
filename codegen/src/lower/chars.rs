//! Character rules: the classes a spec's `chars` names, compiled for the validators, and the rule
//! in words for messages and docs.

use super::cx::Cx;
use crate::diag::closest;
use crate::ir::{CharClass, CharRule, NamedClass, CLASSES};
use crate::spec;

pub fn lower_chars(cx: &mut Cx<'_, '_>, path: &str, chars: &spec::Chars) -> Option<CharRule> {
    let mut classes = |key: &str, names: &[String]| -> Vec<CharClass> {
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if let Some(class) = NamedClass::named(name) {
                out.push(CharClass::Named(class));
                continue;
            }
            out.push(match name.as_str() {
                "" => {
                    cx.error(&format!("{path}.{key}[{i}]"), "empty character class");
                    continue;
                }
                literal if literal.chars().any(char::is_alphanumeric) => {
                    let diag = cx.error(
                        &format!("{path}.{key}[{i}]"),
                        format!("unknown character class `{literal}`"),
                    );
                    match closest(literal, CLASSES.iter().map(|class| class.name)) {
                        Some(s) => diag.help(format!(
                            "did you mean `{s}`? Literal characters must be punctuation"
                        )),
                        None => diag.help(format!(
                            "classes are {}; other entries list literal punctuation",
                            class_names()
                        )),
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
        cx.error(path, "a character rule needs `allowed`, `first` or `last`");
        return None;
    }
    let text = describe_chars(&rule);
    Some(CharRule { text, ..rule })
}

/// The named classes in words: `letter, ascii_letter, ascii_lower, han and digit`.
fn class_names() -> String {
    let names: Vec<&str> = CLASSES.iter().map(|class| class.name).collect();
    match names.split_last() {
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The character rule in words, for messages and docs: "must start with a letter; may contain only
/// letters, digits, `-`, `_` and `.`".
fn describe_chars(rule: &CharRule) -> String {
    let list = |classes: &[CharClass], plural: bool, last_word: &str| -> String {
        let mut names: Vec<String> = Vec::new();
        for class in classes {
            match class {
                CharClass::Named(class) => {
                    names.push(if plural { class.many } else { class.one }.to_owned())
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
