//! Character rules in prose: what the first and last character must be ("Start with a letter", "end
//! with a letter or digit") and what every character may be ("Only letters, digits, hyphens (-) ... are
//! allowed", "these special characters: -_./:()").

use crate::spec::Chars;

/// The position just after the first of `phrases` found at a word boundary in `lower`.
fn after_any(lower: &str, phrases: &[&str]) -> Option<usize> {
    phrases.iter().filter_map(|p| find_word(lower, p).map(|at| at + p.len())).min()
}

/// The first occurrence of `phrase` in `lower` that starts a word.
fn find_word(lower: &str, phrase: &str) -> Option<usize> {
    lower.match_indices(phrase).map(|(at, _)| at).find(|&at| at == 0 || lower[..at].ends_with([' ', '(', ',']))
}

/// "Start with a letter", "Start and end with a letter or digit", "end with a letter or digit",
/// "Only letters, digits, hyphens (-) ... are allowed", "these special characters: -_./:()".
pub(super) fn chars(sentence: &str, lower: &str) -> Option<Chars> {
    let mut found = Chars::default();
    if let Some(at) = after_any(lower, &["start and end with a ", "start and end with an ", "begin and end with a "]) {
        found.first = classes(&lower[at..])?;
        found.last.clone_from(&found.first);
    } else {
        if let Some(at) = after_any(lower, &["starting with a ", "start with a ", "starts with a ", "begin with a ", "begins with a "]) {
            found.first = classes(&lower[at..])?;
        }
        if let Some(at) = after_any(lower, &["end with a ", "ends with a ", "ending with a "]) {
            found.last = classes(&lower[at..])?;
        }
    }
    found.allowed = allowed(sentence, lower).unwrap_or_default();
    (!found.is_empty()).then_some(found)
}

/// "letter or digit" (up to the end of the phrase) as classes.
fn classes(rest: &str) -> Option<Vec<String>> {
    let end = rest.find([',', '.', ';', '(']).unwrap_or(rest.len());
    let phrase = &rest[..end];
    let phrase = phrase.split(" and ").next().unwrap_or_default();
    phrase
        .split(" or ")
        .map(|word| match word.trim().trim_start_matches("a ").trim_start_matches("an ") {
            "letter" => Some("letter".to_owned()),
            "digit" | "number" => Some("digit".to_owned()),
            "lowercase letter" => Some("ascii_lower".to_owned()),
            _ => None,
        })
        .collect()
}

/// The list of what a value may contain, after "only", "can contain", "including", "use"...: classes in
/// the order written, then the literal characters in the order written.
fn allowed(sentence: &str, lower: &str) -> Option<Vec<String>> {
    const TRIGGERS: &[&str] = &["only ", "can contain ", "can include ", "including ", "use ", "contain ", "consist of "];
    const CLASS_WORDS: &[&str] = &["letters", "lowercase letters", "uppercase letters", "digits"];
    let start = TRIGGERS
        .iter()
        .flat_map(|t| lower.match_indices(t).filter(|&(at, _)| at == 0 || lower[..at].ends_with(' ')).map(move |(at, _)| at + t.len()))
        .filter(|&at| CLASS_WORDS.iter().any(|w| lower[at..].starts_with(w)))
        .min()?;
    let (list, special) = match lower[start..].find("special characters:") {
        Some(at) => {
            let after = sentence.get(start + at + "special characters:".len()..).unwrap_or_default();
            let token = after.split_whitespace().next().unwrap_or_default();
            (&lower[start..start + at], Some(token.strip_suffix('.').unwrap_or(token)))
        }
        None => (&lower[start..], None),
    };
    let mut classes: Vec<(usize, &str)> = Vec::new();
    for (word, class) in [("lowercase letters", "ascii_lower"), ("letters", "letter"), ("digits", "digit"), ("uppercase letters", "")] {
        for (at, _) in list.match_indices(word) {
            let qualified = word == "letters" && (list[..at].ends_with("lowercase ") || list[..at].ends_with("uppercase "));
            if class.is_empty() {
                // No class of the spec means upper-case letters only: leave the sentence for a person.
                return None;
            }
            if !qualified {
                classes.push((at, class));
            }
        }
    }
    classes.sort_unstable();
    let mut allowed: Vec<String> = Vec::new();
    for (_, class) in classes {
        if !allowed.iter().any(|c| c == class) {
            allowed.push(class.to_owned());
        }
    }
    let mut literal = String::new();
    for (open, _) in list.match_indices('(') {
        let Some(len) = list[open + 1..].find(')') else { continue };
        let inside = &list[open + 1..open + 1 + len];
        if (1..=3).contains(&inside.chars().count()) && inside.chars().all(|c| !c.is_alphanumeric() && !c.is_whitespace()) {
            literal.extend(inside.chars().filter(|c| !literal.contains(*c)).collect::<Vec<_>>());
        }
    }
    if list.contains("spaces") && !literal.contains(' ') {
        literal.push(' ');
    }
    for c in special.unwrap_or_default().chars() {
        if !literal.contains(c) {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        allowed.push(literal);
    }
    Some(allowed)
}

pub(super) fn merge_chars(into: &mut Chars, from: Chars) {
    for (to, from) in [(&mut into.first, from.first), (&mut into.allowed, from.allowed), (&mut into.last, from.last)] {
        if to.is_empty() {
            *to = from;
        }
    }
}
