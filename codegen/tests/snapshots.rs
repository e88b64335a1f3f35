//! Snapshot tests: small valid specs under `fixtures/good/<case>/`, rendered as one `models.rs`, must give
//! exactly `fixtures/good/<case>.expected.rs` (`UPDATE_EXPECTED=1` rewrites it). The run-time support
//! module, the same in every output, is left out of those: the checked-in generated crates hold it
//! (`generated/support/src/`, which `generate --check` keeps current), so that a change of the
//! runtime shows once.
//!
//! The expected files are also compiled into this test as modules (each with that support as its
//! `support`), so a snapshot that does not build fails here, and the tests at the bottom check that the
//! snapshotted code does what its spec says.
//!
//! To add a case: write `fixtures/good/<case>/<service>/<operation>.json`, add `<case>` to `cases!` and a
//! `models!` line below, `touch fixtures/good/<case>.expected.rs` (the file must exist to compile), run
//! `UPDATE_EXPECTED=1 cargo test -p codegen --test snapshots`, and review the new file.

mod common;

use common::{assert_expected, fixtures};

/// Where the single-file layout puts the support module: last, at the top level.
const SUPPORT_MODULE: &str = "\npub mod support {\n";

fn check(case: &str) {
    let dir = fixtures("good").join(case);
    let (mut files, _) = match codegen::Config::new(&dir)
        .layout(codegen::Layout::SingleFile)
        .rerun_if_changed(false)
        .render()
    {
        Ok(rendered) => rendered,
        Err(error) => panic!("{case}: {error}"),
    };
    let models = files
        .remove("models.rs")
        .unwrap_or_else(|| panic!("{case}: no models.rs among {:?}", files.keys()));
    assert!(
        files.is_empty(),
        "{case}: the single-file layout wrote more than models.rs: {:?}",
        files.keys()
    );
    let at = models
        .find(SUPPORT_MODULE)
        .unwrap_or_else(|| panic!("{case}: no support module in models.rs"));
    assert!(
        models.trim_end().ends_with('}') && !models[at + 1..].contains("\npub mod "),
        "{case}: the support module is not last"
    );
    assert_expected(
        &fixtures("good").join(format!("{case}.expected.rs")),
        &models[..=at],
    );
}

/// The support the snapshots are compiled with is the one every layout writes.
#[test]
fn the_snapshots_support_is_the_runtime_the_generator_writes() {
    let (files, _) = codegen::Config::new(fixtures("good").join("minimal"))
        .layout(codegen::Layout::Crate)
        .command("cargo run -p codegen -- generate")
        .rerun_if_changed(false)
        .render()
        .expect("renders");
    let crate_dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/support/src");
    let mut compared = 0;
    for (path, text) in &files {
        // The crate layout's `src/support.rs` and `src/support/*.rs` are the support crate's
        // `lib.rs` and modules.
        let checked_in = match path.strip_prefix("src/support/") {
            Some(module) => module,
            None if path == "src/support.rs" => "lib.rs",
            None => continue,
        };
        let checked_in = std::fs::read_to_string(crate_dir.join(checked_in)).expect(path);
        assert!(
            *text == checked_in,
            "the runtime changed ({path}): run `cargo run -p codegen -- generate`"
        );
        compared += 1;
    }
    let modules = std::fs::read_dir(&crate_dir).expect("the generated support crate");
    assert_eq!(compared, modules.count(), "every file of the support crate");
}

/// One test per case, plus `CASES` listing them.
macro_rules! cases {
    ($($case:ident),* $(,)?) => {
        const CASES: &[&str] = &[$(stringify!($case)),*];
        $(
            #[test]
            fn $case() {
                check(stringify!($case));
            }
        )*
    };
}

cases!(minimal, enums, rules, cycle, types, nullany);

#[test]
fn every_fixture_directory_is_a_case() {
    common::assert_every_fixture_is_a_case("good", CASES);
}

// The snapshots' shared support module, as every layout writes it: formatted by the generator, so
// `cargo fmt` leaves it alone.
#[allow(dead_code, unused_imports)]
#[rustfmt::skip]
#[path = "../../generated/support/src/lib.rs"]
pub mod support;

// Each snapshot is a whole generated file, written to be a crate's public API; as private modules of
// this test most of it is unused, which is not a problem of the snapshot.
macro_rules! models {
    ($module:ident, $file:literal) => {
        #[allow(dead_code, unused_imports)]
        mod $module {
            pub use crate::support;
            include!($file);
        }
    };
}

models!(minimal_models, "fixtures/good/minimal.expected.rs");
models!(enums_models, "fixtures/good/enums.expected.rs");
models!(rules_models, "fixtures/good/rules.expected.rs");
models!(cycle_models, "fixtures/good/cycle.expected.rs");
models!(types_models, "fixtures/good/types.expected.rs");
models!(nullany_models, "fixtures/good/nullany.expected.rs");

/// The violations of a value as `path: code` lines.
macro_rules! violations {
    ($value:expr) => {
        match $value.validate() {
            Ok(()) => Vec::<String>::new(),
            Err(errors) => errors
                .violations()
                .iter()
                .map(|v| format!("{}: {}", v.path, v.rule.code()))
                .collect(),
        }
    };
}

#[test]
fn minimal_checks_range_length_and_characters() {
    use minimal_models::svc::MemberCreate;
    let good = MemberCreate::new("web-1").with_weight(10);
    assert_eq!(violations!(good), Vec::<String>::new());
    assert_eq!(good.weight_or_default(), 10);
    let bad = MemberCreate::new("1é").with_weight(10_001);
    let found = violations!(bad);
    assert!(
        found.iter().any(|v| v.starts_with("name: "))
            && found.iter().any(|v| v.starts_with("weight: ")),
        "{found:?}"
    );
    // Length counts characters: "ééé" is 3 characters (6 bytes) and within 3..=64.
    let accented = MemberCreate::new("ééé");
    assert_eq!(violations!(accented), Vec::<String>::new());
    assert_eq!(accented.weight_or_default(), 1);
}

#[test]
fn enums_travel_as_their_wire_type_and_keep_unknown_values() {
    use enums_models::svc::{BalanceStrategy, ChannelCreate, Protocol};
    let parsed: ChannelCreate =
        serde_json::from_str(r#"{"balance_strategy": 4, "protocol": "http"}"#).expect("parses");
    assert_eq!(parsed.balance_strategy, Some(BalanceStrategy::UriHashing));
    assert_eq!(
        parsed.protocol,
        Protocol::Http,
        "the alias reads as the documented value"
    );
    assert_eq!(
        serde_json::to_value(&parsed).expect("serializes"),
        serde_json::json!({"balance_strategy": 4, "protocol": "HTTP"})
    );
    let unknown: ChannelCreate =
        serde_json::from_str(r#"{"balance_strategy": 3, "protocol": "UDP"}"#)
            .expect("unknown values still parse");
    assert_eq!(unknown.balance_strategy, Some(BalanceStrategy::Unknown(3)));
    assert_eq!(
        violations!(unknown).len(),
        2,
        "but validate rejects them: {:?}",
        violations!(unknown)
    );
    assert!(
        serde_json::from_str::<ChannelCreate>(r#"{"protocol": 1}"#).is_err(),
        "a string enum does not read a number"
    );
}

#[test]
fn rules_report_each_broken_rule_on_its_field() {
    use rules_models::svc::{ChannelCreate, Member};
    let value = ChannelCreate::new()
        .with_members(vec![
            Member::new().with_host("10.0.0.1"),
            Member::new().with_weight(101),
        ])
        .with_microservice_info("cce")
        .with_timeout(10)
        .with_time_interval(5);
    let found = violations!(value);
    for path in [
        "members[1].weight",
        "members[1].host",
        "microservice_info",
        "timeout",
    ] {
        assert!(
            found.iter().any(|v| v.starts_with(&format!("{path}: "))),
            "no violation at {path}: {found:?}"
        );
    }
    assert_eq!(
        found.len(),
        5,
        "the four above and the at_least_one_of group at the root: {found:?}"
    );
    let mut fixed = value.with_type(3).with_timeout(1).with_member_group_id("g");
    fixed.members = None;
    assert_eq!(violations!(fixed), Vec::<String>::new());
}

#[test]
fn a_cycle_is_boxed_and_validated_all_the_way_down() {
    use cycle_models::svc::Node;
    let tree = Node::new("root").with_children(vec![
        Node::new("a"),
        Node::new("b").with_fallback(Node::new("")),
    ]);
    assert_eq!(
        violations!(tree),
        vec!["children[1].fallback.name: length".to_owned()]
    );
    let json = serde_json::to_string(&tree).expect("serializes");
    assert_eq!(
        serde_json::from_str::<Node>(&json).expect("round-trips"),
        tree
    );
}

/// The interpreter (`codegen/src/interpret/`), which reads a spec's IR, must find what the snapshot's own
/// `check_body` finds in every body made of a few values per field around each rule's edges (absent
/// among them): the same violations, messages and order, and a `type` violation where the snapshot refuses
/// the JSON. The specs here have what the checked-in ones lack (a checked `forbidden_unless`, `max_items`),
/// which `tests/tests/interpreter.rs` compares on the checked-in specs.
fn agree(
    case: &str,
    check: fn(&[u8]) -> Option<Result<(), support::BodyError>>,
    fields: &[(&str, Vec<Option<serde_json::Value>>)],
) -> (usize, usize) {
    let model = codegen::internal::model(&codegen::Config::new(fixtures("good").join(case)))
        .unwrap_or_else(|e| panic!("{case}: {e}"));
    let service = &model.services[0];
    let op = &service.operations[0];
    let interpreter = codegen::internal::interpret::Interpreter::new(service);
    let combinations: usize = fields.iter().map(|(_, values)| values.len()).product();
    let mut rejected = 0;
    for mut n in 0..combinations {
        let mut body = serde_json::Map::new();
        for (name, values) in fields {
            if let Some(value) = &values[n % values.len()] {
                body.insert((*name).to_owned(), value.clone());
            }
            n /= values.len();
        }
        let body = serde_json::Value::Object(body);
        let ours = interpreter.check_body(op, &body).expect("a body");
        let shown: Vec<(String, &str, String)> = ours
            .iter()
            .map(|v| (v.path.clone(), v.rule.code(), v.rule.to_string()))
            .collect();
        match check(body.to_string().as_bytes()).expect("the operation") {
            Ok(()) => assert_eq!(shown, [], "{case}: {body}"),
            Err(support::BodyError::Invalid(errors)) => {
                rejected += 1;
                let theirs: Vec<(String, &str, String)> = errors
                    .violations()
                    .iter()
                    .map(|v| (v.path.clone(), v.rule.code(), v.rule.to_string()))
                    .collect();
                assert_eq!(shown, theirs, "{case}: {body}");
            }
            Err(support::BodyError::Json(error)) => {
                rejected += 1;
                let at = |path: &str| {
                    path == error.path
                        || path.rfind(['.', '[']).map_or("", |cut| &path[..cut]) == error.path
                };
                assert!(ours.iter().any(|v| v.rule.code() == "type" && at(&v.path)), "{case}: the snapshot refuses {} ({}); the interpreter says {shown:?} on {body}", error.path, error.message);
            }
        }
    }
    (combinations, rejected)
}

#[test]
fn the_interpreter_agrees_with_each_snapshots_check_body() {
    use serde_json::json;
    let values = |list: Vec<serde_json::Value>| {
        std::iter::once(None)
            .chain(list.into_iter().map(Some))
            .collect::<Vec<_>>()
    };
    let host = json!({"host": "h"});
    let (bodies, rejected) = agree(
        "rules",
        |input| rules_models::validate_request_body("svc/create_channel", input),
        &[
            (
                "type",
                values(vec![json!(2), json!(3), json!("3"), json!(2.5)]),
            ),
            ("port", values(vec![json!(0), json!(65535)])),
            (
                "members",
                values(vec![
                    json!([]),
                    json!([host]),
                    json!([{"weight": 101}, {"host": "h", "hots": 1}]),
                    json!(vec![host; 11]),
                    json!([null]),
                ]),
            ),
            ("microservice_info", values(vec![json!("cce")])),
            ("timeout", values(vec![json!(5), json!(10)])),
            ("time_interval", values(vec![json!(10)])),
            ("member_group_name", values(vec![json!("n")])),
            ("member_group_id", values(vec![json!("g"), json!(null)])),
        ],
    );
    assert!(
        bodies > 5_000 && rejected > bodies / 2,
        "{rejected} of {bodies}"
    );
    let (bodies, rejected) = agree(
        "enums",
        |input| enums_models::validate_request_body("svc/create_channel", input),
        &[
            (
                "balance_strategy",
                values(vec![json!(1), json!(3), json!(4), json!("1"), json!(-0.0)]),
            ),
            (
                "protocol",
                values(vec![
                    json!("HTTP"),
                    json!("http"),
                    json!("UDP"),
                    json!(1),
                    json!(null),
                ]),
            ),
            ("protocl", values(vec![json!("HTTP")])),
        ],
    );
    assert!(rejected > 0 && rejected < bodies, "{rejected} of {bodies}");
    let long = |n: usize| json!("a".repeat(n));
    let (bodies, rejected) = agree(
        "minimal",
        |input| minimal_models::validate_request_body("svc/create_member", input),
        &[
            (
                "name",
                values(vec![
                    json!("web-1"),
                    json!("1é"),
                    json!("ab"),
                    json!("ééé"),
                    long(64),
                    long(65),
                    json!("a b"),
                    json!(5),
                ]),
            ),
            (
                "weight",
                values(vec![
                    json!(-1),
                    json!(0),
                    json!(10000),
                    json!(10001),
                    json!(1.0),
                    json!(3_000_000_000_i64),
                ]),
            ),
        ],
    );
    assert!(rejected > 0 && rejected < bodies, "{rejected} of {bodies}");
}

#[test]
fn map_values_are_checked_at_their_keys_and_map_keys_are_never_unknown_fields() {
    use types_models::svc::GroupResponseCreate;
    let body = br##"{
        "name": "gateway",
        "responses": { "AUTH_FAILURE": { "status": 100 }, "NOT_FOUND": { "status": 404, "sttus": 1 } },
        "editions": { "az1": "BASIC", "az2": "GOLD" },
        "metadata": { "anything": [1, { "nested": null }] },
        "@modelarts:color": "#FFFFF0",
        "os-start": [{}, {}, {}]
    }"##;
    let found: Vec<String> = match support::from_json_validated::<GroupResponseCreate>(body) {
        Err(support::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect(),
        other => panic!("expected violations, got {other:?}"),
    };
    assert_eq!(
        found,
        [
            "responses.AUTH_FAILURE.status: range",
            "editions.az2: enum",
            "os-start: items",
            "responses.NOT_FOUND.sttus: unknown_field",
        ],
        "the keys AUTH_FAILURE, az1 and the free-form object's keys are data, not undocumented fields"
    );
    let parsed: GroupResponseCreate = serde_json::from_slice(body).expect("parses");
    assert_eq!(
        parsed.modelarts_color.as_deref(),
        Some("#FFFFF0"),
        "the odd wire name is read into its Rust field"
    );
    assert!(
        serde_json::to_string(&parsed)
            .expect("writes")
            .contains("\"@modelarts:color\":\"#FFFFF0\""),
        "and written back verbatim"
    );
    // A free-form object must still be an object.
    assert!(support::from_json_validated::<GroupResponseCreate>(
        br#"{"name": "g", "metadata": [1]}"#
    )
    .is_err());
}

#[test]
fn a_body_that_is_a_map_is_checked_and_read_at_its_keys() {
    use types_models::svc::{set_error_responses, update_error_response, Edition};
    let found = match set_error_responses::check_body(
        br#"{"AUTH_FAILURE": {"status": 700}, "THROTTLED": {"status": 429, "bdy": "x"}}"#,
    ) {
        Err(support::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<Vec<_>>(),
        other => panic!("expected violations, got {other:?}"),
    };
    assert_eq!(
        found,
        ["AUTH_FAILURE.status: range", "THROTTLED.bdy: unknown_field"]
    );
    let parsed =
        set_error_responses::parse_body(br#"{"AUTH_FAILURE": {"status": 401}}"#).expect("valid");
    assert_eq!(parsed["AUTH_FAILURE"].status, 401);
    // Responses read the map leniently: a value without `status` and an edition the page does not list.
    let response =
        update_error_response::Response::parse(200, br#"{"AUTH_FAILURE": {"body": "b"}}"#)
            .expect("lenient");
    let update_error_response::Response::Ok(map) = response else {
        panic!("{response:?}")
    };
    assert_eq!(map["AUTH_FAILURE"].status, None);
    let (response, departures) = set_error_responses::Response::parse_with_departures(
        200,
        br#"{"az1": "BASIC", "az2": "GOLD"}"#,
    )
    .expect("parses");
    assert_eq!(
        departures
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<Vec<_>>(),
        ["az2: enum"]
    );
    let set_error_responses::Response::Ok(editions) = response else {
        panic!("{response:?}")
    };
    assert_eq!(editions["az1"], Edition::Basic);
}

#[test]
fn a_form_request_lists_its_parts_and_a_file_response_keeps_its_bytes() {
    use types_models::svc::{export_apis, import_apis, ExtendMode};
    let file = support::FilePart {
        file_name: "api \"v1\".yaml".to_owned(),
        bytes: b"swagger: '2.0'".to_vec(),
    };
    let request = import_apis::Request::new(file.clone())
        .with_is_create_group(false)
        .with_group_id("g".repeat(65))
        .with_extend_mode(ExtendMode::Override)
        .with_attachments(vec![file.clone(), file.clone(), file.clone()]);
    let found: Vec<String> = request
        .validate()
        .expect_err("too long, too many")
        .violations()
        .iter()
        .map(|v| format!("{}: {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(found, ["group_id: length", "attachments: items"]);
    let mut request = request;
    (request.group_id, request.attachments) = (None, None);
    assert_eq!(request.validate(), Ok(()));
    let parts = request.form();
    assert_eq!(
        parts,
        [
            support::FormPart::Text {
                name: "is_create_group",
                value: "false".to_owned()
            },
            support::FormPart::Text {
                name: "extend_mode",
                value: "override".to_owned()
            },
            support::FormPart::File {
                name: "file_name",
                file: &file
            },
        ]
    );
    let body = String::from_utf8(support::multipart_body(&parts, "XyZ")).expect("text");
    assert_eq!(
        body,
        "--XyZ\r\nContent-Disposition: form-data; name=\"is_create_group\"\r\n\r\nfalse\r\n\
         --XyZ\r\nContent-Disposition: form-data; name=\"extend_mode\"\r\n\r\noverride\r\n\
         --XyZ\r\nContent-Disposition: form-data; name=\"file_name\"; filename=\"api %22v1%22.yaml\"\r\nContent-Type: application/octet-stream\r\n\r\nswagger: '2.0'\r\n\
         --XyZ--\r\n"
    );
    // A file response is its bytes, whatever they are; parsing never fails on it.
    let bytes = [0xff, 0xfe, b'{', 0];
    assert_eq!(
        export_apis::Response::parse(200, &bytes),
        Ok(export_apis::Response::Ok(bytes.to_vec()))
    );
    assert_eq!(
        export_apis::Response::parse_with_departures(200, &bytes),
        Ok((export_apis::Response::Ok(bytes.to_vec()), Vec::new()))
    );
    assert!(matches!(
        export_apis::Response::parse(400, br#"{"error_code": "APIG.2001"}"#),
        Ok(export_apis::Response::BadRequest(_))
    ));
}

/// What the `nullany` snapshot says of a request body: `ok`, the violations as `path: code` lines,
/// or `json at PATH` where the JSON does not fit.
fn nullany_check(body: &serde_json::Value) -> Vec<String> {
    use nullany_models::svc::bind_instance;
    let input = body.to_string();
    let checked = bind_instance::check_body(input.as_bytes());
    let parsed = bind_instance::parse_body(input.as_bytes()).map(drop);
    assert_eq!(
        format!("{checked:?}"),
        format!("{parsed:?}"),
        "check_body and parse_body agree on {body}"
    );
    verdict(checked)
}

/// A body check's outcome as a test reads it: nothing, the violations as `path: code` lines, or
/// `json at PATH` where the JSON does not fit.
fn verdict(checked: Result<(), support::BodyError>) -> Vec<String> {
    match checked {
        Ok(()) => Vec::new(),
        Err(support::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect(),
        Err(support::BodyError::Json(error)) => vec![format!("json at {}", error.path)],
    }
}

#[test]
fn a_request_takes_null_only_where_the_page_documents_it() {
    use serde_json::json;
    let none: Vec<String> = Vec::new();
    // Nullable fields, mandatory and optional, scalar, object and array, at the root and nested.
    let nulls = json!({
        "port_id": null, "pool": {"id": "p", "owner": null}, "weight": null, "value": 1,
        "members": null
    });
    assert_eq!(nullany_check(&nulls), none);
    assert_eq!(
        nullany_check(&json!({"port_id": "a", "pool": null, "weight": null, "value": 1})),
        none
    );
    // A null has no checks; a value still has them.
    assert_eq!(
        nullany_check(&json!({"port_id": "a".repeat(37), "weight": 101, "value": 1})),
        ["port_id: length", "weight: range"]
    );
    // Null where the page documents none is refused, at the field, as before.
    for (body, at) in [
        (json!({"port_id": "a", "name": null, "value": 1}), "name"),
        (
            json!({"port_id": "a", "value": 1, "weight": 1, "pool": {"id": null, "owner": "o"}}),
            "pool.id",
        ),
        (
            json!({"port_id": "a", "value": 1, "weight": 1, "members": [null]}),
            "members[0]",
        ),
    ] {
        assert_eq!(nullany_check(&body), [format!("json at {at}")], "{body}");
    }
    // A mandatory nullable field must still be there: null is not absence.
    assert_eq!(
        nullany_check(&json!({"value": 1, "weight": 1, "pool": {"id": "p"}})),
        ["port_id: required", "pool.owner: required"]
    );
    // A null counts as present for the rules: `pool` is required when name is pooled.
    assert_eq!(
        nullany_check(
            &json!({"port_id": null, "name": "pooled", "pool": null, "value": 1, "weight": null})
        ),
        none
    );
    assert_eq!(
        nullany_check(&json!({"port_id": null, "name": "pooled", "value": 1, "extra": 1})),
        ["pool: required_if"]
    );
}

/// A table no request and no response holds is emitted as a plain serde model (no checks to read
/// by), its nulls read as its docs say: a mandatory nullable field's null is `None`, an optional
/// one's is `Some(Null)` and an absent one `None`, and an `any` field keeps a null as a value.
#[test]
fn a_type_no_message_holds_reads_nulls_as_documented() {
    use nullany_models::svc::Audit;
    use support::Nullable;
    let read = |json: &str| serde_json::from_str::<Audit>(json).unwrap();
    let nulls = read(r#"{"owner": null, "note": null, "data": null}"#);
    assert_eq!(nulls.owner, None);
    assert_eq!(nulls.note, Some(Nullable::Null));
    assert_eq!(nulls.data, Some(serde_json::Value::Null));
    let absent = read(r#"{"owner": "o"}"#);
    assert_eq!(absent.owner.as_deref(), Some("o"));
    assert_eq!((absent.note, absent.data), (None, None));
    assert!(
        serde_json::from_str::<Audit>("{}").is_err(),
        "owner is mandatory"
    );
}

#[test]
fn an_any_field_takes_every_json_value() {
    use serde_json::json;
    for value in [
        json!(null),
        json!(-0.0),
        json!(18_446_744_073_709_551_615_u64),
        json!("text"),
        json!([1, "a", null, {"k": []}]),
        json!({"nested": {"deep": [null]}}),
        json!(true),
    ] {
        let body = json!({
            "port_id": null, "value": value, "extra": value, "weight": 1,
            "tags": [value, value], "labels": {"a": value}
        });
        assert_eq!(nullany_check(&body), Vec::<String>::new(), "{body}");
    }
    // Presence is the one check of a mandatory `any`; an array of `any` keeps its own limits.
    assert_eq!(
        nullany_check(&json!({"port_id": null, "weight": 1, "tags": [1, 2, 3, 4]})),
        ["value: required", "tags: items"]
    );
    // The array and the map themselves must still be an array and an object.
    assert_eq!(
        nullany_check(&json!({"port_id": null, "value": 1, "weight": 1, "tags": {}})),
        ["json at tags"]
    );
}

#[test]
fn a_response_keeps_the_nulls_the_page_documents_and_reads_the_others_as_absent() {
    use nullany_models::svc::{bind_instance, BindingInResponse};
    use support::Nullable;
    let body = br#"{"port_id": null, "pool": null, "weight": 7, "name": null, "value": null,
        "tags": null, "members": null, "other": 1}"#;
    let (parsed, departures) =
        bind_instance::Response::parse_with_departures(200, body).expect("parses");
    let bind_instance::Response::Ok(binding) = &parsed else {
        panic!("a 200 response: {parsed:?}")
    };
    assert_eq!(binding.port_id, Some(Nullable::Null), "a documented null");
    assert_eq!(binding.pool, Some(Nullable::Null));
    assert_eq!(binding.weight, Some(Nullable::Value(7)));
    assert_eq!(binding.members, Some(Nullable::Null));
    assert_eq!(
        binding.name, None,
        "an undocumented null is an absent field"
    );
    assert_eq!(binding.tags, None);
    assert_eq!(
        binding.value,
        Some(serde_json::Value::Null),
        "an any's null is present"
    );
    let found: Vec<String> = departures
        .iter()
        .map(|v| format!("{}: {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(found, ["other: unknown_field"]);
    assert_eq!(
        bind_instance::Response::parse(200, body).expect("parses"),
        parsed
    );
    // Its `Deserialize`, through our reader or any other, reads it the same way.
    let ours: BindingInResponse = support::from_json(body).expect("reads");
    let theirs: BindingInResponse = serde_json::from_slice(body).expect("reads");
    assert_eq!(&ours, &**binding);
    assert_eq!(&theirs, &**binding);
    // JSON that does not fit the types still fails, at its path.
    let error = bind_instance::Response::parse(200, br#"{"pool": {"id": 5}}"#)
        .expect_err("a number where a string belongs");
    assert_eq!(error.path, "pool.id");
}

#[test]
fn absent_and_null_round_trip_apart() {
    use nullany_models::svc::{bind_instance, Binding, BindingInResponse, Pool};
    use serde_json::json;
    use support::Nullable;
    let body = json!({"port_id": null, "weight": null, "extra": null, "value": null});
    let parsed = bind_instance::parse_body(body.to_string().as_bytes()).expect("valid");
    assert_eq!(parsed.port_id, None, "a mandatory nullable's null is None");
    assert_eq!(
        parsed.weight,
        Some(Nullable::Null),
        "an optional one's null"
    );
    assert_eq!(parsed.pool, None, "and its absence");
    assert_eq!(
        parsed.extra,
        Some(serde_json::Value::Null),
        "an any's null is present"
    );
    assert_eq!(parsed.value, serde_json::Value::Null);
    assert_eq!(
        serde_json::to_value(&parsed).expect("writes"),
        body,
        "written back as read"
    );
    // The serde-derived reading, strict as requests are and lenient as responses are, agrees.
    let strict: Binding = support::from_json_strict(body.to_string().as_bytes()).expect("strict");
    assert_eq!(strict, parsed);
    let response: BindingInResponse = serde_json::from_value(body.clone()).expect("lenient");
    assert_eq!(response.port_id, Some(Nullable::Null));
    assert_eq!(response.weight, Some(Nullable::Null));
    assert_eq!(response.pool, None);
    assert_eq!(serde_json::to_value(&response).expect("writes"), body);
    assert!(
        support::from_json_strict::<Binding>(br#"{"port_id": "a", "value": 1, "name": null}"#)
            .is_err(),
        "the strict reading still refuses a null the page does not document"
    );
    assert!(
        support::from_json_strict::<Binding>(br#"{"value": 1}"#).is_err(),
        "nor does it take a mandatory nullable field's absence for its null"
    );
    // What the SDK sends: each state of each field, written as the page wants it.
    let sent = Binding {
        port_id: Some("a".to_owned()),
        pool: Some(Nullable::Value(Pool {
            id: "p".to_owned(),
            owner: None,
        })),
        weight: Some(Nullable::Null),
        name: None,
        extra: None,
        value: json!([1]),
        tags: None,
        labels: None,
        members: None,
    };
    assert_eq!(
        serde_json::to_value(&sent).expect("writes"),
        json!({"port_id": "a", "pool": {"id": "p", "owner": null}, "weight": null, "value": [1]})
    );
    assert_eq!(sent.validate(), Ok(()));
    // Responses: a null where documented is no departure; elsewhere it reads as absent, as before.
    let departures = |body: serde_json::Value| -> Vec<String> {
        let (_, found) =
            bind_instance::Response::parse_with_departures(200, body.to_string().as_bytes())
                .expect("parses");
        found
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect()
    };
    assert_eq!(
        departures(json!({"port_id": null, "value": null, "weight": 1})),
        Vec::<String>::new()
    );
    assert_eq!(
        departures(
            json!({"port_id": "a", "value": 1, "weight": 1, "name": null, "pool": {"id": "p", "owner": null}})
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        departures(json!({"weight": 1})),
        ["port_id: required", "value: required"]
    );
}

#[test]
fn the_interpreter_agrees_on_null_and_any() {
    use serde_json::json;
    let values = |list: Vec<serde_json::Value>| {
        std::iter::once(None)
            .chain(list.into_iter().map(Some))
            .collect::<Vec<_>>()
    };
    let (bodies, rejected) = agree(
        "nullany",
        |input| nullany_models::validate_request_body("svc/bind_instance", input),
        &[
            (
                "port_id",
                values(vec![
                    json!(null),
                    json!("a"),
                    json!("a".repeat(37)),
                    json!(1),
                ]),
            ),
            (
                "pool",
                values(vec![
                    json!(null),
                    json!({"id": "p", "owner": null}),
                    json!({"id": null}),
                    json!({"owner": "o"}),
                ]),
            ),
            ("weight", values(vec![json!(null), json!(101)])),
            (
                "name",
                values(vec![json!(null), json!("pooled"), json!("")]),
            ),
            ("extra", values(vec![json!(null), json!([null])])),
            ("value", values(vec![json!(null), json!({"a": -0.0})])),
            (
                "tags",
                values(vec![json!([null, 1]), json!([1, 2, 3, 4]), json!({})]),
            ),
            ("labels", values(vec![json!({"a": null}), json!([])])),
            (
                "members",
                values(vec![
                    json!(null),
                    json!([null]),
                    json!([{"id": "m", "owner": null}]),
                ]),
            ),
        ],
    );
    assert!(rejected > 0 && rejected < bodies, "{rejected} of {bodies}");
}

#[test]
fn a_body_that_is_a_map_of_any_takes_every_value_at_its_keys() {
    use nullany_models::svc::set_labels;
    let body = br#"{"a": null, "b": [1, "x"], "c": {"deep": {"x": null}}, "d": -0}"#;
    assert_eq!(set_labels::check_body(body), Ok(()));
    let parsed = set_labels::parse_body(body).expect("valid");
    assert_eq!(
        parsed["a"],
        serde_json::Value::Null,
        "a null value is kept at its key"
    );
    assert!(
        set_labels::check_body(b"[1]").is_err(),
        "the body is still an object"
    );
    let (_, departures) = set_labels::Response::parse_with_departures(200, body).expect("parses");
    assert_eq!(departures, [], "no key of a map of `any` is undocumented");
}

/// A request body that is a JSON array of a table's objects (CES "Adding monitoring data" sends a
/// list of metrics): every item is checked, at its index; an object where the array goes is refused.
#[test]
fn an_array_body_checks_each_item_at_its_index() {
    use nullany_models::svc::replace_pools;
    let check = |input: &str| verdict(replace_pools::check_body(input.as_bytes()));
    assert_eq!(
        check(r#"[{"id": "a", "owner": null}]"#),
        Vec::<String>::new()
    );
    assert_eq!(check("[]"), Vec::<String>::new());
    assert_eq!(
        check(r#"[{"id": "a", "owner": "o"}, {"id": "", "owner": "o", "typo": 1}]"#),
        ["[1].id: length", "[1].typo: unknown_field"]
    );
    assert_eq!(check(r#"{"id": "a", "owner": "o"}"#), ["json at "]);
    let parsed = replace_pools::parse_body(br#"[{"id": "a", "owner": null}]"#).expect("valid");
    assert_eq!(parsed[0].id, "a");
    let response = replace_pools::Response::parse(200, br#"[{"id": "a", "extra": 1}]"#);
    assert!(matches!(response, Ok(replace_pools::Response::Ok(ref items)) if items.len() == 1));
}
