//! The change report printed: as text (a line per change and a summary), as Markdown release notes
//! (by level, with each service's semver impact) and as JSON (an array of changes).

use super::{semver_by_service, Change, Level};
use crate::spec::ReleaseChange;

/// Old and new value as one piece of text: `64 -> 32`, `(none) -> string`.
fn values(change: &Change, arrow: &str) -> String {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    format!("{} {arrow} {}", show(&change.old), show(&change.new))
}

/// `3 changes: 1 breaking, 1 warning, 1 compatible; otc_apig major`, or `no changes`.
pub fn summary(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes".to_owned();
    }
    let count = |level: Level| changes.iter().filter(|c| c.level == level).count();
    let services: Vec<String> = semver_by_service(changes)
        .into_iter()
        .map(|(service, semver)| format!("{service} {}", semver.as_str()))
        .collect();
    format!(
        "{} change{}: {} breaking, {} warning{}, {} compatible; semver: {}",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        count(Level::Breaking),
        count(Level::Warning),
        if count(Level::Warning) == 1 { "" } else { "s" },
        count(Level::Compatible),
        services.join(", ")
    )
}

/// A line per change, `level semver operation path check: old -> new`, then the summary.
pub fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let path = if change.path.is_empty() {
            "-"
        } else {
            &change.path
        };
        out.push_str(&format!(
            "{:<10} {:<5} {} {path} {}: {}\n",
            change.level.as_str(),
            change.semver.as_str(),
            change.operation,
            change.check,
            values(change, "->")
        ));
    }
    out.push_str(&summary(changes));
    out.push('\n');
    out
}

/// Release notes: each service's semver impact, then the changes by level, most severe first.
pub fn markdown(changes: &[Change], old: &str, new: &str) -> String {
    let mut out = format!("# Changes from `{old}` to `{new}`\n\n");
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str("| service | semver |\n| --- | --- |\n");
    for (service, semver) in semver_by_service(changes) {
        out.push_str(&format!("| {service} | {} |\n", semver.as_str()));
    }
    let changes: Vec<ReleaseChange> = changes.iter().map(ReleaseChange::from).collect();
    out.push_str(&crate::emit::changelog::by_level(&changes, "##"));
    out
}

/// The changes as a JSON array.
pub fn json(changes: &[Change]) -> String {
    // A list of plain structs of strings and enums always serializes.
    serde_json::to_string_pretty(changes).unwrap_or_default() + "\n"
}
