//! Recognizes the rules a row's prose states and turns them into data: lengths ("3 to 64
//! characters", "(Max. 63 characters.)"), ranges ("Range: 1–65535."), character rules ("starting
//! with a letter. Only letters, digits, hyphens (-) ... are allowed"), the integer-list format,
//! notes ("Currently, this parameter is not supported."), and, still unresolved, conditions ("This
//! parameter is required if protocol is set to http"), comparisons ("must be less than the value of
//! time_interval") and alternatives ("Either app_name or any of label_key and label_value must be
//! set"); `build` resolves those against the tables. Sentences that read like rules but match
//! nothing are listed, so that a person knows what to review.
//!
//! Hand-written matching over lower-cased text, not regular expressions: each phrase is a plain
//! string the pages use, and the few shapes around it (numbers, lists of character classes) are
//! easier to read as code.
//!
//! Never narrower than the page: a limit, a character rule, a list of values or a default becomes
//! data only when its sentence is read whole (`whole`) and speaks of the whole value, not of one
//! case of it ("If type is set to HOST_NAME, ...", "hmac: ...", "Each must start with a letter"
//! said of the environment variables in a URI: such a sentence and the rest of its paragraph give
//! no check). A sentence read in part gives nothing and is listed for review.
//!
//! The shapes each have a file: `numbers` (lengths, ranges, array lengths, the integer list),
//! `chars` (character rules), `values` (defaults and lists of values), `relations` (conditions,
//! comparisons, alternatives), `whole` (whether a sentence was read whole, and cases), `text`
//! (numbers and words as the pages write them); this one splits the prose into sentences and runs
//! them.

mod chars;
mod numbers;
mod read;
mod relations;
#[cfg(test)]
mod tests;
mod text;
mod values;
mod whole;

pub use self::values::Listed;

use self::read::read_sentence;
use self::relations::{at_least_one_of, comparison, condition};
use self::whole::{opens_scope, read_whole};
use crate::import::review::{Kind as ReviewKind, Review};
use crate::spec::{Chars, Format};

/// What the row's values are, which decides what a phrase can mean ("1 to 64 characters" is a
/// length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Boolean,
    Array,
    /// A row with an "Enumeration values:" block: a list in its prose restates it, which `build`
    /// compares.
    Enumerated,
    Other,
}

/// Everything the prose of one row states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub min_length: Option<Stated<u64>>,
    pub max_length: Option<Stated<u64>>,
    pub minimum: Option<Stated<i64>>,
    pub maximum: Option<Stated<i64>>,
    pub min_items: Option<Stated<u64>>,
    pub max_items: Option<Stated<u64>>,
    /// The spec's `chars`: classes `letter`, `ascii_lower`, `digit`, or a string of literal
    /// characters.
    pub chars: Chars,
    /// The structured format the prose describes (an integer list with its bounds).
    pub format: Option<Format>,
    /// The default the prose states ("The default value is V1."), as written.
    pub default: Option<Stated<String>>,
    /// The values a closed list in the prose gives ("The value can be TCP, UDP_CONNECT or HTTP.").
    pub values: Option<Stated<Vec<Listed>>>,
    pub notes: Vec<String>,
    pub conditions: Vec<Condition>,
    pub comparisons: Vec<Comparison>,
    pub at_least_one_of: Vec<AtLeastOneOf>,
    /// Sentences that read like rules (they have a number or a word such as "must", "only", "if")
    /// but that nothing recognized, read only in part, or stating one case of the value.
    pub unrecognized: Vec<String>,
    /// Checks the prose states that were not made, and why (two sentences disagree; a list of
    /// values another sentence widens), as review lines the row's place goes before.
    pub withheld: Vec<Review>,
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
    "value can be",
    "value must be",
    "can only be",
    "value is one of",
    "options are",
];

/// Recognizes the rules in a row's description paragraphs (bullets written `• text`).
/// `reviewed_notes` are sentences (or whole paragraphs) a person decided are notes: rules nothing
/// can check.
pub fn recognize(paragraphs: &[String], kind: Kind, reviewed_notes: &[String]) -> Facts {
    let mut facts = Facts::default();
    let mut in_format = false;
    for paragraph in paragraphs {
        let (is_bullet, text) = match paragraph.strip_prefix("• ") {
            Some(text) => (true, text),
            None => (false, paragraph.as_str()),
        };
        in_format &= is_bullet;
        // A paragraph that sends the reader to technical support describes a service limitation as
        // a whole, so it is one note.
        if reviewed_notes.iter().any(|n| n == text)
            || text
                .to_ascii_lowercase()
                .ends_with("contact technical support.")
        {
            facts.notes.push(text.to_owned());
            continue;
        }
        let sentences = sentences(text);
        // Once a sentence opens a case ("If type is set to PATH, ..."), the rest of its paragraph
        // speaks of that case.
        let mut scoped = false;
        let mut k = 0;
        while let Some(&sentence) = sentences.get(k) {
            k += 1;
            if reviewed_notes.iter().any(|n| n == sentence) {
                facts.notes.push(sentence.to_owned());
                continue;
            }
            // The bullets after "in one of the following formats:" describe the format just
            // recognized.
            if in_format && k == 1 {
                continue;
            }
            if let Some(groups) = at_least_one_of(sentence) {
                // "If only app_name is set, ..." sentences right after explain the rule, so they
                // are its source too.
                let mut source = sentence.to_owned();
                while let Some(next) = sentences
                    .get(k)
                    .filter(|s| s.to_ascii_lowercase().starts_with("if only "))
                {
                    source = format!("{source} {next}");
                    k += 1;
                }
                facts.at_least_one_of.push(AtLeastOneOf { groups, source });
                continue;
            }
            scoped |= opens_scope(&sentence.to_ascii_lowercase());
            if !recognize_sentence(sentence, kind, scoped, &mut facts, &mut in_format)
                && looks_like_rule(sentence)
            {
                facts.unrecognized.push(sentence.to_owned());
            }
        }
    }
    close_values(&mut facts);
    lowercase_first_and_last(&mut facts);
    facts
}

/// A list of values is closed only if no other sentence states more of them ("In eu-de, the value
/// of this parameter can only be 5_gray.").
fn close_values(facts: &mut Facts) {
    if let Some(values) = &facts.values {
        if let Some(other) = facts.unrecognized.iter().find(|s| states_values(s)) {
            let text = format!(
                "the values of {:?} are not made an enumeration: {other:?} may state others",
                values.sentence
            );
            facts.withheld.push(Review::new(ReviewKind::OpenList, text));
            facts.values = None;
        }
    }
}

/// "Use lowercase letters ... Start with a letter": the letter that starts (or ends) must be one of
/// the letters allowed.
fn lowercase_first_and_last(facts: &mut Facts) {
    if facts.chars.allowed.iter().any(|c| c == "ascii_lower")
        && !facts.chars.allowed.iter().any(|c| c == "letter")
    {
        for class in facts
            .chars
            .first
            .iter_mut()
            .chain(facts.chars.last.iter_mut())
        {
            if class == "letter" {
                "ascii_lower".clone_into(class);
            }
        }
    }
}

/// Runs every sentence-level recognizer; true when any matched. Limits, character rules, values and
/// defaults are taken only from a sentence read whole that speaks of the whole value; otherwise the
/// sentence is listed as unrecognized (and true is returned, so that it is listed once).
fn recognize_sentence(
    sentence: &str,
    kind: Kind,
    scoped: bool,
    facts: &mut Facts,
    in_format: &mut bool,
) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let mut recognized = false;
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
    let Some(read) = read_sentence(sentence, &lower, kind) else {
        return recognized;
    };
    if scoped || !read_whole(sentence, &read.spans()) {
        facts.unrecognized.push(sentence.to_owned());
        return true;
    }
    read.commit(sentence, facts, in_format);
    true
}

/// Whether an unread sentence states values of the field ("... can only be 5_gray").
fn states_values(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    [
        "can be ",
        "can only be ",
        "must be ",
        "can also be ",
        "also supported",
        "is also ",
        "are also ",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

fn looks_like_rule(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    // Words start at a word boundary, so that "information" does not read as "format".
    lower.chars().any(|c| c.is_ascii_digit())
        || RULE_WORDS.iter().any(|w| {
            lower
                .match_indices(w)
                .any(|(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_alphabetic()))
        })
}

/// Splits a paragraph into sentences: a period (or `!`, `?`) followed by a space and a capital, a
/// digit or a parenthesis ends one, unless it ends an abbreviation.
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
        if !next
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "(\"'".contains(n))
        {
            continue;
        }
        let word = text
            .get(start..i)
            .unwrap_or_default()
            .rsplit(|w: char| w.is_whitespace() || w == '(')
            .next()
            .unwrap_or_default();
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
