//! `codegen import`: one page's spec, or a whole service's spec folder, read from the vendor's
//! pages; with `--diff`, what would change and the change report of it.

use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `import` of the pages as `service`, or of one page without it (more exit 2); `--overlay`
/// conflicts with `--service`, whose pages take the overlays beside its specs.
pub fn run(
    spec: &Path,
    pages: Vec<PathBuf>,
    service: Option<String>,
    diff: bool,
    out: Option<PathBuf>,
    overlay: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    if let Some(service) = service {
        return import_service(spec, &service, &out.unwrap_or_default(), &pages, diff);
    }
    match <[PathBuf; 1]>::try_from(pages) {
        Ok([page]) => import(spec, page, diff, out, overlay),
        Err(_) => {
            eprintln!("error: without --service, import reads one page");
            Ok(ExitCode::from(2))
        }
    }
}

/// `import`: the spec on stdout or in `out`, the report on stderr; with `diff`, the differences on
/// stdout and exit 1 when there are any. A page or overlay that cannot be read exits 2.
fn import(
    spec: &Path,
    page: PathBuf,
    diff: bool,
    out: Option<PathBuf>,
    overlay: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let outcome = match codegen::internal::import::run(spec, &page, overlay.as_deref(), diff) {
        Ok(outcome) => outcome,
        Err(error) => return Ok(unreadable(error)),
    };
    outcome.report.iter().for_each(|line| eprintln!("{line}"));
    if diff {
        let imported = &outcome.imported;
        let files = codegen::internal::changes::imported::page_files(
            spec,
            &outcome.spec_text,
            &imported.spec,
            &imported.common_objects,
            &imported.common_enums,
        );
        return Ok(print_differences(&outcome.differences, spec, files));
    }
    match out {
        Some(path) => std::fs::write(&path, &outcome.spec_text)
            .with_context(|| format!("writing {}", path.display()))?,
        None => print!("{}", outcome.spec_text),
    }
    Ok(ExitCode::SUCCESS)
}

/// `import --service`: the service's files written into `dir` (only those that changed), the report
/// and a summary (with the review lines counted by kind) on stderr; with `diff`, the differences on
/// stdout and exit 1 when there are any. Pages that cannot be imported are listed and exit 2; the
/// others are still written.
fn import_service(
    spec: &Path,
    service: &str,
    dir: &Path,
    pages: &[PathBuf],
    diff: bool,
) -> anyhow::Result<ExitCode> {
    use codegen::internal::import::service;
    let outcome = match service::import_service(service, dir, pages) {
        Ok(outcome) => outcome,
        Err(error) => return Ok(unreadable(error)),
    };
    outcome.report.iter().for_each(|line| eprintln!("{line}"));
    outcome
        .failed
        .iter()
        .for_each(|line| eprintln!("error: {line}"));
    let c = outcome.counts;
    eprintln!(
        "{} pages: {} operations, {} objects and {} enumerations ({} in common.json), {} fields, \
         {} rules, {} example requests, {} example responses; {} review lines; {} pages not \
         imported",
        c.pages,
        c.operations,
        c.objects,
        c.enums,
        c.common,
        c.fields,
        c.rules,
        c.request_examples,
        c.response_examples,
        outcome.report.len(),
        outcome.failed.len()
    );
    let by_kind = codegen::internal::import::review::counts(&outcome.report);
    if !by_kind.is_empty() {
        eprintln!("review: {by_kind}");
    }
    let failed = if outcome.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    };
    if diff {
        let differences = match service::differences(&outcome, true) {
            Ok(differences) => differences,
            Err(error) => return Ok(unreadable(error)),
        };
        let (base, files) = service_files(spec, dir, &outcome.files);
        let code = print_differences(&differences, &base, files);
        return Ok(if outcome.failed.is_empty() {
            code
        } else {
            failed
        });
    }
    match service::write(&outcome, dir) {
        Ok(written) => eprintln!(
            "{} files written, {} unchanged",
            written.len(),
            outcome.files.len() - written.len()
        ),
        Err(error) => return Ok(unreadable(error)),
    }
    Ok(failed)
}

/// The spec folder a service import writes into (the repository's `spec/` when `dir` is in it, else
/// `dir`) and the files it writes there, by name relative to it.
fn service_files(
    spec: &Path,
    dir: &Path,
    files: &[(PathBuf, String)],
) -> (PathBuf, Vec<(String, String)>) {
    let (dir_real, spec_real) = (dir.canonicalize().ok(), spec.canonicalize().ok());
    let (base, prefix) = match (dir_real, spec_real) {
        (Some(d), Some(s)) if d.starts_with(&s) => (
            spec.to_path_buf(),
            format!("{}/", codegen::internal::load::relative_name(&d, &s)),
        ),
        _ => (dir.to_path_buf(), String::new()),
    };
    let files = files
        .iter()
        .map(|(path, text)| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (format!("{prefix}{name}"), text.clone())
        })
        .collect();
    (base, files)
}

/// A page, overlay or service directory that cannot be read: the error on stderr, exit 2.
fn unreadable(error: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}

/// `--diff`'s differences on stdout, then, after an empty line, the change report of writing
/// `files` into the spec folder `base` (each change's level and semver impact, as `changes` gives
/// them); exit 1 when there are any differences.
fn print_differences(
    differences: &[String],
    base: &Path,
    files: Vec<(String, String)>,
) -> ExitCode {
    differences.iter().for_each(|line| println!("{line}"));
    if !differences.is_empty() {
        match codegen::internal::changes::imported::changes(base, files) {
            Ok(changes) => print!("\n{}", codegen::internal::changes::render::text(&changes)),
            Err(error) => eprintln!("no change report: {error}"),
        }
    }
    if differences.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
