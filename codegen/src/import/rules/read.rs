//! What the value recognizers read in one sentence (lengths, ranges, characters, values, defaults),
//! and adding it to the row's facts, where an earlier sentence may have said otherwise.

use super::chars::{self, chars, merge_chars};
use super::numbers::{array_length, integer_list, lengths, range, BoundsRead};
use super::text::Span;
use super::values::{self, Listed};
use super::{Facts, Kind, Stated};
use crate::import::review::{Kind as ReviewKind, Review};
use crate::spec::Format;

/// What the value recognizers read in one sentence.
#[derive(Debug, Default)]
pub(super) struct Read {
    lengths: Option<BoundsRead>,
    range: Option<BoundsRead>,
    items: Option<BoundsRead>,
    integer_list: Option<((i64, i64), Span)>,
    chars: Option<chars::CharsRead>,
    default: Option<(Option<String>, Span)>,
    values: Option<values::ValuesRead>,
}

/// Runs the recognizers of limits, characters, values and defaults that apply to a row of `kind`;
/// `None` when none read anything.
pub(super) fn read_sentence(sentence: &str, lower: &str, kind: Kind) -> Option<Read> {
    let mut read = Read::default();
    match kind {
        Kind::String => {
            read.lengths = lengths(lower);
            read.integer_list = integer_list(lower);
            read.chars = chars(sentence, lower);
        }
        Kind::Integer => read.range = range(lower),
        Kind::Array => read.items = array_length(lower),
        Kind::Boolean | Kind::Enumerated | Kind::Other => {}
    }
    if read.integer_list.is_none() {
        read.values = values::values(sentence, lower, kind);
    }
    if kind != Kind::Array {
        read.default = values::default(sentence, lower);
    }
    (!read.spans().is_empty()).then_some(read)
}

impl Read {
    pub(super) fn spans(&self) -> Vec<Span> {
        let bounds = [&self.lengths, &self.range, &self.items]
            .into_iter()
            .flatten()
            .flat_map(|b| b.spans.iter().cloned());
        bounds
            .chain(self.integer_list.iter().map(|(_, s)| s.clone()))
            .chain(self.chars.iter().flat_map(|c| c.spans.iter().cloned()))
            .chain(self.default.iter().map(|(_, s)| s.clone()))
            .chain(self.values.iter().map(|v| v.span.clone()))
            .collect()
    }

    /// Adds what was read to the row's facts. Where an earlier sentence gave the same limit
    /// differently, the wider one is kept and the disagreement reported; a character rule stated
    /// twice differently is left out.
    pub(super) fn commit(self, sentence: &str, facts: &mut Facts, in_format: &mut bool) {
        commit_bounds([self.lengths, self.range, self.items], sentence, facts);
        if let Some(((minimum, maximum), _)) = self.integer_list {
            facts.format = Some(Format::IntegerList { minimum, maximum });
            *in_format = true;
        }
        if let Some(read) = self.chars {
            commit_chars(read, sentence, facts);
        }
        let mut default = self.default.and_then(|(value, _)| value);
        if let Some(read) = self.values {
            default = default.or(read.default);
            commit_values(read.values, sentence, facts);
        }
        if let Some(value) = default {
            commit_default(value, sentence, facts);
        }
    }
}

/// The lengths, the range and the array length a sentence gives, each widening what an earlier one
/// gave.
fn commit_bounds(
    [lengths, range, items]: [Option<BoundsRead>; 3],
    sentence: &str,
    facts: &mut Facts,
) {
    let to_u64 = |v: Option<i64>| v.and_then(|v| u64::try_from(v).ok());
    let withheld = &mut facts.withheld;
    if let Some(b) = lengths {
        widen(
            &mut facts.min_length,
            to_u64(b.min),
            sentence,
            true,
            "min_length",
            withheld,
        );
        widen(
            &mut facts.max_length,
            to_u64(b.max),
            sentence,
            false,
            "max_length",
            withheld,
        );
    }
    if let Some(b) = range {
        widen(
            &mut facts.minimum,
            b.min,
            sentence,
            true,
            "minimum",
            withheld,
        );
        widen(
            &mut facts.maximum,
            b.max,
            sentence,
            false,
            "maximum",
            withheld,
        );
    }
    if let Some(b) = items {
        widen(
            &mut facts.min_items,
            to_u64(b.min),
            sentence,
            true,
            "min_items",
            withheld,
        );
        widen(
            &mut facts.max_items,
            to_u64(b.max),
            sentence,
            false,
            "max_items",
            withheld,
        );
    }
}

/// A character rule; a part of it an earlier sentence gave otherwise is left out.
fn commit_chars(read: chars::CharsRead, sentence: &str, facts: &mut Facts) {
    for part in merge_chars(&mut facts.chars, read.chars) {
        let text = format!("chars.{part}: {sentence:?} gives another list than an earlier sentence; the rule is left out");
        facts
            .withheld
            .push(Review::new(ReviewKind::SentencesDisagree, text));
        match part {
            "first" => facts.chars.first.clear(),
            "last" => facts.chars.last.clear(),
            _ => facts.chars.allowed.clear(),
        }
    }
}

/// A closed list of values; none where an earlier sentence listed others.
fn commit_values(values: Vec<Listed>, sentence: &str, facts: &mut Facts) {
    match &facts.values {
        Some(earlier) if earlier.value != values => {
            let text = format!(
                "{sentence:?} lists other values than {:?}; no enumeration is made",
                earlier.sentence
            );
            facts
                .withheld
                .push(Review::new(ReviewKind::SentencesDisagree, text));
            facts.values = None;
        }
        Some(_) => {}
        // "The value can be true or false" only says what the type says.
        None if values
            .iter()
            .all(|v| v.value == "true" || v.value == "false") => {}
        None => {
            facts.values = Some(Stated {
                value: values,
                sentence: sentence.to_owned(),
            })
        }
    }
}

/// A default; where an earlier sentence gave another, the first is kept.
fn commit_default(value: String, sentence: &str, facts: &mut Facts) {
    match &facts.default {
        Some(earlier) if earlier.value != value => {
            let text = format!("the default {value:?} of {sentence:?} differs from {:?} of {:?}; the first is kept", earlier.value, earlier.sentence);
            facts
                .withheld
                .push(Review::new(ReviewKind::SentencesDisagree, text));
        }
        Some(_) => {}
        None => {
            facts.default = Some(Stated {
                value,
                sentence: sentence.to_owned(),
            })
        }
    }
}

/// Sets a bound read from `sentence`; where an earlier sentence set it differently, keeps the wider
/// (the lower minimum, the higher maximum) and says so.
fn widen<T: Copy + Ord + std::fmt::Display>(
    slot: &mut Option<Stated<T>>,
    value: Option<T>,
    sentence: &str,
    lower: bool,
    key: &str,
    withheld: &mut Vec<Review>,
) {
    let Some(value) = value else { return };
    match slot {
        None => {
            *slot = Some(Stated {
                value,
                sentence: sentence.to_owned(),
            })
        }
        Some(earlier) if earlier.value != value => {
            let wider = if lower {
                value.min(earlier.value)
            } else {
                value.max(earlier.value)
            };
            let text = format!(
                "{key}: {sentence:?} says {value} but {:?} says {}; the wider {wider} is used",
                earlier.sentence, earlier.value
            );
            withheld.push(Review::new(ReviewKind::SentencesDisagree, text));
            if wider == value {
                *slot = Some(Stated {
                    value,
                    sentence: sentence.to_owned(),
                });
            }
        }
        Some(_) => {}
    }
}
