//! What a cargo workspace costs to `cargo check`: each member crate alone, its dependencies already built, then
//! all members together with `-j2`; wall time, rustc's peak resident memory, lines of Rust and `.rmeta` size.
//!
//! Every check is offline and not incremental, into a target directory of its own in the scratch area. rustc's
//! peak is taken by a `RUSTC_WRAPPER` script that runs each rustc under GNU time (`/usr/bin/time -f %M`) and
//! logs it with the crate's name: that isolates rustc from cargo, and shows when a check compiled something
//! other than the crate measured (a dependency rebuilt with other features), which is then reported.

use serde_json::Value;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The cost of one member crate, checked alone after `cargo clean -p` of it.
#[derive(Debug, Clone)]
pub struct CrateCost {
    pub package: String,
    pub dir: PathBuf,
    /// Lines of the `.rs` files under the crate's `src/`.
    pub lines: usize,
    /// Wall time of `cargo check -p`, cargo's own start-up included.
    pub secs: f64,
    /// The time of the crate's own rustc processes alone.
    pub rustc_secs: f64,
    /// The largest peak resident memory of the crate's rustc processes.
    pub peak_mb: f64,
    /// The size of the library's `.rmeta`, what a crate depending on it loads (0 without a library).
    pub rmeta_bytes: u64,
}

/// The cost of a workspace: each member, and all of them checked together.
#[derive(Debug, Clone)]
pub struct WorkspaceCost {
    /// Each member checked alone (none when only the whole was measured).
    pub crates: Vec<CrateCost>,
    /// How many members the workspace has.
    pub members: usize,
    /// Wall time of `cargo check --workspace -j2` with every member cleaned and the dependencies built.
    pub whole_secs: f64,
    /// The largest peak of one member's rustc during that check (GNU time measures a process, not a sum).
    pub whole_peak_mb: f64,
}

/// Measures the workspace at `workspace`, keeping the target directory and logs under `scratch`; `each`
/// also checks every member alone (a `cargo check` each: many minutes for hundreds of members).
pub fn measure(workspace: &Path, scratch: &Path, each: bool) -> io::Result<WorkspaceCost> {
    let harness = Harness::new(workspace, scratch)?;
    let members = harness.members()?;
    // The dependencies, and every member once, so that each member's check below builds nothing else.
    harness.cargo(&["check", "--workspace"])?;
    let (whole_secs, whole_peak_mb) = harness.whole(&members)?;
    let alone = if each { &members[..] } else { &[] };
    let crates = alone
        .iter()
        .map(|m| harness.crate_cost(m, &[]))
        .collect::<io::Result<_>>()?;
    Ok(WorkspaceCost {
        crates,
        members: members.len(),
        whole_secs,
        whole_peak_mb,
    })
}

/// The cost of one member checked alone with only `feature` on (`--no-default-features --features`), after
/// the workspace's dependencies are built.
pub fn measure_feature(
    workspace: &Path,
    scratch: &Path,
    package: &str,
    feature: &str,
) -> io::Result<CrateCost> {
    let harness = Harness::new(workspace, scratch)?;
    let members = harness.members()?;
    let member = members
        .iter()
        .find(|m| m.package == package)
        .ok_or_else(|| io::Error::other(format!("no member {package}")))?;
    harness.cargo(&[
        "check",
        "-p",
        package,
        "--no-default-features",
        "--features",
        feature,
    ])?;
    harness.crate_cost(member, &["--no-default-features", "--features", feature])
}

/// A workspace member as `cargo metadata` lists it.
struct Member {
    package: String,
    dir: PathBuf,
    /// The crate names of its targets (`floor_apig`, `validate`), as rustc is given them.
    targets: Vec<String>,
    lib: Option<String>,
}

/// One rustc process, as the wrapper logged it.
struct RustcRun {
    crate_name: String,
    peak_kb: u64,
    secs: f64,
}

/// One cargo command: its wall time, the rustc processes it ran and what it printed (`cargo metadata`'s JSON).
struct CargoRun {
    secs: f64,
    rustcs: Vec<RustcRun>,
    stdout: String,
}

impl CargoRun {
    /// The rustc processes that compiled one of `targets`.
    fn of<'a>(&'a self, targets: &'a [String]) -> impl Iterator<Item = &'a RustcRun> {
        self.rustcs
            .iter()
            .filter(|r| targets.contains(&r.crate_name))
    }

    fn peak_mb(&self, targets: &[String]) -> f64 {
        self.of(targets).map(|r| r.peak_kb).max().unwrap_or(0) as f64 / 1024.0
    }
}

struct Harness {
    workspace: PathBuf,
    target: PathBuf,
    wrapper: PathBuf,
    log: PathBuf,
}

impl Harness {
    fn new(workspace: &Path, scratch: &Path) -> io::Result<Harness> {
        std::fs::create_dir_all(scratch)?;
        let log = scratch.join("rustc-peaks.log");
        let wrapper = scratch.join("rustc-peak.sh");
        std::fs::write(&wrapper, wrapper_script(&log))?;
        make_executable(&wrapper)?;
        Ok(Harness {
            workspace: workspace.to_path_buf(),
            target: scratch.join("target"),
            wrapper,
            log,
        })
    }

    /// Runs cargo in the workspace, offline and not incremental, and reads the rustc processes it ran.
    fn cargo(&self, args: &[&str]) -> io::Result<CargoRun> {
        std::fs::write(&self.log, "")?;
        let started = Instant::now();
        let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(args)
            .arg("--offline")
            .current_dir(&self.workspace)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("CARGO_INCREMENTAL", "0")
            .env("RUSTC_WRAPPER", &self.wrapper)
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .output()?;
        let secs = started.elapsed().as_secs_f64();
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let lines: Vec<&str> = stderr.lines().collect();
            let tail = lines[lines.len().saturating_sub(40)..].join("\n");
            return Err(io::Error::other(format!(
                "`cargo {}` in {} failed:\n{tail}",
                args.join(" "),
                self.workspace.display()
            )));
        }
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        Ok(CargoRun {
            secs,
            rustcs: parse_log(&std::fs::read_to_string(&self.log)?),
            stdout,
        })
    }

    fn members(&self) -> io::Result<Vec<Member>> {
        let run = self.cargo(&["metadata", "--no-deps", "--format-version", "1"])?;
        let metadata: Value = serde_json::from_str(&run.stdout).map_err(io::Error::other)?;
        Ok(metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .map(member)
            .collect())
    }

    /// Every member cleaned, then all checked together.
    fn whole(&self, members: &[Member]) -> io::Result<(f64, f64)> {
        let mut clean = vec!["clean"];
        members
            .iter()
            .for_each(|m| clean.extend(["-p", m.package.as_str()]));
        self.cargo(&clean)?;
        let run = self.cargo(&["check", "--workspace", "-j2"])?;
        let targets: Vec<String> = members
            .iter()
            .flat_map(|m| m.targets.iter().cloned())
            .collect();
        Ok((run.secs, run.peak_mb(&targets)))
    }

    fn crate_cost(&self, member: &Member, features: &[&str]) -> io::Result<CrateCost> {
        self.cargo(&["clean", "-p", &member.package])?;
        let mut check = vec!["check", "-p", &member.package];
        check.extend(features);
        let run = self.cargo(&check)?;
        report_others(member, &run);
        Ok(CrateCost {
            package: member.package.clone(),
            dir: member.dir.clone(),
            lines: rust_lines(&member.dir.join("src")),
            secs: run.secs,
            rustc_secs: run.of(&member.targets).map(|r| r.secs).sum(),
            peak_mb: run.peak_mb(&member.targets),
            rmeta_bytes: member.lib.as_deref().map_or(0, |lib| self.rmeta_bytes(lib)),
        })
    }

    /// The size of the newest `lib<name>-<hash>.rmeta` in the target directory.
    fn rmeta_bytes(&self, lib: &str) -> u64 {
        let prefix = format!("lib{lib}-");
        let entries = std::fs::read_dir(self.target.join("debug/deps"))
            .into_iter()
            .flatten()
            .flatten();
        let rmetas = entries.filter(|e| {
            e.file_name().to_string_lossy().starts_with(&prefix)
                && e.path().extension().is_some_and(|x| x == "rmeta")
        });
        let newest = rmetas
            .filter_map(|e| e.metadata().ok())
            .max_by_key(|m| m.modified().ok());
        newest.map_or(0, |m| m.len())
    }
}

fn member(package: &Value) -> Member {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let manifest = PathBuf::from(text(&package["manifest_path"]));
    let targets = package["targets"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let crate_name = |t: &Value| text(&t["name"]).replace('-', "_");
    let is_lib = |t: &&Value| {
        t["kind"].as_array().is_some_and(|kinds| {
            kinds
                .iter()
                .any(|k| k.as_str().is_some_and(|k| k.ends_with("lib")))
        })
    };
    Member {
        package: text(&package["name"]),
        dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
        // A build script's crate is `build_script_build` whatever its target is called.
        targets: targets
            .iter()
            .map(crate_name)
            .chain(["build_script_build".to_owned()])
            .collect(),
        lib: targets.iter().find(is_lib).map(crate_name),
    }
}

/// Says on stderr when a member's check compiled other crates: its time then includes theirs.
fn report_others(member: &Member, run: &CargoRun) {
    let others: Vec<&str> = run
        .rustcs
        .iter()
        .map(|r| r.crate_name.as_str())
        .filter(|name| !member.targets.iter().any(|t| t == name))
        .collect();
    if !others.is_empty() {
        eprintln!(
            "warning: checking {} also compiled {}",
            member.package,
            others.join(", ")
        );
    }
}

/// A `RUSTC_WRAPPER` that runs rustc under GNU time and appends `<peak KB> <seconds> <crate>` to `log`.
/// cargo's probes of rustc (`rustc -vV`, `--crate-name ___ --print ...`) log no crate and are left out.
fn wrapper_script(log: &Path) -> String {
    let log = log.display().to_string().replace('\'', r"'\''");
    format!(
        "#!/bin/sh\n\
         crate=; previous=\n\
         for arg in \"$@\"; do\n\
         \x20   if [ \"$previous\" = --crate-name ] && [ \"$arg\" != ___ ]; then crate=$arg; fi\n\
         \x20   previous=$arg\n\
         done\n\
         if [ -z \"$crate\" ]; then exec \"$@\"; fi\n\
         exec /usr/bin/time -f \"%M %e $crate\" -a -o '{log}' \"$@\"\n"
    )
}

/// The wrapper's log; GNU time's own lines (`Command exited with non-zero status 1`) are not figures.
fn parse_log(text: &str) -> Vec<RustcRun> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let peak_kb = words.next()?.parse().ok()?;
            let secs = words.next()?.parse().ok()?;
            Some(RustcRun {
                crate_name: words.next()?.to_owned(),
                peak_kb,
                secs,
            })
        })
        .collect()
}

fn make_executable(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

/// Lines of the `.rs` files under `dir`, at any depth.
pub fn rust_lines(dir: &Path) -> usize {
    let files = codegen::internal::load::files_under(dir).unwrap_or_default();
    let rust = files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "rs"));
    rust.filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| text.lines().count())
        .sum()
}
