//! `codegen import`: each reference page in `fixtures/pages/` plus its reviewed overlay gives the
//! checked-in spec exactly (and the `common.json` entries it shares); `--diff` is silent on the pages as
//! they are and names every change of an edited page; a malformed page is an error naming the table and
//! row, never a panic.

use codegen::internal::import::review::{Kind, Review};
use codegen::internal::import::{self, ImportError};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/scratch.rs"]
mod scratch;
use scratch::{scratch, TempDir};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec_dir() -> PathBuf {
    repo().join("spec")
}

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The pages, the spec each documents, and the shared objects and enumerations it contributes.
const PAGES: &[(&str, &str, &[&str])] = &[
    (
        "apig_add_or_update_member_groups.txt",
        "apig/add_or_update_member_groups.json",
        &[
            "MemberGroupCreate",
            "MicroserviceLabel",
            "MemberGroupInfo",
            "ErrorResponse",
        ],
    ),
    (
        "apig_update_backend_instances.txt",
        "apig/update_backend_instances.json",
        &["MemberInfo", "ErrorResponse", "MemberStatus"],
    ),
    (
        "roma_add_backend_instances.txt",
        "roma/add_backend_instances.json",
        &[],
    ),
    (
        "apig_update_vpc_channel.txt",
        "apig/update_vpc_channel.json",
        &[
            "MemberGroupCreate",
            "MicroserviceLabel",
            "MemberInfo",
            "MemberGroupInfo",
            "ErrorResponse",
            "MemberStatus",
        ],
    ),
];

/// Fails with the first differing entry, so that a mismatch is readable.
/// A value of the spec's types as the JSON its file holds.
fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).expect("the spec's types serialize")
}

fn assert_same(what: &str, actual: &Value, expected: &Value) {
    if actual == expected {
        return;
    }
    if let (Some(a), Some(e)) = (actual.as_object(), expected.as_object()) {
        for key in a.keys().chain(e.keys()) {
            assert_same(
                &format!("{what}.{key}"),
                a.get(key).unwrap_or(&Value::Null),
                e.get(key).unwrap_or(&Value::Null),
            );
        }
    }
    panic!("{what} differs\n--- imported ---\n{actual:#}\n--- checked in ---\n{expected:#}");
}

#[test]
fn each_page_with_its_overlay_reproduces_the_checked_in_spec() {
    for (name, spec, shared) in PAGES {
        let outcome = import::run(&spec_dir(), &page(name), None, false)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_same(
            spec,
            &json(&outcome.imported.spec),
            &read_json(&spec_dir().join(spec)),
        );

        let service = spec.split('/').next().unwrap_or_default();
        let common_path = spec_dir().join(service).join("common.json");
        let common = if common_path.exists() {
            read_json(&common_path)
        } else {
            Value::Null
        };
        let mut contributed: Vec<&str> = outcome
            .imported
            .common_objects
            .keys()
            .chain(outcome.imported.common_enums.keys())
            .map(String::as_str)
            .collect();
        contributed.sort_unstable();
        let mut wanted = shared.to_vec();
        wanted.sort_unstable();
        assert_eq!(
            contributed, wanted,
            "{name}: the common.json entries it contributes"
        );
        for (kind, entries) in [
            ("objects", json(&outcome.imported.common_objects)),
            ("enums", json(&outcome.imported.common_enums)),
        ] {
            for (entry, value) in entries.as_object().into_iter().flatten() {
                assert_same(
                    &format!("{service}/common.json {kind}.{entry} from {name}"),
                    value,
                    &common[kind][entry],
                );
            }
        }
        assert!(
            outcome.differences.is_empty(),
            "{name}: {:#?}",
            outcome.differences
        );
    }
}

#[test]
fn navigation_and_footer_are_skipped() {
    // The same page with the site's menu before it and the cookie and feedback footer after it, and no
    // "Updated on" line: everything but the date is the checked-in spec.
    let outcome = import::run(
        &spec_dir(),
        &page("apig_update_vpc_channel_site_chrome.txt"),
        None,
        false,
    )
    .unwrap();
    let mut expected = read_json(&spec_dir().join("apig/update_vpc_channel.json"));
    expected["source"]
        .as_object_mut()
        .unwrap()
        .remove("updated");
    assert_same(
        "update_vpc_channel (site chrome)",
        &json(&outcome.imported.spec),
        &expected,
    );
    assert!(
        outcome
            .report
            .iter()
            .any(|l| l.kind == Kind::NoDate && l.text.contains("no \"Updated on\" date")),
        "{:#?}",
        outcome.report
    );
}

#[test]
fn the_report_lists_what_to_review() {
    let outcome = import::run(
        &spec_dir(),
        &page("apig_update_vpc_channel.txt"),
        None,
        false,
    )
    .unwrap();
    let unread = "VpcHealthConfig.port: not recognized: \"If this parameter is not specified or set to 0, the host port of the VPC channel is used.\"";
    let line = outcome.report.iter().find(|l| l.text == unread);
    // The line says what it is about and where on the page, as data.
    assert_eq!(
        line.map(|l| (l.kind, l.line, l.table.as_deref(), l.row.as_deref())),
        Some((
            Kind::Unrecognized,
            Some(515),
            Some("Table 7 VpcHealthConfig"),
            Some("port")
        )),
        "{:#?}",
        outcome.report
    );
    let report = lines(&outcome.report).join("\n");
    // The sentences that became rules are not listed.
    assert!(
        !report.contains("less than the value of time_interval"),
        "{report}"
    );
    assert!(!report.contains("required if protocol"), "{report}");
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .current_dir(repo())
        .env_remove("CARGO")
        .output()
        .expect("runs the codegen binary")
}

#[test]
fn diff_of_unchanged_pages_is_clean() {
    let names = PAGES
        .iter()
        .map(|(name, _, _)| *name)
        .chain(["apig_update_vpc_channel_site_chrome.txt"]);
    for name in names {
        let path = page(name);
        let output = codegen(&["import", "--diff", path.to_str().unwrap()]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(stdout.is_empty(), "{name}: {stdout}");
    }
}

/// A file named `name` in a scratch folder of its own, removed when dropped.
struct TempFile {
    _dir: TempDir,
    path: PathBuf,
}

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let dir = scratch("import-test");
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        TempFile { _dir: dir, path }
    }

    fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }
}

/// Replaces every `from` (which must occur) by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the page no longer contains {from:?}");
    text.replace(from, to)
}

#[test]
fn diff_names_each_change_of_an_edited_page() {
    let original = std::fs::read_to_string(page("apig_update_vpc_channel.txt")).unwrap();
    // A Maximum changes.
    let text = edit(
        &original,
        "time_interval.\n\nMinimum: 1\n\nMaximum: 30\n",
        "time_interval.\n\nMinimum: 1\n\nMaximum: 60\n",
    );
    // An enumeration value is added (in the request table and the response table alike).
    let text = edit(
        &text,
        "  • 4\n\nmember_type",
        "  • 4\n\n  • 5\n\nmember_type",
    );
    // A row is added.
    let text = edit(
        &text,
        "status\n\nNo\n\nInteger\n\nHealth check result.",
        "retries\n\nNo\n\nInteger\n\nNumber of retries.\n\nMaximum: 5\n\nstatus\n\nNo\n\nInteger\n\nHealth check result.",
    );
    // A row is removed (with the rule its prose stated).
    let text =
        edit(&text, "path\n\nNo\n\nString\n\nDestination path for health checks. This parameter is required if protocol is set to http or https.\n\n", "");
    // (The examples no longer send it either: a key an example sends is a field.)
    let text = text.replace("        \"path\" : \"/vpc/demo\",\n", "");
    // A type changes, in a table the page shares through common.json.
    let text = edit(&text, "\nweight\n\nNo\n\nInteger", "\nweight\n\nNo\n\nLong");
    let page = TempFile::new("apig_update_vpc_channel_edited.txt", &text);

    let output = codegen(&["import", "--diff", page.path()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The differences, then after an empty line the change report of the same edit.
    let (differences, report) = stdout.split_once("\n\n").unwrap_or((&stdout, ""));
    let lines: Vec<&str> = differences.lines().collect();
    for expected in [
        "apig/update_vpc_channel.json: VpcHealthConfig.timeout: maximum: 30 -> 60",
        "apig/update_vpc_channel.json: BalanceStrategy: added value 5",
        "apig/update_vpc_channel.json: VpcHealthConfig.retries: added field (integer)",
        "apig/update_vpc_channel.json: VpcHealthConfig.path: removed field (string)",
        "apig/update_vpc_channel.json: VpcHealthConfig: removed rule required_if path (This parameter is required if protocol is set to http or https.)",
        "apig/common.json: MemberInfo.weight: type: integer -> long",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in:\n{stdout}");
    }
    // The two examples that no longer send `path` are the other two lines.
    assert_eq!(lines.len(), 8, "only the edits are reported:\n{stdout}");
    // Each with its level for a client and its semver impact, by direction: a removed request field
    // breaks, a wider maximum does not, a new value is a warning where a response holds it.
    for expected in [
        "breaking   major apig/update_vpc_channel request.body.vpc_health_config.path request-field-removed: string -> (none)",
        "compatible patch apig/update_vpc_channel request.body.vpc_health_config.timeout request-maximum-increased: 30 -> 60",
        "compatible minor apig/update_vpc_channel request.body.balance_strategy request-enum-value-added: (none) -> 5",
        "warning    minor apig/update_vpc_channel response.200.body.balance_strategy response-enum-value-added: (none) -> 5",
        "compatible major apig/update_backend_instances request.body.members[].weight request-type-widened: integer -> long",
    ] {
        assert!(report.lines().any(|l| l == expected), "missing {expected:?} in:\n{report}");
    }
}

#[test]
fn diff_flags_a_decision_the_page_changed_under() {
    // The overlay sets ecs_id's max_length to 64 over the table's "Maximum: 255"; when the table changes,
    // the decision needs a person again, even though the spec itself would not change.
    let original = std::fs::read_to_string(page("apig_update_backend_instances.txt")).unwrap();
    let page = TempFile::new(
        "apig_update_backend_instances_edited.txt",
        &edit(&original, "Maximum: 255", "Maximum: 128"),
    );
    let output = codegen(&["import", "--diff", page.path()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    for row in ["MemberInfo", "VpcMemberInfo"] {
        let expected =
            format!("overlay: {row}.ecs_id: max_length: the overlay's decision was taken over the page's 255, but the page now gives 128; review the decision");
        assert!(
            stdout.lines().any(|l| l == expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
}

/// Fails unless importing `text` is a page error at `table` and `row` whose message says `says`.
/// The page parses, leaving the table `table` out with a review line about its row `row` that says
/// `says`: one table that cannot be read does not refuse the page.
fn assert_table_left_out(text: &str, table: &str, row: &str, says: &str) {
    let page = match import::page::parse(text) {
        Ok(page) => page,
        Err(error) => panic!("the page with one unreadable table was refused: {error}"),
    };
    assert!(
        page.tables.iter().all(|t| t.label() != table),
        "{table} was read"
    );
    let review = page
        .unread_tables
        .iter()
        .find(|r| r.table.as_deref() == Some(table))
        .unwrap_or_else(|| panic!("no review line about {table}: {:?}", page.unread_tables));
    assert_eq!(review.row.as_deref(), Some(row), "{review}");
    assert!(review.text.contains(says), "{review}");
}

#[test]
fn a_truncated_table_is_left_out_naming_the_table_and_row() {
    let original = std::fs::read_to_string(page("apig_update_backend_instances.txt")).unwrap();
    let cut = original
        .find("ecs_id\n\nNo\n\n")
        .map(|at| at + "ecs_id\n\nNo".len())
        .unwrap();
    assert_table_left_out(
        &original[..cut],
        "Table 4 MemberInfo",
        "ecs_id",
        "truncated",
    );
}

#[test]
fn a_row_without_its_type_leaves_its_table_out_naming_the_row() {
    let original = std::fs::read_to_string(page("apig_add_or_update_member_groups.txt")).unwrap();
    let text = edit(
        &original,
        "member_group_remark\n\nNo\n\nString\n\n",
        "member_group_remark\n\nNo\n\n",
    );
    assert_table_left_out(
        &text,
        "Table 4 MemberGroupCreate",
        "member_group_remark",
        "has no type",
    );

    // The command line imports the rest of the page and says which table it left out, and why.
    let page = TempFile::new("apig_add_or_update_member_groups_no_type.txt", &text);
    let output = codegen(&["import", page.path()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("row member_group_remark: the row has no type")
            && stderr.contains("; left out"),
        "{stderr}"
    );
}

#[test]
fn every_prefix_of_a_page_is_an_error_or_a_spec_never_a_panic() {
    let text = std::fs::read_to_string(page("apig_update_vpc_channel_site_chrome.txt")).unwrap();
    let target = import::Target {
        service: "apig".to_owned(),
        name: "update_vpc_channel".to_owned(),
    };
    let overlays = import::overlay::Overlays::default();
    for (cut, _) in text.char_indices().filter(|(_, c)| *c == '\n').step_by(3) {
        if let Ok(page) = import::page::parse(&text[..cut]) {
            let imported = import::import(&page, &target, &overlays);
            assert!(imported.spec.operation.is_some());
        }
    }
}

#[test]
fn an_overlay_with_an_unknown_key_is_an_error() {
    let overlay = TempFile::new(
        "update_vpc_channel.overlay.json",
        r#"{"fields": {"VpcCreate.port": {"maximun": 5}}}"#,
    );
    match import::run(
        &spec_dir(),
        &page("apig_update_vpc_channel.txt"),
        Some(&overlay.path),
        false,
    ) {
        Err(ImportError::Overlay { message, .. }) => {
            assert!(message.contains("unknown key `maximun`"), "{message}")
        }
        other => panic!("expected an overlay error, got {other:?}"),
    }
}

#[test]
fn a_query_parameter_table_becomes_typed_query_parameters_that_generate() {
    let outcome = import::run(
        &spec_dir(),
        &page("otc_apig_querying_vpc_channels.txt"),
        None,
        false,
    )
    .expect("imports");
    let spec: Value = serde_json::from_str(&outcome.spec_text).expect("JSON");
    let query = spec["operation"]["query_params"]
        .as_array()
        .expect("query parameters");
    let names: Vec<&str> = query.iter().filter_map(|q| q["name"].as_str()).collect();
    assert!(
        names.starts_with(&["offset", "limit", "id", "name"]),
        "{names:?}"
    );
    let limit = &query[1];
    assert_eq!(
        (
            limit["type"].as_str(),
            limit["minimum"].as_i64(),
            limit["maximum"].as_i64(),
            limit["default"].as_i64()
        ),
        (Some("integer"), Some(1), Some(500), Some(20))
    );
    assert!(
        !outcome
            .report
            .iter()
            .any(|line| line.text.contains("Query Parameters") && line.text.contains("skipped")),
        "{:#?}",
        outcome.report
    );
    // The spec it makes generates, query parameters included.
    let module = generate_imported("querying_vpc_channels", &outcome.spec_text);
    assert!(
        module.contains("pubfnquery(&self)")
            && module.contains("publimit:::std::option::Option<i32>"),
        "the Request lacks its typed query"
    );
}

/// Generates the spec an import made (of the service `unknown`, no spec matching its page) as service
/// `otc`, failing with the diagnostics when it does not generate; returns the operation's module and
/// the service's module, with every space and line break removed (so that fragments do not depend on
/// how prettyplease breaks lines).
fn generate_imported(operation: &str, spec_text: &str) -> String {
    let scratch = scratch(&format!("import-{operation}"));
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("otc")).expect("mkdir");
    // The page's own service, whichever it was imported as (a page of a checked-in service takes its name).
    let mut spec: Value = serde_json::from_str(spec_text).expect("the import writes JSON");
    spec["service"] = Value::from("otc");
    let text = serde_json::to_string_pretty(&spec).expect("serializes");
    std::fs::write(dir.join(format!("otc/{operation}.json")), text).expect("write");
    let rendered = codegen::Config::new(dir)
        .layout(codegen::Layout::Crate)
        .rerun_if_changed(false)
        .render();
    let (files, _) = rendered
        .unwrap_or_else(|e| panic!("the spec imported as {operation} does not generate: {e}"));
    let module = |suffix: &str| {
        files
            .iter()
            .find(|(name, _)| name.ends_with(suffix))
            .map(|(_, text)| text.clone())
            .unwrap_or_else(|| panic!("no {suffix}"))
    };
    let both = module(&format!("/{operation}.rs")) + &module("src/otc/mod.rs");
    both.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The field `name` of the imported object `object`, or of the operation's `list`.
fn imported_field<'s>(spec: &'s Value, object: &str, name: &str) -> &'s Value {
    let fields = spec["objects"][object]["fields"]
        .as_array()
        .or_else(|| spec["operation"][object].as_array());
    fields
        .into_iter()
        .flatten()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {object}.{name} in {spec:#}"))
}

/// A page to import, its operation, the fields to find in its spec and what else to find: (page,
/// operation, [(object or operation list, row, the field's type and items)], fragments).
type Case<'a> = (
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str, &'a str, Option<&'a str>)],
    &'a [&'a str],
);

/// The import of page `name`, after checking it names `operation` and has each of `fields` with its
/// type and items.
fn import_with_fields(
    name: &str,
    operation: &str,
    fields: &[(&str, &str, &str, Option<&str>)],
) -> import::Outcome {
    let outcome = import::run(&spec_dir(), &page(name), None, false)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let spec = &json(&outcome.imported.spec);
    assert_eq!(spec["operation"]["name"], operation, "{name}");
    for (object, row, ty, items) in fields {
        let field = imported_field(spec, object, row);
        assert_eq!(
            (field["type"].as_str(), field["items"].as_str()),
            (Some(*ty), *items),
            "{name}: {object}.{row}"
        );
    }
    outcome
}

#[test]
fn pages_with_objects_maps_files_and_odd_names_import_and_generate() {
    // (page, operation, fields, fragments of the generated code)
    let cases: &[Case<'_>] = &[
        (
            "otc_apig_querying_dedicated_gateway_details.txt",
            "querying_dedicated_gateway_details",
            &[("QueryingDedicatedGatewayDetailsResponse200", "listeners", "object", None)],
            &["publisteners:::std::option::Option<::serde_json::Map<::std::string::String,::serde_json::Value>"],
        ),
        (
            "otc_apig_querying_azs.txt",
            "querying_azs",
            &[("AvailableZone", "specs", "map", Some("boolean"))],
            &["pubspecs:::std::option::Option<::std::collections::BTreeMap<::std::string::String,bool>"],
        ),
        ("otc_apig_creating_a_group_response.txt", "creating_a_group_response", &[("CreatingAGroupResponseRequest", "responses", "map", Some("ResponseInfo"))], &["BTreeMap<::std::string::String,ResponseInfo>"]),
        ("otc_apig_modifying_a_group_response.txt", "modifying_a_group_response", &[("ModifyingAGroupResponseRequest", "responses", "map", Some("ResponseInfo"))], &[]),
        ("otc_apig_querying_group_response_details.txt", "querying_group_response_details", &[("QueryingGroupResponseDetailsResponse200", "responses", "map", Some("ResponseInfoResp"))], &[]),
        ("otc_apig_querying_group_responses.txt", "querying_group_responses", &[("ResponsesInfo", "responses", "map", Some("ResponseInfoResp"))], &[]),
        (
            "otc_apig_modifying_the_response_of_an_error_type.txt",
            "modifying_the_response_of_an_error_type",
            &[("path_params", "response_type", "string", None)],
            &["Ok(::std::collections::BTreeMap<::std::string::String,super::ResponseInfoResp>)"],
        ),
        ("otc_apig_querying_the_response_of_an_error_type.txt", "querying_the_response_of_an_error_type", &[], &["Ok(::std::collections::BTreeMap<::std::string::String,super::ResponseInfoResp>)"]),
        (
            "otc_apig_importing_apis.txt",
            "importing_apis",
            &[("form_params", "file_name", "file", None), ("form_params", "is_create_group", "boolean", None)],
            &["pubfile_name:support::FilePart,", "pubfnform(&self)->::std::vec::Vec<support::FormPart<'_>>"],
        ),
        ("otc_apig_exporting_apis.txt", "exporting_apis", &[], &["Ok(::std::vec::Vec<u8>)", "200u16=>{::std::result::Result::Ok((Self::Ok(body.to_vec()),"]),
        (
            "otc_modelarts_list_datasets.txt",
            "list_datasets",
            &[("DatasetAndFilePreview", "data_statistics", "map", Some("object")), ("LabelProperty", "@modelarts:color", "string", None)],
            &["#[serde(rename=\"@modelarts:color\")]"],
        ),
        ("otc_modelarts_update_dataset.txt", "modifying_a_dataset", &[("LabelProperty", "@modelarts:color", "string", None)], &["pubmodelarts_color:::std::option::Option<::std::string::String>"]),
    ];
    for (name, operation, fields, fragments) in cases {
        let outcome = import_with_fields(name, operation, fields);
        let generated = generate_imported(operation, &outcome.spec_text);
        for fragment in *fragments {
            assert!(
                generated.contains(fragment),
                "{name}: the generated code lacks {fragment:?}"
            );
        }
    }
}

#[test]
fn body_tables_that_are_a_map_or_a_file_are_bodies_not_objects() {
    let outcome = import::run(
        &spec_dir(),
        &page("otc_apig_querying_the_response_of_an_error_type.txt"),
        None,
        false,
    )
    .expect("imports");
    let spec = &json(&outcome.imported.spec);
    assert_eq!(
        spec["operation"]["responses"][0]["body"],
        serde_json::json!({ "type": "map", "items": "ResponseInfoResp" })
    );
    assert!(
        spec["objects"]
            .as_object()
            .is_some_and(|o| !o.contains_key("QueryingTheResponseOfAnErrorTypeResponse200")),
        "no object for the map body"
    );

    let outcome = import::run(
        &spec_dir(),
        &page("otc_apig_exporting_apis.txt"),
        None,
        false,
    )
    .expect("imports");
    let spec = &json(&outcome.imported.spec);
    assert_eq!(spec["operation"]["responses"][0]["body"], "file");
    assert_eq!(
        spec["operation"]["responses"][1]["body"],
        "ExportingApisResponse400"
    );

    let outcome = import::run(
        &spec_dir(),
        &page("otc_apig_importing_apis.txt"),
        None,
        false,
    )
    .expect("imports");
    let spec = json(&outcome.imported.spec);
    let operation = &spec["operation"];
    assert!(
        operation.get("body").is_none(),
        "a form is not a JSON body: {operation:#}"
    );
    let extend_mode = imported_field(&spec, "form_params", "extend_mode");
    assert_eq!(
        (
            extend_mode["type"].as_str(),
            extend_mode["default"].as_str()
        ),
        (Some("ExtendMode"), Some("merge"))
    );
    assert!(
        !outcome
            .report
            .iter()
            .any(|l| l.text.contains("FormData") && l.text.contains("skipped")),
        "{:#?}",
        outcome.report
    );

    // The page's own broken example is left out and reported, not the end of the import.
    let outcome =
        import::run(&spec_dir(), &page("otc_apig_querying_azs.txt"), None, false).expect("imports");
    assert!(
        outcome.report.iter().any(|l| l.kind == Kind::ExampleLeftOut
            && l.text
                .contains("the example is not valid JSON (trailing comma)")),
        "{:#?}",
        outcome.report
    );
}

#[test]
fn a_placeholder_row_beside_other_rows_leaves_its_table_out_naming_it() {
    let original =
        std::fs::read_to_string(page("otc_apig_querying_the_response_of_an_error_type.txt"))
            .unwrap();
    let text = edit(
        &original,
        "{User defined key}\n\nMap<String,ResponseInfoResp>\n\nOK\n",
        "{User defined key}\n\nMap<String,ResponseInfoResp>\n\nOK\n\ncount\n\nInteger\n\nNumber.\n",
    );
    assert_table_left_out(
        &text,
        "Table 3 Response body parameters",
        "{User defined key}",
        "must be its only row",
    );
}

#[test]
fn a_page_from_which_no_table_is_imported_is_an_error() {
    // The URI and a sentence, but no table this importer reads: an empty spec would lose the page in silence.
    let text =
        std::fs::read_to_string(page("apig_update_backend_instances.txt")).expect("readable");
    let cut = text.find("\nTable 1").expect("the page has tables");
    let file = TempFile::new(
        "no-tables.txt",
        &format!("{}\nStatus Codes\n", &text[..cut]),
    );
    match import::run(&spec_dir(), Path::new(file.path()), None, false) {
        Err(ImportError::Page { error, .. }) => assert!(
            error.message.contains("no table of the page was imported"),
            "{error}"
        ),
        Err(other) => panic!("expected a page error, got {other}"),
        Ok(outcome) => panic!("a page without tables imported:\n{}", outcome.spec_text),
    }
    let output = codegen(&["import", file.path()]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn float_double_and_number_rows_are_floats() {
    let text =
        std::fs::read_to_string(page("apig_update_backend_instances.txt")).expect("readable");
    for spelling in ["Float", "Double", "Number"] {
        let file = TempFile::new(
            &format!("float-{spelling}.txt"),
            &edit(
                &text,
                "weight\n\nNo\n\nInteger\n",
                &format!("weight\n\nNo\n\n{spelling}\n"),
            ),
        );
        let outcome = import::run(&spec_dir(), Path::new(file.path()), None, false)
            .unwrap_or_else(|e| panic!("{spelling}: {e}"));
        let spec: Value = serde_json::from_str(&outcome.spec_text).expect("JSON");
        let common = &json(&outcome.imported.common_objects["MemberInfo"]);
        let weight = common["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(
                spec["objects"]["MemberInfo"]["fields"]
                    .as_array()
                    .into_iter()
                    .flatten(),
            )
            .find(|f| f["name"] == "weight")
            .expect("weight");
        assert_eq!(weight["type"], "float", "{spelling}");
    }
}

/// The review lines as printed.
fn lines(report: &[Review]) -> Vec<String> {
    report.iter().map(ToString::to_string).collect()
}

/// The report lines of the import's check of the examples.
fn example_lines(outcome: &import::Outcome) -> Vec<&str> {
    outcome
        .report
        .iter()
        .map(|line| line.text.as_str())
        .filter(|line| line.starts_with("example ") || line.starts_with("examples not checked"))
        .collect()
}

/// A spec folder in a scratch folder, removed when dropped, holding only
/// `apig/update_backend_instances.overlay.json` with `overlay`.
struct TempSpec(TempDir);

impl TempSpec {
    fn with_overlay(name: &str, overlay: &str) -> TempSpec {
        let dir = scratch(&format!("import-examples-{name}"));
        std::fs::create_dir_all(dir.path().join("apig")).unwrap();
        std::fs::write(
            dir.path()
                .join("apig/update_backend_instances.overlay.json"),
            overlay,
        )
        .unwrap();
        TempSpec(dir)
    }

    fn dir(&self) -> &Path {
        self.0.path()
    }

    fn overlay(&self) -> PathBuf {
        self.dir()
            .join("apig/update_backend_instances.overlay.json")
    }
}

const BROKEN_EXAMPLE: &str = "Updating non-standby backend instances of a VPC channel";

#[test]
fn an_example_that_breaks_its_table_is_listed_with_the_violation() {
    let page = page("apig_update_backend_instances_example_breaks_table.txt");
    let outcome = import::run(&spec_dir(), &page, None, false).unwrap();
    assert_eq!(
        example_lines(&outcome),
        [format!("example {BROKEN_EXAMPLE:?}: members[0].weight: must be 0 to 10000, got 10001 (range); decide in the overlay whether the table or the example is wrong")]
    );
    // The seed pages' examples all keep their tables.
    for (name, _, _) in PAGES {
        let outcome = import::run(&spec_dir(), &self::page(name), None, false).unwrap();
        assert_eq!(example_lines(&outcome), Vec::<&str>::new(), "{name}");
    }
}

#[test]
fn an_overlay_marking_the_example_invalid_silences_it_and_carries_the_reason() {
    let reason = "the page's example sends 10001 where the table's maximum is 10000";
    let overlay = format!(
        r#"{{"bodies": {{"request": "MembersBatchUpdate"}}, "invalid_examples": {{"{BROKEN_EXAMPLE}": "{reason}"}}}}"#
    );
    let spec = TempSpec::with_overlay("silenced", &overlay);
    let page = page("apig_update_backend_instances_example_breaks_table.txt");
    let outcome = import::run(spec.dir(), &page, Some(&spec.overlay()), false).unwrap();
    assert_eq!(
        example_lines(&outcome),
        Vec::<&str>::new(),
        "{:#?}",
        outcome.report
    );
    let spec = json(&outcome.imported.spec);
    let examples = &spec["operation"]["examples"]["requests"];
    assert_eq!(examples[0]["title"], BROKEN_EXAMPLE);
    assert_eq!(examples[0]["invalid"], reason);
    assert!(examples[1].get("invalid").is_none());
    // The spec it writes loads, `invalid` and all.
    let mut diags = codegen::internal::diag::Diagnostics::default();
    let file = codegen::internal::load::parse(
        "apig/update_backend_instances.json",
        &outcome.spec_text,
        &mut diags,
    );
    assert!(
        file.is_some() && diags.is_empty(),
        "{:?}",
        diags.into_sorted()
    );
}

#[test]
fn a_mark_on_a_valid_example_or_on_no_example_is_reported() {
    let overlay = r#"{"invalid_examples": {"Updating all backend instances of a VPC channel": "thought wrong", "Example 9": "no such example"}}"#;
    let spec = TempSpec::with_overlay("stale", overlay);
    let outcome = import::run(
        spec.dir(),
        &page("apig_update_backend_instances.txt"),
        Some(&spec.overlay()),
        false,
    )
    .unwrap();
    assert_eq!(
        example_lines(&outcome),
        ["example \"Updating all backend instances of a VPC channel\": the overlay marks it invalid (thought wrong), but it validates; remove it from invalid_examples"]
    );
    assert!(
        outcome
            .report
            .iter()
            .any(|line| line.kind == Kind::UnusedOverlay
                && line.text == "overlay: invalid_examples.Example 9 matches nothing on the page"),
        "{:#?}",
        outcome.report
    );
    let error =
        codegen::internal::import::Overlay::parse(r#"{"invalid_examples": {"Example 1": ""}}"#)
            .unwrap_err();
    assert!(error.contains("say why"), "{error}");
}

#[test]
fn a_spec_that_does_not_lower_leaves_the_examples_unchecked_with_the_reason() {
    let spec = TempSpec::with_overlay(
        "unlowered",
        r#"{"fields": {"MemberInfo.weight": {"type": "Wieght"}}}"#,
    );
    let outcome = import::run(
        spec.dir(),
        &page("apig_update_backend_instances_example_breaks_table.txt"),
        Some(&spec.overlay()),
        false,
    )
    .unwrap();
    let lines = example_lines(&outcome);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].starts_with("examples not checked: the imported spec does not lower: apig/update_backend_instances.json:") && lines[0].contains("unknown type `Wieght`"), "{}", lines[0]);
}

/// A page with one request table of `rows` (name, type, description paragraphs) and one example
/// request `example`, imported without overlays.
fn import_rows(rows: &[(&str, &str, &[&str])], example: &str) -> import::Imported {
    let mut text = String::from("Creating a Thing\n\nFunction\n\nCreates a thing.\n\nURI\n\nPOST /v1/things\n\nRequest Parameters\n\n");
    text.push_str(
        "Table 1 Request body parameters\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\n",
    );
    for (name, ty, paragraphs) in rows {
        text.push_str(&format!("{name}\n\nNo\n\n{ty}\n\n"));
        for paragraph in *paragraphs {
            text.push_str(&format!("{paragraph}\n\n"));
        }
    }
    text.push_str(&format!("Example Requests\n\n{example}\n\nStatus Codes\n\nStatus Code\n\nDescription\n\n201\n\nCreated\n"));
    let page = import::page::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    let target = import::Target {
        service: "demo".to_owned(),
        name: "create_thing".to_owned(),
    };
    import::import(&page, &target, &import::overlay::Overlays::default())
}

fn body_field(imported: &import::Imported, name: &str) -> Value {
    let spec = json(&imported.spec);
    let fields = spec["objects"]["CreateThingRequest"]["fields"]
        .as_array()
        .expect("fields");
    fields
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name}"))
        .clone()
}

#[test]
fn a_character_rule_the_pages_example_breaks_is_left_out_and_reported() {
    let name: &[&str] = &["Plug-in name. Enter 3 to 255 characters, starting with a letter. Only letters, digits, and underscores (_) are allowed."];
    let imported = import_rows(
        &[("plugin_name", "String", name)],
        r#"{ "plugin_name": "HTTP Response Header Plug-in" }"#,
    );
    let field = body_field(&imported, "plugin_name");
    assert_eq!(
        (field.get("chars"), &field["max_length"]),
        (None, &Value::from(255)),
        "{field:#}"
    );
    assert!(
        imported.report.iter().any(|l| l.kind == Kind::CheckLeftOut
            && l.row.as_deref() == Some("plugin_name")
            && l.text
                .starts_with("CreateThingRequest.plugin_name: the page's example request")
            && l.text.contains("left out")),
        "{:#?}",
        imported.report
    );
    // An example the rule allows keeps it.
    let imported = import_rows(
        &[("plugin_name", "String", name)],
        r#"{ "plugin_name": "kafka_log" }"#,
    );
    assert!(body_field(&imported, "plugin_name").get("chars").is_some());
}

#[test]
fn a_default_that_breaks_the_character_rule_leaves_the_rule_out() {
    let query: &[&str] = &[
        "The default value is ${query}, indicating that the query string of the request will be used.",
        "The value is case-sensitive and can contain only letters, digits, and special characters !$&'()*+,-./:;=?@^_`",
    ];
    let imported = import_rows(&[("query", "String", query)], "{}");
    let field = body_field(&imported, "query");
    assert_eq!(
        (field.get("chars"), &field["default"]),
        (None, &Value::from("${query}")),
        "{field:#}"
    );
}

#[test]
fn a_closed_list_in_the_prose_makes_an_enumeration_with_its_default() {
    let protocol: &[&str] = &["Specifies the health check protocol. The value can be TCP, UDP_CONNECT, HTTP, HTTPS, or PING.", "The default value is TCP."];
    let tags: &[&str] = &["Tags.", "Array Length: 0 - 20"];
    let imported = import_rows(
        &[
            ("type", "String", protocol),
            ("tags", "Array of strings", tags),
        ],
        r#"{ "type": "HTTP" }"#,
    );
    let field = body_field(&imported, "type");
    assert_eq!(
        (&field["type"], &field["default"]),
        (&Value::from("Type"), &Value::from("TCP")),
        "{field:#}"
    );
    let spec = json(&imported.spec);
    let values: Vec<&Value> = spec["enums"]["Type"]["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| &v["value"])
        .collect();
    assert_eq!(values, ["TCP", "UDP_CONNECT", "HTTP", "HTTPS", "PING"]);
    let tags = body_field(&imported, "tags");
    assert_eq!(
        (&tags["min_items"], &tags["max_items"]),
        (&Value::from(0), &Value::from(20))
    );
    // A default the list does not have is left out.
    let wrong: &[&str] = &[
        "The value can be TCP or HTTP.",
        "The default value is PING.",
    ];
    let imported = import_rows(&[("type", "String", wrong)], "{}");
    assert_eq!(body_field(&imported, "type").get("default"), None);
    assert!(
        imported
            .report
            .iter()
            .any(|l| l.kind == Kind::DefaultMisfits
                && l.text.contains("the default PING")
                && l.text.contains("not a value of Type")),
        "{:#?}",
        imported.report
    );
}

#[test]
fn the_older_ecs_elb_and_modelarts_dialects_import_and_generate() {
    // (page, operation, fields, fragments of the report)
    let cases: &[Case<'_>] = &[
        (
            // "Table 1 Parameter description" without a Type column, "Table 3 tags field description".
            "otc_ecs_adding_tags_to_an_ecs_in_a_batch.txt",
            "adding_tags_to_an_ecs_in_a_batch",
            &[("path_params", "server_id", "string", None), ("AddingTagsToAnEcsInABatchRequest", "tags", "array", Some("Tags")), ("Tags", "key", "string", None)],
            &["Table 1 Parameter description: the table has no Type column; its rows are read as strings"],
        ),
        (
            // An `Object` row pointing to "Table 3 rebuild parameters"; `Examples` is a paragraph of
            // user_data's description, not a row; the response table has no status line and the page
            // names none, so it is read as 200, and the review says so.
            "otc_ecs_rebuilding_an_ecs.txt",
            "rebuilding_an_ecs",
            &[("RebuildingAnEcsRequest", "rebuild", "Rebuild", None), ("Rebuild", "OS-DCF:diskConfig", "string", None), ("Rebuild", "user_data", "string", None)],
            &["Table 4 Response parameters, the example response on line 332 under no \"Status code:\" line: read as status 200, HTTP's plain success"],
        ),
        (
            "otc_ecs_starting_ecss_in_a_batch.txt",
            "starting_ecss_in_a_batch",
            &[("StartingEcssInABatchRequest", "os-start", "OsStart", None), ("OsStart", "servers", "array", Some("Servers")), ("Servers", "id", "string", None)],
            &[],
        ),
        (
            // Every table "Parameter description": path parameters, then the body of a POST.
            "otc_elb_creating_a_load_balancer.txt",
            "creating_a_load_balancer_2",
            // `Integer/Boolean` is a JSON value of any kind.
            &[("path_params", "project_id", "string", None), ("CreatingALoadBalancer2Request", "vpc_id", "string", None), ("CreatingALoadBalancer2Request", "admin_state_up", "any", None)],
            &[],
        ),
        (
            // The query parameters of a GET; an `Array` row whose table's caption names it
            // ("loadbalancers parameter description"); an `Array` row naming nothing (of any
            // values); a table of values.
            "otc_elb_querying_listeners.txt",
            "querying_listeners",
            &[("query_params", "marker", "string", None), ("query_params", "protocol_port", "integer", None), ("Listeners", "protocol_port", "integer", None), ("Listeners", "loadbalancers", "array", Some("Loadbalancers")), ("Listeners", "sni_container_refs", "array", Some("any"))],
            &[
                "Table 2 tls_ciphers_policy parameter description (line 205): its header starts [\"Security Policy\", \"TLS Version\"], not a parameter table's; left out",
            ],
        ),
        ("otc_modelarts_update_workspace.txt", "modifying_a_workspace", &[("ModifyingAWorkspaceRequest", "grants", "array", Some("Grants")), ("Grants", "user_id", "string", None)], &[]),
        (
            "otc_modelarts_creating_a_training_job.txt",
            "creating_a_training_job",
            &[("CreatingATrainingJobRequest", "config", "Config", None), ("Config", "data_source", "array", Some("DataSource")), ("Config", "volumes", "array", Some("Volumes"))],
            &[],
        ),
        (
            // A row pointing to one table per condition, typed in words, is reported, not guessed.
            "otc_modelarts_deploying_a_model_as_a_service.txt",
            "deploying_a_model_as_a_service",
            &[("ConfigRealTime", "custom_spec", "CustomSpec", None), ("ConfigBatch", "envs", "map", Some("string"))],
            &["Table 2 Parameters.config: left out: its type \"config array corresponding to infer_type\" is not one the spec format has"],
        ),
    ];
    for (name, operation, fields, report) in cases {
        let outcome = import_with_fields(name, operation, fields);
        for line in *report {
            assert!(
                outcome.report.iter().any(|l| l.text.contains(line)),
                "{name}: the report lacks {line:?}: {:#?}",
                outcome.report
            );
        }
        // A pointer the row's type already follows is not a sentence to review.
        assert!(
            !outcome
                .report
                .iter()
                .any(|l| l.text.contains("not recognized: \"For details, see Table")),
            "{name}: {:#?}",
            outcome.report
        );
        generate_imported(operation, &outcome.spec_text);
    }
}
