//! A file of a service import as the repair reads and edits it: its operation, its types, and the
//! references to them.

use serde_json::Value;
use std::path::PathBuf;

/// One file of a service import, as it will be written.
pub struct ServiceFile {
    pub service: String,
    pub path: PathBuf,
    pub spec: Value,
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
    pub fn lowering_name(&self) -> String {
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
