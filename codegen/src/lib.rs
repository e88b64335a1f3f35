//! `codegen` turns documented API parameter tables, written up as JSON spec files, into a crate of
//! serde models with validators.
//!
//! Phases: `load` parses each file, `lower` checks everything and decides every name and check into
//! an intermediate model, and `emit` prints that model as Rust formatted by prettyplease. Every
//! problem of a phase is reported at once; nothing is written unless every phase passed.
//!
//! From a build script, with `codegen = { path = "...", default-features = false }` among the
//! build-dependencies (the default `cli` feature is the command line's: clap, anyhow and the
//! importer):
//!
//! ```no_run
//! // build.rs
//! codegen::Config::new("spec").generate().expect("the spec has problems");
//! ```
//!
//! then `include!(concat!(env!("OUT_DIR"), "/models.rs"));` in the crate.
//!
//! # What is public
//!
//! The API is what a build script uses: [`Config`], [`Layout`], [`Report`], and [`Error`] with what
//! it carries ([`Diagnostic`], [`EmitBug`]). Everything else is private, so that the phases can
//! change without breaking a user:
//! - `naming`, the output cache, the writing of files and the run-time files shared with the
//!   generated crates are used only inside this crate.
//! - `load`, `lower`, `ir`, `emit`, `spec`, `diag` and, with their features, the importer and the
//!   interpreter are used also by the `codegen` binary, a crate of its own that sees only what is
//!   `pub`, and by the workspace's tests, benchmarks and fuzz targets, crates of their own too
//!   (they load specs, walk the IR, run the importer and the interpreter). Moving those tests into
//!   this crate would still leave the binary, the benchmarks and the fuzz targets outside, so these
//!   modules are re-exported whole under `codegen::internal`, `#[doc(hidden)]`: a path that says it
//!   is no API and keeps no promise.

// The modules `internal` re-exports are public documentation to rustdoc, though hidden, and their
// docs link one another's modules, which are private here: those links are fine, as the modules'
// readers read the source.
mod cache;
#[cfg(feature = "changes")]
#[allow(rustdoc::private_intra_doc_links)]
mod changes;
#[allow(rustdoc::private_intra_doc_links)]
mod diag;
#[allow(rustdoc::private_intra_doc_links)]
mod emit;
#[cfg(feature = "import")]
#[allow(rustdoc::private_intra_doc_links)]
mod import;
#[doc(hidden)]
pub mod internal;
#[cfg(feature = "interpret")]
#[allow(rustdoc::private_intra_doc_links)]
mod interpret;
#[allow(rustdoc::private_intra_doc_links)]
mod ir;
#[allow(rustdoc::private_intra_doc_links)]
mod load;
#[allow(rustdoc::private_intra_doc_links)]
mod lower;
#[cfg(feature = "mock")]
#[allow(rustdoc::private_intra_doc_links)]
mod mock;
mod naming;
mod shared;
#[allow(rustdoc::private_intra_doc_links)]
mod spec;
mod write;

pub use diag::Diagnostic;
pub use emit::{EmitBug, Layout};

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Why generation stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec has problems; all of them are listed, and nothing was written.
    #[error("{} in the spec:\n{}", problems(.0.len()), lines(.0))]
    Spec(Vec<Diagnostic>),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The generator produced code that does not parse: a bug in the generator.
    #[error(transparent)]
    Bug(#[from] emit::EmitBug),
    /// The crate name is not one Cargo and Rust accept.
    #[error(
        "`{0}` is not a crate name: use ASCII letters, digits, `_` and `-`, starting with a letter"
    )]
    CrateName(String),
    /// `--check`: the output directory differs from what the spec generates.
    #[error(
        "{} is out of date with the spec:\n{}\nrun `cargo run -p codegen -- generate` to regenerate it",
        .dir.display(),
        .changes.join("\n")
    )]
    Stale {
        /// The output directory.
        dir: PathBuf,
        /// One line per file: `changed` (with its first differing line), `missing`, or `not generated
        /// from the spec`.
        changes: Vec<String>,
    },
}

/// `1 problem`, `2 problems`.
fn problems(count: usize) -> String {
    format!("{count} problem{}", if count == 1 { "" } else { "s" })
}

/// Each diagnostic on a line of its own (and its help on the next).
fn lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// What to generate, from where, to where. Defaults suit a build script: one `models.rs` in the
/// output directory.
#[derive(Debug, Clone)]
pub struct Config {
    spec_dir: PathBuf,
    out_dir: Option<PathBuf>,
    layout: Layout,
    crate_name: String,
    command: String,
    emit_rerun_if_changed: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Spec files read, relative to the spec directory.
    pub spec_files: Vec<String>,
    /// Files written because their content changed.
    pub written: Vec<PathBuf>,
    /// Files left untouched because their content was already right.
    pub unchanged: Vec<PathBuf>,
    /// How many of those were not even rendered, being made from parts of the spec that did not
    /// change.
    pub skipped: usize,
    /// Time spent in each phase, in order.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Config {
    /// Generates from every spec file under `spec_dir`.
    pub fn new(spec_dir: impl Into<PathBuf>) -> Config {
        Config {
            spec_dir: spec_dir.into(),
            out_dir: None,
            layout: Layout::SingleFile,
            crate_name: "api_gateway_models".to_owned(),
            command: "cargo build".to_owned(),
            emit_rerun_if_changed: std::env::var_os("CARGO_MANIFEST_DIR").is_some()
                && std::env::var_os("OUT_DIR").is_some(),
        }
    }

    /// Where the spec files are.
    pub fn spec_dir(mut self, dir: impl Into<PathBuf>) -> Config {
        self.spec_dir = dir.into();
        self
    }

    /// Where to write (a build script's `OUT_DIR`).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Config {
        self.out_dir = Some(dir.into());
        self
    }

    /// One file for `include!` (the default), a whole crate, or a crate per service.
    pub fn layout(mut self, layout: Layout) -> Config {
        self.layout = layout;
        self
    }

    /// The generated crate's name, used by its `validate` binary; in the layout of a crate per
    /// service, the umbrella crate's, and the prefix of the others' (`<name>_support`,
    /// `<name>_<service>`).
    pub fn crate_name(mut self, name: impl Into<String>) -> Config {
        self.crate_name = name.into();
        self
    }

    /// The command named in each file's header as the way to regenerate it.
    pub fn command(mut self, command: impl Into<String>) -> Config {
        self.command = command.into();
        self
    }

    /// Whether to print `cargo:rerun-if-changed` for each spec file (on by default inside build
    /// scripts).
    pub fn rerun_if_changed(mut self, on: bool) -> Config {
        self.emit_rerun_if_changed = on;
        self
    }

    /// Runs every phase and returns the files it would write, by path relative to the output
    /// directory.
    pub fn render(&self) -> Result<(BTreeMap<String, String>, Report), Error> {
        let (rendered, report) = self.render_with(None)?;
        Ok((rendered.files, report))
    }

    fn render_with(&self, cache: Option<&cache::Cache>) -> Result<(emit::Rendered, Report), Error> {
        if !valid_crate_name(&self.crate_name) {
            return Err(Error::CrateName(self.crate_name.clone()));
        }
        let mut report = Report::default();
        let model = self.load_and_lower(&mut report)?;
        let started = std::time::Instant::now();
        let rendered =
            emit::render_with(&model, self.layout, &self.crate_name, &self.command, cache)?;
        report.timings.push(("emit+format", started.elapsed()));
        Ok((rendered, report))
    }

    /// Loads and lowers every spec file, emitting nothing: the model the emitters read.
    pub(crate) fn model(&self) -> Result<ir::Model, Error> {
        self.load_and_lower(&mut Report::default())
    }

    /// Names a diagnostic's file the way an editor or terminal can open it: the spec directory
    /// joined with the file, relative to the current directory when it is below it.
    fn locate_file(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        let path = if diagnostic.file == self.spec_dir.display().to_string() {
            self.spec_dir.clone()
        } else {
            self.spec_dir.join(&diagnostic.file)
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        diagnostic.file = path
            .strip_prefix(&cwd)
            .unwrap_or(&path)
            .display()
            .to_string();
        diagnostic
    }

    fn load_and_lower(&self, report: &mut Report) -> Result<ir::Model, Error> {
        let started = std::time::Instant::now();
        let found = self.read_files(load::FileKind::Spec)?;
        let mut diags = diag::Diagnostics::default();
        let mut files = Vec::new();
        for (name, text) in &found {
            report.spec_files.push(name.clone());
            files.extend(load::parse(name, text, &mut diags));
        }
        if self.emit_rerun_if_changed {
            println!("cargo:rerun-if-changed={}", self.spec_dir.display());
        }
        if found.is_empty() {
            diags.push(Diagnostic {
                file: self.spec_dir.display().to_string(),
                line: 0,
                column: 0,
                path: String::new(),
                message: "no spec files (*.json) found".to_owned(),
                help: None,
            });
        }
        let histories = self.load_releases(&mut diags)?;
        report.timings.push(("load", started.elapsed()));
        let started = std::time::Instant::now();
        let mut model = lower::lower(&files, &mut diags);
        if let Some(model) = model.as_mut() {
            lower::releases::attach(model, histories, &mut diags);
        }
        report.timings.push(("check+lower", started.elapsed()));
        match model {
            Some(model) if diags.is_empty() => Ok(model),
            _ => Err(Error::Spec(
                diags
                    .into_sorted()
                    .into_iter()
                    .map(|d| self.locate_file(d))
                    .collect(),
            )),
        }
    }

    /// Every release history under the spec directory, as (file name, history).
    fn load_releases(
        &self,
        diags: &mut diag::Diagnostics,
    ) -> Result<Vec<(String, spec::Releases)>, Error> {
        let found = self.read_files(load::FileKind::Releases)?;
        let histories = found.into_iter().filter_map(|(name, text)| {
            load::parse_releases(&name, &text, diags).map(|history| (name, history))
        });
        Ok(histories.collect())
    }

    /// The files of `kind` under the spec directory, as (relative name, text), each named to cargo
    /// in a build script.
    fn read_files(&self, kind: load::FileKind) -> Result<Vec<(String, String)>, Error> {
        let io = |path: &std::path::Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        let found = load::find_kind(&self.spec_dir, kind).map_err(io(&self.spec_dir))?;
        let mut texts = Vec::with_capacity(found.len());
        for (name, path) in found {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            if self.emit_rerun_if_changed {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            texts.push((name, text));
        }
        Ok(texts)
    }

    /// The JSON Schema of one operation (`service/operation` or its bare name when unique).
    pub fn schema(&self, operation: &str) -> Result<String, Error> {
        let model = self.model()?;
        for service in &model.services {
            for op in &service.operations {
                if op.names().any(|name| name == operation) {
                    return Ok(emit::schema::emit_schema(service, op));
                }
            }
        }
        let known: Vec<&str> = model
            .services
            .iter()
            .flat_map(|s| s.operations.iter().map(|op| op.qualified_name.as_str()))
            .collect();
        Err(Error::Spec(vec![Diagnostic {
            file: self.spec_dir.display().to_string(),
            line: 0,
            column: 0,
            path: String::new(),
            message: format!("no operation `{operation}`"),
            help: Some(format!("known operations: {}", known.join(", "))),
        }]))
    }

    /// Generates and writes only the files whose content changed, each atomically. Files made from
    /// parts of the spec that did not change since the last run are not even rendered (see
    /// `.codegen-cache` in the output directory).
    pub fn generate(&self) -> Result<Report, Error> {
        let out_dir = self.resolved_out_dir()?;
        let stamp = cache::stamp(&(self.layout, &self.crate_name, &self.command));
        let last = cache::Cache::load(&out_dir, stamp);
        let (rendered, mut report) = self.render_with(Some(&last))?;
        let started = std::time::Instant::now();
        let mut entries = BTreeMap::new();
        for (name, content) in &rendered.files {
            let path = out_dir.join(name);
            if write::write_if_changed(&path, content).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })? {
                report.written.push(path);
            } else {
                report.unchanged.push(path);
            }
            if let Some(&key) = rendered.keys.get(name) {
                entries.insert(
                    name.clone(),
                    cache::Entry {
                        key,
                        content: cache::content_hash(content.as_bytes()),
                    },
                );
            }
        }
        for name in &rendered.skipped {
            entries.extend(last.entry(name).map(|entry| (name.clone(), entry)));
            report.unchanged.push(out_dir.join(name));
        }
        // Without the cache the next run is only slower.
        let _ = cache::Cache::save(&out_dir, stamp, &entries);
        report.skipped = rendered.skipped.len();
        report.timings.push(("write", started.elapsed()));
        Ok(report)
    }

    /// Compares the output directory with what the spec generates, writing nothing.
    pub fn check(&self) -> Result<Report, Error> {
        let (files, report) = self.render()?;
        let out_dir = self.resolved_out_dir()?;
        let mut changes = Vec::new();
        for (name, content) in &files {
            match std::fs::read_to_string(out_dir.join(name)) {
                // A checkout with CRLF line ends (git's autocrlf) holds the same files.
                Ok(existing)
                    if existing == *content || existing.replace("\r\n", "\n") == *content => {}
                Ok(existing) => changes.push(format!(
                    "  changed: {name} (first difference at line {})",
                    first_difference(&existing, content)
                )),
                Err(_) => changes.push(format!("  missing: {name}")),
            }
        }
        if self.layout != Layout::SingleFile {
            for stray in write::stray_rust_files(&out_dir, &files) {
                changes.push(format!("  not generated from the spec: {stray}"));
            }
        }
        if changes.is_empty() {
            Ok(report)
        } else {
            Err(Error::Stale {
                dir: out_dir,
                changes,
            })
        }
    }

    fn resolved_out_dir(&self) -> Result<PathBuf, Error> {
        match &self.out_dir {
            Some(dir) => Ok(dir.clone()),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| Error::Io {
                    path: PathBuf::from("OUT_DIR"),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no output directory: call Config::out_dir or run from a build script",
                    ),
                }),
        }
    }
}

fn valid_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()))
        + 1
}
