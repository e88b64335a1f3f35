//! The service import's safety net: the files an import built are lowered with the generator's own
//! loader and lowering (what `codegen generate` runs), and each problem found is resolved where an
//! honest resolution exists (a path parameter no table lists becomes a string one, a type whose name
//! collides is renamed, a response variant is named after its status) or its smallest unit is left
//! out (a default or limit, a field, a parameter, a rule, an enumeration value, a type; the
//! operation as the last resort), each with a review line, until the service lowers. So one page's
//! problem never blocks its service, and the service's examples are always checked.

mod describe;
mod edit;
mod locate;
#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, Diagnostics};
use crate::import::review::Review;
use crate::{load, lower};
use edit::{Problems, Repair};
use locate::Unit;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Rounds in which each problem is resolved in its smallest unit; a problem can lead to another
/// (a field left out breaks a rule on it), each a round later.
const ROUNDS: usize = 8;

/// Rounds after those in which what still does not lower is left out whole: the operation, or a
/// shared type (then the operations using it, a round later).
const LAST_RESORT_ROUNDS: usize = 2;

/// One file of a service import, as it will be written.
pub struct ServiceFile {
    pub service: String,
    pub path: PathBuf,
    pub spec: Value,
}

/// What the repair did.
pub struct Repaired {
    pub report: Vec<Review>,
    /// The operations left out, with why, for the list of pages not imported.
    pub left_out: Vec<String>,
}

/// Resolves or leaves out what keeps `files` from lowering, until they lower or the rounds run
/// out.
pub fn until_it_lowers(files: &mut Vec<ServiceFile>) -> Repaired {
    let mut repair = Repair::default();
    for round in 0..ROUNDS + LAST_RESORT_ROUNDS {
        let problems = problems(files);
        if problems.is_empty() {
            break;
        }
        let units = units(files, problems, round >= ROUNDS);
        repair.round(files, units);
    }
    Repaired {
        report: repair.report,
        left_out: repair.left_out,
    }
}

/// The problems of `files` when lowered, by the index of their file.
fn problems(files: &[ServiceFile]) -> Vec<(usize, Diagnostic)> {
    let named: Vec<(String, String)> = files
        .iter()
        .map(|f| (f.lowering_name(), crate::import::spec_text(&f.spec)))
        .collect();
    let mut diags = Diagnostics::default();
    let parsed: Vec<load::File> = named
        .iter()
        .filter_map(|(name, text)| load::parse(name, text, &mut diags))
        .collect();
    lower::lower(&parsed, &mut diags);
    diags
        .into_sorted()
        .into_iter()
        .filter_map(|diag| {
            let at = files.iter().position(|f| f.lowering_name() == diag.file)?;
            Some((at, diag))
        })
        .collect()
}

/// Each problem's unit, by file; with `last_resort`, an operation's whole file, or a shared type.
fn units(
    files: &[ServiceFile],
    problems: Vec<(usize, Diagnostic)>,
    last_resort: bool,
) -> BTreeMap<usize, Problems> {
    let mut units: BTreeMap<usize, Problems> = BTreeMap::new();
    for (at, diag) in problems {
        let file = &files[at];
        let steps = locate::steps(&diag.path, &file.spec);
        let unit = match locate::unit(&steps) {
            _ if last_resort && file.operation().is_some() => Unit::Operation,
            Unit::Def { section, name, .. } if last_resort => Unit::Def {
                section,
                name,
                at_type: false,
            },
            unit if last_resort => match steps.as_slice() {
                [locate::Step::Key(section), locate::Step::Key(name), ..] => Unit::Def {
                    section: section.clone(),
                    name: name.clone(),
                    at_type: false,
                },
                _ => unit,
            },
            unit => unit,
        };
        units.entry(at).or_default().entry(unit).or_insert(diag);
    }
    units
}

impl ServiceFile {
    /// `common.json`, `creating_a_vpc.json`.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The operation the file documents (its name without `.json`); none for `common.json`.
    pub fn operation(&self) -> Option<String> {
        let name = self.file_name();
        self.spec
            .get("operation")
            .map(|_| name.trim_end_matches(".json").to_owned())
    }

    /// The file's name as the lowering reports it: `service/file.json`.
    fn lowering_name(&self) -> String {
        format!("{}/{}", self.service, self.file_name())
    }

    /// The names of the file's objects and enumerations.
    pub fn type_names(&self) -> impl Iterator<Item = String> + '_ {
        ["objects", "enums"]
            .into_iter()
            .filter_map(|section| self.spec.get(section)?.as_object())
            .flat_map(|defs| defs.keys().cloned())
    }

    /// Whether a field, parameter or body of the file names the type `name`.
    pub fn uses(&self, name: &str) -> bool {
        let mut spec = self.spec.clone();
        let mut found = false;
        for_each_reference(&mut spec, |target| found |= target == name);
        found
    }

    /// Points every reference to the type `from` at `to`.
    pub fn retarget(&mut self, from: &str, to: &str) {
        for_each_reference(&mut self.spec, |target| {
            if target == from {
                *target = to.to_owned();
            }
        });
    }
}

/// The elements of a list; none where `value` is not one.
fn lists(value: Option<&mut Value>) -> Vec<&mut Value> {
    value
        .and_then(Value::as_array_mut)
        .map(|items| items.iter_mut().collect())
        .unwrap_or_default()
}

/// Calls `f` on each type a spec file names: its fields' and parameters' `type` and `items`, and
/// its bodies.
fn for_each_reference(spec: &mut Value, mut f: impl FnMut(&mut String)) {
    let mut entries: Vec<&mut Value> = Vec::new();
    let mut bodies: Vec<&mut Value> = Vec::new();
    for (section, value) in spec.as_object_mut().into_iter().flatten() {
        match (section.as_str(), value) {
            ("objects", Value::Object(objects)) => {
                for object in objects.values_mut() {
                    entries.extend(lists(object.get_mut("fields")));
                }
            }
            ("operation", Value::Object(operation)) => {
                for (key, value) in operation.iter_mut() {
                    match key.as_str() {
                        "path_params" | "query_params" | "headers" | "form_params" => {
                            entries.extend(lists(Some(value)))
                        }
                        "body" => bodies.push(value),
                        "responses" => response_references(value, &mut entries, &mut bodies),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    for body in bodies {
        match body {
            Value::String(target) => f(target),
            other => entries.push(other),
        }
    }
    for entry in entries {
        for key in ["type", "items"] {
            if let Some(Value::String(target)) = entry.get_mut(key) {
                f(target);
            }
        }
    }
}

/// The responses' headers (into `entries`) and bodies (into `bodies`).
fn response_references<'a>(
    responses: &'a mut Value,
    entries: &mut Vec<&'a mut Value>,
    bodies: &mut Vec<&'a mut Value>,
) {
    for response in lists(Some(responses)) {
        for (key, value) in response.as_object_mut().into_iter().flatten() {
            match key.as_str() {
                "headers" => entries.extend(lists(Some(value))),
                "body" => bodies.push(value),
                _ => {}
            }
        }
    }
}
