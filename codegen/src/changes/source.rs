//! A version of the spec to compare, loaded and lowered in memory: a folder, or a git revision read
//! with `git ls-tree` and `git cat-file` (nothing is checked out). A version that does not load is
//! its diagnostics, as `generate` reports them.

use crate::diag::{Diagnostic, Diagnostics};
use crate::{ir, load, lower};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Why a version could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The version's spec does not load: every problem, with file, line:column and JSON path.
    #[error("{label}: {} in the spec:\n{}", crate::problems(.diagnostics.len()), crate::lines(.diagnostics))]
    Spec {
        label: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// Neither a folder nor a git revision that holds spec files.
    #[error("{0}")]
    Unreadable(String),
}

/// The model of the version `spec`: a folder when one exists at that path, else a git revision
/// (`HEAD~1`, whose `spec/` is read, or `main:spec/otc_apig`), read in the repository of `repo`.
pub fn model(spec: &str, repo: &Path) -> Result<ir::Model, SourceError> {
    let folder = repo.join(spec);
    if Path::new(spec).is_dir() {
        return model_of(spec, &read_folder(Path::new(spec), spec)?);
    }
    if folder.is_dir() {
        return model_of(spec, &read_folder(&folder, spec)?);
    }
    let (revision, path) = spec.split_once(':').unwrap_or((spec, "spec"));
    let label = format!("{revision}:{}", path.trim_end_matches('/'));
    model_of(&label, &read_revision(repo, &label)?)
}

/// A stable name of the version `spec`, to record as a release's base: a folder as given, a git
/// revision as its commit (`HEAD` -> `3f2c...`, `main:spec/otc_apig` -> `3f2c...:spec/otc_apig`).
pub fn base_name(spec: &str, repo: &Path) -> Result<String, SourceError> {
    if Path::new(spec).is_dir() || repo.join(spec).is_dir() {
        return Ok(spec.to_owned());
    }
    let (revision, path) = match spec.split_once(':') {
        Some((revision, path)) => (revision, Some(path)),
        None => (spec, None),
    };
    let commit = git(
        repo,
        &["rev-parse", "--verify", &format!("{revision}^{{commit}}")],
        None,
    )?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    Ok(match path {
        Some(path) => format!("{commit}:{path}"),
        None => commit,
    })
}

/// Loads and lowers spec files given as (name relative to the spec folder, text).
pub fn model_of(label: &str, texts: &[(String, String)]) -> Result<ir::Model, SourceError> {
    let mut diags = Diagnostics::default();
    let files: Vec<load::File> = texts
        .iter()
        .filter_map(|(name, text)| load::parse(name, text, &mut diags))
        .collect();
    if texts.is_empty() {
        return Err(SourceError::Unreadable(format!(
            "{label}: no spec files (*.json) found"
        )));
    }
    let model = lower::lower(&files, &mut diags);
    match model {
        Some(model) if diags.is_empty() => Ok(model),
        _ => Err(SourceError::Spec {
            label: label.to_owned(),
            diagnostics: diags
                .into_sorted()
                .into_iter()
                .map(|mut d| {
                    d.file = format!("{}/{}", label.trim_end_matches('/'), d.file);
                    d
                })
                .collect(),
        }),
    }
}

/// The spec files of the folder `dir`, as (name relative to it, text).
pub fn read_folder(dir: &Path, label: &str) -> Result<Vec<(String, String)>, SourceError> {
    let unreadable = |e: std::io::Error| SourceError::Unreadable(format!("{label}: {e}"));
    let mut texts = Vec::new();
    for (name, path) in load::find(dir).map_err(unreadable)? {
        texts.push((name, std::fs::read_to_string(path).map_err(unreadable)?));
    }
    Ok(texts)
}

/// The spec files of `tree` (`HEAD~1:spec`): one `git ls-tree` lists them and one
/// `git cat-file --batch` reads them all.
fn read_revision(repo: &Path, tree: &str) -> Result<Vec<(String, String)>, SourceError> {
    let listing = git(repo, &["ls-tree", "-r", "-z", tree], None)?;
    let mut names = Vec::new();
    let mut objects = String::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // `<mode> blob <object>\t<name>`
        let Some((head, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut head = head.split(' ');
        let (Some(_), Some("blob"), Some(object)) = (head.next(), head.next(), head.next()) else {
            continue;
        };
        if load::FileKind::of(name) == load::FileKind::Spec {
            names.push(name.to_owned());
            objects.push_str(object);
            objects.push('\n');
        }
    }
    let contents = git(repo, &["cat-file", "--batch"], Some(objects.as_bytes()))?;
    let texts = split_batch(&contents, &names).ok_or_else(|| {
        SourceError::Unreadable(format!("{tree}: git cat-file gave an unexpected answer"))
    })?;
    Ok(names.into_iter().zip(texts).collect())
}

/// `git cat-file --batch`'s answer cut into each object's text: `<object> blob <size>\n`, the bytes,
/// then `\n`.
fn split_batch(mut bytes: &[u8], names: &[String]) -> Option<Vec<String>> {
    let mut texts = Vec::with_capacity(names.len());
    for _ in names {
        let end = bytes.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&bytes[..end]).ok()?;
        let size: usize = header.rsplit(' ').next()?.parse().ok()?;
        let body = bytes.get(end + 1..end + 1 + size)?;
        texts.push(String::from_utf8_lossy(body).into_owned());
        bytes = bytes.get(end + 2 + size..)?;
    }
    Some(texts)
}

/// Runs git in `repo`, feeding it `input`; its output, or what it said on failure.
fn git(repo: &Path, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, SourceError> {
    let failed = |e: String| SourceError::Unreadable(format!("git {}: {e}", args.join(" ")));
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let mut stdin = child.stdin.take();
    // Fed from a thread, so that a large answer cannot fill the pipe while we still write.
    let input = input.map(<[u8]>::to_vec).unwrap_or_default();
    let feeder = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            let _ = stdin.write_all(&input);
        }
    });
    let output = child
        .wait_with_output()
        .map_err(|e| failed(e.to_string()))?;
    let _ = feeder.join();
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}
