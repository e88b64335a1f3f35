//! Emits `Request::form` for an operation whose body is multipart/form-data: the form's fields as
//! the parts to send, text parts written as the query writes its values and file parts as they are.

use super::query::each_value;
use crate::ir::{Field, Operation};
use proc_macro2::TokenStream;
use quote::quote;

/// The `form` method, or nothing for an operation without a form.
pub fn emit_form(op: &Operation) -> TokenStream {
    if op.form.is_empty() {
        return TokenStream::new();
    }
    let parts = op.form.iter().map(push_part);
    quote! {
        /// The multipart/form-data body's parts, in the page's order: every field that is set, an array
        /// as its part repeated. Hand them to an HTTP client's multipart form (a text part's name and
        /// value; a file part's name, file name and bytes), or write the body with
        /// [`support::multipart_body`] and send it with `Content-Type: multipart/form-data; boundary=...`.
        pub fn form(&self) -> ::std::vec::Vec<support::FormPart<'_>> {
            let mut parts = ::std::vec::Vec::new();
            #(#parts)*
            parts
        }
    }
}

fn push_part(field: &Field) -> TokenStream {
    let wire = &field.wire;
    let push = if field.ty.is_file_part() {
        quote! { parts.push(support::FormPart::File { name: #wire, file: value }); }
    } else {
        quote! { parts.push(support::FormPart::text(#wire, value)); }
    };
    each_value(field, push)
}
