//! Whether a sentence was read whole, and whether it speaks of the field's value at all. A limit, a
//! character rule or a list of values becomes a check only when the recognizers read every word of
//! its sentence that could change what it means: "up to 255 characters except > and <" is not a
//! length limit of 255 plus an ignored remark, it is a rule the importer does not read, so it makes
//! no check and goes to the report. A check the service does not make rejects requests it accepts;
//! a check the importer leaves out is only a missing convenience.

use super::text::Span;

/// Words that change what the words around them mean: a condition, a negation, an exception, a
/// subject other than the value ("Each must start with a letter", said of the environment variables
/// in a URI).
const MARKERS: &[&str] = &[
    "if",
    "when",
    "whenever",
    "unless",
    "except",
    "excluding",
    "exclude",
    "excludes",
    "but",
    "however",
    "not",
    "no",
    "cannot",
    "can't",
    "don't",
    "doesn't",
    "mustn't",
    "never",
    "nor",
    "neither",
    "each",
    "per",
    "other",
    "than",
    "otherwise",
    "either",
    "both",
    "such",
    "example",
    "e.g",
    "etc",
    "like",
    "unsupported",
    "recommended",
    "instead",
    "case",
    "cases",
    "also",
    "ensure",
    "first",
    "last",
    "prefix",
    "suffix",
];

/// Words that may join the parts a recognizer read ("It can contain 3 to 64 characters, starting
/// with a letter"; "Only letters ... are allowed"). Nothing here restricts or widens a rule.
const FILLER: &[&str] = &[
    "and",
    "or",
    "it",
    "its",
    "the",
    "value",
    "values",
    "must",
    "can",
    "may",
    "should",
    "only",
    "be",
    "is",
    "are",
    "allowed",
    "permitted",
    "supported",
    "contain",
    "contains",
    "containing",
    "consist",
    "consists",
    "of",
    "which",
    "with",
    "a",
    "an",
    "include",
    "includes",
    "including",
    "use",
    "enter",
];

/// Labels that open a sentence without naming one case of the value ("Range: 1–65535.").
const GENERIC_LABELS: &[&str] = &[
    "range",
    "unit",
    "units",
    "format",
    "note",
    "notes",
    "example",
    "examples",
    "options",
    "option",
    "values",
    "value",
    "default",
    "type",
    "length",
    "notice",
    "caution",
    "warning",
    "important",
    "description",
    "remarks",
    "remark",
];

/// Whether the parts of `sentence` outside `spans` leave nothing unread: before the first part, a
/// subject without conditions, negations or numbers ("Secret, which can contain"); between and
/// after the parts, only joining words and punctuation.
pub(super) fn read_whole(sentence: &str, spans: &[Span]) -> bool {
    let mut spans: Vec<Span> = spans.to_vec();
    spans.sort_by_key(|s| s.start);
    let Some(first) = spans.first() else {
        return false;
    };
    if !subject_only(&sentence[..first.start]) {
        return false;
    }
    let mut at = first.end;
    for span in &spans[1..] {
        if span.start > at && !joining_only(&sentence[at..span.start]) {
            return false;
        }
        at = at.max(span.end);
    }
    joining_only(&sentence[at..])
}

/// The words of `text` without the punctuation around them, lower-cased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| ",.;:()\"'".contains(c))
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// A subject: words without markers, numbers, parameter names (`type`, `entity_type`) or symbols.
fn subject_only(text: &str) -> bool {
    words(text).all(|w| {
        !MARKERS.contains(&w.as_str())
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    })
}

fn joining_only(text: &str) -> bool {
    words(text).all(|w| FILLER.contains(&w.as_str())) || complies(text)
}

/// "and must comply with URI specifications": a standard the value follows, which no check reads
/// and which restricts nothing the rest of the sentence says.
fn complies(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("and ").unwrap_or(&lower);
    let Some(rest) = rest.strip_prefix("must comply with ") else {
        return false;
    };
    let Some((standard, after)) = rest.split_once(" specifications") else {
        return false;
    };
    standard.split_whitespace().count() <= 4
        && standard
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && after.trim_matches(|c| c == '.' || c == ' ').is_empty()
}

/// Whether the sentence opens a case of the value rather than speaking of all of it, so that it and
/// the rest of its paragraph state no rule of the whole field: a condition ("If type is set to
/// HOST_NAME, ..."), a place or a kind ("In eu-de, ...", "For shared load balancers, ..."), another
/// subject ("Each must start with a letter", after "Environment variables are supported."), or a
/// variant's label ("hmac: The value contains 8 to 32 characters").
pub(super) fn opens_scope(lower: &str) -> bool {
    const OPENERS: &[&str] = &[
        "if ",
        "when ",
        "whenever ",
        "unless ",
        "where ",
        "each ",
        "once ",
        "after ",
        "before ",
    ];
    const NOT_A_CASE: &[&str] = &[
        "for example",
        "for details",
        "for more",
        "for instance",
        "for how",
    ];
    if OPENERS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    if lower.starts_with("for ") && !NOT_A_CASE.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // "In eu-de, ..." and "In this case, ...": a short phrase and a comma.
    if lower.starts_with("in ")
        && lower
            .find(',')
            .is_some_and(|comma| lower[..comma].split_whitespace().count() <= 4)
    {
        return true;
    }
    variant_label(lower).is_some()
}

/// The label of a sentence that starts `word: ` where the word names one value or variant ("hmac",
/// "V1", "public_key"), not a generic heading such as "Range:".
pub(super) fn variant_label(lower: &str) -> Option<&str> {
    let (label, rest) = lower.split_once(": ")?;
    let single = !label.is_empty() && !label.contains(char::is_whitespace);
    (single && !rest.is_empty() && !GENERIC_LABELS.contains(&label)).then_some(label)
}
