//! The named types of a service (its objects and enumerations), collected from every file of the
//! service before anything is lowered. Their names' problems (a table defined twice, two names that
//! become one Rust type, names the generated modules use themselves) are checked by `check`.

use crate::load::File;
use crate::naming;
use crate::spec;
use std::collections::{BTreeMap, HashMap};

/// A named type of a service before lowering: where it was defined and what it is.
pub struct Def<'a> {
    pub file: &'a File,
    /// The JSON path of the definition in its file (`objects.VpcCreate`).
    pub path: String,
    /// The Rust name of the type.
    pub rust: String,
    pub kind: DefKind<'a>,
}

pub enum DefKind<'a> {
    Struct(&'a spec::Object),
    Enum(&'a spec::Enum),
}

impl PartialEq for DefKind<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DefKind::Struct(a), DefKind::Struct(b)) => a == b,
            (DefKind::Enum(a), DefKind::Enum(b)) => a == b,
            _ => false,
        }
    }
}

/// A second definition of a name, left out of the service's types.
pub struct Twice<'a> {
    pub name: &'a str,
    pub def: Def<'a>,
}

/// The service's named types, read-only once collected.
pub struct Defs<'a> {
    by_name: BTreeMap<String, Def<'a>>,
    /// Spec names in spec order, for stable output.
    order: Vec<String>,
    /// Spec names by Rust name.
    by_rust: HashMap<String, String>,
    /// The definitions of names already defined, for `check_type_names`.
    pub twice: Vec<Twice<'a>>,
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

    /// The object the Rust type `rust` is made from, with its spec name and definition.
    pub fn object(&self, rust: &str) -> Option<(&str, &Def<'a>, &'a spec::Object)> {
        match self.by_rust(rust)? {
            (
                name,
                def @ Def {
                    kind: DefKind::Struct(object),
                    ..
                },
            ) => Some((name, def, object)),
            _ => None,
        }
    }

    /// The enumeration the Rust type `rust` is made from, with its spec name.
    pub fn enumeration(&self, rust: &str) -> Option<(&str, &'a spec::Enum)> {
        match self.by_rust(rust)? {
            (
                name,
                Def {
                    kind: DefKind::Enum(e),
                    ..
                },
            ) => Some((name, e)),
            _ => None,
        }
    }
}

/// Collects the objects and enumerations of every file of a service, objects first in each file.
pub fn collect<'a>(files: &[&'a File], incomplete: bool) -> Defs<'a> {
    let mut defs = Defs {
        by_name: BTreeMap::new(),
        order: Vec::new(),
        by_rust: HashMap::new(),
        twice: Vec::new(),
        incomplete,
    };
    for &file in files {
        let objects = file
            .objects
            .iter()
            .map(|(name, object)| ("objects", name, DefKind::Struct(object)));
        let enums = file
            .enums
            .iter()
            .map(|(name, e)| ("enums", name, DefKind::Enum(e)));
        for (section, name, kind) in objects.chain(enums) {
            let def = Def {
                file,
                path: format!("{section}.{name}"),
                rust: naming::type_ident(name),
                kind,
            };
            if defs.by_name.contains_key(name) {
                defs.twice.push(Twice { name, def });
                continue;
            }
            defs.order.push(name.clone());
            defs.by_rust
                .entry(def.rust.clone())
                .or_insert_with(|| name.clone());
            defs.by_name.insert(name.clone(), def);
        }
    }
    defs
}
