//! The baselines' plain serde models are the floor (`bench/src/floor.rs`) of the spec as it is now: a
//! fresh render matches each checked-in file (`UPDATE_EXPECTED=1` writes them).
//! - `bench/src/plain.rs`: the seeds' `apig` service, for the request cases;
//! - `bench/src/plain_responses.rs`: the types of otc_apig's "Querying APIs Bound with a Plug-in"
//!   responses, for the response cases.

use codegen::internal::ir::{Model, Service, TypeDef};
use std::path::Path;

/// The operation whose responses the response cases read.
const RESPONSE_OPERATION: &str = "querying_apis_bound_with_a_plug_in";

fn service<'m>(model: &'m Model, module: &str) -> &'m Service {
    let found = model
        .services
        .iter()
        .find(|service| service.module == module);
    found.unwrap_or_else(|| panic!("spec/ has the {module} service"))
}

/// `fresh` is the checked-in `bench/src/<file>`, or is written there under `UPDATE_EXPECTED`.
fn assert_fresh(file: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, fresh).expect("bench/src is writable");
    }
    let checked_in = std::fs::read_to_string(&path).expect("the checked-in file");
    assert!(
        checked_in == fresh,
        "bench/src/{file} is stale: run `UPDATE_EXPECTED=1 cargo test -p bench --test plain`"
    );
}

#[test]
fn the_plain_models_match_the_spec() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let config = codegen::Config::new(&spec).rerun_if_changed(false);
    let model = codegen::internal::model(&config).expect("spec/ generates");

    let preamble = "//! The plain serde models of the seeds' `apig` service: the baseline (a) of the request cases.\n\
                    //! Written by `bench/tests/plain.rs` from `bench/src/floor.rs`; do not edit.\n\n";
    let apig = bench::floor::source(service(&model, "apig"));
    assert_fresh("plain.rs", &format!("{preamble}{apig}"));

    let otc_apig = service(&model, "otc_apig");
    let operation = (otc_apig.operations.iter())
        .find(|op| op.module == RESPONSE_OPERATION)
        .expect("otc_apig has the operation");
    let responses = (operation.responses.iter()).filter_map(|r| r.body.as_ref()?.json());
    let reached = otc_apig.reachable(responses);
    let preamble = "//! The plain serde models of the types otc_apig's \"Querying APIs Bound with a Plug-in\" responses\n\
                    //! hold: the baseline (ra) of the response cases.\n\
                    //! Written by `bench/tests/plain.rs` from `bench/src/floor.rs`; do not edit.\n\n";
    let floor = bench::floor::source_of(otc_apig, |def: &TypeDef| reached.contains(def.name()));
    assert_fresh("plain_responses.rs", &format!("{preamble}{floor}"));
}
