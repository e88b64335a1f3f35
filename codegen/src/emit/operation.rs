//! Emits an operation module: the method and path template, a `Request` with path parameters, query
//! parameters, headers and a JSON body or a form's fields, path and query building with
//! percent-encoding, (in `response`) a `Response` enum with one variant per documented status, and
//! (in `wire`, where the crate has an `http` feature) both as the `http` crate's types.

use super::construct::{emit_constructors, Constructors, Member};
use super::docs::{docs, text_lines};
use super::tokens::{ident, rust_type_in};
use super::{form, query, read, response, validate, wire};
use crate::ir::{Field, Operation, PathPiece};
use proc_macro2::TokenStream;
use quote::quote;

/// The operation's module; with `http`, its glue to the `http` crate behind the `http` feature.
pub fn emit_operation(op: &Operation, http: bool) -> TokenStream {
    let module_docs = text_lines(&op.docs).into_iter().map(|text| {
        quote! { #![doc = #text] }
    });
    let method = &op.method;
    let template = &op.path;
    let request = emit_request(op);
    let response = response::emit_response(op);
    let http = http.then(|| wire::emit_http(op));
    let parse_body = op.body.as_ref().map(|body| {
        let owned = rust_type_in(body, &quote! { super:: });
        let reader = read::body_reader(body, &quote! { super:: });
        quote! {
            /// Deserializes a request body and checks every documented rule, in one pass: the owned
            /// model, or every violation (each absent mandatory field, each undocumented field
            /// among them).
            pub fn parse_body(input: &[u8]) -> ::std::result::Result<#owned, support::BodyError> {
                support::parse_json(input, #reader)
            }

            /// Checks a request body against every documented rule in one pass, without building
            /// the owned model: it reports exactly what `parse_body` reports.
            pub fn check_body(input: &[u8]) -> ::std::result::Result<(), support::BodyError> {
                support::check_json(input, #reader)
            }
        }
    });
    quote! {
        #(#module_docs)*

        use super::support;

        /// The HTTP method.
        pub const METHOD: &str = #method;

        /// The URI template; `Request::path` fills it in.
        pub const PATH_TEMPLATE: &str = #template;

        #request
        #response
        #parse_body
        #http
    }
}

fn emit_request(op: &Operation) -> TokenStream {
    let params = op.path_params.iter().chain(&op.headers).map(|p| {
        let name = ident(&p.ident);
        let doc = docs(&p.docs);
        if p.required {
            quote! { #doc pub #name: ::std::string::String, }
        } else {
            quote! { #doc pub #name: ::std::option::Option<::std::string::String>, }
        }
    });
    let typed_fields = op.query.iter().chain(&op.form).map(|field| {
        let (name, doc, ty) = (ident(&field.ident), docs(&field.docs), param_type(field));
        quote! { #doc pub #name: #ty, }
    });
    let body_field = op.body.as_ref().map(|body| {
        let body = rust_type_in(body, &quote! { super:: });
        quote! {
            /// The request body.
            pub body: #body,
        }
    });
    let methods = request_methods(op);
    // Parameters cannot be nullable or boxed (lowering refuses a nullable one), so each is stored as
    // `param_type` makes it.
    let scoped = |ty: &crate::ir::Type| rust_type_in(ty, &quote! { super:: });
    let mut members: Vec<Member> = op
        .path_params
        .iter()
        .chain(&op.headers)
        .map(Member::param)
        .collect();
    members.extend(
        op.query
            .iter()
            .chain(&op.form)
            .map(|f| Member::field(f, scoped)),
    );
    members.extend(
        op.body
            .as_ref()
            .map(|body| Member::value("body", "body", scoped(body))),
    );
    let Constructors {
        derive: derive_default,
        methods: constructors,
    } = emit_constructors(&members, true);
    quote! {
        /// A request: path parameters, query parameters, headers, and its JSON body or its form's
        /// fields.
        #[derive(Debug, Clone, PartialEq, #derive_default)]
        #[non_exhaustive]
        pub struct Request {
            #(#params)*
            #(#typed_fields)*
            #body_field
        }

        impl Request {
            #constructors
        }

        #methods
    }
}

/// `Request`'s methods: its path, query, headers, checks and form.
fn request_methods(op: &Operation) -> TokenStream {
    let pieces = op.path_pieces.iter().map(|piece| match piece {
        PathPiece::Literal(text) => push_literal(text),
        PathPiece::Param(field) => {
            let field = ident(field);
            quote! { path.push_str(&support::encode_path_segment(&self.#field)); }
        }
    });
    let query_body = query::query_body(op);
    let headers = headers_body(op);
    let checks = request_checks(op);
    let form = form::emit_form(op);
    quote! {
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

            /// The documented headers that are set, as (name, value), in the page's order.
            pub fn headers(&self) -> ::std::vec::Vec<(&'static str, &str)> {
                #headers
            }

            /// Checks that no path parameter or header is empty and that the query parameters, the
            /// form's fields and the body keep every documented rule; returns every violation at
            /// once.
            pub fn validate(&self) -> ::std::result::Result<(), support::ValidationErrors> {
                #checks
            }

            #form
        }
    }
}

/// The body of `Request::headers`: the mandatory headers, then each optional one that is set. A
/// `Vec` whatever the headers, so that a header the page adds does not change the method's type.
fn headers_body(op: &Operation) -> TokenStream {
    let required = op.headers.iter().filter(|h| h.required).map(|h| {
        let (wire, name) = (&h.wire, ident(&h.ident));
        quote! { (#wire, self.#name.as_str()) }
    });
    let optional: Vec<TokenStream> = op
        .headers
        .iter()
        .filter(|h| !h.required)
        .map(|h| {
            let (wire, name) = (&h.wire, ident(&h.ident));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#name {
                    headers.push((#wire, value.as_str()));
                }
            }
        })
        .collect();
    if optional.is_empty() {
        quote! { ::std::vec![#(#required),*] }
    } else {
        quote! {
            let mut headers = ::std::vec![#(#required),*];
            #(#optional)*
            headers
        }
    }
}

/// The body of `Request::validate`: no path parameter or header (that is set) is empty, and the query parameters,
/// the form's fields and the body keep their rules.
fn request_checks(op: &Operation) -> TokenStream {
    let non_empty = op.path_params.iter().chain(&op.headers).map(|p| {
        let (wire, name) = (&p.wire, ident(&p.ident));
        if p.required {
            quote! { support::check_not_empty(out, &path.field(#wire), &self.#name); }
        } else {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#name {
                    support::check_not_empty(out, &path.field(#wire), value);
                }
            }
        }
    });
    let field_checks = op
        .query
        .iter()
        .chain(&op.form)
        .map(|field| validate::emit_field_checks(field, None));
    let body_check = op
        .body
        .as_ref()
        .map(|_| quote! { support::Validate::validate_at(&self.body, path, out); });
    let checks = quote! { #(#non_empty)* #(#field_checks)* #body_check };
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

/// A query parameter's or form field's Rust type: as a table field's, with enumerations named from
/// the operation module.
fn param_type(field: &Field) -> TokenStream {
    let ty = rust_type_in(&field.ty, &quote! { super:: });
    if field.required {
        ty
    } else {
        quote! { ::std::option::Option<#ty> }
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
