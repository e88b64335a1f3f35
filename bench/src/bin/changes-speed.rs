//! How fast two versions of the whole spec are compared: `cargo run -p bench --release --bin
//! changes-speed [OLD] [NEW]` (default `HEAD`, read from git, against the `spec` folder), the best
//! of seven runs of each step: reading and lowering each version, comparing the two models, and the
//! whole of `codegen changes` (both versions and the comparison; printing left out).

use bench::measure::best_of_seven;
use codegen::internal::changes::{self, source};
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ sits in the repository")
        .to_path_buf();
    let mut args = std::env::args().skip(1);
    let old = args.next().unwrap_or_else(|| "HEAD".to_owned());
    let new = args.next().unwrap_or_else(|| "spec".to_owned());
    let load = |spec: &str| source::model(spec, &root).unwrap_or_else(|e| panic!("{e}"));
    let (before, after) = (load(&old), load(&new));
    let found = changes::compare(&before, &after);
    let operations: usize = after.services.iter().map(|s| s.operations.len()).sum();
    let types: usize = after.services.iter().map(|s| s.types.len()).sum();

    let read_old = best_of_seven(|| drop(load(&old)));
    let read_new = best_of_seven(|| drop(load(&new)));
    let compare = best_of_seven(|| drop(changes::compare(&before, &after)));
    let whole = best_of_seven(|| drop(changes::compare(&load(&old), &load(&new))));
    println!(
        "`{old}` against `{new}`: {} services, {operations} operations, {types} types; {} changes",
        after.services.len(),
        found.len()
    );
    println!("| step | ms |");
    println!("| --- | ---: |");
    for (step, time) in [
        (format!("read and lower `{old}`"), read_old),
        (format!("read and lower `{new}`"), read_new),
        ("compare the two models".to_owned(), compare),
        ("the whole command".to_owned(), whole),
    ] {
        println!("| {step} | {:.1} |", time.as_secs_f64() * 1000.0);
    }
}
