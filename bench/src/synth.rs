//! Synthetic specs for timing the generator: the real spec files replicated k times, copy i > 0 with every
//! object and enumeration renamed (`VpcCreate` -> `VpcCreateR7`), every reference to them rewritten, and its
//! operations renamed (`update_vpc_channel` -> `update_vpc_channel_r7`), so that each copy is new to the
//! generator and the whole is a valid spec of k times the operations. The copies either join the seeds'
//! services (`apig`, `roma`: a few huge services) or each get services of their own (`apig_r7`: many services
//! of the seeds' size, which is what a whole cloud's worth of APIs looks like).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The real spec files, by path relative to the spec directory.
pub struct Seeds {
    files: Vec<(PathBuf, Value)>,
}

/// Where the copies' definitions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Services {
    /// Every copy in the seeds' services: `apig` ends up with k times its types and operations.
    Shared,
    /// Copy i in services of its own (`apig_r7`), each the size of the seeds' service.
    PerCopy,
}

/// What a spec tree holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    pub files: usize,
    pub operations: usize,
    pub objects: usize,
    pub enums: usize,
    /// Object fields plus path parameters and headers: everything that becomes a Rust field.
    pub fields: usize,
}

impl Seeds {
    /// Reads every spec file under `dir` (not the format's schema, not the importer's overlays).
    pub fn load(dir: &Path) -> std::io::Result<Seeds> {
        let mut files = Vec::new();
        for (name, path) in codegen::internal::load::find(dir)? {
            let text = std::fs::read_to_string(&path)?;
            let json = serde_json::from_str(&text).map_err(std::io::Error::other)?;
            files.push((PathBuf::from(name), json));
        }
        Ok(Seeds { files })
    }

    /// The size of one copy.
    pub fn size(&self) -> Size {
        let mut size = Size::default();
        for (_, file) in &self.files {
            add_size(&mut size, file);
        }
        size
    }

    /// Writes `copies` copies of the seeds under `dir` and returns the size of the whole.
    pub fn write_copies(
        &self,
        copies: usize,
        services: Services,
        dir: &Path,
    ) -> std::io::Result<Size> {
        let defined = self.defined_names();
        let mut size = Size::default();
        for copy in 0..copies {
            for (name, file) in &self.files {
                let service = file["service"].as_str().unwrap_or_default();
                let mut renamed = rename(file, &defined[service], copy);
                let path = match services {
                    Services::Shared => dir.join(copy_path(name, copy)),
                    Services::PerCopy if copy == 0 => dir.join(name),
                    Services::PerCopy => {
                        let own = format!("{service}_r{copy}");
                        renamed["service"] = Value::String(own.clone());
                        dir.join(own).join(name.file_name().unwrap_or_default())
                    }
                };
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(
                    &path,
                    serde_json::to_string_pretty(&renamed).map_err(std::io::Error::other)?,
                )?;
                add_size(&mut size, &renamed);
            }
        }
        Ok(size)
    }

    /// Object and enumeration names, per service: the only names a copy must rename.
    fn defined_names(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, file) in &self.files {
            let service = names
                .entry(file["service"].as_str().unwrap_or_default().to_owned())
                .or_default();
            for section in ["objects", "enums"] {
                if let Some(entries) = file[section].as_object() {
                    service.extend(entries.keys().cloned());
                }
            }
        }
        names
    }
}

fn add_size(size: &mut Size, file: &Value) {
    size.files += 1;
    if let Some(op) = file.get("operation") {
        size.operations += 1;
        size.fields += ["path_params", "headers"]
            .iter()
            .filter_map(|k| op[k].as_array())
            .map(Vec::len)
            .sum::<usize>();
    }
    if let Some(objects) = file["objects"].as_object() {
        size.objects += objects.len();
        size.fields += objects
            .values()
            .filter_map(|o| o["fields"].as_array())
            .map(Vec::len)
            .sum::<usize>();
    }
    size.enums += file["enums"].as_object().map_or(0, |e| e.len());
}

fn copy_path(name: &Path, copy: usize) -> PathBuf {
    if copy == 0 {
        return name.to_path_buf();
    }
    let stem = name
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.with_file_name(format!("{stem}_r{copy}.json"))
}

fn type_name(name: &str, copy: usize) -> String {
    if copy == 0 {
        name.to_owned()
    } else {
        format!("{name}R{copy}")
    }
}

/// The file as copy `copy`: definitions renamed, references to them rewritten, operations renamed.
fn rename(file: &Value, defined: &BTreeSet<String>, copy: usize) -> Value {
    let mut file = file.clone();
    if copy == 0 {
        return file;
    }
    // A reference is a type name, or (a body) a `{ "type": ..., "items": ... }` object of them.
    fn rename_ref(value: &mut Value, defined: &BTreeSet<String>, copy: usize) {
        if let Some(name) = value.as_str().filter(|n| defined.contains(*n)) {
            *value = Value::String(type_name(name, copy));
        } else if let Some(object) = value.as_object_mut() {
            for key in ["type", "items"] {
                if let Some(inner) = object.get_mut(key) {
                    rename_ref(inner, defined, copy);
                }
            }
        }
    }
    let rename_ref = |value: &mut Value| rename_ref(value, defined, copy);
    for section in ["objects", "enums"] {
        if let Some(entries) = file.get_mut(section).and_then(Value::as_object_mut) {
            let old = std::mem::take(entries);
            for (name, mut def) in old {
                for field in def
                    .get_mut("fields")
                    .and_then(Value::as_array_mut)
                    .into_iter()
                    .flatten()
                {
                    for key in ["type", "items"] {
                        if let Some(value) = field.get_mut(key) {
                            rename_ref(value);
                        }
                    }
                }
                entries.insert(type_name(&name, copy), def);
            }
        }
    }
    if let Some(op) = file.get_mut("operation") {
        if let Some(name) = op["name"].as_str().map(|n| format!("{n}_r{copy}")) {
            op["name"] = Value::String(name);
        }
        let responses = op
            .get_mut("responses")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten();
        for body in responses.filter_map(|r| r.get_mut("body")) {
            rename_ref(body);
        }
        if let Some(body) = op.get_mut("body") {
            rename_ref(body);
        }
        for list in ["path_params", "query_params", "headers", "form_params"] {
            for field in op
                .get_mut(list)
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                rename_ref(field);
            }
        }
    }
    file
}
