//! The layout of one crate: `src/lib.rs`, a module directory per service (`src/<service>/mod.rs`,
//! its operations' files beside it), the support module and the `validate` binary. The user's own
//! manifest builds it, so it has no features and no manifest of its own.

use super::crate_layout::{CrateLayout, Run};
use crate::emit::crate_root::emit_lib;
use crate::emit::parallel::Job;
use crate::emit::service::emit_service;
use crate::emit::tokens::format_file;
use crate::ir::{Model, Service};
use proc_macro2::TokenStream;

pub(in crate::emit) struct OneCrate<'a> {
    pub crate_name: &'a str,
}

impl CrateLayout for OneCrate<'_> {
    fn library(&self) -> &str {
        self.crate_name
    }

    fn support_file(&self) -> &'static str {
        "src/support.rs"
    }

    fn root(&self, model: &Model) -> TokenStream {
        emit_lib(model, false)
    }

    fn manifests<'a>(&'a self, _: &'a Model, _: Run<'a>) -> Vec<Job<'a>> {
        Vec::new()
    }

    fn source_dir(&self, service: &Service) -> String {
        format!("src/{}", service.module)
    }

    fn service_jobs<'a>(&'a self, service: &'a Service, dir: &str, run: Run<'a>) -> Vec<Job<'a>> {
        let name = format!("{dir}/mod.rs");
        vec![Job::new(name.clone(), move || {
            format_file(
                &name,
                &service.files,
                run.command,
                emit_service(service, false),
            )
        })]
    }

    fn gated(&self) -> bool {
        false
    }

    fn http(&self) -> bool {
        false
    }
}
