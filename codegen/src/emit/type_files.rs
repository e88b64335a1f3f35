//! A large service's types in files a reader can open, under `types/` beside the service's root.
//! The file of each type is decided here once, from two things that belong to the type itself:
//!
//! - the spec page that documents it (lowering records it in `Service::documented_on`): a page's
//!   types are in `types/<operation>.rs`, named after the page's operation, and a response-side
//!   form is documented where the type it is the form of is;
//! - for the types of `common.json`, which the importer fills with the tables several pages share
//!   (the largest services' hold 10,000 lines of them), the first word of the type's name:
//!   `types/common/<word>.rs` (`ApiPolicyHttpResp` in `types/common/api.rs`).
//!
//! Why these: a type's page and name change only when a person moves or renames its table, so a
//! vendor editing one page changes that page's file and no other (the types' feature gates may
//! change, and with them the `cfg` lines of other files, but no type moves). A rule of sizes or
//! counts, or of which operations reach a type, would move types between files whenever another
//! page starts or stops naming them, and the weekly diff of `generated/` would be noise. It is also
//! where a reader looks: the types of `spec/<service>/<page>.json` are in `types/<page>.rs`, and a
//! shared type by its name.
//!
//! A file whose types all have one feature gate is compiled behind it as a whole; in the others
//! each type keeps its own gate. A file imports the other files' types it names from the service's
//! root, each import behind the gates of the types that name it, so that no import is ever unused.
//! The root re-exports every file's types, so that each type's path is the same as when the types
//! are in the root; a service whose types are all on one page keeps them there.

use super::gates::gate;
use super::tokens::{ident, parse_file, EmitBug};
use super::types::{type_items, type_uses_support};
use crate::ir::{Service, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The directory of the files of the types of `common.json`, and of any type no page documents.
const COMMON: &str = "common";

/// A set of operations' modules whose features gate a type (none: always compiled).
type Gate<'a> = Option<&'a BTreeSet<String>>;

/// A service's types by the file they go in, by the files' paths.
pub(super) struct TypeGroups<'a> {
    service: &'a Service,
    groups: Vec<Group<'a>>,
    /// The index in `groups` of each type's file, by the type's name.
    file_of: BTreeMap<&'a str, usize>,
}

/// The types of one file, all documented on one page.
struct Group<'a> {
    /// The file's path under `types/` without `.rs`: the page's operation's module
    /// (`creating_an_api`), or `common/<word>`.
    name: String,
    /// The spec file that documents the types; none for types no page documents.
    page: Option<&'a String>,
    types: Vec<&'a TypeDef>,
    /// The operations any of which compiles some type of the file; `None` where one type is
    /// always compiled.
    gate: Option<BTreeSet<&'a String>>,
}

impl<'a> TypeGroups<'a> {
    pub fn of(service: &'a Service) -> TypeGroups<'a> {
        let mut by_name: BTreeMap<String, Group<'a>> = BTreeMap::new();
        for t in &service.types {
            let page = service.documented_on.get(t.name());
            let name = file_name(service, page.map(String::as_str), t.name());
            let group = by_name.entry(name.clone()).or_insert_with(|| Group {
                name,
                page,
                types: Vec::new(),
                gate: Some(BTreeSet::new()),
            });
            group.types.push(t);
            let own = service.feature_gates.get(t.name());
            group.gate = group.gate.take().zip(own).map(|(mut ops, own)| {
                ops.extend(own);
                ops
            });
        }
        let groups: Vec<Group<'a>> = by_name.into_values().collect();
        let file_of = (groups.iter().enumerate())
            .flat_map(|(i, g)| g.types.iter().map(move |t| (t.name(), i)))
            .collect();
        TypeGroups {
            service,
            groups,
            file_of,
        }
    }

    /// Whether the types go in files: when more than one page documents them.
    pub fn in_files(&self) -> bool {
        self.groups.len() > 1
    }

    /// The paths of the files under `types/`, without `.rs`, in order.
    pub fn names(&self) -> Vec<String> {
        self.groups.iter().map(|g| g.name.clone()).collect()
    }

    /// The spec files the file `name` is made from: its page.
    pub fn spec_files(&self, name: &str) -> &'a [String] {
        match self.group(name).and_then(|g| g.page) {
            Some(page) => std::slice::from_ref(page),
            None => &self.service.files,
        }
    }

    fn group(&self, name: &str) -> Option<&Group<'a>> {
        self.groups.iter().find(|g| g.name == name)
    }

    /// `types.rs`: each file as a module, behind its gate where the layout has features (`gated`);
    /// the files of `common.json`'s types in the inline module `common`.
    pub fn types_module(&self, gated: bool) -> TokenStream {
        let module = |group: &Group<'_>| {
            let name = ident(group.name.rsplit('/').next().unwrap_or(&group.name));
            let cfg = file_gate(group, gated);
            quote! { #cfg pub mod #name; }
        };
        let (common, pages): (Vec<&Group<'_>>, Vec<&Group<'_>>) =
            (self.groups.iter()).partition(|g| g.name.starts_with(&format!("{COMMON}/")));
        let pages = pages.into_iter().map(module);
        let common = (!common.is_empty()).then(|| {
            let files = common.into_iter().map(module);
            let common = ident(COMMON);
            quote! {
                /// The types of `common.json`, which several pages share, by the first word of their
                /// names.
                pub mod #common { #(#files)* }
            }
        });
        quote! {
            //! The service's types, in files: each type in the file of the spec page that documents
            //! it, named after the page's operation, and the types several pages share (those of
            //! `common.json`) under `common/` by the first word of their names. The service's root
            //! re-exports each file's types, so that every type is named there.
            #common
            #(#pages)*
        }
    }

    /// What the service's root holds in place of its types: the `types` module, and each file's
    /// types re-exported behind the file's gate (where the layout has features, `gated`), so that
    /// no re-export is left with nothing to name.
    pub fn declaration(&self, gated: bool) -> TokenStream {
        let exports = self.groups.iter().map(|group| {
            let path = group.name.split('/').map(ident);
            let cfg = file_gate(group, gated);
            quote! { #cfg pub use types::#(#path)::*::*; }
        });
        quote! {
            mod types;
            #(#exports)*
        }
    }

    /// The file `types/<name>.rs` (the path `file`): the support and the other files' types its
    /// types name, then its types, each behind its own gate where that is not the file's.
    pub fn group_file(&self, name: &str, gated: bool, file: &str) -> Result<syn::File, EmitBug> {
        let Some(group) = self.group(name) else {
            return Err(EmitBug {
                file: file.to_owned(),
                error: format!("no types go in `{name}`"),
            });
        };
        let doc = match group.page {
            Some(page) => format!(" The types that `spec/{page}` documents."),
            None => " The types that no spec page documents.".to_owned(),
        };
        let support = self.support_import(group, gated);
        let imports = self.imports(group, gated);
        let mut root = parse_file(
            file,
            quote! {
                #![doc = #doc]
                #support
                #(#imports)*
            },
        )?;
        // A type whose gate is the file's needs none of its own.
        let own_gate = |t: &TypeDef| gated && union([self.gate_of(t)]) != group.gate;
        let types = group.types.iter().copied();
        root.items
            .extend(type_items(self.service, types, own_gate, file)?);
        Ok(root)
    }

    /// The operations whose features gate the type `t`.
    fn gate_of(&self, t: &TypeDef) -> Gate<'a> {
        self.service.feature_gates.get(t.name())
    }

    /// `use crate::support;` where the file's types call into it, behind the gates of the types
    /// that do (so that it is never unused).
    fn support_import(&self, group: &Group<'_>, gated: bool) -> TokenStream {
        let users: Vec<Gate<'_>> = (group.types.iter())
            .filter(|t| type_uses_support(t))
            .map(|t| self.gate_of(t))
            .collect();
        if users.is_empty() {
            return quote! {};
        }
        let cfg = self.item_gate(group, users, gated);
        quote! { #cfg use crate::support; }
    }

    /// The gate to write on an item of `group`'s file that is used where any of `users` is
    /// compiled: none where it is the file's own.
    fn item_gate<'g>(
        &self,
        group: &Group<'_>,
        users: Vec<Gate<'g>>,
        gated: bool,
    ) -> Option<syn::Attribute> {
        let ops = union(users.iter().copied());
        if !gated || ops == group.gate {
            return None;
        }
        ops.and_then(gate)
    }

    /// The imports of the other files' types that `group`'s types name: their fields' types. One
    /// `use` per gate.
    fn imports(&self, group: &Group<'a>, gated: bool) -> Vec<TokenStream> {
        // By name: the gates of the types that name it.
        let mut named: BTreeMap<&'a str, Vec<Gate<'a>>> = BTreeMap::new();
        for &t in &group.types {
            let TypeDef::Struct(s) = t else { continue };
            for field in &s.fields {
                let Some(other) = field.ty.named() else {
                    continue;
                };
                let Some(&at) = self.file_of.get(other) else {
                    continue;
                };
                if self.groups[at].name == group.name {
                    continue;
                }
                named.entry(other).or_default().push(self.gate_of(t));
            }
        }
        // By (file, gate written): the names.
        let mut uses: BTreeMap<String, (Option<syn::Attribute>, Vec<&str>)> = BTreeMap::new();
        for (name, users) in named {
            let cfg = self.item_gate(group, users, gated);
            let key = cfg
                .as_ref()
                .map_or_else(String::new, |c| quote!(#c).to_string());
            uses.entry(key).or_insert((cfg, Vec::new())).1.push(name);
        }
        // From the service's root, which re-exports every file's types: `super` of `types`.
        let root = (0..=group.name.split('/').count()).map(|_| quote! { super:: });
        let root = quote! { #(#root)* };
        uses.into_values()
            .map(|(cfg, names)| {
                let names = names.into_iter().map(ident);
                quote! { #cfg use #root{#(#names),*}; }
            })
            .collect()
    }
}

/// The path under `types/` (without `.rs`) of the file of the type `name` that `page` documents:
/// the page's operation's module, or for a page without one (`common.json`) `common/<word>`.
fn file_name(service: &Service, page: Option<&str>, name: &str) -> String {
    let operation =
        page.and_then(|page| (service.operations.iter()).find(|op| op.spec_file == page));
    match operation {
        Some(op) => crate::naming::unraw(&op.module).to_owned(),
        None => format!("{COMMON}/{}", crate::naming::name_stem(name)),
    }
}

/// The gate of `group`'s file as a whole, where the layout has features (`gated`).
fn file_gate(group: &Group<'_>, gated: bool) -> Option<syn::Attribute> {
    group.gate.clone().filter(|_| gated).and_then(gate)
}

/// The operations any of which compiles something that is compiled where any of `gates` is:
/// `None` where one of them always is.
fn union<'g>(gates: impl IntoIterator<Item = Gate<'g>>) -> Option<BTreeSet<&'g String>> {
    let mut ops = BTreeSet::new();
    for own in gates {
        ops.extend(own?);
    }
    Some(ops)
}
