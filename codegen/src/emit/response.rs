//! Emits an operation's `Response` enum: one variant per documented status, holding its body (JSON
//! read leniently into its type, or a file's bytes), `parse`, `parse_with_departures` and `status`.

use super::docs::{doc_line, text_lines};
use super::read::body_reader;
use super::tokens::{ident, rust_type_in};
use crate::ir::{Body, Operation, Response};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// One match arm per documented status, made by `arm` from its variant, code and body.
fn arms(
    op: &Operation,
    arm: impl Fn(&Ident, u16, Option<&Body>) -> TokenStream,
) -> Vec<TokenStream> {
    op.responses
        .iter()
        .map(|r: &Response| arm(&ident(&r.variant), r.status, r.body.as_ref()))
        .collect()
}

/// The parsed `value` of a body as its variant holds it: boxed where the IR says so.
fn wrap(body: &Body, value: TokenStream) -> TokenStream {
    if body.boxed() {
        quote! { ::std::boxed::Box::new(#value) }
    } else {
        value
    }
}

/// The body of `Response::read`: each documented status read by `support::response_json` with its
/// type's reader, with its departures when asked for.
fn read_body(op: &Operation) -> TokenStream {
    let none = quote! { ::std::vec::Vec::new() };
    let undocumented = quote! {
        support::undocumented_body(body).map(|body| (Self::Other { status, body }, #none))
    };
    // Without documented statuses there is nothing to match (clippy: match_single_binding).
    if op.responses.is_empty() {
        return undocumented;
    }
    let read_arms = arms(op, |name, status, body| match body {
        Some(json @ Body::Json(ty)) => {
            let value = wrap(json, quote! { body });
            let reader = body_reader(ty, &quote! { super:: });
            quote! {
                #status => support::response_json(body, departures, #reader)
                    .map(|(body, departures)| (Self::#name(#value), departures)),
            }
        }
        // A file has no documented content to depart from.
        Some(Body::File) => {
            quote! { #status => ::std::result::Result::Ok((Self::#name(body.to_vec()), #none)), }
        }
        None => quote! { #status => ::std::result::Result::Ok((Self::#name, #none)), },
    });
    quote! {
        match status {
            #(#read_arms)*
            _ => #undocumented,
        }
    }
}

/// `Response::documented_headers`: the header names each status documents.
fn documented_headers(op: &Operation) -> TokenStream {
    let with_headers: Vec<&Response> = op
        .responses
        .iter()
        .filter(|r| !r.headers.is_empty())
        .collect();
    let doc = quote! {
        /// The names of the headers the page documents for responses of `status`, to read from the
        /// HTTP response beside its body (empty where the page documents none).
    };
    if with_headers.is_empty() {
        return quote! {
            #doc pub fn documented_headers(_status: u16) -> &'static [&'static str] { &[] }
        };
    }
    let arms = with_headers.iter().map(|r| {
        let status = r.status;
        let names = r.headers.iter().map(|h| &h.wire);
        quote! { #status => &[#(#names),*], }
    });
    quote! {
        #doc
        pub fn documented_headers(status: u16) -> &'static [&'static str] {
            match status {
                #(#arms)*
                _ => &[],
            }
        }
    }
}

/// A variant's doc lines: its status and description, then each documented header with its
/// description.
fn variant_docs(r: &Response) -> Vec<String> {
    let mut docs = vec![format!("{} {}", r.status, r.description)];
    if !r.headers.is_empty() {
        docs.push(String::new());
        docs.push("Documented headers:".to_owned());
        for header in &r.headers {
            let text = header
                .docs
                .first()
                .map_or_else(String::new, |d| format!(": {d}"));
            docs.push(format!("- `{}`{text}", header.wire));
        }
    }
    docs
}

/// The `Response` enumeration's variants: one per documented status, holding its body.
fn variants(op: &Operation) -> impl Iterator<Item = TokenStream> + '_ {
    op.responses.iter().map(|r| {
        let name = ident(&r.variant);
        let lines: Vec<String> = text_lines(&variant_docs(r));
        let doc = quote! { #(#[doc = #lines])* };
        match &r.body {
            Some(body @ Body::Json(ty)) => {
                let mut ty = rust_type_in(ty, &quote! { super:: });
                if body.boxed() {
                    ty = quote! { ::std::boxed::Box<#ty> };
                }
                quote! { #doc #name(#ty), }
            }
            Some(Body::File) => {
                let file_doc = doc_line("The file, as the bytes of the body.");
                quote! { #doc #[doc = ""] #[doc = #file_doc] #name(::std::vec::Vec<u8>), }
            }
            None => quote! { #doc #name, },
        }
    })
}

/// The `Response` enumeration of `op` and its readers.
pub fn emit_response(op: &Operation) -> TokenStream {
    let variants = variants(op);
    let read = read_body(op);
    let parsed = quote! {
        ::std::result::Result<(Self, ::std::vec::Vec<support::Violation>), support::JsonError>
    };
    let headers = documented_headers(op);
    let status_arms = arms(op, |name, status, body| match body {
        Some(_) => quote! { Self::#name(_) => #status, },
        None => quote! { Self::#name => #status, },
    });
    quote! {
        /// A response, by documented status code. A status the page adds later is a new variant,
        /// so a `match` needs an arm for the others (`_`) besides `Other`.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Response {
            #(#variants)*
            /// A status the page does not document, with its body as JSON (`null` when empty).
            Other {
                /// The HTTP status code.
                status: u16,
                /// The body.
                body: ::serde_json::Value,
            },
        }

        impl Response {
            /// Parses a response body by its status code. Responses are read leniently: fields and
            /// enumeration values the page does not list are accepted; a file is kept as its bytes.
            pub fn parse(
                status: u16,
                body: &[u8],
            ) -> ::std::result::Result<Self, support::JsonError> {
                Self::read(status, body, false).map(|(response, _)| response)
            }

            /// Parses a response body like [`Response::parse`], and lists where it departs from the
            /// page, with the same paths and rules as request violations: enumeration values the
            /// page does not list, values outside a documented range, length or character rule,
            /// undocumented fields, and absent fields that requests must send. Log them to notice
            /// when the documentation and the service drift apart; they never make parsing fail.
            pub fn parse_with_departures(
                status: u16,
                body: &[u8],
            ) -> #parsed {
                Self::read(status, body, true)
            }

            /// One reading of a body for both: departures are looked for only when asked for.
            #[allow(unused_variables)]
            fn read(
                status: u16,
                body: &[u8],
                departures: bool,
            ) -> #parsed {
                #read
            }

            #headers

            /// The HTTP status code.
            pub fn status(&self) -> u16 {
                match self {
                    #(#status_arms)*
                    Self::Other { status, .. } => *status,
                }
            }
        }
    }
}
