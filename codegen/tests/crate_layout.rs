//! The crate layout (`generate --layout crate`, `Layout::Crate`), whose manifest is the user's: the
//! seeds' output, under a manifest of serde and serde_json alone, builds with every target and
//! warnings denied, the support module's files where Rust looks for them (`src/support.rs` and
//! `src/support/*.rs`).

#[path = "common/command.rs"]
mod command;
#[path = "common/scratch.rs"]
mod scratch;

use command::repo;
use scratch::{copy_dir, scratch};
use std::process::Command;

/// The manifest a user writes for the crate: the name the `validate` binary calls it by, and the
/// two dependencies the generated code has.
const MANIFEST: &str = r#"[package]
name = "api-gateway-models"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
"#;

#[test]
fn the_crate_layout_builds_under_a_manifest_of_its_two_dependencies() {
    let work = scratch("crate-layout");
    let spec = work.path().join("spec");
    for service in ["apig", "roma"] {
        copy_dir(&repo().join("spec").join(service), &spec.join(service));
    }
    let out = work.path().join("crate");
    codegen::Config::new(&spec)
        .out_dir(&out)
        .layout(codegen::Layout::Crate)
        .rerun_if_changed(false)
        .generate()
        .expect("the seeds generate");
    assert!(out.join("src/support/read.rs").is_file());
    std::fs::write(out.join("Cargo.toml"), MANIFEST).expect("write the manifest");
    // The workspace's lock, so that the check takes the versions already fetched, offline.
    std::fs::copy(repo().join("Cargo.lock"), out.join("Cargo.lock")).expect("the workspace's lock");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["check", "--offline", "--all-targets", "--quiet"])
        .current_dir(&out)
        // A target directory of its own: the denied warnings change the flags of every dependency.
        .env("CARGO_TARGET_DIR", repo().join("target/crate-layout"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
