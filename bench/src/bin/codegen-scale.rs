//! Times the generator's phases on the real spec replicated ×1, ×10, ×100 and to 1,000 operations, and prints
//! the markdown table for the README: `cargo run -p bench --release --bin codegen-scale`.
//!
//! Options: `--quick` (×1 and ×10 only), `--spec DIR` (default: the repository's spec/). `cargo check` of the
//! output is `build-cost`'s.
//! Built with `--features typify-timing`, it also times typify on the body's JSON Schema replicated to the same
//! number of fields.

use bench::synth::{Seeds, Services, Size};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Copies of the seeds, each with how many runs to take the median of: ×1, ×10, ×100, and 250 copies of the
/// 4 operations = 1,000 operations.
const SCALES: &[(&str, usize, usize)] = &[
    ("×1", 1, 7),
    ("×10", 10, 5),
    ("×100", 100, 3),
    ("1,000 ops (×250)", 250, 3),
];

/// The same, all copies in the seeds' two services; smaller, because each operation's JSON Schema carries
/// every definition of its service, so the output grows with the square of the copies.
const SHARED_SCALES: &[(&str, usize, usize)] = &[("×1", 1, 7), ("×10", 10, 3), ("×25", 25, 1)];

struct Measured {
    label: &'static str,
    size: Size,
    phases: Vec<(&'static str, Duration)>,
    /// A whole `generate` again with nothing changed, and after one spec file changed (the cache at work).
    rerun: Duration,
    one_change: Duration,
    output_lines: usize,
    output_bytes: usize,
}

impl Measured {
    fn total(&self) -> Duration {
        self.phases.iter().map(|(_, d)| *d).sum()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let cargo_check = args.iter().any(|a| a == "--cargo-check");
    let spec_dir = args
        .iter()
        .position(|a| a == "--spec")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec"));
    let seeds = Seeds::load(&spec_dir)
        .unwrap_or_else(|e| panic!("cannot read the seeds in {}: {e}", spec_dir.display()));
    let scratch = std::env::temp_dir().join(format!("codegen-scale-{}", std::process::id()));
    let scales = if quick { &SCALES[..2] } else { SCALES };
    let shared_scales = if quick {
        &SHARED_SCALES[..2]
    } else {
        SHARED_SCALES
    };

    if cargo_check {
        eprintln!("`cargo check` of the generated crates is measured by `build-cost`, against a plain serde floor");
        std::process::exit(2);
    }
    println!("Each copy in services of its own (`apig_r7`, `roma_r7`):\n");
    let results = measure_scales(&seeds, &scratch, Services::PerCopy, scales);
    println!("\nAll copies in the seeds' two services (`apig` holds k times its types and operations):\n");
    measure_scales(&seeds, &scratch, Services::Shared, shared_scales);
    let ours: Vec<_> = results
        .iter()
        .map(|m| (m.label, m.size.fields, m.total()))
        .collect();
    #[cfg(feature = "typify-timing")]
    typify_timing::compare(&ours, quick);
    #[cfg(not(feature = "typify-timing"))]
    println!(
        "\n(typify on as many fields, for {} sizes: build with `--features typify-timing`)",
        ours.len()
    );
    if let Err(error) = std::fs::remove_dir_all(&scratch) {
        eprintln!("could not remove {}: {error}", scratch.display());
    }
}

fn measure_scales(
    seeds: &Seeds,
    scratch: &Path,
    services: Services,
    scales: &[(&'static str, usize, usize)],
) -> Vec<Measured> {
    let mut results = Vec::new();
    for &(label, copies, runs) in scales {
        let name = format!(
            "{}-x{copies}",
            if services == Services::Shared {
                "shared"
            } else {
                "own"
            }
        );
        let spec = scratch.join(format!("spec-{name}"));
        let size = seeds
            .write_copies(copies, services, &spec)
            .expect("the scratch directory is writable");
        results.push(measure(
            label,
            size,
            &spec,
            &scratch.join(format!("out-{name}")),
            runs,
        ));
        let _ = std::fs::remove_dir_all(&spec);
        if services == Services::Shared {
            let _ = std::fs::remove_dir_all(scratch.join(format!("out-{name}")));
        }
    }
    print_table(&results);
    print_growth(&results);
    results
}

/// Runs the generator `runs` times, each into a fresh directory, and keeps each phase's median; then
/// times a run with nothing changed and one after a one-file change.
fn measure(label: &'static str, size: Size, spec: &Path, out: &Path, runs: usize) -> Measured {
    let generate = || {
        codegen::Config::new(spec)
            .out_dir(out)
            .layout(codegen::Layout::Services)
            .rerun_if_changed(false)
            .generate()
            .unwrap_or_else(|e| panic!("the synthetic spec {label} does not generate: {e}"))
    };
    let mut samples: Vec<Vec<(&'static str, Duration)>> = Vec::new();
    let mut written = Vec::new();
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(out);
        let report = generate();
        samples.push(report.timings);
        written = report.written;
    }
    let timed = |edit: &dyn Fn()| {
        edit();
        let started = Instant::now();
        let report = generate();
        let elapsed = started.elapsed();
        let phases: Vec<String> = report
            .timings
            .iter()
            .map(|(phase, d)| format!("{phase} {}", ms(*d)))
            .collect();
        eprintln!(
            "{label}: {} ms ({} ms), {} files rendered",
            ms(elapsed),
            phases.join(", "),
            report.written.len() + report.unchanged.len() - report.skipped
        );
        elapsed
    };
    let rerun = timed(&|| {});
    let one_change = timed(&|| change_one_maximum(spec));
    let output = written
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .fold((0, 0), |(l, b), t| (l + t.lines().count(), b + t.len()));
    let phases = (0..samples[0].len())
        .map(|i| {
            let mut times: Vec<Duration> = samples.iter().map(|s| s[i].1).collect();
            times.sort();
            (samples[0][i].0, times[times.len() / 2])
        })
        .collect();
    Measured {
        label,
        size,
        phases,
        rerun,
        one_change,
        output_lines: output.0,
        output_bytes: output.1,
    }
}

/// Raises the first documented maximum of the first spec file that has one, by one.
fn change_one_maximum(spec: &Path) {
    let mut files = codegen::internal::load::files_under(spec).expect("readable");
    files.retain(|f| f.extension().is_some_and(|e| e == "json"));
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let Some(at) = text.find("\"maximum\": ") else {
            continue;
        };
        let start = at + "\"maximum\": ".len();
        let len = text[start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(0);
        let Ok(max) = text[start..start + len].parse::<u64>() else {
            continue;
        };
        std::fs::write(
            &file,
            format!("{}{}{}", &text[..start], max + 1, &text[start + len..]),
        )
        .expect("writable");
        return;
    }
    panic!("no spec file under {} documents a maximum", spec.display());
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn print_table(results: &[Measured]) {
    let phases: Vec<&str> = results[0].phases.iter().map(|(name, _)| *name).collect();
    println!("| spec | operations | types | fields | {} ms | total ms | fields/s | output | again, unchanged ms | after a one-file change ms |", phases.join(" ms | "));
    println!(
        "| --- | ---: | ---: | ---: |{} ---: | ---: | ---: | ---: | ---: |",
        " ---: |".repeat(phases.len())
    );
    for m in results {
        let times: Vec<String> = m.phases.iter().map(|(_, d)| ms(*d)).collect();
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.0} | {} lines, {:.1} MB | {} | {} |",
            m.label,
            m.size.operations,
            m.size.objects + m.size.enums,
            m.size.fields,
            times.join(" | "),
            ms(m.total()),
            m.size.fields as f64 / m.total().as_secs_f64(),
            m.output_lines,
            m.output_bytes as f64 / 1e6,
            ms(m.rerun),
            ms(m.one_change),
        );
    }
}

/// How the time grows against the input, step by step, in total and per phase.
fn print_growth(results: &[Measured]) {
    println!();
    for pair in results.windows(2) {
        let (small, large) = (&pair[0], &pair[1]);
        let input = large.size.fields as f64 / small.size.fields as f64;
        let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64();
        let per_phase: Vec<String> = small
            .phases
            .iter()
            .zip(&large.phases)
            .map(|((name, a), (_, b))| format!("{name} ×{:.1}", ratio(*a, *b)))
            .collect();
        let total = ratio(small.total(), large.total());
        let verdict = if total <= input * 1.1 {
            "linear (within 10 %)"
        } else {
            "grows faster than the input"
        };
        println!(
            "- {} → {}: input ×{input:.1}, time ×{total:.1}: {verdict} ({})",
            small.label,
            large.label,
            per_phase.join(", ")
        );
    }
}

#[cfg(feature = "typify-timing")]
mod typify_timing {
    use super::print_typify_row;
    use bench::typify_scale::{replicated_schema, time_typify};

    /// Times typify on the body's schema replicated so that it has about as many fields as each of our sizes,
    /// and prints our fields per second as a multiple of typify's.
    pub fn compare(ours: &[(&str, usize, std::time::Duration)], quick: bool) {
        println!();
        println!("| fields | typify ms (convert / emit / syn+prettyplease) | typify fields/s | ours fields/s at that size | ours / typify |");
        println!("| ---: | --- | ---: | ---: | ---: |");
        for &(label, fields, time) in ours {
            let (schema, typify_fields) = replicated_schema(fields);
            let ours = fields as f64 / time.as_secs_f64();
            print_typify_row(
                &format!("{typify_fields} ({label})"),
                typify_fields,
                &time_typify(&schema),
                Some(ours),
            );
        }
        if !quick {
            // The reference size: the nine tables of the body, 1,000 times.
            let (schema, fields) = replicated_schema(53_000);
            print_typify_row(
                &format!("{fields} (the issue's reference size)"),
                fields,
                &time_typify(&schema),
                None,
            );
        }
    }
}

/// One row of the typify table: typify's time on `fields` fields in its phases, its rate, and ours where
/// measured at that size.
#[cfg(feature = "typify-timing")]
fn print_typify_row(
    label: &str,
    fields: usize,
    t: &bench::typify_scale::TypifyTimes,
    ours: Option<f64>,
) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let total = t.convert + t.emit + t.format;
    let theirs = fields as f64 / total.as_secs_f64();
    let (ours, ratio) = match ours {
        Some(ours) => (format!("{ours:.0}"), format!("{:.1}", ours / theirs)),
        None => (String::new(), String::new()),
    };
    println!(
        "| {label} | {:.0} ({:.0} / {:.0} / {:.0}), {} lines | {theirs:.0} | {ours} | {ratio} |",
        ms(total),
        ms(t.convert),
        ms(t.emit),
        ms(t.format),
        t.lines
    );
}
