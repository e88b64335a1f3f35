//! `codegen release`: after an edit of a page's spec, one command prints the change report, records
//! the release in the service's `releases.json` with the next version by the report's semver impact,
//! and generates the crates again, the changed one with that version and its `CHANGELOG.md`; run
//! again against the same base it replaces what it recorded; a later release stacks on it; a
//! history that does not load is a spec problem at its line:column, and nothing is written.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

#[path = "common/command.rs"]
mod command;
#[path = "common/scratch.rs"]
mod scratch;
use command::{codegen, repo};
use scratch::{copy_dir, edit_json, TempDir};

/// A scratch folder with `old/` and `new/`: copies of the seeds' services (`apig`, `roma`).
fn scratch(label: &str) -> TempDir {
    let work = scratch::scratch(&format!("release-{label}"));
    for version in ["old", "new"] {
        for service in ["apig", "roma"] {
            copy_dir(
                &repo().join("spec").join(service),
                &work.path().join(version).join(service),
            );
        }
    }
    work
}

fn vpc_fields(json: &mut Value) -> &mut Vec<Value> {
    json["objects"]["VpcCreate"]["fields"]
        .as_array_mut()
        .expect("fields")
}

/// A wider limit and a new optional field on "Updating a VPC Channel".
fn additive(json: &mut Value) {
    let fields = vpc_fields(json);
    for field in fields.iter_mut().filter(|f| f["name"] == "name") {
        field["max_length"] = json!(128);
    }
    fields.push(
        json!({"name": "remark", "type": "string", "required": false, "description": ["Remark."]}),
    );
}

fn release(work: &Path, since: &str, date: &str) -> (i32, String, String) {
    let arg = |p: &str| work.join(p).to_string_lossy().into_owned();
    let since = arg(since);
    let (spec, out) = (arg("new"), arg("out"));
    codegen(&[
        "release", "--since", &since, "--spec", &spec, "--out", &out, "--date", date,
    ])
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn version(work: &Path, service: &str) -> String {
    let manifest = read(work.join(format!("out/services/{service}/Cargo.toml")));
    let line = manifest
        .lines()
        .find(|l| l.starts_with("version = "))
        .expect("a version");
    line.trim_start_matches("version = ")
        .trim_matches('"')
        .to_owned()
}

fn history(work: &Path) -> Value {
    serde_json::from_str(&read(work.join("new/apig/releases.json"))).expect("json")
}

#[test]
fn an_additive_edit_is_a_patch_release_before_one_and_recording_again_replaces_it() {
    let scratch = scratch("additive");
    let work = scratch.path();
    edit_json(&work.join("new/apig/update_vpc_channel.json"), additive);
    let (code, stdout, stderr) = release(work, "old", "2026-12-04");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("request-field-added-optional")
            && stdout
                .contains("2 changes: 0 breaking, 0 warnings, 2 compatible; semver: apig minor\n")
            && stdout.contains("apig: 0.1.0 -> 0.1.1 (minor), recorded in "),
        "{stdout}"
    );
    assert_eq!(version(work, "apig"), "0.1.1");
    assert_eq!(
        version(work, "roma"),
        "0.1.0",
        "an unchanged service keeps its version"
    );
    let openapi: Value =
        serde_json::from_str(&read(work.join("out/schema/apig.openapi.json"))).expect("json");
    assert_eq!(openapi["info"]["version"], "0.1.1");
    let changelog = read(work.join("out/services/apig/CHANGELOG.md"));
    assert!(
        changelog.contains("## 0.1.1 (2026-12-04, minor)\n")
            && changelog.contains(
                "`request.body.remark`: `request-field-added-optional` (none) → string (minor)"
            ),
        "{changelog}"
    );
    assert!(!work.join("out/services/roma/CHANGELOG.md").exists());

    // The same base again, another day: the release is replaced, not stacked.
    let (code, _, stderr) = release(work, "old", "2026-12-05");
    assert_eq!(code, 0, "{stderr}");
    let releases = &history(work)["releases"];
    assert_eq!(releases.as_array().map(Vec::len), Some(1), "{releases:#}");
    assert_eq!(
        (
            releases[0]["version"].as_str(),
            releases[0]["date"].as_str()
        ),
        (Some("0.1.1"), Some("2026-12-05"))
    );

    // What is checked in is what a fresh run writes.
    let arg = |p: &str| work.join(p).to_string_lossy().into_owned();
    let (code, _, stderr) = codegen(&[
        "generate",
        "--check",
        "--spec",
        &arg("new"),
        "--out",
        &arg("out"),
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_breaking_edit_after_a_release_moves_the_minor_number_and_stacks() {
    let scratch = scratch("breaking");
    let work = scratch.path();
    edit_json(&work.join("new/apig/update_vpc_channel.json"), additive);
    assert_eq!(release(work, "old", "2026-12-04").0, 0);
    // The released spec is the next base; a field is removed from it.
    copy_dir(&work.join("new/apig"), &work.join("released/apig"));
    copy_dir(&work.join("new/roma"), &work.join("released/roma"));
    edit_json(&work.join("new/apig/update_vpc_channel.json"), |json| {
        vpc_fields(json).retain(|f| f["name"] != "remark");
    });
    let (code, stdout, stderr) = release(work, "released", "2026-12-11");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("apig: 0.1.1 -> 0.2.0 (major)"), "{stdout}");
    assert_eq!(version(work, "apig"), "0.2.0");
    let history = history(work);
    let versions: Vec<&str> = history["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .filter_map(|r| r["version"].as_str())
        .collect();
    assert_eq!(versions, ["0.2.0", "0.1.1"]);
    let changelog = read(work.join("out/services/apig/CHANGELOG.md"));
    let (newer, older) = (
        changelog.find("## 0.2.0").expect("0.2.0"),
        changelog.find("## 0.1.1").expect("0.1.1"),
    );
    assert!(newer < older, "newest first:\n{changelog}");
    assert!(
        changelog.contains("### Breaking changes (1)"),
        "{changelog}"
    );
}

#[test]
fn no_change_records_nothing() {
    let scratch = scratch("none");
    let work = scratch.path();
    let (code, stdout, stderr) = release(work, "old", "2026-12-04");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.ends_with("nothing to release\n"), "{stdout}");
    assert!(!work.join("new/apig/releases.json").exists());
    assert!(!work.join("out").exists(), "nothing is generated");
}

#[test]
fn a_bad_history_or_date_is_reported_and_nothing_is_written() {
    let scratch = scratch("bad");
    let work = scratch.path();
    edit_json(&work.join("new/apig/update_vpc_channel.json"), additive);
    let (code, _, stderr) = release(work, "old", "4 December");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a date YYYY-MM-DD"), "{stderr}");

    let history = work.join("new/apig/releases.json");
    std::fs::write(
        &history,
        "{\"service\": \"apig\",\n \"releases\": [{\"version\": 1}]}\n",
    )
    .expect("write");
    let (code, stdout, stderr) = release(work, "old", "2026-12-04");
    assert_eq!((code, stdout.as_str()), (1, ""), "{stderr}");
    assert!(
        stderr.contains("releases.json:2:") && stderr.contains("not a release history"),
        "{stderr}"
    );
    std::fs::write(&history, "{\"service\": \"apig\", \"releases\": [{\"version\": \"1.0\", \"date\": \"2026-01-01\", \"semver\": \"major\"}]}\n").expect("write");
    let (code, _, stderr) = release(work, "old", "2026-12-04");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("releases[0].version: `1.0` is not a version MAJOR.MINOR.PATCH"),
        "{stderr}"
    );
    assert!(!work.join("out").exists(), "nothing is generated");
}
