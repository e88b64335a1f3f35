//! Malformed and hostile spec trees get diagnostics, never a panic or a hang.

use std::path::Path;

#[path = "common/scratch.rs"]
mod scratch;
use scratch::TempDir;

/// A spec tree of `files` in a scratch folder, removed when dropped.
fn spec_dir(name: &str, files: &[(&str, String)]) -> TempDir {
    let dir = scratch::scratch(&format!("hostile-{name}"));
    for (file, text) in files {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn problems(dir: &Path) -> Vec<codegen::Diagnostic> {
    match codegen::Config::new(dir).rerun_if_changed(false).render() {
        Err(codegen::Error::Spec(diags)) => diags,
        Err(other) => panic!("expected spec diagnostics, got {other}"),
        Ok(_) => Vec::new(),
    }
}

#[test]
fn deeply_nested_json_is_a_diagnostic() {
    let text = format!(
        r#"{{"service": "s", "objects": {{"A": {{"fields": [{}{}]}}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let dir = spec_dir("deep", &[("s/a.json", text)]);
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("recursion limit"), "{}", found[0]);
    assert_eq!(found[0].line, 1);
}

#[test]
fn ten_thousand_character_names_are_handled() {
    let long = "a".repeat(10_000);
    let text = format!(
        r#"{{"service": "s", "objects": {{"{long}": {{"fields": [{{"name": "{long}", "type": "string"}}, {{"name": "x", "type": "B{long}"}}]}}}}}}"#
    );
    let dir = spec_dir("long", &[("s/a.json", text)]);
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "only the unknown type: {found:?}");
    assert!(
        found[0].message.starts_with("unknown type `B"),
        "{}",
        found[0].message
    );
}

#[test]
fn legal_cycles_generate_boxed_or_vec_fields() {
    let text = r#"{"service": "s", "objects": {
        "Node": {"fields": [{"name": "children", "type": "array", "items": "Node"}, {"name": "parent", "type": "Node"}, {"name": "other", "type": "Other", "required": true}]},
        "Other": {"fields": [{"name": "back", "type": "Node"}]}
    }}"#;
    let dir = spec_dir("cycle", &[("s/a.json", text.to_owned())]);
    let (files, _) = codegen::Config::new(dir.path())
        .rerun_if_changed(false)
        .render()
        .expect("a legal cycle generates");
    let code = &files["models.rs"];
    assert!(
        code.contains("pub children: ::std::option::Option<::std::vec::Vec<Node>>"),
        "{code}"
    );
    assert!(
        code.contains("pub parent: ::std::option::Option<::std::boxed::Box<Node>>"),
        "{code}"
    );
    assert!(
        code.contains("pub other: ::std::boxed::Box<Other>"),
        "{code}"
    );
}

#[test]
fn a_spec_that_is_not_an_object_or_misses_keys_is_reported_per_file() {
    let dir = spec_dir(
        "shapes",
        &[
            ("s/array.json", "[1, 2]".to_owned()),
            ("s/noservice.json", r#"{"objects": {}}"#.to_owned()),
            ("s/empty.json", String::new()),
            (
                "s/badobj.json",
                r#"{"service": "s", "objects": {"A": 3, "B": {"fields": 4}}}"#.to_owned(),
            ),
        ],
    );
    let found = problems(dir.path());
    let files: Vec<&str> = found
        .iter()
        .map(|d| d.file.rsplit_once("/s/").map_or("", |(_, name)| name))
        .collect();
    assert_eq!(
        files,
        [
            "array.json",
            "badobj.json",
            "badobj.json",
            "empty.json",
            "noservice.json"
        ],
        "{found:#?}"
    );
}

#[test]
fn a_large_spec_generates() {
    let mut objects = Vec::new();
    for i in 0..2_000 {
        objects.push(format!(r#""T{i}": {{"fields": [{{"name": "f", "type": "integer", "minimum": 0, "maximum": 10}}, {{"name": "next", "type": "array", "items": "T{}"}}]}}"#, (i + 1) % 2_000));
    }
    let text = format!(
        r#"{{"service": "s", "objects": {{{}}}}}"#,
        objects.join(",")
    );
    let dir = spec_dir("large", &[("s/a.json", text)]);
    let (files, _) = codegen::Config::new(dir.path())
        .rerun_if_changed(false)
        .render()
        .expect("generates");
    assert!(files["models.rs"].contains("pub struct T1999"));
}

#[test]
fn a_body_of_any_shape_is_a_diagnostic_or_a_body_never_a_panic() {
    let bodies = [
        "[]",
        "5",
        "null",
        "{}",
        r#"{"type": 5}"#,
        r#"{"type": "map"}"#,
        r#"{"type": "map", "items": "map"}"#,
        r#"{"type": "map", "items": "file"}"#,
        r#"{"type": "file", "items": "string"}"#,
        r#"{"type": "Node", "extra": 1}"#,
        r#""file""#,
        r#""array""#,
        r#""Kind""#,
        r#""""#,
    ];
    for body in bodies {
        for side in ["request", "response"] {
            let operation = match side {
                "request" => format!(r#""body": {body}, "responses": []"#),
                _ => format!(
                    r#""responses": [{{"status": 200, "description": "OK", "body": {body}}}]"#
                ),
            };
            let text = format!(
                r#"{{"service": "s", "operation": {{"name": "op", "summary": "S", "method": "PUT", "path": "/x", {operation}}},
                "objects": {{"Node": {{"fields": [{{"name": "children", "type": "map", "items": "Node", "required": true}}]}}}},
                "enums": {{"Kind": {{"type": "string", "values": [{{"value": "a"}}]}}}}}}"#
            );
            let dir = spec_dir(
                &format!("body-{side}-{}", body.len()),
                &[("s/op.json", text)],
            );
            let found = problems(dir.path());
            // `null` is an absent body, as for every optional key of the format.
            let fine = (side == "response" && body == r#""file""#) || body == "null";
            assert_eq!(found.is_empty(), fine, "{side} body {body}: {found:#?}");
            assert!(
                found.iter().all(|d| d.path.starts_with("operation")),
                "{side} body {body}: {found:#?}"
            );
        }
    }
}

#[test]
fn a_map_of_its_own_type_needs_no_box() {
    let text = r#"{"service": "s", "objects": {"Node": {"fields": [{"name": "children", "type": "map", "items": "Node", "required": true}]}}}"#;
    let dir = spec_dir("map-cycle", &[("s/a.json", text.to_owned())]);
    let (files, _) = codegen::Config::new(dir.path())
        .rerun_if_changed(false)
        .render()
        .expect("a map of itself generates");
    assert!(
        files["models.rs"]
            .contains("pub children: ::std::collections::BTreeMap<::std::string::String, Node>"),
        "{}",
        files["models.rs"]
    );
}
