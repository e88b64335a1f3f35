//! `codegen release`: the change report since a base version, a release recorded in the history of
//! each service that changed (its next version by the report's semver impact), and the crates
//! generated again, each changed one with its new version and `CHANGELOG.md`.

use anyhow::Context;
use codegen::internal::changes::{self, release, render, source};
use std::path::Path;
use std::process::ExitCode;

/// What `release` is asked to do.
pub struct Release<'a> {
    /// The base version: a git revision or a folder.
    pub since: &'a str,
    pub config: codegen::Config,
    pub spec: &'a Path,
    /// `YYYY-MM-DD`; today (UTC) when absent.
    pub date: Option<String>,
}

/// Records and regenerates; the report and each new version on stdout. A base that does not load
/// exits 2, a spec with problems 1 (both on stderr), and nothing is written then.
pub fn release(root: &Path, args: Release<'_>) -> anyhow::Result<ExitCode> {
    let old = match source::model(args.since, root) {
        Ok(old) => old,
        Err(error) => {
            eprintln!("{error}");
            return Ok(ExitCode::from(2));
        }
    };
    let new = match codegen::internal::model(&args.config) {
        Ok(new) => new,
        Err(error @ codegen::Error::Spec(_)) => {
            eprintln!("{error}");
            return Ok(ExitCode::from(1));
        }
        Err(error) => return Err(error).context("loading the spec failed"),
    };
    let base = source::base_name(args.since, root)?;
    let found = changes::compare(&old, &new);
    let date = args.date.unwrap_or_else(release::today);
    let recorded = release::record(&old, &new, &found, &base, &date);
    print!("{}", render::text(&found));
    for history in &recorded {
        let path = args.spec.join(&history.file);
        std::fs::write(&path, history.text())
            .with_context(|| format!("writing {}", path.display()))?;
        match history.history.releases.first() {
            Some(new) if new.base.as_deref() == Some(base.as_str()) => println!(
                "{}: {} -> {} ({}), recorded in {}",
                history.service,
                history.previous,
                new.version,
                new.semver,
                path.display()
            ),
            _ => println!(
                "{}: no changes since {base} any more; the release recorded against it is dropped",
                history.service
            ),
        }
    }
    if recorded.is_empty() {
        println!("no service changed since {base}: nothing to release");
        return Ok(ExitCode::SUCCESS);
    }
    match args.config.generate() {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(error @ codegen::Error::Spec(_)) => {
            eprintln!("{error}");
            Ok(ExitCode::from(1))
        }
        Err(error) => Err(error).context("generation failed"),
    }
}

/// `--date`: a `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Result<String, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() == 3
        && [4, 2, 2]
            .iter()
            .zip(&parts)
            .all(|(len, part)| part.len() == *len && part.bytes().all(|b| b.is_ascii_digit()));
    if shaped {
        Ok(text.to_owned())
    } else {
        Err(format!("`{text}` is not a date YYYY-MM-DD"))
    }
}
