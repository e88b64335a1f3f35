//! Emits an operation module: the method and path template, a `Request` with path parameters, headers and
//! body, path building with percent-encoding, and a `Response` enum with one variant per documented status.

use super::{doc_line, docs, ident, rust_type, validate};
use crate::ir::{Field, Operation, PathPiece, Type};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub fn emit_operation(op: &Operation) -> TokenStream {
    let module_docs = op.docs.iter().map(|line| {
        let text = doc_line(line);
        quote! { #![doc = #text] }
    });
    let method = &op.method;
    let template = &op.path;
    let request = emit_request(op);
    let response = emit_response(op);
    let parse_body = op.body.as_ref().map(|body| {
        let body = ident(body);
        quote! {
            /// Deserializes a request body and checks every documented rule, in one call.
            pub fn parse_body(input: &[u8]) -> ::std::result::Result<super::#body, support::BodyError> {
                support::from_json_validated(input)
            }

            /// Checks a request body against every documented rule without building the owned model
            /// (strings are borrowed from `input`). It reports what `parse_body` reports, except that every
            /// absent mandatory field is a `required` violation, where `parse_body` stops at the first.
            pub fn check_body(input: &[u8]) -> ::std::result::Result<(), support::BodyError> {
                support::check_json::<super::view::#body<'_>, super::#body>(input)
            }
        }
    });
    quote! {
        #(#module_docs)*

        use super::super::support;

        /// The HTTP method.
        pub const METHOD: &str = #method;

        /// The URI template; `Request::path` fills it in.
        pub const PATH_TEMPLATE: &str = #template;

        #request
        #response
        #parse_body
    }
}

fn emit_request(op: &Operation) -> TokenStream {
    let params = op.path_params.iter().chain(&op.headers).map(|p| {
        let name = ident(&p.ident);
        let doc = docs(&p.docs);
        quote! { #doc pub #name: ::std::string::String, }
    });
    let query_fields = op.query.iter().map(|field| {
        let (name, doc, ty) = (ident(&field.ident), docs(&field.docs), query_type(field));
        quote! { #doc pub #name: #ty, }
    });
    let query_pairs = op.query.iter().map(query_pair);
    // Without query parameters the string is empty, and nothing is pushed onto it.
    let query_body = if op.query.is_empty() {
        quote! { ::std::string::String::new() }
    } else {
        quote! {
            let mut query = ::std::string::String::new();
            #(#query_pairs)*
            query
        }
    };
    let body_field = op.body.as_ref().map(|body| {
        let body = ident(body);
        quote! {
            /// The request body.
            pub body: super::#body,
        }
    });
    let pieces = op.path_pieces.iter().map(|piece| match piece {
        PathPiece::Literal(text) => push_literal(text),
        PathPiece::Param(field) => {
            let field = ident(field);
            quote! { path.push_str(&support::encode_path_segment(&self.#field)); }
        }
    });
    let header_count = op.headers.len();
    let headers = op.headers.iter().map(|h| {
        let (wire, name) = (&h.wire, ident(&h.ident));
        quote! { (#wire, self.#name.as_str()) }
    });
    let checks = request_checks(op);
    quote! {
        /// A request: path parameters, headers and body.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Request {
            #(#params)*
            #(#query_fields)*
            #body_field
        }

        impl Request {
            /// The request path, with every path parameter percent-encoded.
            pub fn path(&self) -> ::std::string::String {
                let mut path = ::std::string::String::new();
                #(#pieces)*
                path
            }

            /// The query string (without `?`): every query parameter that is set, names and values
            /// percent-encoded, an array as its parameter repeated (`tag=a&tag=b`).
            pub fn query(&self) -> ::std::string::String {
                #query_body
            }

            /// The documented headers, as (name, value).
            pub fn headers(&self) -> [(&'static str, &str); #header_count] {
                [#(#headers),*]
            }

            /// Checks that no path parameter or header is empty and that the body keeps every documented
            /// rule; returns every violation at once.
            pub fn validate(&self) -> ::std::result::Result<(), support::ValidationErrors> {
                #checks
            }
        }
    }
}

/// The body of `Request::validate`: no path parameter or header is empty, and the body keeps its rules.
fn request_checks(op: &Operation) -> TokenStream {
    let non_empty = op.path_params.iter().chain(&op.headers).map(|p| {
        let (wire, name) = (&p.wire, ident(&p.ident));
        quote! { support::check_not_empty(out, &path.field(#wire), &self.#name); }
    });
    let query_checks = op.query.iter().map(validate::emit_field_checks);
    let body_check = op.body.as_ref().map(|_| quote! { support::Validate::validate_at(&self.body, path, out); });
    let checks = quote! { #(#non_empty)* #(#query_checks)* #body_check };
    // Without parameters or a body there is nothing to check, and no collection to make.
    if checks.is_empty() {
        return quote! { ::std::result::Result::Ok(()) };
    }
    quote! {
        let mut violations = ::std::vec::Vec::new();
        {
            // The names the field checks use, as in a table's `validate_at`.
            let (path, out) = (&support::Path::Root, &mut violations);
            #checks
        }
        if violations.is_empty() {
            ::std::result::Result::Ok(())
        } else {
            ::std::result::Result::Err(support::ValidationErrors(violations))
        }
    }
}

/// A query parameter's Rust type: as a table field's, with enumerations named from the operation module.
fn query_type(field: &Field) -> TokenStream {
    let scalar = |ty: &Type| match ty {
        Type::Enum(name) => {
            let name = ident(name);
            quote! { super::#name }
        }
        other => rust_type(other),
    };
    let ty = match &field.ty {
        Type::Vec(inner) => {
            let inner = scalar(inner);
            quote! { ::std::vec::Vec<#inner> }
        }
        other => scalar(other),
    };
    if field.required {
        ty
    } else {
        quote! { ::std::option::Option<#ty> }
    }
}

/// Appends one query parameter to `query`, when it is set; an array's items one after the other.
fn query_pair(field: &Field) -> TokenStream {
    let (name, wire) = (ident(&field.ident), &field.wire);
    let push = quote! { support::push_query(&mut query, #wire, value); };
    let each = if matches!(field.ty, Type::Vec(_)) { quote! { for value in values { #push } } } else { quote! { let value = values; #push } };
    if field.required {
        quote! { { let values = &self.#name; #each } }
    } else {
        quote! { if let ::std::option::Option::Some(values) = &self.#name { #each } }
    }
}

/// One match arm per documented status, made by `with_body` or `without_body` from its variant and code.
fn arms(op: &Operation, with_body: impl Fn(&Ident, u16) -> TokenStream, without_body: impl Fn(&Ident, u16) -> TokenStream) -> Vec<TokenStream> {
    op.responses
        .iter()
        .map(|r| {
            let name = ident(&r.variant);
            if r.body.is_some() {
                with_body(&name, r.status)
            } else {
                without_body(&name, r.status)
            }
        })
        .collect()
}

/// The body of `Response::parse_with_departures`.
fn departures_body(op: &Operation) -> TokenStream {
    let undocumented = quote! { Self::parse(status, body).map(|response| (response, ::std::vec::Vec::new())) };
    // Without documented statuses there is nothing to match (clippy: match_single_binding).
    if op.responses.is_empty() {
        return undocumented;
    }
    let departure_arms = arms(
        op,
        |name, status| quote! { #status => support::from_json_with_departures(body).map(|(body, departures)| (Self::#name(::std::boxed::Box::new(body)), departures)), },
        |name, status| quote! { #status => ::std::result::Result::Ok((Self::#name, ::std::vec::Vec::new())), },
    );
    quote! {
        match status {
            #(#departure_arms)*
            _ => #undocumented,
        }
    }
}

/// Appends literal template text: a `char` when it is one character, as clippy prefers.
fn push_literal(text: &str) -> TokenStream {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => quote! { path.push(#c); },
        _ => quote! { path.push_str(#text); },
    }
}

fn emit_response(op: &Operation) -> TokenStream {
    let variants = op.responses.iter().map(|r| {
        let name = ident(&r.variant);
        let doc = doc_line(&format!("{} {}", r.status, r.description));
        match &r.body {
            Some(body) => {
                let body = ident(body);
                quote! { #[doc = #doc] #name(::std::boxed::Box<super::#body>), }
            }
            None => quote! { #[doc = #doc] #name, },
        }
    });
    let parse_arms = arms(
        op,
        |name, status| quote! { #status => support::from_json(body).map(|body| Self::#name(::std::boxed::Box::new(body))), },
        |name, status| quote! { #status => ::std::result::Result::Ok(Self::#name), },
    );
    let departures = departures_body(op);
    let status_arms = arms(op, |name, status| quote! { Self::#name(_) => #status, }, |name, status| quote! { Self::#name => #status, });
    quote! {
        /// A response, by documented status code.
        #[derive(Debug, Clone, PartialEq)]
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
            /// enumeration values the page does not list are accepted.
            pub fn parse(status: u16, body: &[u8]) -> ::std::result::Result<Self, support::JsonError> {
                match status {
                    #(#parse_arms)*
                    _ if body.iter().all(u8::is_ascii_whitespace) => ::std::result::Result::Ok(Self::Other { status, body: ::serde_json::Value::Null }),
                    _ => support::from_json(body).map(|body| Self::Other { status, body }),
                }
            }

            /// Parses a response body like [`Response::parse`], and lists where it departs from the page,
            /// with the same paths and rules as request violations: enumeration values the page does not
            /// list, values outside a documented range, length or character rule, undocumented fields, and
            /// absent fields that requests must send. Log them to notice when the documentation and the
            /// service drift apart; they never make parsing fail.
            pub fn parse_with_departures(status: u16, body: &[u8]) -> ::std::result::Result<(Self, ::std::vec::Vec<support::Violation>), support::JsonError> {
                #departures
            }

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
