//! The doc comments lowering writes: a field's description with its limits and decisions as
//! sentences, and a struct's description with the rules that govern it.

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
    if field.nullable {
        // Which Rust value the null is depends on the form (a response's reads every field as
        // optional): the field's type says it.
        facts.push("May be `null`, which has no other check.".to_owned());
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

/// Whether the description states both bounds as a range in one of the pages' ways: `1–65535`,
/// `1-65535`, `1 to 65535`, `1 ~ 65535`.
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
    /// The rules `validate` checks (or would, on a type requests do not reach), as lines.
    checked: Vec<String>,
    /// The rules the request cannot decide, with their decisions.
    unchecked: Vec<Unchecked>,
}

/// A rule the request cannot decide: the field it governs, the page's sentence, why it is not
/// checked.
#[derive(Debug)]
struct Unchecked {
    field: String,
    source: String,
    decision: Option<String>,
}

impl RuleSources {
    /// A rule `validate` checks, on `field` (as the docs name it), from the page's `source`
    /// sentence.
    pub fn push_checked(&mut self, field: &str, source: &str) {
        self.checked.push(format!("- `{field}`: {source}"));
    }

    /// A rule the request cannot decide, with the decision saying why.
    pub fn push_unchecked(&mut self, field: &str, source: &str, decision: Option<&str>) {
        self.unchecked.push(Unchecked {
            field: field.to_owned(),
            source: source.to_owned(),
            decision: decision.map(str::to_owned),
        });
    }

    /// The unchecked rules as lines, each decision stated once: rules with the same decision and
    /// the same sentence are one line naming each field, and a decision several sentences share
    /// follows them as a line of its own.
    fn unchecked_lines(&self) -> Vec<String> {
        let mut decisions: Vec<Option<&str>> = Vec::new();
        for rule in &self.unchecked {
            if !decisions.contains(&rule.decision.as_deref()) {
                decisions.push(rule.decision.as_deref());
            }
        }
        let mut lines = Vec::new();
        for decision in decisions {
            let mut sentences: Vec<(&str, Vec<&str>)> = Vec::new();
            let rules = self
                .unchecked
                .iter()
                .filter(|r| r.decision.as_deref() == decision);
            for rule in rules {
                match sentences
                    .iter_mut()
                    .find(|(source, _)| *source == rule.source)
                {
                    Some((_, fields)) => fields.push(&rule.field),
                    None => sentences.push((&rule.source, vec![&rule.field])),
                }
            }
            let decision = decision.map(|d| format!("Decision: {d}"));
            let one = sentences.len() == 1;
            for (source, fields) in &sentences {
                let mut line = format!("- {}: {source}", in_words(fields));
                if let (true, Some(decision)) = (one, &decision) {
                    line.push(' ');
                    line.push_str(decision);
                }
                lines.push(line);
            }
            if let (false, Some(decision)) = (one, decision) {
                let fields: Vec<&str> = sentences.iter().flat_map(|(_, f)| f.clone()).collect();
                lines.push(format!("- {decision} (for {})", in_words(&fields)));
            }
        }
        lines
    }
}

/// Fields as code, in words: `a`, `a` and `b`, `a`, `b` and `c`.
fn in_words(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A struct's doc comment: the table's description (or its name), then its rules, under a heading
/// that says whether `validate` checks them.
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
        (checked_heading, rules.checked.clone()),
        (
            "Documented rules that are not checked:",
            rules.unchecked_lines(),
        ),
    ] {
        if !lines.is_empty() {
            docs.push(String::new());
            docs.push(heading.to_owned());
            docs.extend(lines);
        }
    }
    docs
}
