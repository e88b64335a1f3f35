//! `generate` skips the files whose inputs did not change since its last run, and what it leaves is always
//! what a full run writes: after an edit to one service, a hand edit to a generated file, a broken cache.

#[path = "common/scratch.rs"]
mod scratch;

use codegen::{Config, Layout};
use scratch::{copy_dir, TempDir};
use std::path::{Path, PathBuf};

/// The seeds' two services in a scratch folder (removed when the first is dropped), and where their
/// specs and their crates go.
fn scratch(label: &str) -> (TempDir, PathBuf, PathBuf) {
    let work = scratch::scratch(&format!("cache-{label}"));
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    for service in ["apig", "roma"] {
        copy_dir(&repo.join(service), &work.path().join("spec").join(service));
    }
    let (spec, out) = (work.path().join("spec"), work.path().join("out"));
    (work, spec, out)
}

fn config(spec: &Path, out: &Path) -> Config {
    Config::new(spec)
        .out_dir(out)
        .layout(Layout::Services)
        .rerun_if_changed(false)
}

#[test]
fn a_second_run_renders_only_the_files_whose_inputs_changed() {
    let (_work, spec, out) = scratch("edit");
    let first = config(&spec, &out).generate().expect("generates");
    assert_eq!(first.skipped, 0, "nothing to skip on a first run");
    let files = first.written.len();

    let again = config(&spec, &out).generate().expect("generates");
    assert!(again.written.is_empty());
    // The umbrella's root and manifest and the validate binary name every operation: always rendered.
    assert_eq!(again.skipped, files - 3, "{again:?}");

    // One edit to one operation of `roma`: its file, and roma's root, manifest, dispatch file and
    // schemas, are rendered.
    let file = spec.join("roma/add_backend_instances.json");
    let text = std::fs::read_to_string(&file).expect("readable");
    let edited = text.replacen("\"maximum\": 10000", "\"maximum\": 20000", 1);
    assert_ne!(edited, text, "the page has a documented maximum of 10000");
    std::fs::write(&file, edited).expect("edit");
    let after = config(&spec, &out).generate().expect("generates");
    assert!(
        after
            .written
            .iter()
            .all(|path| !path.starts_with(out.join("services/apig"))),
        "apig is untouched: {:?}",
        after.written
    );
    assert!(
        after
            .written
            .iter()
            .any(|path| path.starts_with(out.join("services/roma"))),
        "{:?}",
        after.written
    );
    assert!(
        after.skipped >= files - 3 - 5,
        "only roma's files are rendered again: {after:?}"
    );
    config(&spec, &out)
        .check()
        .expect("what the cached run left is what a full run makes");
}

#[test]
fn a_generated_file_edited_by_hand_or_a_broken_cache_is_rendered_again() {
    let (_work, spec, out) = scratch("tamper");
    config(&spec, &out).generate().expect("generates");
    let lib = out.join("services/apig/src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("generated");
    std::fs::write(&lib, text.replacen("pub mod", "pub  mod", 1)).expect("edit");
    let report = config(&spec, &out).generate().expect("generates");
    assert_eq!(report.written, vec![lib.clone()], "the hand edit is undone");
    assert_eq!(std::fs::read_to_string(&lib).expect("generated"), text);

    std::fs::write(
        out.join(".codegen-cache"),
        "codegen-cache 1 not a stamp\n\u{0}garbage",
    )
    .expect("write");
    let report = config(&spec, &out)
        .generate()
        .expect("a broken cache is no cache");
    assert_eq!(report.skipped, 0);
    assert!(report.written.is_empty(), "every file was already right");
    std::fs::remove_file(&lib).expect("remove");
    let report = config(&spec, &out).generate().expect("generates");
    assert_eq!(report.written, vec![lib], "a deleted file is written again");
}
