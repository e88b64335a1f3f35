//! The per-value checks of a field: bounds, lengths, integer lists and character rules, and the
//! table of the named character classes those rules are made of.

use crate::shared::chars;

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

/// A class of characters a rule allows: a named one, or literal characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharClass {
    Named(&'static NamedClass),
    Literal(Vec<char>),
}

impl CharClass {
    /// Whether the class holds `c`: what the predicate the emitter prints for it tests
    /// (`emit/validate.rs`), for the interpreter, whose differential test holds the two equal.
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Named(class) => (class.contains)(c),
            CharClass::Literal(chars) => chars.contains(&c),
        }
    }
}

/// A named class of characters, all that is said of it in one place: the spec's name for it, its
/// words in messages and docs, its predicate and its JSON Schema regex.
pub struct NamedClass {
    /// What a spec's `chars` calls it (`ascii_letter`).
    pub name: &'static str,
    /// One of its characters in words, after "must start with" (`an English letter`).
    pub one: &'static str,
    /// Its characters in words, after "may contain only" (`English letters`).
    pub many: &'static str,
    /// The support module's predicate, which the generated checks call by this name
    /// (`is_ascii_letter`).
    pub predicate: &'static str,
    /// The same predicate, compiled here from the same file (`runtime/chars.rs`).
    pub contains: fn(char) -> bool,
    /// The class inside a JSON Schema regex's brackets.
    pub regex: ClassRegex,
}

/// A named class inside a regex's brackets.
#[derive(Debug, Clone, Copy)]
pub enum ClassRegex {
    /// As written (`A-Za-z`).
    Text(&'static str),
    /// Inclusive ranges of characters.
    Ranges(&'static [(char, char)]),
}

impl NamedClass {
    /// The class the spec's `chars` calls `name`, if it is one.
    pub fn named(name: &str) -> Option<&'static NamedClass> {
        CLASSES.iter().copied().find(|class| class.name == name)
    }

    /// The class inside a regex's brackets (`A-Za-z`, `\p{L}`, the Han ranges).
    pub fn regex(&self) -> String {
        match self.regex {
            ClassRegex::Text(text) => text.to_owned(),
            ClassRegex::Ranges(ranges) => {
                let mut out = String::new();
                for &(low, high) in ranges {
                    out.push(low);
                    if low != high {
                        out.push('-');
                        out.push(high);
                    }
                }
                out
            }
        }
    }
}

// A class is its name: the predicate, a function pointer, has no meaningful equality or debug form.
impl PartialEq for NamedClass {
    fn eq(&self, other: &NamedClass) -> bool {
        self.name == other.name
    }
}

impl Eq for NamedClass {}

impl std::fmt::Debug for NamedClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The named classes, in the order the spec's documentation lists them.
pub static CLASSES: &[&NamedClass] = &[&LETTER, &ASCII_LETTER, &ASCII_LOWER, &HAN, &DIGIT];

/// Any alphabetic character, in any script.
pub static LETTER: NamedClass = NamedClass {
    name: "letter",
    one: "a letter",
    many: "letters",
    predicate: "is_letter",
    contains: chars::is_letter,
    regex: ClassRegex::Text("\\p{L}"),
};

pub static ASCII_LETTER: NamedClass = NamedClass {
    name: "ascii_letter",
    one: "an English letter",
    many: "English letters",
    predicate: "is_ascii_letter",
    contains: chars::is_ascii_letter,
    regex: ClassRegex::Text("A-Za-z"),
};

pub static ASCII_LOWER: NamedClass = NamedClass {
    name: "ascii_lower",
    one: "a lowercase letter a-z",
    many: "lowercase letters a-z",
    predicate: "is_ascii_lower",
    contains: chars::is_ascii_lower,
    regex: ClassRegex::Text("a-z"),
};

/// Chinese characters: the CJK ideographs of `runtime/chars.rs`'s `HAN_RANGES`.
pub static HAN: NamedClass = NamedClass {
    name: "han",
    one: "a Chinese character",
    many: "Chinese characters",
    predicate: "is_han",
    contains: chars::is_han,
    regex: ClassRegex::Ranges(chars::HAN_RANGES),
};

pub static DIGIT: NamedClass = NamedClass {
    name: "digit",
    one: "a digit",
    many: "digits",
    predicate: "is_digit",
    contains: chars::is_digit,
    regex: ClassRegex::Text("0-9"),
};
