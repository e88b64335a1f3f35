//! The change report of an import against the checked-in spec (`import --diff`): the spec folder as
//! it is, against the same folder with the files the import would write, compared as any two
//! versions are, so that a page's edit carries the same levels and semver impact as `changes`.

use super::source::{model_of, read_folder, SourceError};
use super::{compare, Change};
use crate::spec;
use serde_json::{Map, Value};
use std::path::Path;

/// Entries of the spec's types as JSON: the checked-in `common.json` they go into is read as JSON,
/// whatever it holds, since it is compared as text.
fn as_json<T: serde::Serialize>(entries: &spec::Entries<T>) -> Map<String, Value> {
    let json = |value| serde_json::to_value(value).unwrap_or_default();
    entries.iter().map(|(k, v)| (k.clone(), json(v))).collect()
}

/// The changes that writing `imported` (file name relative to `base`, text) into the folder `base`
/// would make.
pub fn changes(base: &Path, imported: Vec<(String, String)>) -> Result<Vec<Change>, SourceError> {
    let label = base.display().to_string();
    let old = read_folder(base, &label)?;
    let mut new = old.clone();
    for (name, text) in imported {
        match new.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = text,
            None => new.push((name, text)),
        }
    }
    let before = model_of(&label, &old)?;
    let after = model_of(&format!("{label} (imported)"), &new)?;
    Ok(compare(&before, &after))
}

/// The files one page's import writes into the spec folder `base`: its operation's file, and the
/// service's `common.json` with the page's shared objects and enumerations in place of the file's.
pub fn page_files(
    base: &Path,
    spec_text: &str,
    spec: &spec::Document,
    common_objects: &spec::Entries<spec::PlainObject>,
    common_enums: &spec::Entries<spec::Enum>,
) -> Vec<(String, String)> {
    let service = spec.service.as_str();
    let operation = spec.operation.as_ref().map_or("", |o| o.name.as_str());
    let mut files = vec![(format!("{service}/{operation}.json"), spec_text.to_owned())];
    if common_objects.is_empty() && common_enums.is_empty() {
        return files;
    }
    let name = format!("{service}/common.json");
    let mut common = std::fs::read_to_string(base.join(&name))
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .unwrap_or_else(|| serde_json::json!({ "service": service }));
    let (objects, enums) = (as_json(common_objects), as_json(common_enums));
    for (section, entries) in [("objects", &objects), ("enums", &enums)] {
        let Some(common) = common.as_object_mut() else {
            break;
        };
        let held = common
            .entry(section)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(held) = held.as_object_mut() {
            held.extend(entries.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    files.push((
        name,
        serde_json::to_string_pretty(&common).unwrap_or_default(),
    ));
    files
}
