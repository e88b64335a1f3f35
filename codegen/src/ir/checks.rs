//! The per-value checks of a field: bounds, lengths, integer lists and character rules.

/// The per-value checks of a field.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// An integer's documented minimum and maximum.
    pub range: Option<Bounds<i64>>,
    /// A string's length in characters.
    pub length: Option<Bounds<u64>>,
    /// An array's number of items.
    pub items: Option<Bounds<u64>>,
    pub chars: Option<CharRule>,
    /// A comma-separated list of integers and ranges, each within these bounds.
    pub integer_list: Option<IntegerList>,
}

/// Inclusive bounds, either of which may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

/// The bounds of each integer of an integer list (`200,201,210-299` within 100 to 599).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntegerList {
    pub minimum: i64,
    pub maximum: i64,
}

impl IntegerList {
    /// The format in words, for messages.
    pub fn text(&self) -> String {
        format!(
            "a comma-separated list of integers and ranges (such as 200,201,210-299) within {}-{}",
            self.minimum, self.maximum
        )
    }
}

/// A character rule compiled to character classes.
#[derive(Debug, Clone, PartialEq)]
pub struct CharRule {
    pub first: Vec<CharClass>,
    pub allowed: Vec<CharClass>,
    pub last: Vec<CharClass>,
    /// The rule in words, for messages.
    pub text: String,
}

/// A class of characters a rule allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharClass {
    /// Any alphabetic character, in any script.
    Letter,
    AsciiLetter,
    AsciiLower,
    /// Chinese characters: the CJK ideographs, [`HAN_RANGES`].
    Han,
    Digit,
    Literal(Vec<char>),
}

impl CharClass {
    /// Whether the class holds `c`: what the predicate the emitter prints for it tests (`emit/validate.rs`),
    /// for the interpreter, whose differential test holds the two equal.
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_alphabetic(),
            CharClass::AsciiLetter => c.is_ascii_alphabetic(),
            CharClass::AsciiLower => c.is_ascii_lowercase(),
            CharClass::Han => HAN_RANGES
                .iter()
                .any(|&(low, high)| (low..=high).contains(&c)),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Literal(chars) => chars.contains(&c),
        }
    }
}

/// The characters of the `han` class: the CJK Unified Ideographs and all their extensions, the
/// Compatibility Ideographs, and the ideographic iteration mark and zero (々, 〇). Both the validators and
/// the JSON Schema emitter are made from this one table.
pub const HAN_RANGES: &[(char, char)] = &[
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FAFF}'),
    ('\u{20000}', '\u{2FA1F}'),
    ('\u{30000}', '\u{323AF}'),
];
