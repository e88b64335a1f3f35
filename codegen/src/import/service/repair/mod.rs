//! The service import's safety net: the files an import built are lowered with the generator's own
//! loader and lowering (what `codegen generate` runs), and each problem found is resolved where an
//! honest resolution exists (a path parameter no table lists becomes a string one, a type whose name
//! collides is renamed, a response variant is named after its status) or its smallest unit is left
//! out (a default or limit, a field, a parameter, a rule, an enumeration value, a type; the
//! operation as the last resort), each with a review line, until the service lowers. So one page's
//! problem never blocks its service, and the service's examples are always checked.

mod describe;
mod edit;
mod file;
mod locate;
#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, Diagnostics};
use crate::import::review::Review;
use crate::{load, lower};
use edit::{Problems, Repair};
pub use file::ServiceFile;
use locate::Unit;
use std::collections::BTreeMap;

/// Rounds in which each problem is resolved in its smallest unit; a problem can lead to another
/// (a field left out breaks a rule on it), each a round later.
const ROUNDS: usize = 8;

/// Rounds after those in which what still does not lower is left out whole: the operation, or a
/// shared type (then the operations using it, a round later).
const LAST_RESORT_ROUNDS: usize = 2;

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
