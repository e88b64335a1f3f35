//! A service's types as items: each struct and enumeration with all of its items together.

use super::gates::gate_items;
use super::tokens::{parse_file, EmitBug};
use super::{enums, structs};
use crate::ir::{Service, TypeDef};
use proc_macro2::TokenStream;

/// Each of `types` (types of the service), by name, with its items.
pub(super) fn service_types<'a>(
    types: impl Iterator<Item = &'a TypeDef> + 'a,
) -> impl Iterator<Item = (&'a str, TokenStream)> + 'a {
    types.map(|t| match t {
        TypeDef::Struct(s) => (s.name.as_str(), structs::emit_struct(s)),
        TypeDef::Enum(e) => (e.name.as_str(), enums::emit_enum(e)),
    })
}

/// Whether a type's items call into the support module: every enumeration and checked struct does.
pub(super) fn type_uses_support(t: &TypeDef) -> bool {
    match t {
        TypeDef::Struct(s) => s.validated || s.response,
        TypeDef::Enum(_) => true,
    }
}

/// The items of `types` (types of the service, in the file `file`), each behind its type's gate
/// where `gated` says the type needs one.
pub(super) fn type_items<'a>(
    service: &'a Service,
    types: impl Iterator<Item = &'a TypeDef> + 'a,
    gated: impl Fn(&TypeDef) -> bool,
    file: &str,
) -> Result<Vec<syn::Item>, EmitBug> {
    let mut all = Vec::new();
    let types = types.map(|t| (t, gated(t)));
    let (types, own_gate): (Vec<_>, Vec<_>) = types.unzip();
    for ((name, tokens), gated) in service_types(types.into_iter()).zip(own_gate) {
        let items = parse_file(file, tokens)?.items;
        all.extend(if gated {
            gate_items(service, name, file, items)?
        } else {
            items
        });
    }
    Ok(all)
}
