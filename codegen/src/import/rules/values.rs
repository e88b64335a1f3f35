//! Values in prose: the default ("The default value is V1.", "defaults to 443") and a closed list
//! of the values ("The value can be TCP, UDP_CONNECT, HTTP, HTTPS, or PING.", "The value can be 4
//! (IPv4) or 6 (IPv6).", "The value must be delete."). A list is an enumeration only when the
//! sentence names the value itself as its subject and ends with the list: "The value of xx can be
//! 02, 06, ..." speaks of a part of the value, "... or GRPCS (available when ...)" of a case, "The
//! value can be A, B, etc." of an open list; those are not read.

use super::text::{after_prefix, word_starts, Span, SEPARATORS};
use super::Kind;

/// A value the prose lists, with its meaning where the sentence gives one in parentheses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub value: String,
    pub meaning: Option<String>,
}

/// What a sentence lists, the default it marks ("5_bgp (default)"), and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ValuesRead {
    pub values: Vec<Listed>,
    pub default: Option<String>,
    pub span: Span,
}

/// "The default value is V1.", "The default value is ${host}, indicating that the host of the
/// request will be used.", "defaults to 443": the value (`None` for "null", which documents that
/// there is none), and the part read.
pub(super) fn default(sentence: &str, lower: &str) -> Option<(Option<String>, Span)> {
    const PHRASES: &[&str] = &[
        "the default value is ",
        "default value: ",
        "defaults to ",
        "the default is ",
        "by default, the value is ",
    ];
    let (at, start) = PHRASES
        .iter()
        .flat_map(|p| word_starts(lower, p).map(move |at| (at, at + p.len())))
        .min()?;
    let token_end = sentence[start..]
        .find(|c: char| c.is_whitespace() || c == ',')
        .map_or(sentence.len(), |i| start + i);
    let mut token = &sentence[start..token_end];
    let mut end = token_end;
    // The period that ends the sentence is not part of the value.
    if token.ends_with('.') && sentence[token_end..].trim().is_empty() {
        token = &token[..token.len() - 1];
        end -= 1;
    }
    let token = token.trim_matches(|c| c == '"' || c == '\'');
    if token.is_empty()
        || ["the", "a", "an", "not", "no", "empty", "blank", "left"]
            .contains(&token.to_ascii_lowercase().as_str())
    {
        return None;
    }
    // ", indicating that ..." explains the default; it states no other rule.
    if after_prefix(
        lower,
        end,
        &[", indicating ", ", which indicates ", ", which means "],
    )
    .is_some()
    {
        end = sentence.len();
    }
    let value = (!token.eq_ignore_ascii_case("null")).then(|| token.to_owned());
    Some((value, at..end))
}

/// "The value can be GET, HEAD, POST, or PATCH.": the values of a sentence whose subject is the
/// value and that ends with the list (a default clause may follow: ", and the default value is
/// false").
pub(super) fn values(sentence: &str, lower: &str, kind: Kind) -> Option<ValuesRead> {
    const SUBJECTS: &[&str] = &[
        "the value can be ",
        "the value can only be ",
        "the value must be ",
        "the value is one of ",
        "the value can be set to ",
        "the value of this parameter can be ",
        "the value of this parameter can only be ",
        "the value of this parameter must be ",
        "this parameter can be set to ",
        "valid values are ",
        "valid values: ",
        "the options are ",
        "options: ",
        "the values can be ",
    ];
    let start = after_prefix(lower, 0, SUBJECTS)?;
    let mut at = start;
    let mut listed = Vec::new();
    let mut default = None;
    loop {
        let (value, meaning, end) = value_at(sentence, at)?;
        if meaning
            .as_deref()
            .is_some_and(|m| m.eq_ignore_ascii_case("default"))
        {
            default = Some(value.clone());
        }
        listed.push(Listed {
            value,
            meaning: meaning.filter(|m| !m.eq_ignore_ascii_case("default")),
        });
        at = end;
        match after_prefix(lower, at, SEPARATORS) {
            Some(next)
                if value_at(sentence, next).is_some()
                    && !lower[next..].starts_with("the default") =>
            {
                at = next
            }
            _ => break,
        }
    }
    // The list must end its sentence, or be followed by a clause another recognizer reads.
    let rest = lower[at..].trim();
    if !(rest.is_empty()
        || rest == "."
        || rest.starts_with(", and the default value is ")
        || rest.starts_with(", and the default is "))
    {
        return None;
    }
    let typed = match kind {
        Kind::Integer => listed.iter().all(|l| l.value.parse::<i64>().is_ok()),
        Kind::String | Kind::Enumerated => true,
        // "The value can be true or false." says what the type says.
        Kind::Boolean => {
            listed.len() == 2
                && listed
                    .iter()
                    .all(|l| l.value == "true" || l.value == "false")
        }
        Kind::Array | Kind::Other => false,
    };
    typed.then_some(ValuesRead {
        values: listed,
        default,
        span: 0..at,
    })
}

/// One value at `at`: a word without spaces ("UDP_CONNECT", "5_bgp", "tls-1-2") and an optional
/// meaning in parentheses ("4 (IPv4)"); `None` where the word is not a value ("any", "one of the
/// following:") or the parenthesis states a case ("(available when ...)").
fn value_at(sentence: &str, at: usize) -> Option<(String, Option<String>, usize)> {
    const NOT_VALUES: &[&str] = &[
        "any", "one", "a", "an", "the", "all", "other", "others", "etc", "etc.", "such", "more",
        "left", "empty", "blank", "unique", "null",
    ];
    const CASE_WORDS: &[&str] = &[
        "when",
        "if",
        "only",
        "available",
        "not",
        "unless",
        "except",
        "supported",
        "used",
        "required",
        "recommended",
        "region",
    ];
    let rest = sentence.get(at..)?;
    let len = rest
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(rest.len());
    let mut word = &rest[..len];
    let mut end = at + len;
    if word.ends_with('.') && sentence[end..].trim().is_empty() {
        word = &word[..word.len() - 1];
        end -= 1;
    }
    let word = word.trim_matches(|c| c == '"' || c == '\'');
    let lower = word.to_ascii_lowercase();
    if word.is_empty()
        || NOT_VALUES.contains(&lower.as_str())
        || word.ends_with(':')
        || !word
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.${}/:+*@".contains(c))
    {
        return None;
    }
    let mut meaning = None;
    if let Some(inner) = sentence[end..].strip_prefix(" (") {
        let close = inner.find(')')?;
        let text = &inner[..close];
        let lowered = text.to_ascii_lowercase();
        if lowered.split_whitespace().any(|w| CASE_WORDS.contains(&w)) {
            return None;
        }
        meaning = Some(text.to_owned());
        end += 2 + close + 1;
    }
    Some((word.to_owned(), meaning, end))
}
