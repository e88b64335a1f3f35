//! `codegen import PAGE` and `codegen import --diff PAGE`: find the checked-in spec the page
//! documents (by its title) and the overlays next to it, import, and compare.

use super::build::{Imported, Target};
use super::pages::{import_page, read_page, read_spec, PageImport};
use super::review::{Kind, Review};
use super::{diff, examples, page, service, ImportError};
use crate::load;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What an import produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The spec file, as pretty JSON ending with a newline.
    pub spec_text: String,
    /// What a person should review, one line each; for stderr.
    pub report: Vec<Review>,
    /// With `diff`: every difference from the checked-in spec and `common.json`, one line each.
    /// Empty when the page still says what the spec says.
    pub differences: Vec<String>,
    pub imported: Imported,
}

/// Imports the page at `page_path`. The overlay is `overlay`, else the one next to the checked-in
/// spec whose `source.page` is the page's title; the service's `common.overlay.json` beside it also
/// applies. With `diff`, compares with that checked-in spec (an error when there is none).
pub fn run(
    spec_dir: &Path,
    page_path: &Path,
    overlay: Option<&Path>,
    diff: bool,
) -> Result<Outcome, ImportError> {
    let page = read_page(page_path)?;
    let mut report = Vec::new();
    let matched = find_spec(spec_dir, page_path, &page, &mut report)?;
    let (target, dir) = operation_place(spec_dir, overlay, matched, &page.title, &mut report)?;
    let PageImport {
        imported,
        overlay_missing,
    } = import_page(page_path, &page, &target, &dir, overlay)?;
    if let Some(path) = overlay_missing {
        let text = format!(
            "no overlay at {}: names the page does not give are made up",
            path.display()
        );
        report.push(Review::new(Kind::NoOverlay, text));
    }
    report.extend(imported.report.iter().cloned());
    if !diff {
        report.extend(imported.stale.iter().cloned());
    }
    // The page's example requests, checked against its tables and the service's shared ones.
    let shared = dir.join("common.json");
    let shared = if shared.exists() {
        Some(read_spec(&shared)?)
    } else {
        None
    };
    report.extend(examples::check(&imported, &target, shared.as_ref()));
    let spec_text = super::spec_text(&imported.spec);

    let checked_in = dir.join(format!("{}.json", target.name));
    let mut differences = Vec::new();
    if checked_in.exists() {
        differences = compare(spec_dir, &dir, &checked_in, &target, &imported)?;
        if !diff && !differences.is_empty() {
            let text = format!("{} differences from the checked-in spec and common.json; `import --diff` lists them", differences.len());
            report.push(Review::new(Kind::Differences, text));
        }
    } else if diff {
        return Err(ImportError::NoSpec(format!(
            "no checked-in spec to compare with: {} does not exist (the page's title is {:?})",
            checked_in.display(),
            page.title
        )));
    }
    Ok(Outcome {
        spec_text,
        report,
        differences,
        imported,
    })
}

/// The operation a page is imported as and the directory of its files: beside the given overlay,
/// else beside the checked-in spec `matched`, else a guess from the page's title (said in
/// `report`).
fn operation_place(
    spec_dir: &Path,
    overlay: Option<&Path>,
    matched: Option<(String, PathBuf)>,
    title: &str,
    report: &mut Vec<Review>,
) -> Result<(Target, PathBuf), ImportError> {
    Ok(match (overlay, matched) {
        (Some(path), _) => target_of_overlay(path)?,
        (None, Some((name, _))) => {
            let (service, file) = name.split_once('/').unwrap_or(("", &name));
            let target = Target {
                service: service.to_owned(),
                name: file.trim_end_matches(".json").to_owned(),
            };
            let dir = spec_dir.join(service);
            (target, dir)
        }
        (None, None) => {
            let text = format!(
                "no spec in {} documents the page {title:?}: the service and operation names are guesses; write an overlay",
                spec_dir.display(),
            );
            report.push(Review::new(Kind::NoSpec, text));
            (
                Target {
                    service: "unknown".to_owned(),
                    name: crate::naming::operation_name(title),
                },
                spec_dir.join("unknown"),
            )
        }
    })
}

/// Every difference between the imported page and the checked-in spec `checked_in` (with the
/// service's `common.json` in `dir`), and each overlay decision the page no longer bears out.
fn compare(
    spec_dir: &Path,
    dir: &Path,
    checked_in: &Path,
    target: &Target,
    imported: &Imported,
) -> Result<Vec<String>, ImportError> {
    let relative = |path: &Path| {
        path.strip_prefix(spec_dir)
            .unwrap_or(path)
            .display()
            .to_string()
            .replace('\\', "/")
    };
    let mut differences = Vec::new();
    if imported.common_objects.is_empty() && imported.common_enums.is_empty() {
        // No overlay says which of the page's types are shared: compared as the service import
        // holds the page (its shared types in common.json by shape, under the service's names).
        let in_service = service::with_pages(
            &target.service,
            dir,
            [(target.name.clone(), imported.clone())].into(),
            Default::default(),
        )?;
        let found = service::differences(&in_service, false)?;
        differences.extend(
            found
                .into_iter()
                .map(|line| format!("{}/{line}", target.service)),
        );
    } else {
        // The overlays list the shared types: the page's file, and its entries of common.json.
        diff::spec_files(
            &relative(checked_in),
            &read_spec(checked_in)?,
            &imported.spec,
            &mut differences,
        );
        let common = dir.join("common.json");
        let old = if common.exists() {
            Some(read_spec(&common)?)
        } else {
            None
        };
        diff::common_entries(
            &relative(&common),
            old.as_ref(),
            &imported.common_objects,
            &imported.common_enums,
            &mut differences,
        );
    }
    differences.extend(imported.stale.iter().map(|line| format!("overlay: {line}")));
    Ok(differences)
}

/// The checked-in operation spec that documents the page: one whose `source.page` is the page's
/// title and whose path is the page's (the one in the folder the page is in, where several are: two
/// services, or two versions of an API with one title), else one with the page's title in whose
/// folder the page is (`spec/otc_apig/pages/...`: a page whose path changed). A spec with the title
/// alone is another service's page of that title (every service has its "Querying Quotas"): it is
/// not matched, so the page takes neither its overlay nor its service's name; `report` says so.
fn find_spec(
    spec_dir: &Path,
    page_path: &Path,
    page: &page::Page,
    report: &mut Vec<Review>,
) -> Result<Option<(String, PathBuf)>, ImportError> {
    if !spec_dir.is_dir() {
        return Ok(None);
    }
    let found = load::find(spec_dir).map_err(ImportError::io(spec_dir))?;
    let mut candidates: Vec<(String, PathBuf, Value)> = Vec::new();
    for (name, path) in found {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let title = json
            .get("source")
            .and_then(|s| s.get("page"))
            .and_then(Value::as_str);
        if title == Some(page.title.as_str()) && json.get("operation").is_some() {
            candidates.push((name, path, json));
        }
    }
    let same_path = |json: &Value| {
        json.pointer("/operation/path").and_then(Value::as_str) == Some(page.path.as_str())
    };
    let page_dir = std::fs::canonicalize(page_path).ok();
    let holds_page = |path: &Path| {
        let dir = path.parent().and_then(|d| std::fs::canonicalize(d).ok());
        dir.zip(page_dir.as_ref())
            .is_some_and(|(dir, page)| page.starts_with(dir))
    };
    let titled: Vec<String> = candidates.iter().map(|(name, ..)| name.clone()).collect();
    if candidates.iter().any(|(_, _, json)| same_path(json)) {
        candidates.retain(|(_, _, json)| same_path(json));
    } else {
        candidates.retain(|(_, path, _)| holds_page(path));
    }
    if candidates.is_empty() && !titled.is_empty() {
        let text = format!(
            "{} {} the page's title but another path than {:?}, and the page is not in its folder: not taken as the page's spec (pass its overlay with --overlay to import the page as that operation)",
            titled.join(", "),
            if titled.len() == 1 { "has" } else { "have" },
            page.path
        );
        report.push(Review::new(Kind::NoSpec, text));
    }
    let at = candidates
        .iter()
        .position(|(_, path, _)| holds_page(path))
        .unwrap_or(0);
    Ok((at < candidates.len())
        .then(|| candidates.swap_remove(at))
        .map(|(name, path, _)| (name, path)))
}

/// `spec/apig/update_vpc_channel.overlay.json` is the overlay of operation `update_vpc_channel` of
/// service `apig`.
fn target_of_overlay(path: &Path) -> Result<(Target, PathBuf), ImportError> {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = file
        .strip_suffix(load::OVERLAY_SUFFIX)
        .filter(|n| !n.is_empty() && *n != "common");
    let Some(name) = name else {
        return Err(ImportError::Overlay {
            path: path.to_owned(),
            message: format!(
                "an operation's overlay is named <operation>{}",
                load::OVERLAY_SUFFIX
            ),
        });
    };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let service = dir
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((
        Target {
            service,
            name: name.to_owned(),
        },
        dir,
    ))
}
