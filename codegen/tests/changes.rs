//! `codegen changes`: the checked-in spec against itself reports nothing; edits of a copy of the
//! real `spec/otc_apig` are listed with their levels and semver impact, in JSON of a fixed shape; the
//! exit status gates CI; a version that does not load is its diagnostics and nothing on stdout.

use serde_json::{json, Value};

#[path = "common/command.rs"]
mod command;
#[path = "common/scratch.rs"]
mod scratch;
use codegen::internal::load::files_under;
use command::{codegen, repo};
use scratch::{copy_dir, edit_json, scratch, TempDir};

/// A copy of `spec/` in a scratch folder, with `edit` applied to its JSON files (by name).
fn edited_spec(label: &str, edit: impl Fn(&str, &mut Value)) -> TempDir {
    let work = scratch(&format!("changes-{label}"));
    copy_dir(&repo().join("spec"), work.path());
    for path in files_under(work.path()).expect("readable") {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".json") && name != "spec.schema.json" {
            edit_json(&path, |json| edit(&name, json));
        }
    }
    work
}

/// The request table of `creating_an_api_group`.
fn request_fields(json: &mut Value) -> &mut Vec<Value> {
    json["objects"]["CreatingAnApiGroupRequest"]["fields"]
        .as_array_mut()
        .expect("fields")
}

/// Widens `name`'s maximum length and adds an optional field: nothing a client notices.
fn additive(file: &str, json: &mut Value) {
    if file == "creating_an_api_group.json" {
        let fields = request_fields(json);
        for field in fields.iter_mut().filter(|f| f["name"] == "name") {
            field["max_length"] = json!(512);
        }
        fields.push(json!({"name": "labels", "type": "string", "description": ["Labels."]}));
    }
}

/// The additive edit, a new mandatory field, a response field removed and a new enumeration value
/// in a response.
fn breaking(file: &str, json: &mut Value) {
    additive(file, json);
    if file == "creating_an_api_group.json" {
        request_fields(json).push(json!({"name": "owner_id", "type": "string", "required": true}));
        let response = json["objects"]["CreatingAnApiGroupResponse201"]["fields"]
            .as_array_mut()
            .expect("fields");
        response.retain(|f| f["name"] != "sl_domain");
    }
    if file == "common.json" && json["service"] == "otc_apig" {
        let values = json["enums"]["OnSellStatus"]["values"]
            .as_array_mut()
            .expect("values");
        values.push(json!({"value": 4, "name": "Suspended"}));
    }
}

#[test]
fn the_checked_in_spec_against_itself_has_no_changes() {
    let (code, stdout, stderr) = codegen(&["changes", "spec", "spec", "--fail-on", "minor"]);
    assert_eq!((code, stdout.as_str()), (0, "no changes\n"), "{stderr}");
    // The same files read from git, without a checkout.
    let (code, stdout, stderr) = codegen(&["changes", "HEAD", "HEAD:spec", "--format", "json"]);
    assert_eq!((code, stdout.as_str()), (0, "[]\n"), "{stderr}");
}

#[test]
fn an_additive_edit_is_compatible_and_minor() {
    let spec = edited_spec("additive", additive);
    let new = spec.path().to_string_lossy();
    let (code, stdout, stderr) = codegen(&["changes", "spec", &new, "--fail-on", "breaking"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "compatible patch otc_apig/creating_an_api_group request.body.name request-max-length-increased: 255 -> 512\n\
         compatible minor otc_apig/creating_an_api_group request.body.labels request-field-added-optional: (none) -> string\n\
         2 changes: 0 breaking, 0 warnings, 2 compatible; semver: otc_apig minor\n"
    );
    for (gate, code) in [("warning", 0), ("major", 0), ("minor", 1)] {
        let (got, _, _) = codegen(&["changes", "spec", &new, "--fail-on", gate]);
        assert_eq!(got, code, "--fail-on {gate}");
    }
}

#[test]
fn a_breaking_edit_in_json_and_its_exit_status() {
    let spec = edited_spec("breaking", breaking);
    let new = spec.path().to_string_lossy();
    let (code, stdout, stderr) = codegen(&["changes", "spec", &new, "--format", "json"]);
    assert_eq!(
        code, 0,
        "without --fail-on the report does not fail: {stderr}"
    );
    let changes: Vec<Value> = serde_json::from_str(&stdout).expect("a JSON array");
    for change in &changes {
        let keys: Vec<&str> = change
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "check",
                "operation",
                "path",
                "direction",
                "level",
                "semver",
                "old",
                "new"
            ]
        );
    }
    let find = |check: &str, path: &str| {
        changes
            .iter()
            .find(|c| c["check"] == check && c["path"] == path)
            .unwrap_or_else(|| panic!("no {check} at {path} in {stdout}"))
    };
    let mandatory = find("request-field-added-mandatory", "request.body.owner_id");
    assert_eq!(
        (
            &mandatory["operation"],
            &mandatory["level"],
            &mandatory["semver"]
        ),
        (
            &json!("otc_apig/creating_an_api_group"),
            &json!("breaking"),
            &json!("major")
        )
    );
    let removed = find("response-field-removed", "response.201.body.sl_domain");
    assert_eq!(
        (&removed["level"], &removed["old"], &removed["new"]),
        (&json!("breaking"), &json!("string"), &Value::Null)
    );
    // Every operation whose response reaches the enumeration hears of its new value.
    let value = find(
        "response-enum-value-added",
        "response.200.body.groups[].on_sell_status",
    );
    assert_eq!(
        (&value["operation"], &value["level"], &value["semver"]),
        (
            &json!("otc_apig/querying_api_groups"),
            &json!("warning"),
            &json!("minor")
        )
    );
    for (gate, code) in [("breaking", 1), ("warning", 1), ("major", 1), ("minor", 1)] {
        let (got, _, _) = codegen(&["changes", "spec", &new, "--fail-on", gate]);
        assert_eq!(got, code, "--fail-on {gate}");
    }
    let (_, markdown, _) = codegen(&["changes", "spec", &new, "--format", "markdown"]);
    assert!(markdown.contains("| otc_apig | major |\n"), "{markdown}");
    assert!(markdown.contains("## Breaking changes (2)\n"), "{markdown}");
}

#[test]
fn a_version_that_does_not_load_is_reported_and_nothing_is_printed() {
    let spec = edited_spec("bad", |file, json| {
        if file == "creating_an_api_group.json" {
            request_fields(json)[0]["type"] = json!("strin");
        }
    });
    let new = spec.path().to_string_lossy();
    let (code, stdout, stderr) = codegen(&["changes", "spec", &new]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    let file = spec.path().join("otc_apig/creating_an_api_group.json");
    assert!(
        stderr.contains(&format!("{}:", file.display()))
            && stderr
                .contains("objects.CreatingAnApiGroupRequest.fields[0].type: unknown type `strin`"),
        "{stderr}"
    );
}
