//! What a crate layout decides, which the walk over the services asks each layout.

use crate::emit::parallel::Job;
use crate::ir::{Model, Service};
use proc_macro2::TokenStream;

/// What every file of a run is rendered with: the command that regenerates them, and every spec
/// file.
#[derive(Clone, Copy)]
pub(in crate::emit) struct Run<'a> {
    pub command: &'a str,
    pub all_specs: &'a [String],
}

/// What a crate layout decides: its crate-wide files, where a service's files go, and a service's
/// root.
pub(in crate::emit) trait CrateLayout: Sync {
    /// The library the `validate` binary calls.
    fn library(&self) -> &str;
    /// Where the run-time support's file goes.
    fn support_file(&self) -> &'static str;
    /// The crate root's tokens (`src/lib.rs`).
    fn root(&self, model: &Model) -> TokenStream;
    /// The manifests of the crates as a whole (none for a crate the user's own manifest builds).
    fn manifests<'a>(&'a self, model: &'a Model, run: Run<'a>) -> Vec<Job<'a>>;
    /// The directory of a service's Rust files.
    fn source_dir(&self, service: &Service) -> String;
    /// A service's root in `dir` (and its manifest): every file made from the service as a whole.
    fn service_jobs<'a>(&'a self, service: &'a Service, dir: &str, run: Run<'a>) -> Vec<Job<'a>>;
    /// Whether each operation has a Cargo feature, so that types are compiled behind their gates.
    fn gated(&self) -> bool;
    /// Whether the crates have an `http` feature, with the operations' glue to the `http` crate
    /// behind it (a crate the user's own manifest builds has no such feature).
    fn http(&self) -> bool;
}
