//! What a broken rule is reported as: where it sits in the body ([`Path`]), which rule with its
//! limit and value ([`Rule`], worded by the shared catalogue), and every violation of a value at
//! once.

use super::messages::Message;
use std::fmt;

/// Where a value sits in a request body, built on the stack while validating so that a valid body
/// costs no allocation; it is rendered (`members[3].weight`) only when a violation is reported.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The body itself.
    Root,
    /// A field of the object at the parent path.
    Field(&'a Path<'a>, &'static str),
    /// An element of the array at the parent path.
    Index(&'a Path<'a>, usize),
    /// The value at a key of the map at the parent path, shown like a field
    /// (`responses.AUTH_FAILURE`).
    Key(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    /// The path of the field `name` of the object at this path.
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of element `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The path of the value at `key` of the map at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Field(parent, name) | Path::Key(parent, name) => {
                parent.write_to(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

/// The rule a value broke, with the documented limit and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// An integer outside its documented minimum and maximum (inclusive).
    Range {
        /// The documented minimum, if any.
        minimum: Option<i64>,
        /// The documented maximum, if any.
        maximum: Option<i64>,
        /// The value found.
        actual: i64,
    },
    /// A string whose length in characters is outside its documented bounds (inclusive).
    Length {
        /// The documented minimum length, if any.
        min: Option<usize>,
        /// The documented maximum length, if any.
        max: Option<usize>,
        /// The length found, in characters.
        actual: usize,
    },
    /// An array whose number of items is outside its documented bounds (inclusive).
    Items {
        /// The documented minimum number of items, if any.
        min: Option<usize>,
        /// The documented maximum number of items, if any.
        max: Option<usize>,
        /// The number of items found.
        actual: usize,
    },
    /// A string with a character the documented character rule does not allow there.
    Pattern {
        /// The documented rule, in words.
        expected: &'static str,
        /// The offending character.
        found: char,
        /// Its position, counted in characters from 0.
        position: usize,
    },
    /// A value the documented enumeration does not list.
    Enum {
        /// The documented values.
        allowed: &'static [&'static str],
        /// The value found.
        actual: String,
    },
    /// A field that is required while a condition on another field holds.
    RequiredIf {
        /// The condition, in words.
        condition: &'static str,
    },
    /// A field that is allowed only while a condition on another field holds.
    ForbiddenUnless {
        /// The condition, in words.
        condition: &'static str,
    },
    /// A number that must be less than another field's value.
    LessThan {
        /// The other field.
        other: &'static str,
        /// The other field's value.
        limit: i64,
        /// The value found.
        actual: i64,
    },
    /// None of the documented groups of fields is complete.
    AtLeastOneOf {
        /// The groups, in words.
        groups: &'static str,
    },
    /// A string that does not have the documented format.
    Format {
        /// The format, in words.
        expected: &'static str,
        /// Why the value does not have it.
        problem: String,
    },
    /// A path parameter or header that is empty.
    Empty,
    /// A mandatory field that is absent (reported by `check_body`; deserializing the owned model
    /// stops at the first one instead).
    Required,
    /// A field the table does not document: in a request file, usually a typo.
    UnknownField {
        /// The documented field closest to it, if any is close.
        suggestion: Option<&'static str>,
    },
}

impl Rule {
    /// A stable, machine-readable code for the rule: `range`, `length`, `items`, `pattern`, `enum`,
    /// `required`, `required_if`, `forbidden_unless`, `less_than`, `at_least_one_of`, `format`,
    /// `empty` or `unknown_field`.
    pub fn code(&self) -> &'static str {
        self.message().map_or("empty", |message| message.code())
    }

    /// The rule in the catalogue's words; `None` for `empty`, which only a path parameter or a
    /// header breaks, so that the interpreter of bodies has no word for it.
    fn message(&self) -> Option<Message<&str, &[&'static str]>> {
        Some(match self {
            Rule::Range {
                minimum,
                maximum,
                actual,
            } => Message::Range {
                minimum: *minimum,
                maximum: *maximum,
                actual: *actual,
            },
            Rule::Length { min, max, actual } => Message::Length {
                min: *min,
                max: *max,
                actual: *actual,
            },
            Rule::Items { min, max, actual } => Message::Items {
                min: *min,
                max: *max,
                actual: *actual,
            },
            Rule::Pattern {
                expected,
                found,
                position,
            } => Message::Pattern {
                expected: *expected,
                found: *found,
                position: *position,
            },
            Rule::Enum { allowed, actual } => Message::Enum {
                allowed: *allowed,
                actual: actual.as_str(),
            },
            Rule::RequiredIf { condition } => Message::RequiredIf {
                condition: *condition,
            },
            Rule::ForbiddenUnless { condition } => Message::ForbiddenUnless {
                condition: *condition,
            },
            Rule::LessThan {
                other,
                limit,
                actual,
            } => Message::LessThan {
                other: *other,
                limit: *limit,
                actual: *actual,
            },
            Rule::AtLeastOneOf { groups } => Message::AtLeastOneOf { groups: *groups },
            Rule::Format { expected, problem } => Message::Format {
                expected: *expected,
                problem: problem.as_str(),
            },
            Rule::Empty => return None,
            Rule::Required => Message::Required,
            Rule::UnknownField { suggestion } => Message::UnknownField {
                suggestion: *suggestion,
            },
        })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(message) => message.fmt(f),
            None => f.write_str("must not be empty"),
        }
    }
}

/// One broken rule: where, which rule, and the limit and value as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON path of the offending value, e.g. `members[3].weight`.
    pub path: String,
    /// The rule it broke.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.rule, self.rule.code())
    }
}

/// Every violation found in a value: each object's own fields in table order, then its cross-field
/// and conditional rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<Violation>);

impl ValidationErrors {
    /// The violations.
    pub fn violations(&self) -> &[Violation] {
        &self.0
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}
