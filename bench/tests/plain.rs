//! The baseline's plain serde models (`bench/src/plain.rs`) are the floor of the seeds' `apig` spec as it
//! is now: a fresh render matches the checked-in file (`UPDATE_EXPECTED=1` writes it).

use std::path::Path;

/// The lines before the floor's source.
const PREAMBLE: &str = "//! The plain serde models of the seeds' `apig` service: the baseline (a) of the request cases.\n\
                        //! Written by `bench/tests/plain.rs` from `bench/src/floor.rs`; do not edit.\n\n";

#[test]
fn the_plain_models_match_the_spec() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = root.join("../spec");
    let config = codegen::Config::new(&spec).rerun_if_changed(false);
    let model = codegen::internal::model(&config).expect("spec/ generates");
    let service = model
        .services
        .iter()
        .find(|service| service.module == "apig")
        .expect("spec/ has the apig service");
    let fresh = format!("{}{}", PREAMBLE, bench::floor::source(service));
    let path = root.join("src/plain.rs");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, &fresh).expect("bench/src is writable");
    }
    let checked_in = std::fs::read_to_string(&path).expect("bench/src/plain.rs");
    assert!(
        checked_in == fresh,
        "bench/src/plain.rs is stale: run `UPDATE_EXPECTED=1 cargo test -p bench --test plain`"
    );
}
