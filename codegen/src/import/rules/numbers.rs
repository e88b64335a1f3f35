//! Numbers in prose: lengths ("3 to 64 characters", "(Max. 63 characters.)", "cannot exceed 255
//! characters"), ranges ("Range: 1–65535.", "The value ranges from 1 to 10.", "The maximum value is
//! 2,147,483,647.", "must be greater than 0"), array lengths ("Array Length: 1 - 50") and the
//! bounds of an integer list. Each comes with the part of the sentence it was read from.

use super::text::{after_prefix, ends_word, number_at, pair_at, starts_word, word_starts, Span};

/// Lower and upper bounds read from a sentence, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct BoundsRead {
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub spans: Vec<Span>,
}

impl BoundsRead {
    fn one(min: Option<i64>, max: Option<i64>, span: Span) -> BoundsRead {
        BoundsRead {
            min,
            max,
            spans: vec![span],
        }
    }

    fn found(self) -> Option<BoundsRead> {
        (!self.spans.is_empty()).then_some(self)
    }
}

/// Words before a number of characters that make it an upper bound, and a lower bound.
const AT_MOST: &[&str] = &[
    "max. ",
    "max ",
    "maximum ",
    "maximum of ",
    "a maximum of ",
    "up to ",
    "at most ",
    "no more than ",
    "not more than ",
    "cannot exceed ",
    "can't exceed ",
    "not exceeding ",
    "less than or equal to ",
];
const AT_LEAST: &[&str] = &[
    "min. ",
    "min ",
    "minimum ",
    "minimum of ",
    "a minimum of ",
    "at least ",
    "no less than ",
    "not less than ",
];

/// The longest of `phrases` that `lower[..at]` ends with, as where it starts.
fn before(lower: &str, at: usize, phrases: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| lower[..at].ends_with(**p) && starts_word(lower, at - p.len()))
        .map(|p| at - p.len())
        .min()
}

/// After `at`, " characters" (or " character"), as the position after the word.
fn characters_after(lower: &str, at: usize) -> Option<usize> {
    let end = after_prefix(lower, at, &[" characters", " character"])?;
    ends_word(lower, end).then_some(end)
}

/// "3 to 64 characters", "1–64 characters", "(Max. 63 characters.)", "max. 64 characters", "a
/// maximum of 255 characters", "with not more than 255 characters", "cannot exceed 64 characters".
/// The first such phrase; a second one stays unread.
pub(super) fn lengths(lower: &str) -> Option<BoundsRead> {
    for at in (0..lower.len()).filter(|&i| lower.is_char_boundary(i)) {
        if let Some(((min, max), after)) = pair_at(lower, at) {
            if let Some(end) = characters_after(lower, after) {
                return Some(BoundsRead::one(Some(min), Some(max), at..end));
            }
        }
        let Some((n, after)) = number_at(lower, at) else {
            continue;
        };
        let Some(end) = characters_after(lower, after) else {
            continue;
        };
        if let Some(start) = before(lower, at, AT_MOST) {
            return Some(BoundsRead::one(None, Some(n), start..end));
        }
        if let Some(start) = before(lower, at, AT_LEAST) {
            return Some(BoundsRead::one(Some(n), None, start..end));
        }
    }
    None
}

/// The bounds of an integer: "Range: 1–65535.", "The value ranges from 1 to 10.", "The maximum
/// value is 2,147,483,647.", "The minimum value is 5.", "The value must be greater than 0." (so at
/// least 1).
pub(super) fn range(lower: &str) -> Option<BoundsRead> {
    const RANGE: &[&str] = &[
        "range: ",
        "value range: ",
        "ranges from ",
        "range from ",
        "in the range of ",
        "in the range ",
        "range is ",
        "within the range of ",
    ];
    // (phrase, is an upper bound, what to add to the number: "greater than 0" is at least 1)
    const BOUND: &[(&str, bool, i64)] = &[
        ("the maximum value is ", true, 0),
        ("maximum value is ", true, 0),
        ("maximum value: ", true, 0),
        ("cannot exceed ", true, 0),
        ("must not exceed ", true, 0),
        ("must be less than or equal to ", true, 0),
        ("must be at most ", true, 0),
        ("cannot be greater than ", true, 0),
        ("must be less than ", true, -1),
        ("must be smaller than ", true, -1),
        ("the minimum value is ", false, 0),
        ("minimum value is ", false, 0),
        ("minimum value: ", false, 0),
        ("must be at least ", false, 0),
        ("must be greater than or equal to ", false, 0),
        ("cannot be less than ", false, 0),
        ("must be greater than ", false, 1),
        ("must be larger than ", false, 1),
    ];
    let mut read = BoundsRead::default();
    if let Some((at, ((min, max), end))) = RANGE
        .iter()
        .flat_map(|p| word_starts(lower, p).map(move |at| (at, at + p.len())))
        .find_map(|(at, start)| Some((at, pair_at(lower, start)?)))
    {
        read = BoundsRead::one(Some(min), Some(max), at..end);
    }
    for &(phrase, upper, add) in BOUND {
        for at in word_starts(lower, phrase) {
            // A longer phrase already read this one ("must be less than or equal to").
            if read.spans.iter().any(|s| s.contains(&at)) {
                continue;
            }
            let Some((n, end)) = number_at(lower, at + phrase.len()) else {
                continue;
            };
            let Some(n) = n.checked_add(add) else {
                continue;
            };
            let slot = if upper { &mut read.max } else { &mut read.min };
            if slot.is_some() {
                continue;
            }
            *slot = Some(n);
            read.spans.push(at..end);
        }
    }
    read.found()
}

/// "Array Length: 1 - 50": the bounds of an array's length.
pub(super) fn array_length(lower: &str) -> Option<BoundsRead> {
    let at = word_starts(lower, "array length: ").next()?;
    let ((min, max), end) = pair_at(lower, at + "array length: ".len())?;
    Some(BoundsRead::one(Some(min), Some(max), at..end))
}

/// "The value can be any integer within 100–599 in one of the following formats:"
pub(super) fn integer_list(lower: &str) -> Option<((i64, i64), Span)> {
    let at = word_starts(lower, "any integer within ").next()?;
    let (bounds, end) = pair_at(lower, at + "any integer within ".len())?;
    let end = after_prefix(
        lower,
        end,
        &[
            " in one of the following formats:",
            " in one of the following formats",
        ],
    )
    .unwrap_or(end);
    let start = before(lower, at, &["the value can be "]).unwrap_or(at);
    Some((bounds, start..end))
}
