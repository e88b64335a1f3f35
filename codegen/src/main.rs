//! The `codegen` command line: generate the models crate from `spec/`, or check that it is up to
//! date.

mod commands;

use anyhow::Context;
use clap::{Parser, Subcommand};
use commands::changes::{ChangesFormat, FailOn};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turns the API parameter tables in spec/ into checked Rust models.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads every spec file and writes the generated crate. Every problem in the spec is reported
    /// at once, with file, line:column and JSON path, and then nothing is written. Only files whose
    /// content changed are written.
    Generate {
        /// Write nothing; exit 1 and list the differences when the output is not what the spec
        /// generates.
        #[arg(long)]
        check: bool,
        /// The spec directory.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// The generated crate's directory.
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// The generated crate's name, as its Cargo.toml gives it (the `validate` binary uses the
        /// crate by it).
        #[arg(long, default_value = "api_gateway_models")]
        crate_name: String,
        /// `services`: a crate per service with a feature per operation, a shared support crate and
        /// an umbrella crate, every Cargo.toml written too; `crate`: one crate, whose Cargo.toml is
        /// yours.
        #[arg(long, value_enum, default_value = "services")]
        layout: LayoutArg,
        /// Print each phase's time and what was written to stderr.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Prints the JSON Schema (draft 2020-12) of an operation's request body, with its response
    /// bodies under `x-responses`. The same schemas are written to generated/schema/ by `generate`
    /// and checked by `--check`.
    Schema {
        /// The operation, as `service/operation` or the bare operation name.
        operation: String,
        /// The spec directory.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
    },
    /// Reads an API reference page (its text) and writes the spec file it documents, applying the
    /// reviewed overlay; lists on stderr what a person should review. With --diff, lists what the
    /// page added, removed or changed compared with the checked-in spec, and exits 1 when anything
    /// differs. With --service, reads many pages (files or folders of .txt pages) into one service
    /// directory: one spec file per operation, the types several pages share in its common.json.
    Import {
        /// The page's text; with --service, any number of pages and folders of pages.
        #[arg(required = true)]
        pages: Vec<PathBuf>,
        /// Compare with the checked-in spec instead of writing a spec.
        #[arg(long)]
        diff: bool,
        /// Where to write the spec (default: stdout); with --service, the service directory.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The overlay (default: the one next to the checked-in spec with the page's title).
        #[arg(long, conflicts_with = "service")]
        overlay: Option<PathBuf>,
        /// Import the pages as this service, into the directory --out (required with it).
        #[arg(long, requires = "out")]
        service: Option<String>,
    },
    /// Lists what changed between two versions of the spec, each change with its check id, the
    /// operation, the JSON path, old and new value, its level for a client of the service and its
    /// semver impact on the generated crate. A version is a folder (`spec`) or a git revision
    /// (`HEAD~1`, whose spec/ is read, or `main:spec/otc_apig`), read without a checkout. Exit 1
    /// when a change reaches --fail-on, 2 when a version does not load (its problems on stderr).
    Changes {
        /// The old version.
        old: String,
        /// The new version.
        #[arg(default_value = "spec")]
        new: String,
        /// text, markdown (release notes) or json (an array of changes).
        #[arg(long, value_enum, default_value = "text")]
        format: ChangesFormat,
        /// Exit 1 when a change is at least this level (breaking, warning) or semver impact (major,
        /// minor).
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
    },
    /// Records a release of each service whose spec changed since a base version (default HEAD):
    /// prints the change report, adds to the service's releases.json the next version by the
    /// report's semver impact (before 1.0.0 a major change moves the minor number), the date and
    /// the changes, and generates again, so each changed crate gets its version and CHANGELOG.md.
    /// Run again against the same base, it replaces what it recorded. Exit 2 when the base does
    /// not load, 1 when the spec does not (nothing is written then).
    Release {
        /// The base version: a git revision (`HEAD`, `v1.4`, `main:spec`) or a folder.
        #[arg(long, default_value = "HEAD")]
        since: String,
        /// The spec directory.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// The generated crates' directory.
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// The release date, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_parser = commands::release::parse_date)]
        date: Option<String>,
    },
    /// Serves one service's documented operations as a mock server made from the pages: each
    /// request routed by method and path template and checked as the generated crates check it; a
    /// valid one answered with the page's example response for its success status, an invalid one
    /// with 400 (or the page's error status) and every violation, an undocumented route with 404
    /// naming the closest operation. One log line per request on stderr; Ctrl-C stops it.
    Mock {
        /// The service (`otc_apig`...).
        #[arg(long)]
        service: String,
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The spec directory.
        #[arg(long, default_value = "spec")]
        spec: PathBuf,
        /// The largest request body read, in bytes; a larger one is answered 413.
        #[arg(long, default_value_t = codegen::internal::mock::DEFAULT_BODY_LIMIT)]
        body_limit: usize,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LayoutArg {
    Services,
    Crate,
}

impl From<LayoutArg> for codegen::Layout {
    fn from(layout: LayoutArg) -> codegen::Layout {
        match layout {
            LayoutArg::Services => codegen::Layout::Services,
            LayoutArg::Crate => codegen::Layout::Crate,
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let Cli { command } = Cli::parse();
    match command {
        Command::Schema { operation, spec } => schema(&operation, spec),
        Command::Changes {
            old,
            new,
            format,
            fail_on,
        } => Ok(commands::changes::changes(
            &workspace_root(),
            &old,
            &new,
            format,
            fail_on,
        )),
        Command::Release {
            since,
            spec,
            out,
            date,
        } => {
            let root = workspace_root();
            let spec = under(&root, spec);
            let config = codegen::internal::repository_config(&root)
                .spec_dir(&spec)
                .out_dir(under(&root, out));
            let args = commands::release::Release {
                since: &since,
                config,
                spec: &spec,
                date,
            };
            commands::release::release(&root, args)
        }
        Command::Mock {
            service,
            addr,
            spec,
            body_limit,
        } => mock(&service, addr, &under(&workspace_root(), spec), body_limit),
        Command::Generate {
            check,
            spec,
            out,
            crate_name,
            layout,
            verbose,
        } => {
            let root = workspace_root();
            let config = codegen::internal::repository_config(&root)
                .spec_dir(under(&root, spec))
                .out_dir(under(&root, out))
                .crate_name(crate_name)
                .layout(layout.into());
            generate(&config, check, verbose)
        }
        Command::Import {
            pages,
            diff,
            out,
            overlay,
            service,
        } => {
            let spec = workspace_root().join("spec");
            commands::import::run(&spec, pages, service, diff, out, overlay)
        }
    }
}

/// `mock`: serves until Ctrl-C; the spec's problems or an unknown service on stderr and exit 1.
fn mock(
    service: &str,
    addr: std::net::SocketAddr,
    spec: &Path,
    body_limit: usize,
) -> anyhow::Result<ExitCode> {
    use codegen::internal::mock::{run_until_ctrl_c, Mock};
    match Mock::load(spec, service) {
        Ok(mock) => {
            run_until_ctrl_c(mock.body_limit(body_limit), addr)
                .with_context(|| format!("serving on {addr}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("{error}");
            Ok(ExitCode::from(1))
        }
    }
}

/// `schema`: the operation's JSON Schema on stdout; the spec's problems (an unknown operation among
/// them) on stderr and exit 1.
fn schema(operation: &str, spec: PathBuf) -> anyhow::Result<ExitCode> {
    let root = workspace_root();
    match codegen::internal::repository_config(&root)
        .spec_dir(under(&root, spec))
        .schema(operation)
    {
        Ok(schema) => {
            print!("{schema}");
            Ok(ExitCode::SUCCESS)
        }
        Err(error @ codegen::Error::Spec(_)) => {
            eprintln!("{error}");
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error).context("schema failed"),
    }
}

/// `generate`, or with `check` `generate --check`: what the spec's problems, a stale output or a
/// bad crate name are, on stderr and exit 1; with `verbose`, each phase's time and the files
/// written.
fn generate(config: &codegen::Config, check: bool, verbose: bool) -> anyhow::Result<ExitCode> {
    let result = if check {
        config.check()
    } else {
        config.generate()
    };
    match result {
        Ok(report) => {
            if verbose {
                print_report(&report);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(
            error @ (codegen::Error::Spec(_)
            | codegen::Error::Stale { .. }
            | codegen::Error::CrateName(_)),
        ) => {
            eprintln!("{error}");
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error).context("generation failed"),
    }
}

/// `generate --verbose`: each phase's time, the files written and how many were left as they were.
fn print_report(report: &codegen::Report) {
    for (phase, time) in &report.timings {
        eprintln!("{phase:>12}: {:.1} ms", time.as_secs_f64() * 1000.0);
    }
    for path in &report.written {
        eprintln!("     written: {}", path.display());
    }
    eprintln!(
        "   unchanged: {} files ({} not rendered: their inputs did not change)",
        report.unchanged.len(),
        report.skipped
    );
}

/// `path` as given when absolute, else under `root`.
fn under(root: &Path, path: PathBuf) -> PathBuf {
    if path.is_relative() {
        root.join(path)
    } else {
        path
    }
}

/// Paths are relative to the workspace root when run through cargo, else to the current directory.
fn workspace_root() -> PathBuf {
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) if std::env::var_os("CARGO").is_some() => PathBuf::from(dir)
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default(),
        _ => PathBuf::from("."),
    }
}
