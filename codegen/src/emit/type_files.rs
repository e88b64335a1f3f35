//! A large service's types in files a reader can open, under `types/` beside the service's root: a
//! type that one operation alone reaches is in that operation's file (`types/<operation>.rs`), and
//! the types several operations reach, or none, are in `types/common.rs`, which is where the spec
//! keeps them too (`common.json`). The rule follows the feature gates lowering decided, so an
//! operation's file is compiled as a whole behind its feature. The root re-exports every file's
//! types, so that each type's path is the same as when the types are in the root; a service whose
//! types fall into one group keeps them there.

use super::gates::gate;
use super::tokens::{ident, parse_file, EmitBug};
use super::types::{type_items, type_uses_support};
use crate::ir::{Operation, Service, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeSet, HashMap};

/// The file of the types no single operation has to itself.
const COMMON: &str = "common";

/// A service's types by the file they go in: the common file first, then the operations' in their
/// order.
pub(super) struct TypeGroups<'a> {
    service: &'a Service,
    groups: Vec<Group<'a>>,
}

/// The types of one file: the operation that alone reaches them, or none for the common file.
struct Group<'a> {
    operation: Option<&'a Operation>,
    types: Vec<&'a TypeDef>,
}

impl Group<'_> {
    /// The file's (and module's) name.
    fn name(&self) -> &str {
        self.operation
            .map_or(COMMON, |op| crate::naming::unraw(&op.module))
    }
}

impl<'a> TypeGroups<'a> {
    pub fn of(service: &'a Service) -> TypeGroups<'a> {
        // One pass over the types: the operation each one is alone reached by, if any.
        let position: HashMap<&str, usize> = (service.operations.iter().enumerate())
            .map(|(i, op)| (op.module.as_str(), i + 1))
            .collect();
        let mut groups: Vec<Group<'a>> = std::iter::once(None)
            .chain(service.operations.iter().map(Some))
            .map(|operation| Group {
                operation,
                types: Vec::new(),
            })
            .collect();
        for t in &service.types {
            let at = match service.feature_gates.get(t.name()) {
                Some(ops) if ops.len() == 1 => ops.first().and_then(|op| position.get(op.as_str())),
                _ => None,
            };
            groups[at.copied().unwrap_or(0)].types.push(t);
        }
        groups.retain(|g| !g.types.is_empty());
        TypeGroups { service, groups }
    }

    /// Whether the types go in files: when they fall into more than one.
    pub fn in_files(&self) -> bool {
        self.groups.len() > 1
    }

    /// The names of the files (`common`, an operation's module), in order.
    pub fn names(&self) -> Vec<String> {
        self.groups.iter().map(|g| g.name().to_owned()).collect()
    }

    /// The spec files the file `name` is made from: its operation's, or the service's for the
    /// common file.
    pub fn spec_files(&self, name: &str) -> &'a [String] {
        match self.groups.iter().find(|g| g.name() == name) {
            Some(Group {
                operation: Some(op),
                ..
            }) => std::slice::from_ref(&op.spec_file),
            _ => &self.service.files,
        }
    }

    /// `types.rs`: each file as a module, an operation's behind its feature where the layout has
    /// features (`gated`).
    pub fn types_module(&self, gated: bool) -> TokenStream {
        let modules = self.groups.iter().map(|group| {
            let module = ident(group.name());
            let cfg = match group.operation {
                Some(op) if gated => gate([&op.module]),
                _ => None,
            };
            quote! { #cfg pub mod #module; }
        });
        quote! {
            //! The service's types, in files: the types one operation alone reaches in that
            //! operation's file, the others in `common`. The service's root re-exports each file's
            //! types, so that every type is named there.
            #(#modules)*
        }
    }

    /// What the service's root holds in place of its types: the `types` module, and each file's
    /// types re-exported where any of them is compiled (where the layout has features, `gated`), so
    /// that no re-export is left with nothing to name.
    pub fn declaration(&self, gated: bool) -> TokenStream {
        let exports = self.groups.iter().map(|group| {
            let module = ident(group.name());
            let cfg = if gated {
                self.union_gate(group.types.iter().copied())
            } else {
                None
            };
            quote! { #cfg pub use types::#module::*; }
        });
        quote! {
            mod types;
            #(#exports)*
        }
    }

    /// The file `types/<name>.rs` (the path `file`): the support and the common types its types
    /// name, then its types; behind their gates (`gated`) in the common file, whose types each have
    /// their own.
    pub fn group_file(&self, name: &str, gated: bool, file: &str) -> Result<syn::File, EmitBug> {
        let Some(group) = self.groups.iter().find(|g| g.name() == name) else {
            return Err(EmitBug {
                file: file.to_owned(),
                error: format!("no types go in `{name}`"),
            });
        };
        let doc = match group.operation {
            Some(op) => format!(" The types only the `{}` operation reaches.", op.module),
            None => " The types several operations reach, or none.".to_owned(),
        };
        let support = self.support_import(group, gated);
        let common = self.common_names(group).into_iter().map(ident);
        let imports = if group.operation.is_some() && common.len() > 0 {
            quote! { use super::common::{#(#common),*}; }
        } else {
            quote! {}
        };
        let mut root = parse_file(
            file,
            quote! {
                #![doc = #doc]
                #support
                #imports
            },
        )?;
        // An operation's file is behind its feature as a whole; the common file's types have their
        // own.
        let gated = gated && group.operation.is_none();
        let types = group.types.iter().copied();
        root.items
            .extend(type_items(self.service, types, gated, file)?);
        Ok(root)
    }

    /// `use crate::support;` where the file's types call into it, behind the gates of the types
    /// that do in the common file (so that it is never unused).
    fn support_import(&self, group: &Group<'_>, gated: bool) -> TokenStream {
        let mut users = group
            .types
            .iter()
            .copied()
            .filter(|t| type_uses_support(t))
            .peekable();
        if users.peek().is_none() {
            return quote! {};
        }
        let cfg = if gated && group.operation.is_none() {
            self.union_gate(users)
        } else {
            None
        };
        quote! { #cfg use crate::support; }
    }

    /// The gate that holds where any of `types` is compiled: none where one of them always is.
    fn union_gate<'t>(&self, types: impl Iterator<Item = &'t TypeDef>) -> Option<syn::Attribute> {
        let mut ops = BTreeSet::new();
        for t in types {
            ops.extend(self.service.feature_gates.get(t.name())?);
        }
        gate(ops)
    }

    /// The common file's types and field-list statics that `group`'s types name: their fields'
    /// types, and the statics of those that are structs where a response type lists its fields'
    /// shapes. An operation's types name no other operation's: each type's gate holds the gates of
    /// the types it names.
    fn common_names(&self, group: &Group<'_>) -> BTreeSet<&'a str> {
        let Some(common) = self.groups.iter().find(|g| g.operation.is_none()) else {
            return BTreeSet::new();
        };
        let mut names = BTreeSet::new();
        for t in &group.types {
            let TypeDef::Struct(s) = t else { continue };
            for field in &s.fields {
                let found = common
                    .types
                    .iter()
                    .find(|c| Some(c.name()) == field.ty.named());
                let Some(&named) = found else { continue };
                names.insert(named.name());
                if let (true, TypeDef::Struct(nested)) = (s.response, named) {
                    names.insert(nested.shape.as_str());
                }
            }
        }
        names
    }
}
