//! The crate root's code: its module declarations (or inline modules, in one file), the dispatchers
//! over every operation (`dispatch`), and the `validate` binary that calls them.

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
    let dispatchers = super::dispatch::dispatchers(model, inline);
    quote! {
        #header
        #(#modules)*
        #dispatchers
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
