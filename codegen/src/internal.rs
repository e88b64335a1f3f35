//! What the `codegen` binary and the workspace's tests, benchmarks and fuzz targets use inside the
//! generator: no API. It is hidden from the docs and changes with the modules it re-exports (see
//! the crate's docs for why it exists).

use crate::{Config, Error, Layout};
use std::path::Path;

/// Finding and parsing spec files.
pub mod load {
    pub use crate::load::*;
}

/// Checking and lowering spec files into the IR.
pub mod lower {
    pub use crate::lower::*;
}

/// The intermediate model the emitters read.
pub mod ir {
    pub use crate::ir::*;
}

/// Printing the IR as Rust.
pub mod emit {
    pub use crate::emit::*;
}

/// The spec files' types.
pub mod spec {
    pub use crate::spec::*;
}

/// Collecting diagnostics.
pub mod diag {
    pub use crate::diag::*;
}

/// The change report between two versions of the spec.
#[cfg(feature = "changes")]
pub mod changes {
    pub use crate::changes::*;
}

/// Reference pages into spec files.
#[cfg(feature = "import")]
pub mod import {
    pub use crate::import::*;
}

/// Checking a JSON body against the IR the way generated code does.
#[cfg(feature = "interpret")]
pub mod interpret {
    pub use crate::interpret::*;
}

/// The mock server made from the pages.
#[cfg(feature = "mock")]
pub mod mock {
    pub use crate::mock::*;
}

/// Loads and lowers every spec file of `config`, emitting nothing: the model the emitters read, for
/// tools that read it too (the interpreter, the benchmarks).
pub fn model(config: &Config) -> Result<ir::Model, Error> {
    config.model()
}

/// The repository's own configuration: `spec/` into the `generated/` crates, the layout of a crate
/// per service.
pub fn repository_config(root: &Path) -> Config {
    Config::new(root.join("spec"))
        .out_dir(root.join("generated"))
        .layout(Layout::Services)
        .crate_name("api_gateway_models")
        .command("cargo run -p codegen -- generate")
        .rerun_if_changed(false)
}
