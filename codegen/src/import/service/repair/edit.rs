//! One round of the repair: each problem's unit resolved or left out in the service's files, with a
//! review line that says what was done and what the generator said.

use super::describe;
use super::file::ServiceFile;
use super::locate::{pointer, Step, Unit};
use crate::diag::Diagnostic;
use crate::import::review::{Kind, Review};
use crate::naming;
use heck::ToUpperCamelCase;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What the repair keeps across its rounds.
#[derive(Default)]
pub struct Repair {
    pub report: Vec<Review>,
    /// The operations left out, with why.
    pub left_out: Vec<String>,
    /// The names the repair gave types: a type renamed once that still does not lower is left out.
    renamed: BTreeSet<String>,
}

/// The problems of one file, each with the unit it is resolved in.
pub type Problems = BTreeMap<Unit, Diagnostic>;

impl Repair {
    /// Resolves or leaves out the unit of each problem of `files[i]` (by `i`), then drops the
    /// operations left out.
    pub fn round(&mut self, files: &mut Vec<ServiceFile>, problems: BTreeMap<usize, Problems>) {
        let mut renames = Vec::new();
        let mut dropped = BTreeSet::new();
        for (at, problems) in problems {
            // A path template at fault that names no parameter missing (it is unbalanced) has no
            // smaller unit than the operation.
            let whole = problems.get(&Unit::Operation).or_else(|| {
                problems
                    .get(&Unit::PathParams)
                    .filter(|_| missing_path_params(&files[at].spec).is_empty())
            });
            if let Some(diag) = whole {
                self.leave_out_operation(&files[at], diag);
                dropped.insert(at);
                continue;
            }
            let mut elements = Vec::new();
            for (unit, diag) in problems {
                let file = &mut files[at];
                match unit {
                    Unit::Element { list, index } => elements.push((list, index, diag)),
                    Unit::Def {
                        section,
                        name,
                        at_type,
                    } => renames.push((at, section, name, at_type, diag)),
                    unit => self.resolve(file, unit, &diag, &mut elements),
                }
            }
            // Last index first, so that each leaves the others' indices as they are.
            elements.sort_by(|a, b| (&b.0, b.1).cmp(&(&a.0, a.1)));
            for (list, index, diag) in elements {
                self.leave_out_element(&mut files[at], &list, index, &diag);
            }
        }
        for (at, section, name, at_type, diag) in renames {
            self.type_problem(files, at, &section, &name, at_type, &diag);
        }
        let mut at = 0;
        files.retain(|_| {
            at += 1;
            !dropped.contains(&(at - 1))
        });
    }

    /// A key, the path parameters, a body or a response's variant: each resolved in place (a
    /// variant or a body already resolved so is left out, through `elements`).
    fn resolve(
        &mut self,
        file: &mut ServiceFile,
        unit: Unit,
        diag: &Diagnostic,
        elements: &mut Vec<(Vec<Step>, usize, Diagnostic)>,
    ) {
        match unit {
            Unit::Key { entry, key } => {
                let what = describe::entry(&file.spec, &entry);
                remove_key(&mut file.spec, &entry, &key);
                let text = format!("the `{key}` of {what} left out");
                self.line(file, Kind::LeftOutToGenerate, text, diag);
            }
            Unit::PathParams => self.add_path_params(file),
            Unit::Body { at } => {
                let what = describe::entry(&file.spec, &at);
                let (entry, key) = at.split_at(at.len() - 1);
                let Some(Step::Key(key)) = key.first() else {
                    return;
                };
                let body = file.spec.pointer_mut(&pointer(&at));
                let text = match body {
                    Some(body) if *body != json!("object") => {
                        *body = json!("object");
                        format!("{what} left out: the body is read as a free-form JSON object")
                    }
                    _ => {
                        remove_key(&mut file.spec, entry, key);
                        format!("{what} left out: no body")
                    }
                };
                self.line(file, Kind::LeftOutToGenerate, text, diag);
            }
            Unit::Variant { response } => {
                let at = vec![
                    Step::Key("operation".to_owned()),
                    Step::Key("responses".to_owned()),
                    Step::Index(response),
                ];
                if !self.name_variant(file, &at, diag) {
                    elements.push((at[..2].to_vec(), response, diag.clone()));
                }
            }
            _ => {}
        }
    }

    /// Adds each parameter the path template names and no path parameter lists, as a string.
    fn add_path_params(&mut self, file: &mut ServiceFile) {
        let missing = missing_path_params(&file.spec);
        let Some(operation) = file.spec.get_mut("operation") else {
            return;
        };
        if !operation.get("path_params").is_some_and(Value::is_array) {
            operation["path_params"] = json!([]);
        }
        for name in &missing {
            let param = json!({ "name": name, "type": "string", "required": true });
            if let Some(list) = operation["path_params"].as_array_mut() {
                list.push(param);
            }
        }
        // The line is the whole story: the generator's message only says that the path names it.
        for name in missing {
            let text = format!("`{{{name}}}`: the path names it and no path parameter of the page's tables lists it (or the one listed is left out above); added as a string path parameter");
            self.push(file, Review::new(Kind::PathParamAdded, text));
        }
    }

    /// Names the response at `at` after its status, through the format's `name` key; false where
    /// it already has that name.
    fn name_variant(&mut self, file: &mut ServiceFile, at: &[Step], diag: &Diagnostic) -> bool {
        let Some(response) = file.spec.pointer_mut(&pointer(at)) else {
            return false;
        };
        let status = response.get("status").cloned().unwrap_or(Value::Null);
        let name = format!("Status{status}");
        if response.get("name") == Some(&json!(name)) || !response.is_object() {
            return false;
        }
        response["name"] = json!(name);
        let text = format!("response {status}: its `Response` variant is named {name}");
        self.line(file, Kind::RenamedToGenerate, text, diag);
        true
    }

    fn leave_out_element(
        &mut self,
        file: &mut ServiceFile,
        list: &[Step],
        index: usize,
        diag: &Diagnostic,
    ) {
        let mut at = list.to_vec();
        at.push(Step::Index(index));
        let what = describe::entry(&file.spec, &at);
        let removed = file
            .spec
            .pointer_mut(&pointer(list))
            .and_then(Value::as_array_mut)
            .filter(|items| index < items.len())
            .map(|items| items.remove(index));
        if removed.is_some() {
            self.line(
                file,
                Kind::LeftOutToGenerate,
                format!("{what} left out"),
                diag,
            );
        }
    }

    fn leave_out_operation(&mut self, file: &ServiceFile, diag: &Diagnostic) {
        let why = problem(diag);
        let text = format!("operation left out: its file does not generate ({why})");
        self.push(file, Review::new(Kind::OperationLeftOut, text));
        self.left_out.push(format!(
            "{}: not imported: its spec does not generate: {why}",
            file.path.display()
        ));
    }

    /// A problem of the type `section.name` of `files[at]`: where it is about the type itself and
    /// the type was not renamed before, renamed (its name collides with another); else left out.
    fn type_problem(
        &mut self,
        files: &mut [ServiceFile],
        at: usize,
        section: &str,
        name: &str,
        at_type: bool,
        diag: &Diagnostic,
    ) {
        let defined = files[at]
            .spec
            .get(section)
            .and_then(|s| s.get(name))
            .is_some();
        if !defined {
            return;
        }
        if at_type && !self.renamed.contains(name) {
            let new = free_name(files, at, name);
            rename_type(files, at, section, name, &new);
            self.renamed.insert(new.clone());
            let text = format!("type {name} renamed {new}");
            self.line(&files[at], Kind::RenamedToGenerate, text, diag);
        } else {
            if let Some(defs) = files[at]
                .spec
                .get_mut(section)
                .and_then(Value::as_object_mut)
            {
                defs.shift_remove(name);
            }
            let text = format!("type {name} left out");
            self.line(&files[at], Kind::LeftOutToGenerate, text, diag);
        }
    }

    /// A review line about `file`: `text`, and the generator's diagnostic that led to it.
    fn line(&mut self, file: &ServiceFile, kind: Kind, text: String, diag: &Diagnostic) {
        let text = format!(
            "{text} so that the service generates; the generator said: {}",
            problem(diag)
        );
        self.push(file, Review::new(kind, text));
    }

    /// Adds `line` about `file` to the report: as one of its operation's, else placed in the file.
    fn push(&mut self, file: &ServiceFile, line: Review) {
        self.report.push(match file.operation() {
            Some(op) => line.of_operation(&op),
            None => line.placed(&file.file_name()),
        });
    }
}

/// The diagnostic on one line, without its file (the review line names the operation).
fn problem(diag: &Diagnostic) -> String {
    let mut text = if diag.path.is_empty() {
        diag.message.clone()
    } else {
        format!("{}: {}", diag.path, diag.message)
    };
    if let Some(help) = &diag.help {
        text.push_str(&format!(" (help: {help})"));
    }
    text
}

/// The parameters the operation's path template names and no path parameter lists, in order.
fn missing_path_params(spec: &Value) -> Vec<String> {
    let template = spec
        .pointer("/operation/path")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let listed: BTreeSet<&str> = spec
        .pointer("/operation/path_params")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("name")?.as_str())
        .collect();
    let mut missing: Vec<String> = Vec::new();
    for name in template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
    {
        if !name.is_empty() && !listed.contains(name) && !missing.iter().any(|m| m == name) {
            missing.push(name.to_owned());
        }
    }
    missing
}

fn remove_key(spec: &mut Value, entry: &[Step], key: &str) {
    if let Some(entry) = spec
        .pointer_mut(&pointer(entry))
        .and_then(Value::as_object_mut)
    {
        entry.shift_remove(key);
    }
}

/// A name for the type `name` of `files[at]` that no type of the service has, in Rust either:
/// `{Operation}{Name}` after the operation of its file, or for a shared type the first operation
/// that uses it (the service import's rule for a name taken), numbered while taken.
fn free_name(files: &[ServiceFile], at: usize, name: &str) -> String {
    let owner = files[at].operation().or_else(|| {
        files
            .iter()
            .filter(|f| f.uses(name))
            .find_map(ServiceFile::operation)
    });
    let base = format!(
        "{}{name}",
        owner
            .unwrap_or_else(|| files[at].service.clone())
            .to_upper_camel_case()
    );
    let taken: BTreeSet<String> = files
        .iter()
        .flat_map(ServiceFile::type_names)
        .map(|n| naming::type_ident(&n))
        .flat_map(|rust| [naming::response_form(&rust), rust])
        .chain(naming::RESERVED_TYPE_NAMES.iter().map(|n| (*n).to_owned()))
        .collect();
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}{n}"),
        })
        .find(|candidate| {
            let rust = naming::type_ident(candidate);
            !taken.contains(&rust) && !taken.contains(&naming::response_form(&rust))
        })
        .unwrap_or(base)
}

/// Renames the type `name` of `files[at]` to `new`, and every reference to it: in its own file, and
/// where the file is the shared one, in every file that does not define a type of that name itself.
fn rename_type(files: &mut [ServiceFile], at: usize, section: &str, name: &str, new: &str) {
    if let Some(defs) = files[at]
        .spec
        .get_mut(section)
        .and_then(Value::as_object_mut)
    {
        // Rebuilt rather than removed and inserted, so that the type keeps its place in the file.
        *defs = std::mem::take(defs)
            .into_iter()
            .map(|(key, def)| {
                if key == name {
                    (new.to_owned(), def)
                } else {
                    (key, def)
                }
            })
            .collect();
    }
    let shared = files[at].operation().is_none();
    for (i, file) in files.iter_mut().enumerate() {
        if i == at || (shared && !file.type_names().any(|n| n == name)) {
            file.retarget(name, new);
        }
    }
}
