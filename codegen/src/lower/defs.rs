//! The named types of a service (its objects and enumerations), collected from every file of the service
//! before anything is lowered, with the problems of their names: a table defined twice, two names that
//! become one Rust type, names the generated modules use themselves.

use crate::diag::Diagnostics;
use crate::load::{self, File};
use crate::naming;
use crate::spec;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// A named type of a service before lowering: where it was defined and what it is.
pub struct Def<'a> {
    pub file: &'a File,
    /// The JSON path of the definition in its file (`objects.VpcCreate`).
    pub path: String,
    /// The Rust name of the type.
    pub rust: String,
    pub kind: DefKind,
}

pub enum DefKind {
    Struct(spec::Object),
    Enum(spec::Enum),
}

/// The service's named types, read-only once collected.
pub struct Defs<'a> {
    by_name: BTreeMap<String, Def<'a>>,
    /// Spec names in spec order, for stable output.
    order: Vec<String>,
    /// Spec names by Rust name.
    by_rust: HashMap<String, String>,
    /// Some spec file did not parse, so a name it may define is not reported as unknown elsewhere.
    pub incomplete: bool,
}

impl<'a> Defs<'a> {
    /// The definition of the spec name `name`.
    pub fn get(&self, name: &str) -> Option<&Def<'a>> {
        self.by_name.get(name)
    }

    /// The spec name and definition of the type whose Rust name is `rust`.
    pub fn by_rust(&self, rust: &str) -> Option<(&str, &Def<'a>)> {
        let name = self.by_rust.get(rust)?;
        Some((name, &self.by_name[name]))
    }

    /// Every definition, in spec order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Def<'a>)> {
        self.order
            .iter()
            .map(|name| (name.as_str(), &self.by_name[name]))
    }

    /// The spec names, for suggestions.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }
}

/// Collects the objects and enumerations of every file of a service.
pub fn collect<'a>(files: &[&'a File], incomplete: bool, diags: &mut Diagnostics) -> Defs<'a> {
    let mut defs = Defs {
        by_name: BTreeMap::new(),
        order: Vec::new(),
        by_rust: HashMap::new(),
        incomplete,
    };
    let mut rust_names: HashMap<String, (String, &File, String)> = HashMap::new();
    for &file in files {
        for (section, is_enum) in [("objects", false), ("enums", true)] {
            let Some(entries) = file.json.get(section).and_then(Value::as_object) else {
                continue;
            };
            for (name, value) in entries {
                let path = format!("{section}.{name}");
                if let Some(previous) = defs.by_name.get(name) {
                    report_twice(file, &path, name, value, previous, diags);
                    continue;
                }
                let rust = naming::type_ident(name);
                if naming::RESERVED_TYPE_NAMES.contains(&rust.as_str()) {
                    diags
                        .error(
                            &file.name,
                            &file.spans,
                            &path,
                            format!(
                                "`{name}` is the name of a type every operation module defines"
                            ),
                        )
                        .help("choose another name for this table");
                }
                if let Some((other, other_file, other_path)) = rust_names.get(&rust) {
                    let message = format!("`{name}` and `{other}` (at {other_path} in {}) both become the Rust type `{rust}`", other_file.name);
                    diags
                        .error(&file.name, &file.spans, &path, message)
                        .help("rename one of them");
                } else {
                    rust_names.insert(rust.clone(), (name.clone(), file, path.clone()));
                }
                let kind = if is_enum {
                    load::entry::<spec::Enum>(file, &path, value, diags).map(DefKind::Enum)
                } else {
                    load::entry::<spec::Object>(file, &path, value, diags).map(DefKind::Struct)
                };
                if let Some(kind) = kind {
                    defs.order.push(name.clone());
                    defs.by_rust
                        .entry(rust.clone())
                        .or_insert_with(|| name.clone());
                    defs.by_name.insert(
                        name.clone(),
                        Def {
                            file,
                            path,
                            rust,
                            kind,
                        },
                    );
                }
            }
        }
    }
    defs
}

fn report_twice(
    file: &File,
    path: &str,
    name: &str,
    value: &Value,
    previous: &Def<'_>,
    diags: &mut Diagnostics,
) {
    let same = previous.file.json.pointer(&json_pointer(&previous.path)) == Some(value);
    let help = if same {
        "both definitions are identical: keep one (in common.json when several operations use it) and reference it by name"
    } else {
        "the definitions differ: give one of them another name"
    };
    let message = format!(
        "`{name}` is defined twice in service `{}`: here and at {} in {}",
        file.spec.service, previous.path, previous.file.name
    );
    diags
        .error(&file.name, &file.spans, path, message)
        .help(help);
}

fn json_pointer(path: &str) -> String {
    path.split('.')
        .map(|segment| format!("/{}", segment.replace('~', "~0").replace('/', "~1")))
        .collect()
}
