//! The layout for many services: one crate per service, each operation behind a Cargo feature of
//! its own that compiles only the types the operation reaches, the run-time support in one crate
//! they all share (so that every service reports the same `Violation`), and an umbrella crate that
//! re-exports them all with the dispatchers and the `validate` binary.
//!
//! ```text
//! Cargo.toml, src/lib.rs, src/bin/validate.rs   the umbrella crate (`<crate>`)
//! support/                                      the run-time support (`<crate>_support`)
//! services/<service>/                           one crate per service (`<crate>_<service>`)
//! wire/                                         the operations' glue to the `http` crate (`<crate>_wire`)
//! schema/<service>/<operation>.schema.json
//! ```

use super::crate_layout::{CrateLayout, Run};
use super::manifest::{self, Names};
use crate::emit::changelog;
use crate::emit::dispatch::dispatchers;
use crate::emit::gates;
use crate::emit::parallel::Job;
use crate::emit::runtime::wire_tokens;
use crate::emit::service::{operation_declaration, uses_support};
use crate::emit::tokens::{format_parsed, ident, parse_file, EmitBug};
use crate::emit::type_files::TypeGroups;
use crate::emit::types::type_items;
use crate::ir::{Model, Service};
use proc_macro2::TokenStream;
use quote::quote;

pub(in crate::emit) struct PerService {
    names: Names,
}

impl PerService {
    pub fn new(crate_name: &str) -> PerService {
        PerService {
            names: Names::new(crate_name),
        }
    }
}

impl CrateLayout for PerService {
    fn library(&self) -> &str {
        &self.names.umbrella
    }

    fn support_file(&self) -> &'static str {
        "support/src/lib.rs"
    }

    fn root(&self, model: &Model) -> TokenStream {
        umbrella_lib(model, &self.names)
    }

    fn manifests<'a>(&'a self, model: &'a Model, run: Run<'a>) -> Vec<Job<'a>> {
        let Run { command, all_specs } = run;
        let names = &self.names;
        vec![
            Job::new("Cargo.toml".to_owned(), move || {
                Ok(manifest::umbrella(model, names, all_specs, command))
            }),
            Job::new("support/Cargo.toml".to_owned(), move || {
                Ok(manifest::support(names, command))
            })
            .made_from(&()),
            Job::new("wire/Cargo.toml".to_owned(), move || {
                Ok(manifest::wire(names, command))
            })
            .made_from(&()),
            Job::new("wire/src/lib.rs".to_owned(), move || {
                let root = wire_tokens(&names.support())?;
                Ok(format_parsed(&[], command, root))
            })
            .made_from(&()),
        ]
    }

    fn source_dir(&self, service: &Service) -> String {
        format!("{}/src", manifest::service_dir(service))
    }

    fn service_jobs<'a>(&'a self, service: &'a Service, dir: &str, run: Run<'a>) -> Vec<Job<'a>> {
        let (names, command) = (&self.names, run.command);
        let lib = format!("{dir}/lib.rs");
        let mut jobs = vec![
            Job::new(
                format!("{}/Cargo.toml", manifest::service_dir(service)),
                move || Ok(manifest::service(service, names, command)),
            ),
            Job::new(lib.clone(), move || {
                let root = service_lib(service, names, &lib)?;
                Ok(format_parsed(&service.files, command, root))
            }),
        ];
        if let Some(history) = &service.history_file {
            let file = format!("spec/{history}");
            jobs.push(Job::new(
                format!("{}/CHANGELOG.md", manifest::service_dir(service)),
                move || Ok(changelog::emit_changelog(service, &file)),
            ));
        }
        jobs
    }

    fn gated(&self) -> bool {
        true
    }

    fn http(&self) -> bool {
        true
    }
}

/// The umbrella crate's root: the service crates under their modules' names, then what the single
/// crate's root holds.
fn umbrella_lib(model: &Model, names: &Names) -> TokenStream {
    let support = ident(&names.support());
    let wire = ident(&names.wire());
    let services = model.services.iter().map(|service| {
        let (krate, module) = (ident(&names.service(service)), ident(&service.module));
        quote! { pub use ::#krate as #module; }
    });
    let dispatchers = dispatchers(model, false);
    quote! {
        #![doc = "Checked serde models of the documented API operations, generated from `spec/` by `codegen`: one crate"]
        #![doc = "per service, re-exported here by the service's name, with dispatchers over every operation."]
        #![forbid(unsafe_code)]
        #![deny(missing_docs)]
        pub use ::#support as support;
        /// The operations' glue to the `http` crate (the `http` feature).
        #[cfg(feature = "http")]
        pub use ::#wire as wire;
        #(#services)*
        #dispatchers
    }
}

/// A service crate's root: its operations' modules, each behind its feature, and its types (or the
/// module of their files), each compiled only when an operation reaching it is on (unless all or
/// none reach it).
fn service_lib(service: &Service, names: &Names, file: &str) -> Result<syn::File, EmitBug> {
    let doc = format!(
        " Models of the `{}` service, generated from its spec by `codegen`.",
        service.module
    );
    let support = ident(&names.support());
    let import = if uses_support(service) {
        // With no operation's feature on, nothing may call into it.
        let wire = ident(&names.wire());
        // With no operation's feature on, nothing may call into them.
        quote! {
            #[allow(unused_imports)] use ::#support as support;
            #[cfg(feature = "http")] #[allow(unused_imports)] use ::#wire as wire;
        }
    } else {
        quote! {}
    };
    let ops = service.operations.iter().map(|op| {
        let feature = gates::feature(op);
        let declaration = operation_declaration(op);
        quote! { #[cfg(feature = #feature)] #declaration }
    });
    let groups = TypeGroups::of(service);
    let in_files = groups.in_files();
    let types = if in_files {
        groups.declaration(true)
    } else {
        quote! {}
    };
    let mut root = parse_file(
        file,
        quote! {
            #![doc = #doc]
            #![forbid(unsafe_code)]
            #![deny(missing_docs)]
            #import
            #(#ops)*
            #types
        },
    )?;
    if !in_files {
        root.items
            .extend(type_items(service, service.types.iter(), |_| true, file)?);
    }
    Ok(root)
}
