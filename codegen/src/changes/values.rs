//! The values a place accepts, compared: bounds, character rules, integer lists, defaults, an
//! object's rules and an enumeration's values. Each limit is compared on its own, so that a range
//! whose minimum rises and whose maximum rises too is two changes, one narrowing and one widening.

use super::Direction;
use crate::ir::{self, Bounds, CharClass, CharRule, Checks, IntegerList, NamedClass};
use std::fmt::Display;

/// Where a change found here is recorded (the walk over an operation's messages).
pub trait Record {
    /// Records a change of the kind `id` at `path`.
    fn push(
        &mut self,
        id: &str,
        path: &str,
        direction: Direction,
        old: Option<String>,
        new: Option<String>,
    );
}

/// A field's per-value checks.
pub fn checks(walk: &mut dyn Record, path: &str, direction: Direction, old: &Checks, new: &Checks) {
    let at = Place { path, direction };
    at.bounds(walk, ("minimum", "maximum"), old.range, new.range);
    at.bounds(walk, ("min-length", "max-length"), old.length, new.length);
    at.bounds(walk, ("min-items", "max-items"), old.items, new.items);
    at.chars(walk, old.chars.as_ref(), new.chars.as_ref());
    at.integer_list(walk, old.integer_list, new.integer_list);
}

/// Where the compared values are.
struct Place<'a> {
    path: &'a str,
    direction: Direction,
}

impl Place<'_> {
    fn push(&self, walk: &mut dyn Record, id: &str, old: Option<String>, new: Option<String>) {
        walk.push(id, self.path, self.direction, old, new);
    }

    /// A minimum and a maximum, each compared on its own: `names` are the kinds' prefixes.
    fn bounds<T: Ord + Copy + Display>(
        &self,
        walk: &mut dyn Record,
        names: (&str, &str),
        old: Option<Bounds<T>>,
        new: Option<Bounds<T>>,
    ) {
        let min = |b: Option<Bounds<T>>| b.and_then(|b| b.min);
        let max = |b: Option<Bounds<T>>| b.and_then(|b| b.max);
        // A lower minimum widens; a lower maximum narrows.
        self.bound(
            walk,
            names.0,
            min(old),
            min(new),
            ("decreased", "increased"),
        );
        self.bound(
            walk,
            names.1,
            max(old),
            max(new),
            ("increased", "decreased"),
        );
    }

    /// One bound: `widening` and `narrowing` name the moves that widen and narrow it.
    fn bound<T: Ord + Copy + Display>(
        &self,
        walk: &mut dyn Record,
        name: &str,
        old: Option<T>,
        new: Option<T>,
        (widening, narrowing): (&str, &str),
    ) {
        let event = match (old, new) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            (Some(a), Some(b)) if a == b => return,
            (Some(a), Some(b)) => {
                let lower = b < a;
                // `widening` is "decreased" for a minimum: a lower new value widens it.
                if lower == (widening == "decreased") {
                    widening
                } else {
                    narrowing
                }
            }
            (None, None) => return,
        };
        let text = |v: Option<T>| v.map(|v| v.to_string());
        self.push(walk, &format!("{name}-{event}"), text(old), text(new));
    }

    fn chars(&self, walk: &mut dyn Record, old: Option<&CharRule>, new: Option<&CharRule>) {
        let text = |rule: Option<&CharRule>| rule.map(|r| r.text.clone());
        let id = match (old, new) {
            (None, Some(_)) => "chars-added",
            (Some(_), None) => "chars-removed",
            (Some(a), Some(b)) if a != b => match (rule_allows(b, a), rule_allows(a, b)) {
                (true, false) => "chars-widened",
                (false, true) => "chars-narrowed",
                (true, true) => return,
                (false, false) => "chars-changed",
            },
            _ => return,
        };
        self.push(walk, id, text(old), text(new));
    }

    fn integer_list(
        &self,
        walk: &mut dyn Record,
        old: Option<IntegerList>,
        new: Option<IntegerList>,
    ) {
        let text = |list: Option<IntegerList>| list.map(|l| l.text());
        let id = match (old, new) {
            (None, Some(_)) => "format-added",
            (Some(_), None) => "format-removed",
            (Some(a), Some(b)) if a != b => {
                let within = |x: IntegerList, y: IntegerList| {
                    x.minimum >= y.minimum && x.maximum <= y.maximum
                };
                match (within(a, b), within(b, a)) {
                    (true, _) => "format-widened",
                    (_, true) => "format-narrowed",
                    _ => "format-changed",
                }
            }
            _ => return,
        };
        self.push(walk, id, text(old), text(new));
    }
}

/// Whether `wider` allows every string `narrower` allows: each of the first, any and last
/// character's classes covers the other's (no classes: any character).
fn rule_allows(wider: &CharRule, narrower: &CharRule) -> bool {
    part_allows(&wider.first, &narrower.first)
        && part_allows(&wider.allowed, &narrower.allowed)
        && part_allows(&wider.last, &narrower.last)
}

fn part_allows(wider: &[CharClass], narrower: &[CharClass]) -> bool {
    if wider.is_empty() {
        return true;
    }
    if narrower.is_empty() {
        return false;
    }
    narrower.iter().all(|class| match class {
        CharClass::Named(named) => wider.iter().any(|w| match w {
            CharClass::Named(outer) => named_within(named, outer),
            CharClass::Literal(_) => false,
        }),
        CharClass::Literal(chars) => chars.iter().all(|&c| wider.iter().any(|w| w.contains(c))),
    })
}

/// Whether every character of the named class `inner` is in `outer`: the classes nest as letters
/// over English letters over lowercase ones, and letters over Chinese characters.
fn named_within(inner: &NamedClass, outer: &NamedClass) -> bool {
    use crate::ir::{ASCII_LETTER, ASCII_LOWER, HAN, LETTER};
    inner == outer
        || (*outer == LETTER && [&ASCII_LETTER, &ASCII_LOWER, &HAN].contains(&inner))
        || (*outer == ASCII_LETTER && *inner == ASCII_LOWER)
}

/// A documented default.
pub fn default(
    walk: &mut dyn Record,
    path: &str,
    direction: Direction,
    old: Option<&ir::Default>,
    new: Option<&ir::Default>,
) {
    let text = |d: Option<&ir::Default>| d.map(|d| literal_text(&d.value));
    let id = match (old, new) {
        (None, Some(_)) => "default-added",
        (Some(_), None) => "default-removed",
        (Some(a), Some(b)) if a.value != b.value => "default-changed",
        _ => return,
    };
    walk.push(id, path, direction, text(old), text(new));
}

fn literal_text(literal: &ir::Literal) -> String {
    match literal {
        ir::Literal::Str(s) => format!("{s:?}"),
        ir::Literal::Int(n) => n.to_string(),
        ir::Literal::Float(f) => f.to_string(),
        ir::Literal::Bool(b) => b.to_string(),
        ir::Literal::Variant(_, variant) => variant.clone(),
    }
}

/// An object's rules, compared by what they say: one added narrows what the object accepts, one
/// removed widens it.
pub fn rules(
    walk: &mut dyn Record,
    path: &str,
    direction: Direction,
    old: &[ir::Rule],
    new: &[ir::Rule],
) {
    let (before, after): (Vec<String>, Vec<String>) = (
        old.iter().map(rule_text).collect(),
        new.iter().map(rule_text).collect(),
    );
    for gone in before.iter().filter(|r| !after.contains(r)) {
        walk.push("rule-removed", path, direction, Some(gone.clone()), None);
    }
    for added in after.iter().filter(|r| !before.contains(r)) {
        walk.push("rule-added", path, direction, None, Some(added.clone()));
    }
}

/// A rule in words, by the wire names of its fields.
fn rule_text(rule: &ir::Rule) -> String {
    match rule {
        ir::Rule::Presence {
            target,
            condition,
            required,
        } => {
            let target: Vec<String> = target
                .steps
                .iter()
                .map(|s| format!("{}{}", s.field.wire, if s.array { "[]" } else { "" }))
                .collect();
            let verb = if *required {
                "required when"
            } else {
                "allowed only when"
            };
            format!("{} {verb} {}", target.join("."), condition.text)
        }
        ir::Rule::LessThan { field, than } => format!("{} less than {}", field.wire, than.wire),
        ir::Rule::AtLeastOneOf { text, .. } => text.clone(),
    }
}

/// An enumeration's values, by wire value (aliases are values it accepts too).
pub fn variants(
    walk: &mut dyn Record,
    path: &str,
    direction: Direction,
    old: &ir::Enum,
    new: &ir::Enum,
) {
    if old.integer != new.integer {
        let kind = |e: &ir::Enum| {
            Some(
                if e.integer {
                    "integer enumeration"
                } else {
                    "string enumeration"
                }
                .to_owned(),
            )
        };
        walk.push("type-changed", path, direction, kind(old), kind(new));
        return;
    }
    let accepted = |e: &ir::Enum| -> Vec<String> {
        e.variants
            .iter()
            .flat_map(|v| std::iter::once(&v.value).chain(&v.aliases))
            .map(ir::EnumValue::text)
            .collect()
    };
    let (before, after) = (accepted(old), accepted(new));
    for gone in before.iter().filter(|v| !after.contains(v)) {
        walk.push(
            "enum-value-removed",
            path,
            direction,
            Some(gone.clone()),
            None,
        );
    }
    for added in after.iter().filter(|v| !before.contains(v)) {
        walk.push(
            "enum-value-added",
            path,
            direction,
            None,
            Some(added.clone()),
        );
    }
    for variant in &old.variants {
        let renamed = new
            .variants
            .iter()
            .find(|v| v.value == variant.value && v.ident != variant.ident);
        if let Some(renamed) = renamed {
            let place = format!("{path}={}", variant.value.text());
            walk.push(
                "enum-value-renamed",
                &place,
                direction,
                Some(variant.ident.clone()),
                Some(renamed.ident.clone()),
            );
        }
    }
}
