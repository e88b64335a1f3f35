//! Emits an operation's glue to the `http` crate, behind the service crate's `http` feature:
//! `Request::to_http` and `Response::from_http`, each one call into the generated `wire` crate, so
//! that the feature costs a few lines per operation.

use crate::ir::Operation;
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn emit_http(op: &Operation) -> TokenStream {
    let body = if op.body.is_some() {
        quote! { ::std::option::Option::Some(wire::json_body(&self.body)?) }
    } else if !op.form.is_empty() {
        quote! { ::std::option::Option::Some(wire::form_body(&self.form())) }
    } else {
        quote! { ::std::option::Option::None }
    };
    quote! {
        #[cfg(feature = "http")]
        use super::wire;

        #[cfg(feature = "http")]
        impl Request {
            /// The request as an `http::Request` against `base` (`https://host`, with or without a
            /// path prefix): the method, the percent-encoded path and query, the documented
            /// headers, and the body with its `Content-Type`. Nothing is checked here: call
            /// `validate()` first to send only what the page allows.
            pub fn to_http(&self, base: &str) -> ::std::result::Result<wire::http::Request<::std::vec::Vec<u8>>, wire::HttpError> {
                wire::http_request(METHOD, base, &self.path(), &self.query(), &self.headers(), #body)
            }
        }

        #[cfg(feature = "http")]
        impl Response {
            /// Reads an `http::Response` as [`Response::parse`] reads its status and body, with the
            /// headers the page documents for its status.
            pub fn from_http<B: ::std::convert::AsRef<[u8]>>(response: &wire::http::Response<B>) -> ::std::result::Result<wire::HttpResponse<Self>, support::JsonError> {
                wire::http_response(response, Self::parse, Self::documented_headers)
            }
        }
    }
}
