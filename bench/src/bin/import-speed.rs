//! How fast the importer reads reference pages: `cargo run -p bench --release --bin import-speed [DIR...]`
//! (default `spec/otc_apig/pages`). Times, the best of several runs each, for reading and splitting the
//! pages alone (the baseline: the text is read and cut into sections and tables), importing each page on
//! its own, and importing the folders as one service (the plan of shared types and the check of every
//! example request included; nothing is written).

use bench::measure::best_of_seven;
use codegen::internal::import::{page, service};
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ sits in the repository")
        .to_path_buf();
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(root.join("spec/otc_apig/pages"));
    }
    let pages: Vec<(PathBuf, String)> = dirs
        .iter()
        .flat_map(|dir| {
            codegen::internal::load::files_under(dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        })
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    let out = std::env::temp_dir().join(format!("import-speed-{}", std::process::id()));

    let split = best_of_seven(|| {
        for (_, text) in &pages {
            let _ = page::parse(text);
        }
    });
    let each = best_of_seven(|| {
        for (path, _) in &pages {
            let _ = codegen::internal::import::run(&out, path, None, false);
        }
    });
    let paths: Vec<PathBuf> = pages.iter().map(|(p, _)| p.clone()).collect();
    let mut outcome = None;
    let whole = best_of_seven(|| {
        outcome = Some(service::import_service("bench", &out, &paths).expect("imports"))
    });
    let outcome = outcome.expect("ran");

    println!(
        "{} pages, {:.1} MB of text; {} imported as one service ({} not)",
        pages.len(),
        bytes as f64 / 1e6,
        outcome.counts.operations,
        outcome.failed.len()
    );
    println!("| step | ms | pages/s | time / split |");
    println!("| --- | ---: | ---: | ---: |");
    for (step, time) in [
        ("read into sections and tables (baseline)", split),
        ("import each page on its own", each),
        ("import all as one service", whole),
    ] {
        let ms = time.as_secs_f64() * 1000.0;
        println!(
            "| {step} | {ms:.1} | {:.0} | {:.1} |",
            pages.len() as f64 / time.as_secs_f64(),
            time.as_secs_f64() / split.as_secs_f64()
        );
    }
}
