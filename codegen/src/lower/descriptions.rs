//! The doc comments lowering writes: a field's description with its limits and decisions as sentences,
//! and a struct's description with the rules that govern it.

use crate::ir::{Bounds, Checks, IntegerList};
use crate::spec;

// Inclusive bounds in words; the same file is the generated crates' (see it).
use crate::shared::bounds;

/// A range in words, with its unit: `1 to 64 characters`, `at least 0`.
pub fn range_text(min: Option<i64>, max: Option<i64>, unit: &str) -> String {
    format!("{}{unit}", bounds::bounds(min, max))
}

/// The field's doc comment: the page's description, then the limits and decisions as sentences.
pub fn field_docs(field: &spec::Field, checks: &Checks) -> Vec<String> {
    let mut docs = field.description.clone();
    if docs.is_empty() {
        docs.push(format!("`{}`.", field.name));
    }
    // Destructured, so that a new kind of check does not compile until its docs are written here.
    let Checks {
        range,
        length,
        items,
        chars,
        integer_list,
    } = checks;
    let mut facts = Vec::new();
    // A limit the page's own text states in the same numbers is not stated again.
    let stated = |min: Option<i64>, max: Option<i64>| states_bounds(&field.description, min, max);
    if let Some(Bounds { min, max }) = *range {
        if !stated(min, max) {
            facts.push(format!("Range: {}.", range_text(min, max, "")));
        }
    }
    if let Some(Bounds { min, max }) = *length {
        let (min, max) = (min.map(|m| m as i64), max.map(|m| m as i64));
        if !stated(min, max) {
            facts.push(format!("Length: {}.", range_text(min, max, " characters")));
        }
    }
    if let Some(Bounds { min, max }) = *items {
        facts.push(format!(
            "Items: {}.",
            range_text(min.map(|m| m as i64), max.map(|m| m as i64), "")
        ));
    }
    if let Some(chars) = chars {
        facts.push(format!("Characters: {}.", chars.text));
    }
    if let Some(IntegerList {
        minimum: min,
        maximum: max,
    }) = *integer_list
    {
        facts.push(format!(
            "Format: comma-separated integers and ranges within {min}-{max}."
        ));
    }
    if let Some(default) = &field.default {
        facts.push(format!("Default: `{default}`."));
    }
    for note in field.notes.iter().filter(|note| {
        !field
            .description
            .iter()
            .any(|line| line.contains(note.as_str()))
    }) {
        facts.push(format!("Note: {note}"));
    }
    if let Some(decision) = &field.decision {
        facts.push(format!("Decision: {decision}"));
    }
    if !facts.is_empty() && !docs.is_empty() {
        docs.push(String::new());
    }
    docs.extend(facts);
    docs
}

/// Whether the description states both bounds as a range in one of the pages' ways: `1–65535`, `1-65535`,
/// `1 to 65535`, `1 ~ 65535`.
fn states_bounds(description: &[String], min: Option<i64>, max: Option<i64>) -> bool {
    let (Some(min), Some(max)) = (min, max) else {
        return false;
    };
    let spellings = [
        format!("{min}–{max}"),
        format!("{min}-{max}"),
        format!("{min} to {max}"),
        format!("{min} ~ {max}"),
    ];
    description
        .iter()
        .any(|line| spellings.iter().any(|s| line.contains(s.as_str())))
}

/// An object's rules as its docs list them, each naming the field it governs.
#[derive(Debug, Default)]
pub struct RuleSources {
    /// The rules `validate` checks (or would, on a type requests do not reach).
    pub checked: Vec<String>,
    /// The rules the request cannot decide, with their decisions.
    pub unchecked: Vec<String>,
}

/// A struct's doc comment: the table's description (or its name), then its rules, under a heading that
/// says whether `validate` checks them.
pub fn struct_docs(
    description: &[String],
    path: &str,
    rules: &RuleSources,
    validated: bool,
) -> Vec<String> {
    let mut docs = description.to_vec();
    if docs.is_empty() {
        docs.push(format!(
            "The `{}` table.",
            path.trim_start_matches("objects.")
        ));
    }
    let checked_heading = if validated {
        "Rules checked by `validate`:"
    } else {
        "Documented rules:"
    };
    for (heading, lines) in [
        (checked_heading, &rules.checked),
        ("Documented rules that are not checked:", &rules.unchecked),
    ] {
        if !lines.is_empty() {
            docs.push(String::new());
            docs.push(heading.to_owned());
            docs.extend(lines.iter().cloned());
        }
    }
    docs
}
