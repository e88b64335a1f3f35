//! The `codegen` command: `generate --check` passes on the repository and fails after a spec edit,
//! `generate` writes only what changed, and `schema` prints an operation's schema.

use std::path::Path;

#[path = "common/command.rs"]
mod command;
#[path = "common/scratch.rs"]
mod scratch;
use command::{codegen, repo};
use scratch::{copy_dir, scratch, TempDir};

/// A scratch copy of `spec/` and `generated/`, so that a test may edit them.
fn copy_of_repository(label: &str) -> TempDir {
    let work = scratch(&format!("cli-{label}"));
    copy_dir(&repo().join("spec"), &work.path().join("spec"));
    copy_dir(&repo().join("generated"), &work.path().join("generated"));
    work
}

#[test]
fn check_passes_on_the_repository() {
    let (code, _, stderr) = codegen(&["generate", "--check"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn check_fails_after_a_spec_edit_and_generate_writes_only_what_changed() {
    let scratch = copy_of_repository("edit");
    let work = scratch.path();
    let (spec, out) = (work.join("spec"), work.join("generated"));
    let args = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = vec![
            "generate".into(),
            "--spec".into(),
            spec.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        codegen(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert_eq!(run(&["--check"]).0, 0);

    let file = spec.join("apig/common.json");
    let text = std::fs::read_to_string(&file).expect("readable");
    std::fs::write(
        &file,
        text.replacen("\"maximum\": 10000", "\"maximum\": 20000", 1),
    )
    .expect("edit");
    let (code, _, stderr) = run(&["--check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("changed: services/apig/src/types/common/member.rs"),
        "{stderr}"
    );

    let untouched = out.join("services/roma/src/lib.rs");
    let before = std::fs::metadata(&untouched)
        .expect("exists")
        .modified()
        .expect("mtime");
    let (code, _, stderr) = run(&["--verbose"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("written:") && stderr.contains("apig/src/types/common/member.rs"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("roma/src/lib.rs"),
        "an unchanged file is not rewritten: {stderr}"
    );
    assert_eq!(
        std::fs::metadata(&untouched)
            .expect("exists")
            .modified()
            .expect("mtime"),
        before
    );
    assert_eq!(run(&["--check"]).0, 0);

    // A broken spec: every problem is listed, exit 1, and nothing is written.
    std::fs::write(
        &file,
        text.replacen("\"maximum\": 10000", "\"maximum\": -5", 1)
            .replacen("\"type\": \"string\"", "\"type\": \"strnig\"", 1),
    )
    .expect("edit");
    let snapshot = std::fs::read_to_string(out.join("services/apig/src/lib.rs")).expect("exists");
    let (code, _, stderr) = run(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("2 problems in the spec"), "{stderr}");
    assert!(stderr.contains("apig/common.json:"), "{stderr}");
    assert!(stderr.contains("did you mean `string`?"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("services/apig/src/lib.rs")).expect("exists"),
        snapshot,
        "nothing written"
    );
}

#[test]
fn schema_prints_an_operations_json_schema() {
    let (code, stdout, _) = codegen(&["schema", "update_vpc_channel"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(schema["$ref"], "#/$defs/VpcCreate");
    assert_eq!(
        schema["$defs"]["MemberInfo"]["properties"]["weight"]["maximum"],
        10000
    );
    let (code, _, stderr) = codegen(&["schema", "no_such_operation"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("apig/update_vpc_channel"),
        "lists the known operations: {stderr}"
    );
}

#[test]
fn check_reads_a_crlf_checkout_as_fresh_and_crate_name_names_the_crate_in_the_binary() {
    let scratch = copy_of_repository("crlf");
    let work = scratch.path();
    let (spec, out) = (
        work.join("spec").display().to_string(),
        work.join("generated").display().to_string(),
    );
    // As git's autocrlf writes a checkout on Windows.
    let lib = work.join("generated/src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("exists");
    std::fs::write(&lib, text.replace('\n', "\r\n")).expect("rewrite");
    let (code, _, stderr) = codegen(&["generate", "--check", "--spec", &spec, "--out", &out]);
    assert_eq!(code, 0, "CRLF line ends are not a change: {stderr}");

    let (code, _, stderr) = codegen(&[
        "generate",
        "--spec",
        &spec,
        "--out",
        &out,
        "--crate-name",
        "my-cloud-models",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bin = std::fs::read_to_string(work.join("generated/src/bin/validate.rs")).expect("exists");
    assert!(
        bin.contains("my_cloud_models::validate_request_body"),
        "{bin}"
    );
    let (code, _, stderr) = codegen(&["generate", "--check", "--spec", &spec, "--out", &out]);
    assert_eq!(code, 1, "the default crate name differs again: {stderr}");
    assert!(stderr.contains("changed: src/bin/validate.rs"), "{stderr}");
}

/// A copy of the checked-in API Gateway page "Creating a Plug-in" (whose overlay makes
/// `plugin_scope` a string, with a decision) at `path`, its URI path replaced by `uri` when given:
/// the page of another service with the same title.
fn plug_in_page(path: &Path, uri: Option<&str>) {
    let text = std::fs::read_to_string(repo().join("spec/otc_apig/pages/creating_a_plug-in.txt"))
        .expect("the page is checked in");
    let text = match uri {
        Some(uri) => text.replace(
            "/v2/{project_id}/apigw/instances/{instance_id}/plugins",
            uri,
        ),
        None => text,
    };
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_page_imported_into_a_new_service_takes_no_overlay_or_name_of_another() {
    let scratch = scratch("cli-foreign");
    let work = scratch.path();
    let page = work.join("pages/creating_a_plug-in.txt");
    plug_in_page(&page, None);
    let out = work.join("otc_new");
    let (code, _, stderr) = codegen(&[
        "import",
        "--service",
        "otc_new",
        "--out",
        out.to_str().expect("a UTF-8 path"),
        page.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let spec = std::fs::read_to_string(out.join("creating_a_plug_in.json")).expect("written");
    assert!(spec.contains("\"service\": \"otc_new\""), "{spec}");
    assert!(
        !spec.contains("the list is not closed"),
        "took otc_apig's overlay: {spec}"
    );
    assert!(
        stderr.contains("1 of 1 operations have no overlay"),
        "{stderr}"
    );

    // One page, without --service: a page of that title with another path is not otc_apig's.
    plug_in_page(&page, Some("/v1/{project_id}/functions/plugins"));
    let (code, spec, stderr) = codegen(&["import", page.to_str().expect("a UTF-8 path")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!spec.contains("otc_apig"), "{spec}");
    assert!(
        !spec.contains("the list is not closed"),
        "took otc_apig's overlay: {spec}"
    );
    assert!(
        stderr.contains("otc_apig/creating_a_plug_in.json has the page's title but another path"),
        "{stderr}"
    );
}
