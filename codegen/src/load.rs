//! Load phase: find the spec files, parse each, and report malformed JSON with line:column.

use crate::diag::{Diagnostic, Diagnostics, Spans};
use crate::spec::SpecFile;
use std::path::{Path, PathBuf};

/// The name of the JSON Schema of the format, which sits among the spec files but is not one.
pub const SCHEMA_FILE: &str = "spec.schema.json";

/// The ending of the importer's overlay files (reviewed decisions over a page), which sit next to the
/// spec files they apply to but are not spec files.
pub const OVERLAY_SUFFIX: &str = ".overlay.json";

/// A spec file, parsed.
#[derive(Debug)]
pub struct File {
    /// Path relative to the spec directory, with `/` separators (stable across machines).
    pub name: String,
    pub spans: Spans,
    pub spec: SpecFile,
    /// The file's JSON, for loading entries one at a time.
    pub json: serde_json::Value,
}

/// Every `*.json` under `dir` but the format's schema and the overlays, sorted, as (relative name, path).
pub fn find(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for path in files_under(dir)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.extension().is_some_and(|ext| ext == "json")
            && name != SCHEMA_FILE
            && !name.ends_with(OVERLAY_SUFFIX)
        {
            found.push((relative_name(&path, dir), path));
        }
    }
    Ok(found)
}

/// Every file under `dir`, at any depth, sorted.
pub fn files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `path` relative to `root`, with `/` separators whatever the platform (stable across machines).
pub fn relative_name(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Parses one file's text; every problem goes to `diags`.
pub fn parse(name: &str, text: &str, diags: &mut Diagnostics) -> Option<File> {
    let json: serde_json::Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(error) => {
            let mut message = error.to_string();
            if let Some(at) = message.rfind(" at line ") {
                message.truncate(at);
            }
            diags.push(Diagnostic {
                file: name.to_owned(),
                line: error.line(),
                column: error.column(),
                path: String::new(),
                message: format!("malformed JSON: {message}"),
                help: None,
            });
            return None;
        }
    };
    let spans = Spans::new(text);
    let mut top = json.clone();
    // Entries are loaded one by one later, so that one bad entry does not hide the others.
    if let Some(object) = top.as_object_mut() {
        for key in ["operation", "objects", "enums"] {
            if let Some(value) = object.get_mut(key) {
                if value.is_object() {
                    *value = serde_json::Value::Object(Default::default());
                }
            }
        }
    }
    match serde_json::from_value::<SpecFile>(top) {
        Ok(spec) => Some(File {
            name: name.to_owned(),
            spans,
            spec,
            json,
        }),
        Err(error) => {
            diags.error(name, &spans, "", format!("not a spec file: {error}"));
            None
        }
    }
}

/// Loads an entry of `file` at `path` (a JSON path) as `T`, reporting a misfit there.
pub fn entry<T: serde::de::DeserializeOwned>(
    file: &File,
    path: &str,
    value: &serde_json::Value,
    diags: &mut Diagnostics,
) -> Option<T> {
    match serde_json::from_value(value.clone()) {
        Ok(entry) => Some(entry),
        Err(error) => {
            let message = error.to_string();
            // serde says "unknown field `maxmum`, expected one of ...": name the key, point at it, and
            // suggest the closest known key.
            if let Some(rest) = message.strip_prefix("unknown field `") {
                let key = rest.split('`').next().unwrap_or_default();
                let known: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
                let diag = diags.error(
                    &file.name,
                    &file.spans,
                    &format!("{path}.{key}"),
                    format!("unknown key `{key}`"),
                );
                match crate::diag::closest(key, known.iter().copied()) {
                    Some(suggestion) => diag.help(format!("did you mean `{suggestion}`?")),
                    None => diag.help(format!("the keys here are: {}", known.join(", "))),
                }
            } else {
                diags.error(&file.name, &file.spans, path, message);
            }
            None
        }
    }
}
