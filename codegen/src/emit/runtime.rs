//! The run-time support every generated crate holds: the generator's own `runtime/` files, parsed
//! (so that they are formatted as the rest) and nested as the support module and its modules.

use super::tokens::{header, ident, parse_file, EmitBug};
use proc_macro2::TokenStream;
use quote::quote;
use std::sync::OnceLock;

/// The run-time support module, copied into every generated crate.
const SUPPORT: &str = include_str!("../../runtime/support.rs");

/// The support module's own modules: violations and their catalogue of messages, the checks, the
/// character classes, the JSON reader (tokens and deserializer), JSON errors, the strict and the
/// one-pass reading of bodies (and a type's `Deserialize` through it), a documented null, the parts
/// of a form, the closest documented name to a misspelled one, bounds in words and how the checks
/// read a string (the catalogue, the classes and the last three the generator shares).
const SUPPORT_MODULES: &[(&str, &str)] = &[
    ("violation", include_str!("../../runtime/violation.rs")),
    ("messages", include_str!("../../runtime/messages.rs")),
    ("checks", include_str!("../../runtime/checks.rs")),
    ("chars", include_str!("../../runtime/chars.rs")),
    ("de_error", include_str!("../../runtime/de_error.rs")),
    ("lex", include_str!("../../runtime/lex.rs")),
    ("number", include_str!("../../runtime/number.rs")),
    ("skip", include_str!("../../runtime/skip.rs")),
    (
        "json_deserializer",
        include_str!("../../runtime/json_deserializer.rs"),
    ),
    ("de", include_str!("../../runtime/de.rs")),
    ("de_access", include_str!("../../runtime/de_access.rs")),
    ("de_key", include_str!("../../runtime/de_key.rs")),
    ("json", include_str!("../../runtime/json.rs")),
    ("strict", include_str!("../../runtime/strict.rs")),
    ("form", include_str!("../../runtime/form.rs")),
    ("nullable", include_str!("../../runtime/nullable.rs")),
    ("closest", include_str!("../../runtime/closest.rs")),
    ("bounds", include_str!("../../runtime/bounds.rs")),
    ("scan", include_str!("../../runtime/scan.rs")),
    ("read", include_str!("../../runtime/read.rs")),
    ("collections", include_str!("../../runtime/collections.rs")),
    ("object", include_str!("../../runtime/object.rs")),
    ("request_de", include_str!("../../runtime/request_de.rs")),
];

/// The support module's items, its modules inside it (for the layout of one file).
pub(super) fn support_tokens() -> Result<TokenStream, EmitBug> {
    let ParsedSupport { root, modules } = parse_support()?;
    let modules = modules.into_iter().map(|(name, file)| {
        let (name, attrs, items) = (ident(name), file.attrs, file.items);
        quote! { mod #name { #(#attrs)* #(#items)* } }
    });
    let (attrs, items) = (root.attrs, root.items);
    Ok(quote! {
        #(#attrs)*
        #(#items)*
        #(#modules)*
    })
}

/// The support module's files, each formatted and headed: its root (`support.rs`, with a `mod` item
/// for each of its modules) at `root`, and each module in a file of its own beside it, where Rust
/// looks for a child module of `root`. Their text is the same in every crate, so it is parsed and
/// formatted once per process: a run that renders many crates (or the same crate many times, as
/// the fuzz target does) pays for it once.
pub(super) fn support_files(root: &str) -> Vec<(String, SupportFile)> {
    let dir = match root.rsplit_once('/') {
        Some((dir, "lib.rs" | "mod.rs")) => dir.to_owned(),
        _ => root.trim_end_matches(".rs").to_owned(),
    };
    let modules = SUPPORT_MODULES
        .iter()
        .map(|(name, _)| format!("{dir}/{name}.rs"));
    let paths = std::iter::once(root.to_owned()).chain(modules);
    paths
        .enumerate()
        .map(|(i, path)| (path, SupportFile(i)))
        .collect()
}

/// One file of the support module, by its place among them: the root first, then the modules in
/// the order of `SUPPORT_MODULES`.
#[derive(Debug, Clone, Copy)]
pub(super) struct SupportFile(usize);

impl SupportFile {
    /// The file's text, headed for `command`.
    pub(super) fn text(self, command: &str) -> Result<String, EmitBug> {
        static FORMATTED: OnceLock<Result<Vec<String>, EmitBug>> = OnceLock::new();
        let formatted = FORMATTED.get_or_init(format_support).as_ref();
        let texts = formatted.map_err(Clone::clone)?;
        Ok(header(&[], command, "//") + &texts[self.0])
    }
}

/// The support module's root, then each of its modules, formatted.
fn format_support() -> Result<Vec<String>, EmitBug> {
    let ParsedSupport { root, modules } = parse_support()?;
    let (attrs, items) = (root.attrs, root.items);
    let names = modules.iter().map(|(name, _)| ident(name));
    let root = parse_file(
        "support.rs",
        quote! { #(#attrs)* #(#items)* #(mod #names;)* },
    )?;
    let files = std::iter::once(&root).chain(modules.iter().map(|(_, file)| file));
    Ok(files.map(prettyplease::unparse).collect())
}

/// The support module's files, parsed.
struct ParsedSupport {
    /// `support.rs`.
    root: syn::File,
    /// Each of its modules, by name, in the order of `SUPPORT_MODULES`.
    modules: Vec<(&'static str, syn::File)>,
}

fn parse_support() -> Result<ParsedSupport, EmitBug> {
    let modules = SUPPORT_MODULES
        .iter()
        .map(|(name, text)| Ok((*name, parse_runtime(name, text)?)));
    Ok(ParsedSupport {
        root: parse_runtime("support", SUPPORT)?,
        modules: modules.collect::<Result<_, _>>()?,
    })
}

/// The runtime's file `name.rs`, parsed.
fn parse_runtime(name: &str, text: &str) -> Result<syn::File, EmitBug> {
    syn::parse_str::<syn::File>(text).map_err(|e| EmitBug {
        file: format!("{name}.rs"),
        error: e.to_string(),
    })
}

/// The glue of the operations to the `http` crate, the root of its own crate in the layout for many
/// services (the other layouts are built by the user's own manifest, which has no `http` feature).
const WIRE: &str = include_str!("../../runtime/wire.rs");

/// The `http` glue crate's root: the runtime's `wire.rs`, with the support crate named `support`.
pub(super) fn wire_tokens(support_crate: &str) -> Result<syn::File, EmitBug> {
    let mut file = parse_runtime("wire", WIRE)?;
    let support = ident(support_crate);
    file.items
        .insert(0, syn::parse_quote! { use ::#support as support; });
    Ok(file)
}

/// `rustfmt.toml` beside the generated crates: their files are formatted by prettyplease when they
/// are generated, and a `cargo fmt` over the workspace that holds them must leave them as `--check`
/// expects.
pub(super) fn rustfmt_toml(command: &str) -> String {
    format!(
        "# @generated by codegen: do not edit by hand.\n\
         # The generated Rust files are formatted by prettyplease; `{command}` rewrites them.\n\n\
         disable_all_formatting = true\n"
    )
}
