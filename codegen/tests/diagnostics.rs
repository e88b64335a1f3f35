//! Every kind of spec problem gets a diagnostic with the file, line:column, JSON path and, where obvious,
//! the fix; and a bad spec never writes anything.
//!
//! Each case is a small spec tree under `fixtures/bad/<case>/` whose full error text is kept in
//! `fixtures/bad/<case>.expected` (`UPDATE_EXPECTED=1` rewrites it). Each case also names the fragments a
//! user relies on, so that a careless update of the expected file cannot quietly drop them.

mod common;
#[path = "common/scratch.rs"]
mod scratch;

use common::{assert_expected, fixtures};
use scratch::scratch;

/// The error text for the bad spec `case`, which must fail with spec diagnostics.
fn diagnose(case: &str) -> (Vec<codegen::Diagnostic>, String) {
    let dir = fixtures("bad").join(case);
    match codegen::Config::new(&dir).rerun_if_changed(false).render() {
        Err(error @ codegen::Error::Spec(_)) => {
            let text = format!("{error}\n");
            let codegen::Error::Spec(diagnostics) = error else {
                unreachable!()
            };
            (diagnostics, text)
        }
        Err(other) => panic!("{case}: expected spec diagnostics, got: {other}"),
        Ok(_) => panic!("{case}: the spec was accepted"),
    }
}

fn check(case: &str, mentions: &[&str]) -> Vec<codegen::Diagnostic> {
    let (diagnostics, text) = diagnose(case);
    for fragment in mentions {
        assert!(
            text.contains(fragment),
            "{case}: the diagnostics do not mention {fragment:?}:\n{text}"
        );
    }
    assert_expected(&fixtures("bad").join(format!("{case}.expected")), &text);
    diagnostics
}

/// One test per case, plus `CASES` listing them for the tests that go over every case.
macro_rules! cases {
    ($($case:ident: [$($mention:literal),* $(,)?],)*) => {
        const CASES: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                check(stringify!($case), &[$($mention),*]);
            }
        )*
    };
}

cases! {
    malformed_json: ["svc/common.json:7:9: malformed JSON", "expected `,` or `]`"],
    unknown_type: ["objects.Channel.fields[1].type", "unknown type `HealthConfg`", "did you mean `HealthConfig`?"],
    minimum_above_maximum: ["objects.Member.fields[0].minimum", "100", "1"],
    min_length_above_max_length: ["objects.Member.fields[0].min_length", "64", "3"],
    default_outside_range: ["objects.HealthConfig.fields[0].default", "60", "2 to 30"],
    default_not_in_enum: ["objects.Channel.fields[0].default", "5", "BalanceStrategy"],
    duplicate_field: ["objects.Member.fields[2].name", "`host`", "fields[0]"],
    duplicate_enum_value: ["enums.Protocol.values[2].value", "\"TCP\"", "values[0]"],
    rule_unknown_field: ["objects.Channel.rules[0].field", "`member_group`", "did you mean `member_groups`?"],
    type_name_collision: ["svc/op.json", "svc/common.json", "`member_info`", "`MemberInfo`"],
    field_name_collision: ["fields[1].name", "fields[2].name", "`label_key`", "`label-key`", "`labelKey`"],
    object_defined_twice: ["svc/op.json", "svc/common.json", "`Member`", "objects.Member"],
    path_param_missing: ["operation.path", "`{member_id}`", "path_params"],
    unknown_field_key: ["objects.Member.fields[0]", "`maxmum`"],
    operation_named_support: ["operation.name", "`support`", "run-time support module"],
    header_and_path_param_same_field: ["operation.headers[0].name", "`Token`", "as does `token`", "operation.headers[2].name", "as does `X-Auth-Token`"],
    service_not_ascii: ["service", "must be ASCII", "`opération`"],
    response_form_collision: ["objects.Label", "`LabelInResponse`", "response-side form"],
    unchecked_rule_without_decision: ["objects.Channel.rules[0].checked", "needs a `decision`"],
    invalid_example_without_reason: ["operation.examples.requests[0].invalid", "needs the reason"],
    query_param_object: ["operation.query_params[0].type", "a query parameter is", "operation.query_params[1].name", "as does `X-Limit`", "operation.query_params[2].minimum"],
    default_constants_collide: ["objects.Street.fields[1].default", "`DEFAULT_STRASSE`"],
    file_outside_form: [
        "operation.query_params[0].type",
        "operation.body",
        "a request body is not a file",
        "operation.responses[0].body",
        "a JSON body does not hold files",
        "operation.responses[1].body",
        "a response body is an object, `object`, a map, an array or `file`",
        "objects.Upload.fields[0].type",
        "objects.Upload.fields[1].type",
        "a `file` is sent only as a form field",
    ],
    form_and_body: [
        "operation.form_params",
        "not both",
        "operation.form_params[1].type",
        "operation.form_params[2].type",
        "a form field is",
        "operation.form_params[3].name",
        "as does `file_name`",
    ],
    wire_name_collision: ["fields[1].name", "`@modelarts:color` and `modelarts_color`", "fields[3].name", "`OS-DCF:diskConfig` and `os_dcf_disk_config`", "`os_dcf_disk_config`"],
    null_and_any_misplaced: [
        "operation.path_params[0].nullable",
        "a path parameter or header cannot be null",
        "operation.query_params[0].type",
        "a value of any kind has no text form",
        "operation.query_params[1].nullable",
        "objects.Binding.fields[0].nullable",
        "an `any` field takes `null` already",
        "objects.Binding.fields[1].default",
        "objects.Binding.fields[1].max_length",
        "objects.Binding.rules[0].when.field",
        "`type` may be null: a rule cannot compare it",
        "objects.Binding.rules[1].field",
        "`pool` may be null: a rule cannot go into it",
        "objects.Binding.rules[2].field",
    ],
    map_without_items: [
        "objects.Group.fields[0].type",
        "a map needs `items`",
        "objects.Group.fields[1].items",
        "maps of arrays are not supported",
        "objects.Group.fields[2].items",
        "arrays of maps",
        "objects.Group.fields[3].type",
        "`items` is only for arrays and maps",
        "objects.Group.fields[4].max_length",
        "objects.Group.fields[4].min_items",
    ],
    many_problems: [
        "operation.path",
        "fields[0].min_length",
        "fields[1].minimum",
        "fields[2].default",
        "fields[3].type",
        "fields[4].name",
        "fields[5]",
        "rules[0].than",
        "objects.HealthConfig.fields[0].default",
        "enums.Strategy.values[2].value",
    ],
}

#[test]
fn many_problems_are_all_reported_in_one_run_in_file_order() {
    let diagnostics = check("many_problems", &[]);
    assert!(
        diagnostics.len() >= 10,
        "every problem of the file is reported at once, got {}",
        diagnostics.len()
    );
    let positions: Vec<(usize, usize)> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
    assert!(
        positions.is_sorted(),
        "diagnostics come in file order: {positions:?}"
    );
    assert!(
        diagnostics.iter().all(
            |d| d.file.ends_with("many_problems/svc/create_channel.json")
                && d.line > 0
                && d.column > 0
        ),
        "{diagnostics:#?}"
    );
}

#[test]
fn every_fixture_directory_is_a_case() {
    common::assert_every_fixture_is_a_case("bad", CASES);
}

/// The files of the folder `dir` with their text, by name.
fn listing(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|entry| {
            let path = entry.expect("readable").path();
            let content = std::fs::read_to_string(&path).unwrap_or_default();
            (
                path.file_name()
                    .expect("a name")
                    .to_string_lossy()
                    .into_owned(),
                content,
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_bad_spec_writes_nothing_and_leaves_the_previous_output_alone() {
    for case in CASES {
        let scratch = scratch(&format!("bad-{case}"));
        let out = scratch.path();
        std::fs::write(out.join("models.rs"), "// the previous, good output\n")
            .expect("seed the out dir");
        let before = listing(out);
        let result = codegen::Config::new(fixtures("bad").join(case))
            .out_dir(out)
            .rerun_if_changed(false)
            .generate();
        assert!(
            matches!(result, Err(codegen::Error::Spec(_))),
            "{case}: {result:?}"
        );
        assert_eq!(
            listing(out),
            before,
            "{case}: the output directory was touched"
        );
    }
}
