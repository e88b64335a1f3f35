//! Compares what `cargo check` costs for the generator's output ("ours") with a plain serde floor of the same
//! types (`bench::floor`), at several spec sizes, and prints one markdown table per size:
//! `cargo run -p bench --release --bin build-cost -- [--quick] [--seeds N] [--whole] [--ours DIR]...`.
//!
//! Sizes: the seeds (`spec/apig` and `spec/roma`), ×25 and ×250 of them (each copy in services of its own), and
//! the real `spec/otc_apig` alone; `--quick` does the seeds and ×25 only, `--seeds N` the seeds ×N only; `--whole`
//! checks only each whole workspace, not also each crate alone. `--ours DIR` instead measures an
//! output already generated from the repository's whole `spec/`, in any layout (`generated/`, say), against the
//! floor of that spec. How each crate is checked is `bench::build_cost`'s. For the seeds, each operation's
//! feature is also checked alone. Minutes with `--quick`, far more without (×250 is 500 service crates).

use bench::build_cost::{self, CrateCost, WorkspaceCost};
use bench::synth::{Seeds, Services};
use bench::{floor, workspace};
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Where a size's spec comes from.
#[derive(Clone)]
enum Spec {
    /// `spec/apig` and `spec/roma`, this many copies, each copy in services of its own.
    Seeds(usize),
    /// One service of the repository's spec, alone.
    Service(&'static str),
}

const SIZES: &[(&str, Spec)] = &[
    ("seeds (apig, roma)", Spec::Seeds(1)),
    ("seeds ×25", Spec::Seeds(25)),
    ("seeds ×250", Spec::Seeds(250)),
    ("otc_apig", Spec::Service("otc_apig")),
];

/// Rows of single crates per table; the rest are summed into one row.
const MAX_ROWS: usize = 12;

fn main() {
    if let Err(error) = run() {
        eprintln!("build-cost: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let Args {
        quick,
        seeds,
        whole,
        given,
    } = parse_args()?;
    let scratch = std::env::temp_dir().join(format!("build-cost-{}", std::process::id()));
    let one_size = seeds.map(|copies| (format!("seeds ×{copies}"), Spec::Seeds(copies)));
    let sizes: Vec<(String, Spec)> = if let Some(size) = one_size {
        vec![size]
    } else if !given.is_empty() {
        Vec::new()
    } else {
        let sizes = if quick { &SIZES[..2] } else { SIZES };
        sizes
            .iter()
            .map(|(label, spec)| (label.to_string(), spec.clone()))
            .collect()
    };
    for (i, (label, spec)) in sizes.iter().enumerate() {
        let area = scratch.join(format!("size-{i}"));
        let spec_dir = write_spec(spec, &area.join("spec"))?;
        compare(
            label,
            &spec_dir,
            None,
            &area,
            matches!(spec, Spec::Seeds(1)),
            !whole,
        )?;
    }
    for (i, dir) in given.iter().enumerate() {
        let label = format!("{} (given)", dir.display());
        compare(
            &label,
            &repository().join("spec"),
            Some(dir),
            &scratch.join(format!("given-{i}")),
            false,
            !whole,
        )?;
    }
    Ok(std::fs::remove_dir_all(&scratch)?)
}

/// The command line: which sizes, or which given outputs, to measure.
struct Args {
    quick: bool,
    /// `--seeds N`: the seeds ×N alone.
    seeds: Option<usize>,
    /// `--whole`: each workspace as a whole only.
    whole: bool,
    given: Vec<PathBuf>,
}

fn parse_args() -> Result<Args> {
    const USAGE: &str = "usage: build-cost [--quick] [--seeds N] [--whole] [--ours DIR]...";
    let mut parsed = Args {
        quick: false,
        seeds: None,
        whole: false,
        given: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(USAGE);
        match arg.as_str() {
            "--quick" => parsed.quick = true,
            "--whole" => parsed.whole = true,
            "--seeds" => parsed.seeds = Some(value()?.parse().map_err(|_| USAGE)?),
            "--ours" => parsed.given.push(PathBuf::from(value()?)),
            _ => return Err(USAGE.into()),
        }
    }
    Ok(parsed)
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the size's spec under `dir` and returns the spec directory.
fn write_spec(spec: &Spec, dir: &Path) -> Result<PathBuf> {
    let repo_spec = repository().join("spec");
    match spec {
        Spec::Seeds(copies) => {
            let seeds = dir.join("seeds");
            for service in ["apig", "roma"] {
                workspace::copy_dir(&repo_spec.join(service), &seeds.join(service))?;
            }
            let copied = dir.join("copies");
            Seeds::load(&seeds)?.write_copies(*copies, Services::PerCopy, &copied)?;
            Ok(copied)
        }
        Spec::Service(service) => {
            // The files' `$schema` points at the format's schema beside the service; only editors read it.
            workspace::copy_dir(&repo_spec.join(service), &dir.join(service))?;
            std::fs::copy(
                repo_spec.join("spec.schema.json"),
                dir.join("spec.schema.json"),
            )?;
            Ok(dir.to_path_buf())
        }
    }
}

/// Writes ours (or copies the given output) and the floor of `spec` under `area`, measures both, prints the
/// table and removes `area`.
fn compare(
    label: &str,
    spec: &Path,
    given: Option<&Path>,
    area: &Path,
    features: bool,
    each: bool,
) -> Result<()> {
    let model = codegen::internal::model(&codegen::Config::new(spec).rerun_if_changed(false))?;
    let ours_dir = match given {
        Some(dir) => given_ours(dir, &area.join("ours"))?,
        None => generate_ours(spec, &area.join("ours")),
    };
    floor::write_floor(&model, &area.join("floor"))?;
    eprintln!("{label}: checking ours");
    let ours = build_cost::measure(&ours_dir, &area.join("ours-check"), each)?;
    eprintln!("{label}: checking the floor");
    let floor = build_cost::measure(&area.join("floor"), &area.join("floor-check"), each)?;
    let types: usize = model.services.iter().map(|s| s.types.len()).sum();
    print_table(
        &format!("{label}: {} services, {types} types", model.services.len()),
        &ours,
        &floor,
    );
    if features {
        print_feature_table(&model, &ours_dir, area)?;
    }
    Ok(std::fs::remove_dir_all(area)?)
}

/// Each operation's feature alone (`--no-default-features --features <operation>`), checked from clean.
fn print_feature_table(
    model: &codegen::internal::ir::Model,
    ours: &Path,
    area: &Path,
) -> Result<()> {
    println!("| operation's feature alone | types compiled | check s | peak MB |");
    println!("| --- | ---: | ---: | ---: |");
    for service in &model.services {
        let package = format!("api-gateway-models-{}", service.module.replace('_', "-"));
        for op in &service.operations {
            let feature = op.module.trim_start_matches("r#");
            let cost =
                build_cost::measure_feature(ours, &area.join("feature-check"), &package, feature)?;
            let gated_off = service
                .feature_gates
                .values()
                .filter(|ops| !ops.contains(&op.module))
                .count();
            let types = service.types.len() - gated_off;
            println!(
                "| {}/{feature} | {types} of {} | {:.2} | {:.0} |",
                service.module,
                service.types.len(),
                cost.secs,
                cost.peak_mb
            );
        }
    }
    println!();
    Ok(())
}

/// How ours is produced: the layout of a crate per service into `out/models/`, every crate's manifest
/// written by the generator; every crate found below `out` then joins a workspace at `out`.
fn generate_ours(spec: &Path, out: &Path) -> PathBuf {
    let models = out.join("models");
    codegen::Config::new(spec)
        .out_dir(&models)
        .layout(codegen::Layout::Services)
        .crate_name("api_gateway_models")
        .rerun_if_changed(false)
        .generate()
        .unwrap_or_else(|e| panic!("{} does not generate: {e}", spec.display()));
    workspace::workspace_around(out).expect("the scratch directory is writable")
}

/// An output generated elsewhere, copied below `out` and wrapped in a workspace there.
fn given_ours(dir: &Path, out: &Path) -> Result<PathBuf> {
    workspace::copy_dir(dir, &out.join("models"))?;
    Ok(workspace::workspace_around(out)?)
}

/// One row's figures for one side: a crate's, or sums (peak: the largest) over several.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    lines: usize,
    secs: f64,
    peak_mb: f64,
    rmeta_bytes: u64,
}

impl Figures {
    fn of(crates: &[&CrateCost]) -> Option<Figures> {
        let sum = crates.iter().fold(
            Figures {
                lines: 0,
                secs: 0.0,
                peak_mb: 0.0,
                rmeta_bytes: 0,
            },
            |f, c| Figures {
                lines: f.lines + c.lines,
                secs: f.secs + c.secs,
                peak_mb: f.peak_mb.max(c.peak_mb),
                rmeta_bytes: f.rmeta_bytes + c.rmeta_bytes,
            },
        );
        (!crates.is_empty()).then_some(sum)
    }

    /// The whole workspace checked at once.
    fn whole(cost: &WorkspaceCost) -> Figures {
        let crates: Vec<&CrateCost> = cost.crates.iter().collect();
        let sum = Figures::of(&crates).unwrap_or_default();
        Figures {
            secs: cost.whole_secs,
            peak_mb: cost.whole_peak_mb,
            ..sum
        }
    }
}

/// A table row: an ours crate and the floor crate of the same service (the same directory name), or either alone.
struct Row<'a> {
    key: String,
    ours: Option<&'a CrateCost>,
    floor: Option<&'a CrateCost>,
}

impl Row<'_> {
    /// The service where both sides have a crate for it, else the one crate's package.
    fn name(&self) -> String {
        match (self.ours, self.floor) {
            (Some(ours), None) => ours.package.clone(),
            (None, Some(floor)) => floor.package.clone(),
            _ => self.key.clone(),
        }
    }
}

fn rows<'a>(ours: &'a WorkspaceCost, floor: &'a WorkspaceCost) -> Vec<Row<'a>> {
    let key = |c: &CrateCost| {
        c.dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut rows: Vec<Row> = ours
        .crates
        .iter()
        .map(|c| Row {
            key: key(c),
            ours: Some(c),
            floor: None,
        })
        .collect();
    for crate_cost in &floor.crates {
        match rows
            .iter_mut()
            .find(|row| row.floor.is_none() && row.key == key(crate_cost))
        {
            Some(row) => row.floor = Some(crate_cost),
            None => rows.push(Row {
                key: key(crate_cost),
                ours: None,
                floor: Some(crate_cost),
            }),
        }
    }
    rows
}

fn print_table(title: &str, ours: &WorkspaceCost, floor: &WorkspaceCost) {
    println!("\n### {title}\n");
    println!("| crate | ours lines | floor lines | ours check s | floor check s | ratio | ours peak MB | floor peak MB | ratio | ours rmeta KB | floor rmeta KB |");
    println!("| --- |{}", " ---: |".repeat(10));
    let rows = rows(ours, floor);
    let (shown, rest) = rows.split_at(rows.len().min(MAX_ROWS));
    for row in shown {
        print_row(
            &row.name(),
            Figures::of(&Vec::from_iter(row.ours)),
            Figures::of(&Vec::from_iter(row.floor)),
        );
    }
    if !rest.is_empty() {
        let (ours_rest, floor_rest): (Vec<_>, Vec<_>) = (
            rest.iter().filter_map(|r| r.ours).collect(),
            rest.iter().filter_map(|r| r.floor).collect(),
        );
        print_row(
            &format!("… {} more rows (sums; peak: the largest)", rest.len()),
            Figures::of(&ours_rest),
            Figures::of(&floor_rest),
        );
    }
    let members = format!(
        "**whole workspace**, `-j2` ({} + {} crates)",
        ours.members, floor.members
    );
    print_row(
        &members,
        Some(Figures::whole(ours)),
        Some(Figures::whole(floor)),
    );
    if ours.crates.is_empty() {
        return; // `--whole`: no crate was checked alone
    }
    let rustc = |cost: &WorkspaceCost| cost.crates.iter().map(|c| c.rustc_secs).sum::<f64>();
    println!("\nrustc alone, summed over the crates checked one by one (no cargo start-up): ours {:.2} s, floor {:.2} s.", rustc(ours), rustc(floor));
}

fn print_row(name: &str, ours: Option<Figures>, floor: Option<Figures>) {
    let cell =
        |side: Option<Figures>, show: fn(Figures) -> String| side.map_or("–".to_owned(), show);
    let ratio = |value: fn(Figures) -> f64| match (ours, floor) {
        (Some(o), Some(f)) if value(f) > 0.0 => format!("{:.1}", value(o) / value(f)),
        _ => "–".to_owned(),
    };
    println!(
        "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        cell(ours, |f| f.lines.to_string()),
        cell(floor, |f| f.lines.to_string()),
        cell(ours, |f| format!("{:.2}", f.secs)),
        cell(floor, |f| format!("{:.2}", f.secs)),
        ratio(|f| f.secs),
        cell(ours, |f| format!("{:.0}", f.peak_mb)),
        cell(floor, |f| format!("{:.0}", f.peak_mb)),
        ratio(|f| f.peak_mb),
        cell(ours, |f| format!("{:.0}", f.rmeta_bytes as f64 / 1024.0)),
        cell(floor, |f| format!("{:.0}", f.rmeta_bytes as f64 / 1024.0)),
    );
}
