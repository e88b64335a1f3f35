//! The page checks itself: each example request of an imported page is checked, by the
//! [`interpret`]er, against the rules just imported (with the service's shared tables from its
//! `common.json`), and every violation is listed for review. A person then decides in the overlay
//! whether the table (a field patch) or the example (`invalid_examples`) is wrong.
//!
//! [`interpret`]: crate::interpret

use super::build::{Imported, Target};
use super::review::{Kind, Review};
use crate::diag::Diagnostics;
use crate::interpret::Interpreter;
use crate::{load, lower, spec};

/// One report line per violation of each example request, and per example marked invalid that
/// validates; a line saying why, when the imported spec does not lower and so the examples cannot
/// be checked. `common` is the service's checked-in `common.json`, if it has one.
pub fn check(imported: &Imported, target: &Target, common: Option<&spec::Document>) -> Vec<Review> {
    let operation = imported.spec.operation.as_ref();
    if operation.is_none_or(|o| o.examples.requests.is_empty()) {
        return Vec::new();
    }
    let mut files = vec![(
        format!("{}/{}.json", target.service, target.name),
        super::spec_text(&imported.spec),
    )];
    files.extend(shared_tables(imported, target, common).map(|shared| {
        (
            format!("{}/common.json", target.service),
            super::spec_text(&shared),
        )
    }));
    match check_files(&files) {
        Ok(found) => found
            .into_iter()
            .filter(|(op, _)| *op == target.name)
            .flat_map(|(_, lines)| lines)
            .collect(),
        Err(why) => vec![why],
    }
}

/// The example requests of every operation of a service import's files (`service/op.json` and the
/// service's `common.json`, with their text), lowered together: one report line per violation, by
/// operation; or one line saying why none could be checked.
pub fn check_files(files: &[(String, String)]) -> Result<Vec<(String, Vec<Review>)>, Review> {
    let mut diags = Diagnostics::default();
    let parsed: Vec<load::File> = files
        .iter()
        .filter_map(|(name, text)| load::parse(name, text, &mut diags))
        .collect();
    let model = lowered(&parsed, diags).map_err(|why| Review::new(Kind::ExampleNotChecked, why))?;
    let mut lines = Vec::new();
    for service in &model.services {
        let interpreter = Interpreter::new(service);
        for operation in &service.operations {
            let Some(file) = parsed.iter().find(|f| f.name == operation.spec_file) else {
                continue;
            };
            let examples: &[spec::RequestExample] = file
                .operation
                .as_ref()
                .map_or(&[], |op| &op.examples.requests);
            let found = example_lines(&interpreter, operation, examples);
            if !found.is_empty() {
                lines.push((operation.bare_name.clone().unwrap_or_default(), found));
            }
        }
    }
    Ok(lines)
}

/// The files lowered; where they have problems, a line saying the examples were not checked and
/// why.
fn lowered(files: &[load::File], mut diags: Diagnostics) -> Result<crate::ir::Model, String> {
    let model = lower::lower(files, &mut diags);
    match model.filter(|_| diags.is_empty()) {
        Some(model) => Ok(model),
        None => {
            let problems = diags.into_sorted();
            let first = problems.first().map_or_else(String::new, |d| {
                format!(": {}", d.to_string().replace("\n  help: ", "; help: "))
            });
            let more = if problems.len() > 1 {
                format!(" (and {} more)", problems.len() - 1)
            } else {
                String::new()
            };
            Err(format!(
                "examples not checked: the imported spec does not lower{first}{more}"
            ))
        }
    }
}

/// One line per violation of each example, and per example marked invalid that validates.
fn example_lines(
    interpreter: &Interpreter<'_>,
    operation: &crate::ir::Operation,
    examples: &[spec::RequestExample],
) -> Vec<Review> {
    let mut report = Vec::new();
    for example in examples {
        let title = &example.title;
        match (
            interpreter.check_body(operation, &example.body),
            &example.invalid,
        ) {
            (None, _) if !operation.form.is_empty() => {
                let text = format!("example {title:?}: the request is a multipart form, which Request::validate() checks field by field; the JSON example is not checked");
                report.push(Review::new(Kind::ExampleNotChecked, text));
            }
            (None, _) => {
                let text = format!("example {title:?}: the page gives an example request, but no request body table was imported; not checked");
                report.push(Review::new(Kind::ExampleNotChecked, text));
            }
            (Some(violations), None) => {
                for violation in violations {
                    let text = format!("example {title:?}: {violation}; decide in the overlay whether the table or the example is wrong");
                    report.push(Review::new(Kind::ExampleBreaksCheck, text));
                }
            }
            (Some(violations), Some(reason)) if violations.is_empty() => {
                let text = format!("example {title:?}: the overlay marks it invalid ({reason}), but it validates; remove it from invalid_examples");
                report.push(Review::new(Kind::StaleDecision, text));
            }
            (Some(_), Some(_)) => {}
        }
    }
    report
}

/// The service's shared tables as the imported page leaves them: the checked-in `common.json`, with
/// the entries the page contributes in place of the old ones, without those the page now defines
/// itself.
fn shared_tables(
    imported: &Imported,
    target: &Target,
    common: Option<&spec::Document>,
) -> Option<spec::Document> {
    fn merged<T: Clone>(
        old: Option<&spec::Entries<T>>,
        own: &spec::Entries<T>,
        contributed: &spec::Entries<T>,
    ) -> spec::Entries<T> {
        let mut entries = old.cloned().unwrap_or_default();
        entries.retain(|name, _| !own.contains_key(name));
        entries.extend(contributed.iter().map(|(k, v)| (k.clone(), v.clone())));
        entries
    }
    let spec = &imported.spec;
    let objects = merged(
        common.map(|c| &c.objects),
        &spec.objects,
        &imported.common_objects,
    );
    let enums = merged(
        common.map(|c| &c.enums),
        &spec.enums,
        &imported.common_enums,
    );
    if objects.is_empty() && enums.is_empty() {
        return None;
    }
    Some(spec::Document {
        schema: None,
        service: target.service.clone(),
        source: None,
        operation: None,
        objects,
        enums,
    })
}
