//! Emit: print the IR as Rust. Each emitter returns tokens built with `quote!`; nothing here
//! decides a name or a check. Every file's tokens are parsed back with syn, so output that is not
//! Rust is reported as a generator bug naming the file, and formatted with prettyplease.
//!
//! The root runs the pipeline; `layouts` says which files a layout has, `parallel` renders them
//! side by side; `crate_root`, `service`, `type_files`, `types`, `operation` and the type emitters
//! make their tokens from `tokens` and `docs`, the helpers they share.

pub(crate) mod changelog;
mod construct;
mod crate_root;
mod dispatch;
mod docs;
mod enums;
mod form;
mod gates;
mod layouts;
mod openapi;
mod openapi_merge;
mod openapi_read;
mod operation;
mod parallel;
mod query;
mod read;
mod response;
mod rule_checks;
mod runtime;
pub mod schema;
mod service;
mod structs;
mod tokens;
mod type_files;
mod types;
mod validate;
mod wire;

use crate::cache::Cache;
use crate::ir::Model;
use layouts::{OneCrate, PerService, Run};
pub use parallel::Rendered;
use std::collections::BTreeMap;
pub use tokens::EmitBug;

/// How the output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A whole crate: `src/lib.rs`, one module directory per service, and the `validate` binary.
    Crate,
    /// A crate per service, each operation behind a Cargo feature, sharing a support crate, and an
    /// umbrella crate re-exporting them, every `Cargo.toml` written too: for many services, so that
    /// they build side by side and an SDK compiles only the services and operations it uses.
    Services,
    /// One file, `models.rs`, with every module inline, for `include!` from a build script.
    SingleFile,
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
    let run = Run {
        command,
        all_specs: &all_specs,
    };
    match layout {
        Layout::SingleFile => layouts::single_file::render(model, run),
        Layout::Crate => {
            let layout = OneCrate { crate_name };
            parallel::render_all(layouts::jobs(model, &layout, run), cache)
        }
        Layout::Services => {
            let layout = PerService::new(crate_name);
            parallel::render_all(layouts::jobs(model, &layout, run), cache)
        }
    }
}
