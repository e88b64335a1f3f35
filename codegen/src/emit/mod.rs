//! Emit: print the IR as Rust. Each emitter returns tokens built with `quote!`; nothing here decides a
//! name or a check. `render` parses the tokens back with syn, so output that is not Rust is reported as a
//! generator bug naming the file, and formats them with prettyplease.

mod enums;
mod form;
mod manifest;
mod operation;
mod parallel;
mod read;
mod response;
pub mod schema;
mod services;
mod structs;
mod validate;

use crate::cache::Cache;
use crate::ir::{Model, Service, Type, TypeDef};
pub use parallel::Rendered;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// The run-time support module, copied into every generated crate.
const SUPPORT: &str = include_str!("../../runtime/support.rs");

/// The support module's own modules, copied in inside it: violations and their catalogue of messages, the
/// checks, the character classes, JSON errors, undocumented fields, the strict and the one-pass reading of
/// request bodies, the parts of a form, the closest documented name to a misspelled one, bounds in words
/// and how the checks read a string (the catalogue, the classes and the last three the generator shares).
const SUPPORT_MODULES: &[(&str, &str)] = &[
    ("violation", include_str!("../../runtime/violation.rs")),
    ("messages", include_str!("../../runtime/messages.rs")),
    ("checks", include_str!("../../runtime/checks.rs")),
    ("chars", include_str!("../../runtime/chars.rs")),
    ("json", include_str!("../../runtime/json.rs")),
    ("unknown", include_str!("../../runtime/unknown.rs")),
    ("strict", include_str!("../../runtime/strict.rs")),
    ("form", include_str!("../../runtime/form.rs")),
    ("closest", include_str!("../../runtime/closest.rs")),
    ("bounds", include_str!("../../runtime/bounds.rs")),
    ("scan", include_str!("../../runtime/scan.rs")),
    ("read", include_str!("../../runtime/read.rs")),
    ("collections", include_str!("../../runtime/collections.rs")),
    ("object", include_str!("../../runtime/object.rs")),
];

/// How the output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A whole crate: `src/lib.rs`, one module directory per service, and the `validate` binary.
    Crate,
    /// A crate per service, each operation behind a Cargo feature, sharing a support crate, and an
    /// umbrella crate re-exporting them, every `Cargo.toml` written too: for many services, so that they
    /// build side by side and an SDK compiles only the services and operations it uses.
    Services,
    /// One file, `models.rs`, with every module inline, for `include!` from a build script.
    SingleFile,
}

/// A generated file that is not Rust: a bug in the generator, not in the spec.
#[derive(Debug, thiserror::Error)]
#[error("bug in the generator: the code emitted for {file} does not parse ({error})")]
pub struct EmitBug {
    pub file: String,
    pub error: String,
}

/// Renders the model into files, by path relative to the output directory.
pub fn render(
    model: &Model,
    layout: Layout,
    crate_name: &str,
    command: &str,
) -> Result<BTreeMap<String, String>, EmitBug> {
    render_with(model, layout, crate_name, command, None).map(|rendered| rendered.files)
}

/// Renders the model, skipping the files `cache` holds fresh.
pub fn render_with(
    model: &Model,
    layout: Layout,
    crate_name: &str,
    command: &str,
    cache: Option<&Cache>,
) -> Result<Rendered, EmitBug> {
    let all_specs: Vec<String> = model
        .services
        .iter()
        .flat_map(|s| s.files.iter().cloned())
        .collect();
    match layout {
        Layout::Crate => {
            parallel::render_all(crate_jobs(model, crate_name, command, &all_specs), cache)
        }
        Layout::Services => {
            let names = services::Names::new(crate_name);
            parallel::render_all(services::jobs(model, &names, command, &all_specs), cache)
        }
        Layout::SingleFile => {
            let support = support_tokens()?;
            let lib = emit_lib(model, true);
            // The support module documents itself with inner attributes.
            let tokens = quote! {
                #lib
                pub mod support { #support }
            };
            let mut rendered = Rendered::default();
            rendered.files.insert(
                "models.rs".to_owned(),
                format_file("models.rs", &all_specs, command, tokens)?,
            );
            Ok(rendered)
        }
    }
}

/// The files of the single crate: each service's module and each operation's file are keyed by what they
/// are made from, the crate's root (which names every operation) is always rendered.
fn crate_jobs<'a>(
    model: &'a Model,
    crate_name: &'a str,
    command: &'a str,
    all_specs: &'a [String],
) -> Vec<parallel::Job<'a>> {
    let mut jobs = vec![
        parallel::Job::new("rustfmt.toml".to_owned(), move || Ok(rustfmt_toml(command)))
            .made_from(&()),
        parallel::Job::new("src/lib.rs".to_owned(), move || {
            format_file("src/lib.rs", all_specs, command, emit_lib(model, false))
        }),
        parallel::Job::new("src/support.rs".to_owned(), move || {
            format_file("src/support.rs", &[], command, support_tokens()?)
        })
        .made_from(&()),
        parallel::Job::new("src/bin/validate.rs".to_owned(), move || {
            format_file(
                "src/bin/validate.rs",
                all_specs,
                command,
                emit_validate_bin(crate_name),
            )
        }),
    ];
    for service in &model.services {
        let service_key = parallel::shared_key(service);
        let dir = format!("src/{}", service.module);
        let name = format!("{dir}/mod.rs");
        jobs.push(
            parallel::Job::new(name.clone(), move || {
                format_file(&name, &service.files, command, emit_service(service, false))
            })
            .keyed(service_key.clone()),
        );
        for op in &service.operations {
            let name = format!("{dir}/{}.rs", op.module);
            jobs.push(
                parallel::Job::new(name.clone(), move || {
                    format_file(
                        &name,
                        std::slice::from_ref(&op.spec_file),
                        command,
                        operation::emit_operation(op),
                    )
                })
                .made_from(op),
            );
            jobs.push(
                parallel::Job::new(
                    format!("schema/{}/{}.schema.json", service.module, op.module),
                    move || Ok(schema::emit_schema(service, op)),
                )
                .keyed(service_key.clone()),
            );
        }
    }
    jobs
}

/// `rustfmt.toml` beside the generated crates: their files are formatted by prettyplease when they are
/// generated, and a `cargo fmt` over the workspace that holds them must leave them as `--check` expects.
pub(crate) fn rustfmt_toml(command: &str) -> String {
    format!(
        "# @generated by codegen: do not edit by hand.\n\
         # The generated Rust files are formatted by prettyplease; `{command}` rewrites them.\n\n\
         disable_all_formatting = true\n"
    )
}

fn support_tokens() -> Result<TokenStream, EmitBug> {
    let parse = |name: &str, text: &str| {
        syn::parse_str::<syn::File>(text).map_err(|e| EmitBug {
            file: format!("{name}.rs"),
            error: e.to_string(),
        })
    };
    let support = parse("support", SUPPORT)?;
    let (attrs, items) = (support.attrs, support.items);
    let mut modules = Vec::new();
    for (name, text) in SUPPORT_MODULES {
        let file = parse(name, text)?;
        let (name, attrs, items) = (ident(name), file.attrs, file.items);
        modules.push(quote! { mod #name { #(#attrs)* #(#items)* } });
    }
    Ok(quote! {
        #(#attrs)*
        #(#items)*
        #(#modules)*
    })
}

fn format_file(
    name: &str,
    specs: &[String],
    command: &str,
    tokens: TokenStream,
) -> Result<String, EmitBug> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| EmitBug {
        file: name.to_owned(),
        error: e.to_string(),
    })?;
    format_parsed(specs, command, file)
}

fn format_parsed(specs: &[String], command: &str, file: syn::File) -> Result<String, EmitBug> {
    Ok(header(specs, command, "//") + &prettyplease::unparse(&file))
}

/// The do-not-edit header, as comments starting with `comment`: what the file is generated from and how
/// to regenerate it.
fn header(specs: &[String], command: &str, comment: &str) -> String {
    let from = if specs.is_empty() {
        "the generator's run-time support".to_owned()
    } else {
        specs
            .iter()
            .map(|s| format!("spec/{s}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut header = format!("{comment} @generated by codegen: do not edit by hand.\n");
    header.push_str(&format!("{comment} From: {from}\n"));
    header.push_str(&format!(
        "{comment} Regenerate with `{command}` after changing the spec or the generator.\n\n"
    ));
    header
}

fn emit_lib(model: &Model, inline: bool) -> TokenStream {
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
    let header = if inline {
        quote! {}
    } else {
        quote! {
            #![doc = "Checked serde models of the documented API operations, generated from `spec/` by `codegen`."]
            #![doc = ""]
            #![doc = "Request types have `validate()`, which reports every documented rule a value breaks with its JSON path;"]
            #![doc = "response types parse leniently and keep enumeration values the pages do not list."]
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
fn dispatchers(model: &Model) -> TokenStream {
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
    let parse_arms = ops.iter().filter(|(_, op)| op.body.is_some()).map(|(service, op)| {
        let names = op.names();
        let (service, module) = (ident(&service.module), ident(&op.module));
        quote! {
            #(#names)|* => ::std::option::Option::Some(#service::#module::parse_body(input).map(drop)),
        }
    });
    let response_arms = ops.iter().map(|(service, op)| {
        let names = op.names();
        let (service, module) = (ident(&service.module), ident(&op.module));
        quote! {
            #(#names)|* => ::std::option::Option::Some(#service::#module::Response::parse_with_departures(status, body).map(|(_, departures)| departures)),
        }
    });
    quote! {
        pub use self::support::{from_json, from_json_validated, BodyError, JsonError, Path, Rule, Shaped, Validate, ValidationErrors, Violation};

        /// Every operation with a request body, as `service/operation`.
        pub const OPERATIONS: &[&str] = &[#(#names),*];

        /// Checks a request body for the operation named `operation` (`service/operation`, or the bare
        /// operation name when it is unique) against every documented rule, without building the owned
        /// model; `None` when no such operation has a body.
        pub fn validate_request_body(operation: &str, input: &[u8]) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            match operation {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }

        /// Reads a request body for the operation named `operation` (as for [`validate_request_body`])
        /// through its `parse_body`, building the owned model in the same pass and then dropping it: the
        /// same answer as [`validate_request_body`], for callers that want the building path checked too.
        pub fn parse_request_body(operation: &str, input: &[u8]) -> ::std::option::Option<::std::result::Result<(), BodyError>> {
            match operation {
                #(#parse_arms)*
                _ => ::std::option::Option::None,
            }
        }

        /// Parses a response of the operation named `operation` (as for [`validate_request_body`])
        /// leniently, as a client reads it, and lists where it departs from the page: values outside
        /// the documented rules, undocumented fields, absent fields requests must send. `None` when no
        /// such operation exists; an error only where the body is not JSON of the response's types.
        pub fn response_departures(operation: &str, status: u16, body: &[u8]) -> ::std::option::Option<::std::result::Result<::std::vec::Vec<Violation>, JsonError>> {
            match operation {
                #(#response_arms)*
                _ => ::std::option::Option::None,
            }
        }
    }
}

fn emit_service(service: &Service, inline: bool) -> TokenStream {
    let types = service_types(service).map(|(_, tokens)| tokens);
    let ops = service.operations.iter().map(|op| {
        let ident = ident(&op.module);
        if inline {
            // The module documents itself with inner attributes; an outer one too would mix styles.
            let body = operation::emit_operation(op);
            quote! { pub mod #ident { #body } }
        } else {
            operation_declaration(op)
        }
    });
    let support = if uses_support(service) {
        quote! { use super::support; }
    } else {
        quote! {}
    };
    quote! {
        #support
        #(#ops)*
        #(#types)*
    }
}

/// Each of the service's types, by name, with its impls.
fn service_types(service: &Service) -> impl Iterator<Item = (&str, TokenStream)> {
    let shapes: structs::Shapes<'_> = service
        .types
        .iter()
        .filter_map(|t| match t {
            TypeDef::Struct(s) => Some((s.name.as_str(), s.shape.as_str())),
            TypeDef::Enum(_) => None,
        })
        .collect();
    service.types.iter().map(move |t| match t {
        TypeDef::Struct(s) => (s.name.as_str(), structs::emit_struct(s, &shapes)),
        TypeDef::Enum(e) => (e.name.as_str(), enums::emit_enum(e)),
    })
}

/// `pub mod <operation>;`, documented with the operation's first line.
fn operation_declaration(op: &crate::ir::Operation) -> TokenStream {
    let ident = ident(&op.module);
    let doc = doc_line(&op.docs[0]);
    quote! { #[doc = #doc] pub mod #ident; }
}

/// Whether the service's code names the support module: every operation, enumeration and checked struct
/// calls into it.
fn uses_support(service: &Service) -> bool {
    !service.operations.is_empty()
        || service.types.iter().any(|t| match t {
            TypeDef::Struct(s) => s.validated || s.response,
            TypeDef::Enum(_) => true,
        })
}

fn emit_validate_bin(crate_name: &str) -> TokenStream {
    let krate = ident(&crate_name.replace('-', "_"));
    quote! {
        //! `validate <operation> <file.json>`: checks a request body file against every documented rule.
        //! Prints one line per violation as `path: message`; exits 0 when valid, 1 when invalid, and 2 when
        //! the file cannot be read, is not JSON, or does not fit the operation's body type.

        use ::std::process::ExitCode;

        fn main() -> ExitCode {
            let args: ::std::vec::Vec<::std::string::String> = ::std::env::args().skip(1).collect();
            let [operation, file] = args.as_slice() else {
                eprintln!("usage: validate <operation> <file.json>\noperations: {}", #krate::OPERATIONS.join(", "));
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
                    eprintln!("unknown operation `{operation}`; known: {}", #krate::OPERATIONS.join(", "));
                    ExitCode::from(2)
                }
                ::std::option::Option::Some(::std::result::Result::Ok(())) => ExitCode::SUCCESS,
                ::std::option::Option::Some(::std::result::Result::Err(#krate::BodyError::Invalid(errors))) => {
                    for violation in errors.violations() {
                        println!("{}: {}", violation.path, violation.rule);
                    }
                    ExitCode::from(1)
                }
                ::std::option::Option::Some(::std::result::Result::Err(#krate::BodyError::Json(error))) => {
                    println!("{error}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// An identifier, raw where the name is a keyword (`r#type`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => format_ident!("{}", name),
    }
}

/// One `#[doc]` per line, escaped so rustdoc reads the page's text as text.
pub(crate) fn docs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        let text = doc_line(line);
        quote! { #[doc = #text] }
    });
    quote! { #(#lines)* }
}

/// The text of one doc comment line: escaped, after the space that follows `///`.
pub(crate) fn doc_line(line: &str) -> String {
    let escaped = escape_doc(line);
    if escaped.is_empty() {
        String::new()
    } else {
        format!(" {escaped}")
    }
}

fn escape_doc(line: &str) -> String {
    let line = urls_as_code(line.trim());
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        // Text pasted from a page may hold controls a doc comment cannot: a bare CR (CRLF line ends) or a
        // character that changes the visible direction of text, which rustc refuses in comments.
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            out.push_str(&c.escape_unicode().to_string());
            continue;
        }
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if c == '`' {
            in_code = !in_code;
        }
        if !in_code && matches!(c, '[' | ']' | '<' | '>' | '*') {
            out.push('\\');
        }
        out.push(c);
    }
    // An unbalanced backtick would swallow the rest of the comment.
    if in_code {
        out.push('`');
    }
    out
}

/// A page's bare URLs (`https://www.xxx.com:8080/elb?type=a`) as code spans: rustdoc takes a bare URL
/// for a broken link (`rustdoc::bare_urls`), and the pages' URLs are examples, not links. Trailing
/// punctuation stays outside; a URL already inside a code span is left alone.
fn urls_as_code(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let len = from.find(char::is_whitespace).unwrap_or(from.len());
        let url = from[..len].trim_end_matches(['.', ',', ';', ':', ')', '"', '\'']);
        let in_code = out.matches('`').count() % 2 == 1;
        if in_code || url.contains('`') {
            out.push_str(url);
        } else {
            out.push('`');
            out.push_str(url);
            out.push('`');
        }
        rest = &from[url.len()..];
        if url.is_empty() {
            // Nothing after the scheme's first character can start a URL here: move past it.
            let step = from.chars().next().map_or(1, char::len_utf8);
            out.push_str(&from[..step]);
            rest = &from[step..];
        }
    }
    out.push_str(rest);
    out
}

/// The Rust type of a field's value, without `Option`/`Box`, in the module that defines the types.
pub(crate) fn rust_type(ty: &Type) -> TokenStream {
    rust_type_in(ty, &TokenStream::new())
}

/// The Rust type of a value, its structs and enumerations named through `scope` (`super::` from an
/// operation module, `apig::` from the crate root).
pub(crate) fn rust_type_in(ty: &Type, scope: &TokenStream) -> TokenStream {
    match ty {
        Type::String => quote! { ::std::string::String },
        Type::I32 => quote! { i32 },
        Type::I64 => quote! { i64 },
        Type::F64 => quote! { f64 },
        Type::Bool => quote! { bool },
        Type::Struct(name) | Type::Enum(name) => {
            let name = ident(name);
            quote! { #scope #name }
        }
        Type::Vec(inner) => {
            let inner = rust_type_in(inner, scope);
            quote! { ::std::vec::Vec<#inner> }
        }
        Type::Map(inner) => {
            let inner = rust_type_in(inner, scope);
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        Type::JsonObject => {
            quote! { ::serde_json::Map<::std::string::String, ::serde_json::Value> }
        }
        Type::File => quote! { support::FilePart },
    }
}

#[cfg(test)]
mod tests {
    use super::doc_line;

    #[test]
    fn bare_urls_become_code_spans_and_the_rest_is_escaped() {
        assert_eq!(
            doc_line("In the URL https://x.com:8080/elb?type=a, ${query} is type=a."),
            " In the URL `https://x.com:8080/elb?type=a`, ${query} is type=a."
        );
        assert_eq!(doc_line("See (http://a.b/c)."), " See (`http://a.b/c`).");
        assert_eq!(
            doc_line("Already `https://a.b` code."),
            " Already `https://a.b` code."
        );
        assert_eq!(
            doc_line("Not a URL: https:// alone <b>"),
            " Not a URL: `https://` alone \\<b\\>"
        );
    }
}
