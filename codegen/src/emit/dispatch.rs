//! The crate root's functions that dispatch on an operation's name (`validate_request_body`,
//! `parse_request_body`, `response_departures`). Each service's arms are in a module of their own,
//! `dispatch::<service>` (the file `src/dispatch/<service>.rs` in the crate layouts, inline in one
//! file), and the root's functions ask each service's in turn: a name is one operation's, so the
//! answer is that of one `match` over every operation, and the root stays small where a cloud has a
//! thousand operations.

use super::tokens::ident;
use crate::ir::{Model, Operation, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// Whether the service has a dispatch module: where it has operations.
pub(super) fn dispatches(service: &Service) -> bool {
    !service.operations.is_empty()
}

/// The services that have dispatch modules.
fn dispatching(model: &Model) -> impl Iterator<Item = &Service> {
    model.services.iter().filter(|service| dispatches(service))
}

/// The crate root's re-exports of the support, `OPERATIONS`, the functions that dispatch on an
/// operation's name, and the `dispatch` module of the services' arms (`inline`: with their bodies,
/// else each in its file).
pub(super) fn dispatchers(model: &Model, inline: bool) -> TokenStream {
    let names = (model.services.iter())
        .flat_map(|s| &s.operations)
        .map(|op| &op.qualified_name);
    let modules = dispatching(model).map(|service| {
        let module = ident(&service.module);
        if inline {
            let body = service_dispatch(service);
            quote! { pub(crate) mod #module { #body } }
        } else {
            quote! { pub(crate) mod #module; }
        }
    });
    let with_body: Vec<_> = dispatching(model)
        .filter(|s| s.operations.iter().any(|op| op.body.is_some()))
        .map(|s| ident(&s.module))
        .collect();
    let all: Vec<_> = dispatching(model).map(|s| ident(&s.module)).collect();
    let validate = ask_each(
        &with_body,
        "validate_request_body",
        quote! { operation, input },
    );
    let parse = ask_each(
        &with_body,
        "parse_request_body",
        quote! { operation, input },
    );
    let departures = ask_each(
        &all,
        "response_departures",
        quote! { operation, status, body },
    );
    quote! {
        pub use self::support::{
            from_json, from_json_validated, BodyError, JsonError, Path, Rule, Validate,
            ValidationErrors, Violation,
        };

        /// Every operation with a request body, as `service/operation`.
        pub const OPERATIONS: &[&str] = &[#(#names),*];

        /// Each service's arms of the dispatchers below.
        mod dispatch { #(#modules)* }

        /// Checks a request body for the operation named `operation` (`service/operation`, or the
        /// bare operation name when it is unique) against every documented rule, without building
        /// the owned model; `None` when no such operation has a body.
        pub fn validate_request_body(
            operation: &str,
            input: &[u8],
        ) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            #validate
        }

        /// Reads a request body for the operation named `operation` (as for
        /// [`validate_request_body`]) through its `parse_body`, building the owned model in the
        /// same pass and then dropping it: the same answer as [`validate_request_body`], for
        /// callers that want the building path checked too.
        pub fn parse_request_body(
            operation: &str,
            input: &[u8],
        ) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            #parse
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
            #departures
        }
    }
}

/// The body of a root dispatcher: the function `name` of each of `services`' dispatch modules
/// asked with `args` in turn, until one knows the operation.
fn ask_each(services: &[proc_macro2::Ident], name: &str, args: TokenStream) -> TokenStream {
    let name = ident(name);
    let mut asked = services
        .iter()
        .map(|service| quote! { dispatch::#service::#name(#args) });
    let Some(first) = asked.next() else {
        // No service has such an operation: nothing is asked, and nothing is found.
        return quote! { let _ = (#args); ::std::option::Option::None };
    };
    quote! { #first #(.or_else(|| #asked))* }
}

/// The module `dispatch::<service>`: the service's arms of each dispatcher, which name the
/// service's module and the root's types from the root (`super::super`, so that the one file
/// `include!`d into a module of its own works too).
pub(super) fn service_dispatch(service: &Service) -> TokenStream {
    let root = quote! { super::super };
    let krate = ident(&service.module);
    let path = |op: &Operation| {
        let module = ident(&op.module);
        quote! { #root::#krate::#module }
    };
    let with_body: Vec<&Operation> = (service.operations.iter())
        .filter(|op| op.body.is_some())
        .collect();
    let arms = with_body.iter().map(|op| {
        let (names, op) = (op.names(), path(op));
        quote! { #(#names)|* => ::std::option::Option::Some(#op::check_body(input)), }
    });
    let parse_arms = with_body.iter().map(|op| {
        let (names, op) = (op.names(), path(op));
        quote! { #(#names)|* => ::std::option::Option::Some(#op::parse_body(input).map(drop)), }
    });
    let response_arms = service.operations.iter().map(|op| {
        let (names, op) = (op.names(), path(op));
        quote! {
            #(#names)|* => ::std::option::Option::Some(
                #op::Response::parse_with_departures(status, body).map(|(_, departures)| departures)
            ),
        }
    });
    let requests = (!with_body.is_empty()).then(|| {
        quote! {
            pub(crate) fn validate_request_body(
                operation: &str,
                input: &[u8],
            ) -> ::std::option::Option<::std::result::Result<(), #root::BodyError>> {
                match operation {
                    #(#arms)*
                    _ => ::std::option::Option::None,
                }
            }

            pub(crate) fn parse_request_body(
                operation: &str,
                input: &[u8],
            ) -> ::std::option::Option<::std::result::Result<(), #root::BodyError>> {
                match operation {
                    #(#parse_arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }
    });
    let doc = format!(
        " The `{}` service's arms of the crate's dispatchers.",
        service.module
    );
    quote! {
        #![doc = #doc]
        #requests

        pub(crate) fn response_departures(
            operation: &str,
            status: u16,
            body: &[u8],
        ) -> ::std::option::Option<
            ::std::result::Result<::std::vec::Vec<#root::Violation>, #root::JsonError>,
        > {
            match operation {
                #(#response_arms)*
                _ => ::std::option::Option::None,
            }
        }
    }
}
