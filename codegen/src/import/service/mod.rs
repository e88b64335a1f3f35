//! `codegen import --service NAME --out DIR PAGES...`: a service's pages (files, or folders of
//! `.txt` pages) into one service directory: one spec file per operation and the types several
//! pages share in `common.json` (the private `names` module has the rule). Operations are named
//! after their page's title (`Querying VPC Channels` is `querying_vpc_channels`, by
//! [`naming::operation_name`]), or keep the name of the file in `DIR` that already documents the
//! page. Files of `DIR` for pages not given are left alone, and the `common.json` entries they use
//! are kept. The same pages give the same files, byte for byte; with `--diff`, nothing is written
//! and every difference from the files in `DIR` is listed.

mod existing;
mod names;
mod repair;
mod shapes;

use super::build::{Imported, Target};
use super::pages::{import_page, read_page, read_spec};
use super::review::{Kind, Review};
use super::{diff, ImportError};
use crate::{load, naming, spec};
use existing::Existing;
use names::{PageDefs, Plan};
use repair::ServiceFile;
use serde_json::Value;
use shapes::{Def, Defs};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a service import produced.
#[derive(Debug, Default)]
pub struct ServiceOutcome {
    /// The files to write, with their content, in `DIR`.
    pub files: Vec<(PathBuf, String)>,
    /// What a person should review, one line each, prefixed with the operation.
    pub report: Vec<Review>,
    /// The pages that could not be imported, with why.
    pub failed: Vec<String>,
    /// With `diff`: every difference from the files in `DIR`.
    pub differences: Vec<String>,
    pub counts: Counts,
}

/// What the import holds, for the summary line and the README's corpus figures.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub operations: usize,
    pub objects: usize,
    pub enums: usize,
    pub common: usize,
    pub fields: usize,
    pub rules: usize,
    pub request_examples: usize,
    pub response_examples: usize,
}

const COMMON_FILE: &str = "common.json";

/// Imports the pages under `inputs` as service `service` into `dir`.
pub fn import_service(
    service: &str,
    dir: &Path,
    inputs: &[PathBuf],
) -> Result<ServiceOutcome, ImportError> {
    let existing = Existing::read(dir)?;
    let mut imported: BTreeMap<String, Imported> = BTreeMap::new();
    let mut early = ServiceOutcome::default();
    for path in pages_under(inputs)? {
        early.counts.pages += 1;
        let page = match read_page(&path) {
            Ok(page) => page,
            Err(ImportError::Page { file, error }) => {
                early
                    .failed
                    .push(ImportError::Page { file, error }.to_string());
                continue;
            }
            Err(other) => return Err(other),
        };
        let title = &page.title;
        let op = existing
            .op_of_title(title, &page.path)
            .unwrap_or_else(|| naming::operation_name(title));
        let op = if imported.contains_key(&op) {
            let free = free_name(&op, &imported);
            let text = format!(
                "{} has the title of another page, {title:?}; imported as {free}",
                path.display()
            );
            early
                .report
                .push(Review::new(Kind::TitleTaken, text).of_operation(&free));
            free
        } else {
            op
        };
        let target = Target {
            service: service.to_owned(),
            name: op.clone(),
        };
        match import_page(&path, &page, &target, dir, None) {
            Ok(result) => {
                imported.insert(op, result.imported);
            }
            Err(error) => early.failed.push(error.to_string()),
        }
    }
    with_pages_in(service, dir, &existing, imported, early)
}

/// The service `service` in `dir` with the operations of `imported` (by name) imported anew, beside
/// what `outcome` already holds (the pages counted, those that failed).
pub(super) fn with_pages(
    service: &str,
    dir: &Path,
    imported: BTreeMap<String, Imported>,
    outcome: ServiceOutcome,
) -> Result<ServiceOutcome, ImportError> {
    with_pages_in(service, dir, &Existing::read(dir)?, imported, outcome)
}

fn with_pages_in(
    service: &str,
    dir: &Path,
    existing: &Existing,
    imported: BTreeMap<String, Imported>,
    mut outcome: ServiceOutcome,
) -> Result<ServiceOutcome, ImportError> {
    let plan = plan(existing, &imported);
    outcome.report.extend(plan.report.iter().cloned());

    let mut files = Vec::new();
    for (op, result) in &imported {
        outcome.report.extend(
            result
                .report
                .iter()
                .map(|line| line.clone().of_operation(op)),
        );
        outcome.report.extend(
            result
                .stale
                .iter()
                .map(|line| line.clone().placed("overlay").of_operation(op)),
        );
        files.push(ServiceFile {
            service: service.to_owned(),
            path: dir.join(format!("{op}.json")),
            spec: to_json(&operation_file(result, &plan, op)),
        });
    }
    if !plan.common.is_empty() || existing.common_file.is_some() {
        files.push(ServiceFile {
            service: service.to_owned(),
            path: dir.join(COMMON_FILE),
            spec: to_json(&common_file(
                service,
                existing.common_header.as_ref(),
                &plan.common,
            )),
        });
    }
    // The files of the operations not imported anew are not lowered with these: the plan's names
    // already avoid theirs, and they are not this import's to change.
    let repaired = repair::until_it_lowers(&mut files);
    if existing.files.keys().all(|op| imported.contains_key(op)) {
        prune_common(&mut files);
    }
    outcome.report.extend(repaired.report);
    outcome.failed.extend(repaired.left_out);
    for file in &files {
        count(&file.spec, &mut outcome.counts);
        match file.operation() {
            Some(_) => outcome.counts.operations += 1,
            None => outcome.counts.common += file.type_names().count(),
        }
        outcome
            .files
            .push((file.path.clone(), super::spec_text(&file.spec)));
    }
    outcome
        .report
        .extend(check_examples(service, &outcome.files));
    let no_overlay = imported.len()
        - imported
            .keys()
            .filter(|op| dir.join(format!("{op}{}", load::OVERLAY_SUFFIX)).exists())
            .count();
    if no_overlay > 0 {
        let text = format!("{no_overlay} of {} operations have no overlay: names the pages do not give are made up", imported.len());
        outcome.report.push(Review::new(Kind::NoOverlay, text));
    }
    Ok(outcome)
}

/// Where the definitions of the pages `imported` go, beside the files of `existing` for the
/// operations not imported anew, whose names they avoid and whose shared types they keep.
fn plan(existing: &Existing, imported: &BTreeMap<String, Imported>) -> Plan {
    let pages: Vec<PageDefs> = imported
        .iter()
        .map(|(op, i)| PageDefs {
            op: op.clone(),
            defs: definitions(i),
            silent_on_presence: i.silent_on_presence.clone(),
        })
        .collect();
    let others: Vec<&Defs> = existing
        .files
        .iter()
        .filter(|(op, _)| !imported.contains_key(*op))
        .map(|(_, defs)| defs)
        .collect();
    let other_bodies: Vec<&str> = existing
        .bodies
        .iter()
        .filter(|(op, _)| !imported.contains_key(*op))
        .flat_map(|(_, bodies)| bodies.iter().map(String::as_str))
        .collect();
    let taken: BTreeSet<String> = others.iter().flat_map(|d| d.keys().cloned()).collect();
    let kept = names::used_by(&others, &other_bodies, &existing.common);
    names::plan(&pages, &kept, &taken)
}

/// The page checks itself: each operation's example requests against the service just imported, one
/// review line per violation.
fn check_examples(service: &str, files: &[(PathBuf, String)]) -> Vec<Review> {
    let named: Vec<(String, String)> = files
        .iter()
        .map(|(path, text)| {
            (
                format!(
                    "{service}/{}",
                    path.file_name().unwrap_or_default().to_string_lossy()
                ),
                text.clone(),
            )
        })
        .collect();
    match super::examples::check_files(&named) {
        Ok(found) => found
            .into_iter()
            .flat_map(|(op, lines)| lines.into_iter().map(move |line| line.of_operation(&op)))
            .collect(),
        Err(why) => vec![why],
    }
}

/// Every difference between the files an import produced and those in its directory; with
/// `formatting`, also files that differ only in their text (key order, layout), which a
/// byte-for-byte re-import would rewrite.
pub fn differences(outcome: &ServiceOutcome, formatting: bool) -> Result<Vec<String>, ImportError> {
    let mut found = Vec::new();
    for (path, text) in &outcome.files {
        let name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !path.exists() {
            found.push(format!("{name}: would be added"));
            continue;
        }
        let old_text = std::fs::read_to_string(path).map_err(ImportError::io(path))?;
        if old_text.replace("\r\n", "\n") == *text {
            continue;
        }
        let old = read_spec(path)?;
        let new: spec::Document = match serde_json::from_str(text) {
            Ok(new) => new,
            Err(error) => {
                found.push(format!(
                    "{name}: the import's file is not a spec file: {error}"
                ));
                continue;
            }
        };
        let before = found.len();
        diff::spec_files(&name, &old, &new, &mut found);
        if found.len() == before && formatting {
            found.push(format!(
                "{name}: differs in its text only (key order or formatting)"
            ));
        }
    }
    Ok(found)
}

/// Writes the files that differ from what `dir` holds; the paths written.
pub fn write(outcome: &ServiceOutcome, dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    std::fs::create_dir_all(dir).map_err(ImportError::io(dir))?;
    let mut written = Vec::new();
    for (path, text) in &outcome.files {
        if crate::write::write_if_changed(path, text).map_err(ImportError::io(path))? {
            written.push(path.clone());
        }
    }
    Ok(written)
}

/// The page files: each file given, and the `.txt` files of each folder given, in name order.
fn pages_under(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut pages = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let files = load::files_under(input).map_err(ImportError::io(input))?;
            let mut found: Vec<PathBuf> = files
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            found.sort();
            pages.extend(found);
        } else {
            pages.push(input.clone());
        }
    }
    Ok(pages)
}

/// `name_2`, `name_3`...: the first not yet used by a page of this import.
fn free_name(name: &str, used: &BTreeMap<String, Imported>) -> String {
    (2..)
        .map(|n| format!("{name}_{n}"))
        .find(|n| !used.contains_key(n))
        .unwrap_or_default()
}

/// The page's objects and enumerations, wherever its overlay put them, in one namespace.
fn definitions(imported: &Imported) -> Defs {
    let spec = &imported.spec;
    let objects = spec.objects.iter().chain(&imported.common_objects);
    let enums = spec.enums.iter().chain(&imported.common_enums);
    objects
        .map(|(k, v)| (k.clone(), Def::Object(v.clone())))
        .chain(enums.map(|(k, v)| (k.clone(), Def::Enum(v.clone()))))
        .collect()
}

/// A spec file as the JSON the repair works on: it edits a file where lowering's diagnostics point,
/// by their JSON path, and keeps what it leaves (an emptied list of parameters) as it is.
fn to_json(file: &spec::Document) -> Value {
    // The spec's types have string keys, the one way serializing to a `Value` can fail.
    serde_json::to_value(file).expect("the spec's types serialize to JSON")
}

/// The operation's spec file: its own definitions under their service names, references renamed,
/// the shared ones left to `common.json`.
fn operation_file(imported: &Imported, plan: &Plan, op: &str) -> spec::Document {
    let empty = BTreeMap::new();
    let names = plan.names.get(op).unwrap_or(&empty);
    let mut spec = imported.spec.clone();
    spec.objects.clear();
    spec.enums.clear();
    for (name, def) in definitions(imported) {
        let Some((final_name, false)) = names.get(&name) else {
            continue;
        };
        match names::rename_references(&def, names) {
            Def::Object(object) => {
                spec.objects.insert(final_name.clone(), object);
            }
            Def::Enum(e) => {
                spec.enums.insert(final_name.clone(), e);
            }
        }
    }
    if let Some(operation) = &mut spec.operation {
        // A body named by its type alone is renamed (a map's `items` is not).
        let bodies = operation.body.iter_mut();
        let responses = operation
            .responses
            .iter_mut()
            .filter_map(|r| r.body.as_mut());
        for body in bodies.chain(responses).filter(|b| b.items.is_none()) {
            if let Some((renamed, _)) = names.get(&body.ty) {
                body.ty = renamed.clone();
            }
        }
    }
    spec
}

/// `common.json`: the keys it had besides its definitions (else `$schema` and `service`), then the
/// objects and the enumerations by name.
fn common_file(service: &str, header: Option<&spec::Document>, common: &Defs) -> spec::Document {
    let mut file = header.cloned().unwrap_or_else(|| spec::Document {
        schema: Some("../spec.schema.json".to_owned()),
        service: service.to_owned(),
        source: None,
        operation: None,
        objects: spec::Entries::new(),
        enums: spec::Entries::new(),
    });
    for (name, def) in common {
        match def.clone() {
            Def::Object(object) => {
                file.objects.insert(name.clone(), object);
            }
            Def::Enum(e) => {
                file.enums.insert(name.clone(), e);
            }
        }
    }
    file
}

fn count(spec: &Value, counts: &mut Counts) {
    let section = |key: &str| {
        spec.get(key)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
    };
    counts.objects += section("objects").count();
    counts.enums += section("enums").count();
    for (_, object) in section("objects") {
        counts.fields += object
            .get("fields")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        counts.rules += object
            .get("rules")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
    }
    let examples = |key: &str| {
        spec.pointer(&format!("/operation/examples/{key}"))
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    counts.request_examples += examples("requests");
    counts.response_examples += examples("responses");
}

/// Drops the entries of `common.json` that no operation reaches any more (the repair left out the
/// field that used them), when the import holds every operation of the service: an import of one
/// page keeps what the other operations use and nothing else, so the whole service must hold no
/// more than that either.
fn prune_common(files: &mut [ServiceFile]) {
    // The files come back from the repair as JSON; one the repair could not make load is not
    // read, and then nothing is pruned.
    let typed = |f: &ServiceFile| serde_json::from_value::<spec::Document>(f.spec.clone()).ok();
    let Some(operations) = files
        .iter()
        .filter(|f| f.operation().is_some())
        .map(typed)
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let own: Vec<Defs> = operations.iter().map(existing::definitions).collect();
    let bodies: Vec<String> = operations.iter().flat_map(existing::body_types).collect();
    let Some(common) = files.iter_mut().find(|f| f.operation().is_none()) else {
        return;
    };
    let Some(common_spec) = typed(common) else {
        return;
    };
    let used = names::used_by(
        &own.iter().collect::<Vec<_>>(),
        &bodies.iter().map(String::as_str).collect::<Vec<_>>(),
        &existing::definitions(&common_spec),
    );
    for key in ["objects", "enums"] {
        if let Some(entries) = common.spec.get_mut(key).and_then(Value::as_object_mut) {
            entries.retain(|name, _| used.contains_key(name));
        }
    }
}
