//! The checks the generated `validate` methods and one-pass readers call, and [`Validate`] itself:
//! each check reports what it finds as a [`Violation`] at the value's path.

use super::scan;
use super::violation::{Path, Rule, ValidationErrors, Violation};
use std::fmt;

/// A type whose documented rules can be checked.
pub trait Validate {
    /// Appends every violation found in `self`, which sits at `path`, to `out`.
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>);

    /// Checks every documented rule and returns all violations at once.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut out = Vec::new();
        self.validate_at(&Path::Root, &mut out);
        if out.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(out))
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&path.index(i), out);
        }
    }
}

/// A map's values are checked at their keys.
impl<K: std::ops::Deref<Target = str>, T: Validate> Validate for std::collections::BTreeMap<K, T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        for (key, value) in self {
            value.validate_at(&path.key(key), out);
        }
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        if let Some(value) = self {
            value.validate_at(path, out);
        }
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Vec<Violation>) {
        (**self).validate_at(path, out);
    }
}

/// A scalar has no rules of its own: what a page says about it is checked by the field that holds
/// it. The impls let an array or a map of scalars be a body.
macro_rules! scalars {
    ($($ty:ty),*) => {
        $(
            impl Validate for $ty {
                fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
            }
        )*
    };
}

scalars!(String, i32, i64, f64, bool);

/// A free-form object is checked only for being an object, which reading it already did.
impl Validate for serde_json::Map<String, serde_json::Value> {
    fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
}

/// A value of any kind has nothing to check.
impl Validate for serde_json::Value {
    fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
}

fn push(out: &mut Vec<Violation>, path: &Path<'_>, rule: Rule) {
    out.push(Violation {
        path: path.to_string(),
        rule,
    });
}

/// Checks an integer against its inclusive bounds.
pub fn check_range(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: i64,
    minimum: Option<i64>,
    maximum: Option<i64>,
) {
    let low = minimum.is_some_and(|min| value < min);
    let high = maximum.is_some_and(|max| value > max);
    if low || high {
        push(
            out,
            path,
            Rule::Range {
                minimum,
                maximum,
                actual: value,
            },
        );
    }
}

/// Checks a string's length, counted in characters, against its inclusive bounds.
pub fn check_length(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) {
    if let Some(actual) = scan::length_outside(value, min, max) {
        push(out, path, Rule::Length { min, max, actual });
    }
}

/// Checks an array's number of items against its inclusive bounds.
pub fn check_items(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    actual: usize,
    min: Option<usize>,
    max: Option<usize>,
) {
    if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
        push(out, path, Rule::Items { min, max, actual });
    }
}

/// Checks a string's characters against a character rule: which characters may start and end it and
/// which may appear anywhere. The generator turns each documented rule into these three predicates.
/// Only the first offending character is reported.
pub fn check_chars(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    expected: &'static str,
    first: impl Fn(char) -> bool,
    allowed: impl Fn(char) -> bool,
    last: impl Fn(char) -> bool,
) {
    if let Some((position, found)) = scan::offending_char(value, first, allowed, last) {
        push(
            out,
            path,
            Rule::Pattern {
                expected,
                found,
                position,
            },
        );
    }
}

/// Reports an enumeration value the page does not list.
pub fn check_enum(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    known: bool,
    allowed: &'static [&'static str],
    actual: impl fmt::Display,
) {
    if !known {
        push(
            out,
            path,
            Rule::Enum {
                allowed,
                actual: actual.to_string(),
            },
        );
    }
}

/// Checks a comma-separated list of integers and `low-high` ranges, each within
/// `minimum..=maximum`, such as `200,201,210-299`.
pub fn check_integer_list(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: &str,
    expected: &'static str,
    minimum: i64,
    maximum: i64,
) {
    if let Err(problem) = scan::integer_list(value, minimum, maximum) {
        push(out, path, Rule::Format { expected, problem });
    }
}

/// Reports a field that a condition requires but that is absent.
pub fn require(out: &mut Vec<Violation>, path: &Path<'_>, present: bool, condition: &'static str) {
    if !present {
        push(out, path, Rule::RequiredIf { condition });
    }
}

/// Reports a field that is present although only allowed while a condition holds.
pub fn forbid(out: &mut Vec<Violation>, path: &Path<'_>, present: bool, condition: &'static str) {
    if present {
        push(out, path, Rule::ForbiddenUnless { condition });
    }
}

/// Checks that `value` is less than the other field's value, when both are present.
pub fn check_less_than(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    value: Option<i64>,
    other: &'static str,
    limit: Option<i64>,
) {
    if let (Some(actual), Some(limit)) = (value, limit) {
        if actual >= limit {
            push(
                out,
                path,
                Rule::LessThan {
                    other,
                    limit,
                    actual,
                },
            );
        }
    }
}

/// Reports an object none of whose documented groups of fields is complete.
pub fn require_one_group(
    out: &mut Vec<Violation>,
    path: &Path<'_>,
    satisfied: bool,
    groups: &'static str,
) {
    if !satisfied {
        push(out, path, Rule::AtLeastOneOf { groups });
    }
}

/// Reports an empty path parameter or header.
pub fn check_not_empty(out: &mut Vec<Violation>, path: &Path<'_>, value: &str) {
    if value.is_empty() {
        push(out, path, Rule::Empty);
    }
}
