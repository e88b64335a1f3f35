//! Load phase: find the spec files, parse each into spec types, and report malformed JSON with
//! line:column and every entry that does not fit the format at its JSON path.

use crate::diag::{Diagnostic, Diagnostics, Spans};
use crate::spec::{self, Located, SpecFile};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The name of the JSON Schema of the format, which sits among the spec files but is not one.
pub const SCHEMA_FILE: &str = "spec.schema.json";

/// The ending of the importer's overlay files (reviewed decisions over a page), which sit next to
/// the spec files they apply to but are not spec files.
pub const OVERLAY_SUFFIX: &str = ".overlay.json";

/// The name of a service's release history (`spec::Releases`), which sits among its spec files but
/// is not one; `<service>.releases.json` where services share a folder.
pub const RELEASES_FILE: &str = "releases.json";

/// A spec file, parsed, with each entry loaded on its own into spec types. An entry that does not
/// load is reported and left out, so that lowering sees only typed values.
#[derive(Debug)]
pub struct File {
    /// Path relative to the spec directory, with `/` separators (stable across machines).
    pub name: String,
    pub spans: Spans,
    pub service: String,
    pub operation: Option<spec::Operation>,
    /// The objects, in file order, by name.
    pub objects: Vec<(String, spec::Object)>,
    /// The enumerations, in file order, by name.
    pub enums: Vec<(String, spec::Enum)>,
}

/// What a file under the spec folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Spec,
    Releases,
    /// The format's schema, an overlay, a page or anything else.
    Other,
}

impl FileKind {
    /// The kind of the file named `name` (a path with `/` separators, or a bare name).
    pub fn of(name: &str) -> FileKind {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if base == RELEASES_FILE || base.ends_with(&format!(".{RELEASES_FILE}")) {
            FileKind::Releases
        } else if base.ends_with(".json") && base != SCHEMA_FILE && !base.ends_with(OVERLAY_SUFFIX)
        {
            FileKind::Spec
        } else {
            FileKind::Other
        }
    }
}

/// Every spec file under `dir` (every `*.json` but the format's schema, the overlays and the release
/// histories), sorted, as (relative name, path).
pub fn find(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    find_kind(dir, FileKind::Spec)
}

/// Every file of `kind` under `dir`, sorted, as (relative name, path).
pub fn find_kind(dir: &Path, kind: FileKind) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for path in files_under(dir)? {
        let name = relative_name(&path, dir);
        if FileKind::of(&name) == kind {
            found.push((name, path));
        }
    }
    Ok(found)
}

/// Parses a release history; a problem goes to `diags` with its line:column.
pub fn parse_releases(name: &str, text: &str, diags: &mut Diagnostics) -> Option<spec::Releases> {
    match serde_json::from_str(text) {
        Ok(releases) => Some(releases),
        Err(error) => {
            let mut diagnostic = json_error(name, &error, "not a release history");
            diagnostic.help = Some(format!("{RELEASES_FILE} is written by `codegen release`"));
            diags.push(diagnostic);
            None
        }
    }
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

/// serde_json's `error` reading the file `name`, at its line:column, as `what: <serde's message>`.
fn json_error(name: &str, error: &serde_json::Error, what: &str) -> Diagnostic {
    let mut message = error.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    Diagnostic {
        file: name.to_owned(),
        line: error.line(),
        column: error.column(),
        path: String::new(),
        message: format!("{what}: {message}"),
        help: None,
    }
}

/// Parses one file's text; every problem goes to `diags`. A file that is not JSON or not a spec
/// file is `None`; otherwise each entry is loaded on its own, so one bad entry does not hide the
/// others.
pub fn parse(name: &str, text: &str, diags: &mut Diagnostics) -> Option<File> {
    let json: Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(error) => {
            diags.push(json_error(name, &error, "malformed JSON"));
            return None;
        }
    };
    let spans = Spans::new(text);
    let mut top = json.clone();
    // The top level is read with the entries emptied; they are loaded one by one below.
    if let Some(object) = top.as_object_mut() {
        for key in ["operation", "objects", "enums"] {
            if let Some(value) = object.get_mut(key) {
                if value.is_object() {
                    *value = Value::Object(Default::default());
                }
            }
        }
    }
    let head = match serde_json::from_value::<SpecFile>(top) {
        Ok(head) => head,
        Err(error) => {
            diags.error(name, &spans, "", format!("not a spec file: {error}"));
            return None;
        }
    };
    let mut loader = Loader {
        name,
        spans: &spans,
        diags,
    };
    let operation = json
        .get("operation")
        .and_then(|value| loader.operation(value));
    let objects = loader.named(&json, "objects", Loader::object);
    let enums = loader.named(&json, "enums", |loader, path, value| {
        loader.entry::<spec::Enum>(path, value)
    });
    Some(File {
        name: name.to_owned(),
        spans,
        service: head.service,
        operation,
        objects,
        enums,
    })
}

/// Loads the entries of one file, reporting each misfit at its JSON path.
struct Loader<'a> {
    name: &'a str,
    spans: &'a Spans,
    diags: &'a mut Diagnostics,
}

impl Loader<'_> {
    /// The entries of the section `objects` or `enums` of `json` that load, by name.
    fn named<T>(
        &mut self,
        json: &Value,
        section: &str,
        load: impl Fn(&mut Self, &str, &Value) -> Option<T>,
    ) -> Vec<(String, T)> {
        let Some(entries) = json.get(section).and_then(Value::as_object) else {
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(name, value)| {
                let item = load(self, &format!("{section}.{name}"), value)?;
                Some((name.clone(), item))
            })
            .collect()
    }

    /// The operation, its parameters, bodies and responses' headers each loaded on their own.
    fn operation(&mut self, value: &Value) -> Option<spec::Operation> {
        let raw = self.entry::<spec::RawOperation>("operation", value)?;
        let responses = raw
            .responses
            .into_iter()
            .enumerate()
            .map(|(i, response)| {
                let path = format!("operation.responses[{i}]");
                spec::Response {
                    status: response.status,
                    description: response.description,
                    body: response
                        .body
                        .and_then(|body| self.entry(&format!("{path}.body"), &body)),
                    name: response.name,
                    headers: self.list(&format!("{path}.headers"), response.headers),
                }
            })
            .collect();
        Some(spec::Operation {
            name: raw.name,
            summary: raw.summary,
            description: raw.description,
            method: raw.method,
            path: raw.path,
            path_params: self.list("operation.path_params", raw.path_params),
            query_params: self.list("operation.query_params", raw.query_params),
            headers: self.list("operation.headers", raw.headers),
            form_params: self.list("operation.form_params", raw.form_params),
            body: raw
                .body
                .and_then(|body| self.entry("operation.body", &body)),
            responses,
            examples: raw.examples,
        })
    }

    /// An object, its fields and rules each loaded on their own.
    fn object(&mut self, path: &str, value: &Value) -> Option<spec::Object> {
        let raw = self.entry::<spec::RawObject>(path, value)?;
        Some(spec::Object {
            description: raw.description,
            fields: self.list(&format!("{path}.fields"), raw.fields),
            rules: self.list(&format!("{path}.rules"), raw.rules),
        })
    }

    /// The entries of the list at `path` that load, each with its own path.
    fn list<T: DeserializeOwned>(&mut self, path: &str, values: Vec<Value>) -> Vec<Located<T>> {
        values
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                let path = format!("{path}[{i}]");
                let item = self.entry(&path, value)?;
                Some(Located { path, item })
            })
            .collect()
    }

    /// Loads the entry at `path` (a JSON path) as `T`, reporting a misfit there.
    fn entry<T: DeserializeOwned>(&mut self, path: &str, value: &Value) -> Option<T> {
        let error = match serde_json::from_value(value.clone()) {
            Ok(entry) => return Some(entry),
            Err(error) => error.to_string(),
        };
        // serde says "unknown field `maxmum`, expected one of ...": name the key, point at it, and
        // suggest the closest known key.
        let Some(rest) = error.strip_prefix("unknown field `") else {
            self.diags.error(self.name, self.spans, path, error);
            return None;
        };
        let key = rest.split('`').next().unwrap_or_default();
        let known: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let diag = self.diags.error(
            self.name,
            self.spans,
            &format!("{path}.{key}"),
            format!("unknown key `{key}`"),
        );
        match crate::diag::closest(key, known.iter().copied()) {
            Some(suggestion) => diag.help(format!("did you mean `{suggestion}`?")),
            None => diag.help(format!("the keys here are: {}", known.join(", "))),
        }
        None
    }
}
