//! The small pieces of text every recognizer reads: where a phrase starts a word, a number as the
//! pages write it ("2,147,483,647", "-1"), the separators of a list (", and ", " or "). Offsets are
//! bytes of the lower-cased sentence, which has the same offsets as the sentence (only ASCII
//! letters change case).

use std::ops::Range;

/// The part of a sentence a recognizer read.
pub(super) type Span = Range<usize>;

/// Every occurrence of `phrase` in `lower` that starts a word.
pub(super) fn word_starts<'a>(lower: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower
        .match_indices(phrase)
        .map(|(at, _)| at)
        .filter(move |&at| starts_word(lower, at))
}

/// Whether a word starts at `at`: nothing alphanumeric just before it.
pub(super) fn starts_word(lower: &str, at: usize) -> bool {
    !lower[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// Whether a word ends at `at`: nothing alphanumeric just after it.
pub(super) fn ends_word(lower: &str, at: usize) -> bool {
    !lower[at..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// The first of `phrases` that `lower[at..]` starts with, as the position after it. Longer phrases
/// are tried first, so that ", and " wins over ", ".
pub(super) fn after_prefix(lower: &str, at: usize, phrases: &[&str]) -> Option<usize> {
    let rest = lower.get(at..)?;
    phrases
        .iter()
        .filter(|p| rest.starts_with(**p))
        .map(|p| p.len())
        .max()
        .map(|len| at + len)
}

/// The separators between the items of a list.
pub(super) const SEPARATORS: &[&str] = &[
    ", and/or ",
    ", and ",
    ", or ",
    " and/or ",
    " and ",
    " or ",
    ", ",
];

/// An integer at `at` as the pages write it: an optional minus sign, digits, and groups of three
/// digits after commas ("2,147,483,647"; "1,2" is the number 1 followed by a comma). Returns the
/// number and the position after it; `None` when no number starts there or it does not fit 64 bits.
pub(super) fn number_at(lower: &str, at: usize) -> Option<(i64, usize)> {
    let bytes = lower.as_bytes();
    if !starts_word(lower, at) {
        return None;
    }
    let mut end = at;
    if bytes.get(end) == Some(&b'-') {
        end += 1;
    }
    let digits_start = end;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    if end == digits_start {
        return None;
    }
    let mut text: String = lower[at..end].to_owned();
    while bytes.get(end) == Some(&b',')
        && (1..=3).all(|k| bytes.get(end + k).is_some_and(u8::is_ascii_digit))
        && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
    {
        text.push_str(&lower[end + 1..end + 4]);
        end += 4;
    }
    if bytes.get(end).is_some_and(|b| {
        b.is_ascii_alphanumeric()
            || *b == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    }) {
        return None;
    }
    Some((text.parse().ok()?, end))
}

/// Two numbers `a to b`, `a–b` or `a - b` at `at`, and the position after them.
pub(super) fn pair_at(lower: &str, at: usize) -> Option<((i64, i64), usize)> {
    let (a, after_a) = number_at(lower, at)?;
    let after_dash = after_prefix(
        lower,
        after_a,
        &[" to ", "–", "-", "—", "~", " - ", " – ", " ~ "],
    )?;
    let (b, end) = number_at(lower, after_dash)?;
    Some(((a, b), end))
}
