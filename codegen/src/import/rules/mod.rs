//! Recognizes the rules a row's prose states and turns them into data: lengths ("3 to 64 characters",
//! "(Max. 63 characters.)"), ranges ("Range: 1–65535."), character rules ("starting with a letter. Only
//! letters, digits, hyphens (-) ... are allowed"), the integer-list format, notes ("Currently, this
//! parameter is not supported."), and, still unresolved, conditions ("This parameter is required if protocol
//! is set to http"), comparisons ("must be less than the value of time_interval") and alternatives ("Either
//! app_name or any of label_key and label_value must be set"); `build` resolves those against the tables.
//! Sentences that read like rules but match nothing are listed, so that a person knows what to review.
//!
//! Hand-written matching over lower-cased text, not regular expressions: each phrase is a plain string the
//! pages use, and the few shapes around it (numbers, lists of character classes) are easier to read as code.
//!
//! The shapes each have a file: `numbers` (lengths, ranges, the integer list), `chars` (character
//! rules) and `relations` (conditions, comparisons, alternatives); this one splits the prose into
//! sentences and runs them.

mod chars;
mod numbers;
mod relations;
#[cfg(test)]
mod tests;

use self::chars::{chars, merge_chars};
use self::numbers::{integer_list, lengths, range};
use self::relations::{at_least_one_of, comparison, condition};
use crate::spec::{Chars, Format};

/// What the row's values are, which decides what a phrase can mean ("1 to 64 characters" is a length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Other,
}

/// Everything the prose of one row states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub min_length: Option<Stated<u64>>,
    pub max_length: Option<Stated<u64>>,
    pub minimum: Option<Stated<i64>>,
    pub maximum: Option<Stated<i64>>,
    /// The spec's `chars`: classes `letter`, `ascii_lower`, `digit`, or a string of literal characters.
    pub chars: Chars,
    /// The structured format the prose describes (an integer list with its bounds).
    pub format: Option<Format>,
    pub notes: Vec<String>,
    pub conditions: Vec<Condition>,
    pub comparisons: Vec<Comparison>,
    pub at_least_one_of: Vec<AtLeastOneOf>,
    /// Sentences that read like rules (they have a number or a word such as "must", "only", "if") but
    /// that nothing recognized.
    pub unrecognized: Vec<String>,
}

/// A value and the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated<T> {
    pub value: T,
    pub sentence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConditionKind {
    /// "This parameter is required if ...".
    RequiredIf,
    /// "This parameter is supported only when ...".
    ForbiddenUnless,
}

/// A condition as written: `subject` and `values` are phrases of the page ("the VPC channel type",
/// "microservice") until `build` finds the field and the values they mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub subject: String,
    pub values: Vec<String>,
    pub source: String,
}

/// "The value must be less (greater) than the value of `other`".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// True when this row's value must be less than `other`'s.
    pub less_than: bool,
    pub other: String,
    pub source: String,
}

/// "Either a or any of b and c must be set": groups of field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtLeastOneOf {
    pub groups: Vec<Vec<String>>,
    pub source: String,
}

/// Abbreviations after which a period does not end a sentence ("(Max. 63 characters.)").
const ABBREVIATIONS: &[&str] = &["max", "min", "e.g", "i.e", "approx", "no", "vs"];

/// Words that make an unrecognized sentence worth a person's review.
const RULE_WORDS: &[&str] = &[
    "must",
    "required",
    "mandatory",
    "only",
    "supported",
    "valid",
    "character",
    "range",
    "start",
    "end with",
    "contain",
    "include",
    "allowed",
    "less than",
    "greater than",
    "either",
    "format",
    "at least",
    "at most",
    "cannot",
    "unique",
    "length",
    "default",
    "if ",
    "when ",
    "maximum",
    "minimum",
];


/// Recognizes the rules in a row's description paragraphs (bullets written `• text`). `reviewed_notes`
/// are sentences (or whole paragraphs) a person decided are notes: rules nothing can check.
pub fn recognize(paragraphs: &[String], kind: Kind, reviewed_notes: &[String]) -> Facts {
    let mut facts = Facts::default();
    let mut in_format = false;
    for paragraph in paragraphs {
        let (is_bullet, text) = match paragraph.strip_prefix("• ") {
            Some(text) => (true, text),
            None => (false, paragraph.as_str()),
        };
        in_format &= is_bullet;
        // A paragraph that sends the reader to technical support describes a service limitation as a
        // whole, so it is one note.
        if reviewed_notes.iter().any(|n| n == text) || text.to_ascii_lowercase().ends_with("contact technical support.") {
            facts.notes.push(text.to_owned());
            continue;
        }
        let sentences = sentences(text);
        let mut k = 0;
        while let Some(&sentence) = sentences.get(k) {
            k += 1;
            if reviewed_notes.iter().any(|n| n == sentence) {
                facts.notes.push(sentence.to_owned());
                continue;
            }
            // The bullets after "in one of the following formats:" describe the format just recognized.
            if in_format && k == 1 {
                continue;
            }
            if let Some(groups) = at_least_one_of(sentence) {
                // "If only app_name is set, ..." sentences right after explain the rule, so they are its source too.
                let mut source = sentence.to_owned();
                while let Some(next) = sentences.get(k).filter(|s| s.to_ascii_lowercase().starts_with("if only ")) {
                    source = format!("{source} {next}");
                    k += 1;
                }
                facts.at_least_one_of.push(AtLeastOneOf { groups, source });
                continue;
            }
            if !recognize_sentence(sentence, kind, &mut facts, &mut in_format) && looks_like_rule(sentence) {
                facts.unrecognized.push(sentence.to_owned());
            }
        }
    }
    // "Use lowercase letters ... Start with a letter": the letter that starts must be one of the letters
    // allowed.
    if facts.chars.allowed.iter().any(|c| c == "ascii_lower") && !facts.chars.allowed.iter().any(|c| c == "letter") {
        for class in facts.chars.first.iter_mut().chain(facts.chars.last.iter_mut()) {
            if class == "letter" {
                "ascii_lower".clone_into(class);
            }
        }
    }
    facts
}

/// Runs every sentence-level recognizer; true when any matched.
fn recognize_sentence(sentence: &str, kind: Kind, facts: &mut Facts, in_format: &mut bool) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let stated = |value| Stated { value, sentence: sentence.to_owned() };
    let mut recognized = false;
    if kind == Kind::String {
        let (min, max) = lengths(&lower);
        if let Some(min) = min {
            facts.min_length.get_or_insert(stated(min));
        }
        if let Some(max) = max {
            facts.max_length.get_or_insert(Stated { value: max, sentence: sentence.to_owned() });
        }
        recognized |= min.is_some() || max.is_some();
        if let Some((minimum, maximum)) = integer_list(&lower) {
            facts.format = Some(Format::IntegerList { minimum, maximum });
            *in_format = true;
            recognized = true;
        }
        if let Some(chars) = chars(sentence, &lower) {
            merge_chars(&mut facts.chars, chars);
            recognized = true;
        }
    }
    if kind == Kind::Integer {
        if let Some((min, max)) = range(&lower) {
            facts.minimum.get_or_insert(Stated { value: min, sentence: sentence.to_owned() });
            facts.maximum.get_or_insert(Stated { value: max, sentence: sentence.to_owned() });
            recognized = true;
        }
    }
    if let Some(condition) = condition(sentence, &lower) {
        facts.conditions.push(condition);
        recognized = true;
    }
    if let Some(comparison) = comparison(sentence, &lower) {
        facts.comparisons.push(comparison);
        recognized = true;
    }
    if lower.contains("not supported") && lower.contains("currently") {
        facts.notes.push(sentence.to_owned());
        recognized = true;
    }
    recognized
}

fn looks_like_rule(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    // Words start at a word boundary, so that "information" does not read as "format".
    lower.chars().any(|c| c.is_ascii_digit())
        || RULE_WORDS.iter().any(|w| lower.match_indices(w).any(|(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_alphabetic())))
}

/// Splits a paragraph into sentences: a period (or `!`, `?`) followed by a space and a capital, a digit
/// or a parenthesis ends one, unless it ends an abbreviation.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let Some(next) = text.get(i + 1..).and_then(|after| after.strip_prefix(' ')) else {
            continue;
        };
        if !next.chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "(\"'".contains(n)) {
            continue;
        }
        let word = text.get(start..i).unwrap_or_default().rsplit(|w: char| w.is_whitespace() || w == '(').next().unwrap_or_default();
        if ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let Some(sentence) = text.get(start..=i) {
            found.push(sentence.trim());
        }
        start = i + 1;
    }
    if let Some(rest) = text.get(start..).map(str::trim).filter(|r| !r.is_empty()) {
        found.push(rest);
    }
    found
}
