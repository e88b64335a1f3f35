//! The synthetic specs the generator is timed on are valid specs of k times the seeds, in both layouts, so
//! that `codegen-scale` times real work and not an early stop on diagnostics.

use bench::synth::{Seeds, Services};
use std::path::Path;

#[test]
fn replicated_specs_generate_without_diagnostics() {
    let seeds =
        Seeds::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).expect("the seeds");
    let one = seeds.size();
    for services in [Services::PerCopy, Services::Shared] {
        let scratch = tempfile::Builder::new()
            .prefix("bench-synth-test-")
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path();
        let size = seeds.write_copies(3, services, dir).expect("writable");
        assert_eq!(
            (size.operations, size.fields),
            (3 * one.operations, 3 * one.fields)
        );
        let rendered = codegen::Config::new(dir)
            .layout(codegen::Layout::Crate)
            .rerun_if_changed(false)
            .render();
        let (files, _) = rendered
            .unwrap_or_else(|e| panic!("{services:?}: the synthetic spec does not generate: {e}"));
        let operations = files
            .keys()
            .filter(|name| name.ends_with(".schema.json"))
            .count();
        assert_eq!(
            operations,
            3 * one.operations,
            "{services:?}: one schema per operation"
        );
    }
}
