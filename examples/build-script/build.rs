//! Generates `$OUT_DIR/models.rs` from `spec/`; a spec problem fails the build with every diagnostic.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec");
    match codegen::Config::new(spec)
        .command("cargo build -p build-script-example")
        .generate()
    {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            // Cargo shows a failing build script's stderr; each diagnostic is on its own line there.
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
