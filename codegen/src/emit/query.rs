//! Emits `Request::query`: every query parameter that is set, names and values percent-encoded, and
//! the walk over a parameter's (or a form field's) values that the query and the form share.

use super::tokens::ident;
use crate::ir::{Field, Operation, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// The body of `Request::query`.
pub(super) fn query_body(op: &Operation) -> TokenStream {
    // Without query parameters the string is empty, and nothing is pushed onto it.
    if op.query.is_empty() {
        return quote! { ::std::string::String::new() };
    }
    let pairs = op.query.iter().map(|field| {
        let wire = &field.wire;
        each_value(
            field,
            quote! { support::push_query(&mut query, #wire, value); },
        )
    });
    quote! {
        let mut query = ::std::string::String::new();
        #(#pairs)*
        query
    }
}

/// Runs `push` on each value of a query parameter or form field (bound to `value`), when it is set:
/// an array's items one after the other.
pub(super) fn each_value(field: &Field, push: TokenStream) -> TokenStream {
    let name = ident(&field.ident);
    let each = if matches!(field.ty, Type::Vec(_)) {
        quote! { for value in values { #push } }
    } else {
        quote! { let value = values; #push }
    };
    if field.required {
        quote! { { let values = &self.#name; #each } }
    } else {
        quote! { if let ::std::option::Option::Some(values) = &self.#name { #each } }
    }
}
