//! The crate root's code: its module declarations (or inline modules, in one file), the dispatchers
//! over every operation, and the `validate` binary that calls them.

use super::service::emit_service;
use super::tokens::ident;
use crate::ir::Model;
use proc_macro2::TokenStream;
use quote::quote;

/// The root of the single crate, or (`inline`) the whole of the single file but its support module.
pub(super) fn emit_lib(model: &Model, inline: bool) -> TokenStream {
    let modules = model.services.iter().map(|service| {
        let ident = ident(&service.module);
        let doc = format!(" Models of the `{}` service.", service.module);
        if inline {
            let body = emit_service(service, true);
            quote! { #[doc = #doc] pub mod #ident { #body } }
        } else {
            quote! { #[doc = #doc] pub mod #ident; }
        }
    });
    let title = "Checked serde models of the documented API operations, generated from `spec/` by \
                 `codegen`.";
    let requests = "Request types have `validate()`, which reports every documented rule a value \
                    breaks with its JSON path;";
    let responses = "response types parse leniently and keep enumeration values the pages do not \
                     list.";
    let header = if inline {
        quote! {}
    } else {
        quote! {
            #![doc = #title]
            #![doc = ""]
            #![doc = #requests]
            #![doc = #responses]
            #![forbid(unsafe_code)]
            #![deny(missing_docs)]
            pub mod support;
        }
    };
    let dispatchers = dispatchers(model);
    quote! {
        #header
        #(#modules)*
        #dispatchers
    }
}

/// The crate root's re-exports of the support, `OPERATIONS`, and the functions that dispatch on an
/// operation's name.
pub(super) fn dispatchers(model: &Model) -> TokenStream {
    let ops: Vec<_> = model
        .services
        .iter()
        .flat_map(|s| s.operations.iter().map(move |op| (s, op)))
        .collect();
    let names: Vec<&String> = ops.iter().map(|(_, op)| &op.qualified_name).collect();
    // Each operation with a JSON body checks it with its own `check_body`; a form is not JSON.
    let arms = ops
        .iter()
        .filter(|(_, op)| op.body.is_some())
        .map(|(service, op)| {
            let names = op.names();
            let (service, module) = (ident(&service.module), ident(&op.module));
            quote! {
                #(#names)|* => ::std::option::Option::Some(#service::#module::check_body(input)),
            }
        });
    let parse_arms = ops
        .iter()
        .filter(|(_, op)| op.body.is_some())
        .map(|(service, op)| {
            let names = op.names();
            let (service, module) = (ident(&service.module), ident(&op.module));
            quote! {
                #(#names)|* => ::std::option::Option::Some(
                    #service::#module::parse_body(input).map(drop)
                ),
            }
        });
    let response_arms = ops.iter().map(|(service, op)| {
        let names = op.names();
        let (service, module) = (ident(&service.module), ident(&op.module));
        quote! {
            #(#names)|* => ::std::option::Option::Some(
                #service::#module::Response::parse_with_departures(status, body)
                    .map(|(_, departures)| departures)
            ),
        }
    });
    quote! {
        pub use self::support::{
            from_json, from_json_validated, BodyError, JsonError, Path, Rule, Shaped, Validate,
            ValidationErrors, Violation,
        };

        /// Every operation with a request body, as `service/operation`.
        pub const OPERATIONS: &[&str] = &[#(#names),*];

        /// Checks a request body for the operation named `operation` (`service/operation`, or the
        /// bare operation name when it is unique) against every documented rule, without building
        /// the owned model; `None` when no such operation has a body.
        pub fn validate_request_body(
            operation: &str,
            input: &[u8],
        ) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            match operation {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }

        /// Reads a request body for the operation named `operation` (as for
        /// [`validate_request_body`]) through its `parse_body`, building the owned model in the
        /// same pass and then dropping it: the same answer as [`validate_request_body`], for
        /// callers that want the building path checked too.
        pub fn parse_request_body(
            operation: &str,
            input: &[u8],
        ) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            match operation {
                #(#parse_arms)*
                _ => ::std::option::Option::None,
            }
        }

        /// Parses a response of the operation named `operation` (as for [`validate_request_body`])
        /// leniently, as a client reads it, and lists where it departs from the page: values
        /// outside the documented rules, undocumented fields, absent fields requests must send.
        /// `None` when no such operation exists; an error only where the body is not JSON of the
        /// response's types.
        pub fn response_departures(
            operation: &str,
            status: u16,
            body: &[u8],
        ) -> ::std::option::Option<::std::result::Result<::std::vec::Vec<Violation>, JsonError>> {
            match operation {
                #(#response_arms)*
                _ => ::std::option::Option::None,
            }
        }
    }
}

/// The `validate` binary's `main`, calling the crate named `crate_name`.
pub(super) fn emit_validate_bin(crate_name: &str) -> TokenStream {
    let krate = ident(&crate_name.replace('-', "_"));
    quote! {
        //! `validate <operation> <file.json>`: checks a request body file against every documented
        //! rule. Prints one line per violation as `path: message`; exits 0 when valid, 1 when
        //! invalid, and 2 when the file cannot be read, is not JSON, or does not fit the
        //! operation's body type.

        use ::std::process::ExitCode;

        fn main() -> ExitCode {
            let args: ::std::vec::Vec<::std::string::String> = ::std::env::args().skip(1).collect();
            let [operation, file] = args.as_slice() else {
                eprintln!(
                    "usage: validate <operation> <file.json>\noperations: {}",
                    #krate::OPERATIONS.join(", ")
                );
                return ExitCode::from(2);
            };
            let input = match ::std::fs::read(file) {
                ::std::result::Result::Ok(input) => input,
                ::std::result::Result::Err(error) => {
                    eprintln!("{file}: {error}");
                    return ExitCode::from(2);
                }
            };
            match #krate::validate_request_body(operation, &input) {
                ::std::option::Option::None => {
                    eprintln!(
                        "unknown operation `{operation}`; known: {}",
                        #krate::OPERATIONS.join(", ")
                    );
                    ExitCode::from(2)
                }
                ::std::option::Option::Some(::std::result::Result::Ok(())) => ExitCode::SUCCESS,
                ::std::option::Option::Some(
                    ::std::result::Result::Err(#krate::BodyError::Invalid(errors))
                ) => {
                    for violation in errors.violations() {
                        println!("{}: {}", violation.path, violation.rule);
                    }
                    ExitCode::from(1)
                }
                ::std::option::Option::Some(
                    ::std::result::Result::Err(#krate::BodyError::Json(error))
                ) => {
                    println!("{error}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
