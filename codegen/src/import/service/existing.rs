//! What a service directory already holds: each operation file's definitions, page title and the
//! types its bodies name, and `common.json`, which a service import reuses and keeps.

use super::shapes::{Def, Defs};
use super::COMMON_FILE;
use crate::import::pages::read_spec;
use crate::import::ImportError;
use crate::load;
use crate::spec::{self, Document};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The types an operation file's operation names: its bodies' (`"VpcCreate"`, or a map's `items`)
/// and its parameters'.
pub(super) fn body_types(file: &Document) -> Vec<String> {
    let Some(operation) = &file.operation else {
        return Vec::new();
    };
    let bodies = operation
        .body
        .iter()
        .chain(operation.responses.iter().filter_map(|r| r.body.as_ref()))
        .map(|body| (&body.ty, &body.items));
    let params = [
        &operation.path_params,
        &operation.query_params,
        &operation.headers,
        &operation.form_params,
    ]
    .into_iter()
    .flatten()
    .map(|field| (&field.ty, &field.items));
    bodies
        .chain(params)
        .flat_map(|(ty, items)| std::iter::once(ty).chain(items))
        .cloned()
        .collect()
}

/// A spec file's objects and enumerations, by name.
pub(super) fn definitions(file: &Document) -> Defs {
    let objects = file
        .objects
        .iter()
        .map(|(k, v)| (k, Def::Object(v.clone())));
    let enums = file.enums.iter().map(|(k, v)| (k, Def::Enum(v.clone())));
    objects.chain(enums).map(|(k, v)| (k.clone(), v)).collect()
}

/// What the service directory already holds.
pub(super) struct Existing {
    /// Each operation file's definitions, by operation.
    pub(super) files: BTreeMap<String, Defs>,
    /// Each operation file's page title and path, by operation.
    pub(super) titles: BTreeMap<String, (String, String)>,
    /// The types each operation file's request and response bodies name, by operation.
    pub(super) bodies: BTreeMap<String, Vec<String>>,
    /// `common.json`'s keys besides its definitions (`$schema`, `source`), kept as they are: the
    /// file with no objects or enumerations.
    pub(super) common_header: Option<Document>,
    pub(super) common: Defs,
    pub(super) common_file: Option<PathBuf>,
}

impl Existing {
    pub(super) fn read(dir: &Path) -> Result<Existing, ImportError> {
        let mut existing = Existing {
            files: BTreeMap::new(),
            titles: BTreeMap::new(),
            bodies: BTreeMap::new(),
            common_header: None,
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
            let file_spec = read_spec(&path)?;
            let defs = definitions(&file_spec);
            if file == COMMON_FILE {
                existing.common = defs;
                existing.common_file = Some(path);
                existing.common_header = Some(spec::SpecFile {
                    objects: spec::Entries::new(),
                    enums: spec::Entries::new(),
                    ..file_spec
                });
            } else {
                existing
                    .bodies
                    .insert(stem.to_owned(), body_types(&file_spec));
                if let Some(source) = &file_spec.source {
                    let path = file_spec.operation.as_ref().map_or("", |o| o.path.as_str());
                    existing
                        .titles
                        .insert(stem.to_owned(), (source.page.clone(), path.to_owned()));
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
