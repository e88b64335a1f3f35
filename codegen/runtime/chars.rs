//! The character classes a character rule names, as predicates. One file serves both sides: every
//! generated crate carries it in its support module, where each character rule's check calls them,
//! and the generator compiles it for its table of classes, which the interpreter and the importer
//! test characters with, so that a class holds the same characters everywhere.

/// Whether `c` is a letter of any script (`letter`).
#[inline]
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Whether `c` is an English letter, `A` to `Z` or `a` to `z` (`ascii_letter`).
#[inline]
pub fn is_ascii_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Whether `c` is a lowercase English letter, `a` to `z` (`ascii_lower`).
#[inline]
pub fn is_ascii_lower(c: char) -> bool {
    c.is_ascii_lowercase()
}

/// Whether `c` is a Chinese character (`han`): in one of the `HAN_RANGES`.
#[inline]
pub fn is_han(c: char) -> bool {
    // Below the first range (every ASCII character): one comparison.
    c >= HAN_RANGES[0].0
        && HAN_RANGES
            .iter()
            .any(|&(low, high)| (low..=high).contains(&c))
}

/// Whether `c` is a digit, `0` to `9` (`digit`).
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// The characters of the `han` class, inclusive ranges: the CJK Unified Ideographs and all their
/// extensions, the Compatibility Ideographs, and the ideographic iteration mark and zero (々, 〇).
/// The checks and the JSON Schemas are both made from this one table.
pub const HAN_RANGES: &[(char, char)] = &[
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FAFF}'),
    ('\u{20000}', '\u{2FA1F}'),
    ('\u{30000}', '\u{323AF}'),
];
