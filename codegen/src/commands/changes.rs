//! `codegen changes`: the change report between two versions of the spec, and the exit code a CI
//! gate reads from it.

use std::path::Path;
use std::process::ExitCode;

/// How `changes` prints its report.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ChangesFormat {
    Text,
    Markdown,
    Json,
}

/// The changes that make `changes --fail-on` exit 1: by level or by semver impact.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FailOn {
    Breaking,
    Warning,
    Major,
    Minor,
}

/// `changes`: the report on stdout; a version that does not load on stderr, exit 2.
pub fn changes(
    root: &Path,
    old: &str,
    new: &str,
    format: ChangesFormat,
    fail_on: Option<FailOn>,
) -> ExitCode {
    use codegen::internal::changes::{self, render, source, Level, Semver};
    // The two versions are read and lowered side by side: that is nearly all of the time.
    let (before, after) = std::thread::scope(|scope| {
        let before = scope.spawn(|| source::model(old, root));
        let after = source::model(new, root);
        (
            before
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            after,
        )
    });
    let (before, after) = match (before, after) {
        (Ok(before), Ok(after)) => (before, after),
        (before, after) => {
            before
                .err()
                .into_iter()
                .chain(after.err())
                .for_each(|e| eprintln!("{e}"));
            return ExitCode::from(2);
        }
    };
    let found = changes::compare(&before, &after);
    match format {
        ChangesFormat::Text => print!("{}", render::text(&found)),
        ChangesFormat::Markdown => print!("{}", render::markdown(&found, old, new)),
        ChangesFormat::Json => print!("{}", render::json(&found)),
    }
    let fails = |c: &changes::Change| match fail_on {
        None => false,
        Some(FailOn::Breaking) => c.level >= Level::Breaking,
        Some(FailOn::Warning) => c.level >= Level::Warning,
        Some(FailOn::Major) => c.semver >= Semver::Major,
        Some(FailOn::Minor) => c.semver >= Semver::Minor,
    };
    if found.iter().any(fails) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
