//! What a service directory already holds: each operation file's definitions, page title and the
//! types its bodies name, and `common.json`, which a service import reuses and keeps.

use super::shapes::Defs;
use super::COMMON_FILE;
use crate::import::pages::read_json;
use crate::import::ImportError;
use crate::load;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The types an operation file's operation names: its bodies' (`"VpcCreate"`, or a map's `items`)
/// and its parameters'.
pub(super) fn body_types(file: &Value) -> Vec<String> {
    let list = |key: &str| {
        file.pointer(&format!("/operation/{key}"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
    };
    let responses = list("responses").filter_map(|r| r.get("body"));
    let params = ["path_params", "query_params", "headers", "form_params"]
        .into_iter()
        .flat_map(list);
    file.pointer("/operation/body")
        .into_iter()
        .chain(responses)
        .chain(params)
        .flat_map(|body| [Some(body), body.get("type"), body.get("items")])
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// A spec file's objects and enumerations, by name.
pub(super) fn definitions(file: &Value) -> Defs {
    ["objects", "enums"]
        .into_iter()
        .filter_map(|key| file.get(key).and_then(Value::as_object))
        .flatten()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// What the service directory already holds.
pub(super) struct Existing {
    /// Each operation file's definitions, by operation.
    pub(super) files: BTreeMap<String, Defs>,
    /// Each operation file's page title and path, by operation.
    pub(super) titles: BTreeMap<String, (String, String)>,
    /// The types each operation file's request and response bodies name, by operation.
    pub(super) bodies: BTreeMap<String, Vec<String>>,
    /// The keys of `common.json` besides its definitions (`$schema`, `source`), kept as they are.
    pub(super) common_header: Map<String, Value>,
    pub(super) common: Defs,
    pub(super) common_file: Option<PathBuf>,
}

impl Existing {
    pub(super) fn read(dir: &Path) -> Result<Existing, ImportError> {
        let mut existing = Existing {
            files: BTreeMap::new(),
            titles: BTreeMap::new(),
            bodies: BTreeMap::new(),
            common_header: Map::new(),
            common: Defs::new(),
            common_file: None,
        };
        if !dir.is_dir() {
            return Ok(existing);
        }
        let entries = load::files_under(dir).map_err(ImportError::io(dir))?;
        for path in entries.into_iter().filter(|p| p.parent() == Some(dir)) {
            let file = path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(stem) = file
                .strip_suffix(".json")
                .filter(|_| load::FileKind::of(&file) == load::FileKind::Spec)
            else {
                continue;
            };
            let json = read_json(&path)?;
            let defs = definitions(&json);
            if file == COMMON_FILE {
                existing.common = defs;
                existing.common_file = Some(path);
                existing.common_header = json
                    .as_object()
                    .into_iter()
                    .flatten()
                    .filter(|(k, _)| !["objects", "enums"].contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
            } else {
                existing.bodies.insert(stem.to_owned(), body_types(&json));
                if let Some(title) = json.pointer("/source/page").and_then(Value::as_str) {
                    let path = json
                        .pointer("/operation/path")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    existing
                        .titles
                        .insert(stem.to_owned(), (title.to_owned(), path.to_owned()));
                }
                existing.files.insert(stem.to_owned(), defs);
            }
        }
        Ok(existing)
    }

    /// The operation whose file documents the page titled `title` with the path `path`; else the
    /// first with that title (a page whose path changed).
    pub(super) fn op_of_title(&self, title: &str, path: &str) -> Option<String> {
        let titled = || self.titles.iter().filter(|(_, (t, _))| t == title);
        titled()
            .find(|(_, (_, p))| p == path)
            .or_else(|| titled().next())
            .map(|(op, _)| op.clone())
    }
}
