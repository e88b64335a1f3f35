//! A service's module: its operations' modules and its types, each type with all of its items
//! together.

use super::operation;
use super::tokens::ident;
use super::type_files::TypeGroups;
use super::types::{service_types, type_uses_support};
use crate::ir::{Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// A service's module in the single crate (`src/<service>/mod.rs`), or (`inline`) in the single
/// file, where the operations' modules are inline and the types are never in files of their own.
pub(super) fn emit_service(service: &Service, inline: bool) -> TokenStream {
    let ops = service.operations.iter().map(|op| {
        let ident = ident(&op.module);
        if inline {
            // The module documents itself with inner attributes; an outer one too would mix styles.
            let body = operation::emit_operation(op, false);
            quote! { pub mod #ident { #body } }
        } else {
            operation_declaration(op)
        }
    });
    let groups = TypeGroups::of(service);
    let types = if !inline && groups.in_files() {
        groups.declaration(false)
    } else {
        let types = service_types(service.types.iter()).map(|(_, tokens)| tokens);
        quote! { #(#types)* }
    };
    let support = if uses_support(service) {
        quote! { use super::support; }
    } else {
        quote! {}
    };
    quote! {
        #support
        #(#ops)*
        #types
    }
}

/// `pub mod <operation>;`, documented with the operation's first line.
pub(super) fn operation_declaration(op: &Operation) -> TokenStream {
    let ident = ident(&op.module);
    let doc = super::docs::doc_line(&op.docs[0]);
    quote! { #[doc = #doc] pub mod #ident; }
}

/// Whether the service's code names the support module: every operation, enumeration and checked
/// struct calls into it.
pub(super) fn uses_support(service: &Service) -> bool {
    !service.operations.is_empty() || service.types.iter().any(type_uses_support)
}
