//! The layout for many services: one crate per service, each operation behind a Cargo feature of its own
//! that compiles only the types the operation reaches, the run-time support in one crate they all share
//! (so that every service reports the same `Violation`), and an umbrella crate that re-exports them all
//! with the dispatchers and the `validate` binary.
//!
//! ```text
//! Cargo.toml, src/lib.rs, src/bin/validate.rs   the umbrella crate (`<crate>`)
//! support/                                      the run-time support (`<crate>_support`)
//! services/<service>/                           one crate per service (`<crate>_<service>`)
//! schema/<service>/<operation>.schema.json
//! ```

use super::parallel::{self, Job};
use super::{
    dispatchers, emit_validate_bin, format_file, format_parsed, ident, operation_declaration,
    service_types, support_tokens, uses_support, EmitBug,
};
use super::{manifest, operation, schema};
use crate::ir::{Model, Service};
use proc_macro2::TokenStream;
use quote::quote;

/// The crates' library names: `<crate>` for the umbrella, `<crate>_support`, `<crate>_<service>`.
pub struct Names {
    pub umbrella: String,
}

impl Names {
    /// The names from the umbrella crate's, as a package or a library name (`my-models`, `my_models`).
    pub fn new(crate_name: &str) -> Names {
        Names {
            umbrella: crate_name.replace('-', "_"),
        }
    }

    pub fn support(&self) -> String {
        format!("{}_support", self.umbrella)
    }

    pub fn service(&self, service: &Service) -> String {
        format!("{}_{}", self.umbrella, service.module)
    }
}

/// A service crate's directory, relative to the output directory.
pub fn service_dir(service: &Service) -> String {
    format!("services/{}", service.module)
}

/// Every file of the layout, as jobs to render side by side.
pub fn jobs<'a>(
    model: &'a Model,
    names: &'a Names,
    command: &'a str,
    all_specs: &'a [String],
) -> Vec<Job<'a>> {
    let mut jobs = vec![
        Job::new("rustfmt.toml".to_owned(), move || {
            Ok(super::rustfmt_toml(command))
        })
        .made_from(&()),
        Job::new("Cargo.toml".to_owned(), move || {
            Ok(manifest::umbrella(model, names, all_specs, command))
        }),
        Job::new("src/lib.rs".to_owned(), move || {
            format_file("src/lib.rs", all_specs, command, umbrella_lib(model, names))
        }),
        Job::new("src/bin/validate.rs".to_owned(), move || {
            format_file(
                "src/bin/validate.rs",
                all_specs,
                command,
                emit_validate_bin(&names.umbrella),
            )
        }),
        Job::new("support/Cargo.toml".to_owned(), move || {
            Ok(manifest::support(names, command))
        })
        .made_from(&()),
        Job::new("support/src/lib.rs".to_owned(), move || {
            format_file("support/src/lib.rs", &[], command, support_tokens()?)
        })
        .made_from(&()),
    ];
    for service in &model.services {
        let service_key = parallel::shared_key(service);
        let dir = service_dir(service);
        jobs.push(
            Job::new(format!("{dir}/Cargo.toml"), move || {
                Ok(manifest::service(service, names, command))
            })
            .keyed(service_key.clone()),
        );
        let lib = format!("{dir}/src/lib.rs");
        jobs.push(
            Job::new(lib.clone(), move || {
                format_parsed(&service.files, command, service_lib(service, names, &lib)?)
            })
            .keyed(service_key.clone()),
        );
        for op in &service.operations {
            let name = format!("{dir}/src/{}.rs", op.module);
            jobs.push(
                Job::new(name.clone(), move || {
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
                Job::new(
                    format!("schema/{}/{}.schema.json", service.module, op.module),
                    move || Ok(schema::emit_schema(service, op)),
                )
                .keyed(service_key.clone()),
            );
        }
    }
    jobs
}

/// The umbrella crate's root: the service crates under their modules' names, then what the single crate's
/// root holds.
fn umbrella_lib(model: &Model, names: &Names) -> TokenStream {
    let support = ident(&names.support());
    let services = model.services.iter().map(|service| {
        let (krate, module) = (ident(&names.service(service)), ident(&service.module));
        quote! { pub use ::#krate as #module; }
    });
    let dispatchers = dispatchers(model);
    quote! {
        #![doc = "Checked serde models of the documented API operations, generated from `spec/` by `codegen`: one crate"]
        #![doc = "per service, re-exported here by the service's name, with dispatchers over every operation."]
        #![forbid(unsafe_code)]
        #![deny(missing_docs)]
        pub use ::#support as support;
        #(#services)*
        #dispatchers
    }
}

/// A service crate's root: its types, each compiled only when an operation reaching it is on (unless all
/// or none reach it), and its operations' modules, each behind its feature.
fn service_lib(service: &Service, names: &Names, file: &str) -> Result<syn::File, EmitBug> {
    let doc = format!(
        " Models of the `{}` service, generated from its spec by `codegen`.",
        service.module
    );
    let support = ident(&names.support());
    let import = if uses_support(service) {
        // With no operation's feature on, nothing may call into it.
        quote! { #[allow(unused_imports)] use ::#support as support; }
    } else {
        quote! {}
    };
    let ops = service.operations.iter().map(|op| {
        let feature = manifest::feature(op);
        let declaration = operation_declaration(op);
        quote! { #[cfg(feature = #feature)] #declaration }
    });
    let mut root = parse(
        file,
        quote! {
            #![doc = #doc]
            #![forbid(unsafe_code)]
            #![deny(missing_docs)]
            #import
            #(#ops)*
        },
    )?;
    for (name, tokens) in service_types(service) {
        let mut items = parse(file, tokens)?.items;
        if let Some(operations) = service.feature_gates.get(name) {
            let gate = gate(
                operations
                    .iter()
                    .map(|op| manifest::feature_of_module(op))
                    .collect(),
            );
            for item in &mut items {
                let attrs = item_attrs(item).ok_or_else(|| EmitBug {
                    file: file.to_owned(),
                    error: format!("an item of `{name}` takes no attributes"),
                })?;
                attrs.insert(0, gate.clone());
            }
        }
        root.items.extend(items);
    }
    Ok(root)
}

/// `#[cfg(feature = "a")]`, or `#[cfg(any(feature = "a", feature = "b"))]` for more than one.
fn gate(features: Vec<String>) -> syn::Attribute {
    match features.as_slice() {
        [one] => syn::parse_quote! { #[cfg(feature = #one)] },
        many => syn::parse_quote! { #[cfg(any(#(feature = #many),*))] },
    }
}

fn parse(file: &str, tokens: TokenStream) -> Result<syn::File, EmitBug> {
    syn::parse2(tokens).map_err(|e| EmitBug {
        file: file.to_owned(),
        error: e.to_string(),
    })
}

/// The attributes of an item the emitters make (structs, enums, impls, statics and constants).
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Static(i) => &mut i.attrs,
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Mod(i) => &mut i.attrs,
        syn::Item::Use(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        _ => return None,
    })
}
