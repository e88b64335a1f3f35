//! The shapes course: maps, free-form objects, a body that is a map, a form with files, and a file
//! response, with types named like the ones the generated code uses (`Map`, `Object`, `FilePart`) and
//! odd wire names (`@modelarts:color`, `OS-DCF:diskConfig`).

use build_script_example::models::shapes::{put_anything, put_maps, upload, FilePart, Map, Object};
use build_script_example::models::support;
use serde_json::json;
use std::collections::BTreeMap;

/// The violations of a result as `path: code`.
fn codes(result: Result<(), build_script_example::models::ValidationErrors>) -> Vec<String> {
    match result {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect(),
    }
}

#[test]
fn a_map_body_is_read_checked_and_written_at_its_keys() {
    let body = json!({
        "AUTH_FAILURE": {
            "status": 401,
            "map": { "inner": { "status": 100 } },
            "object": { "anything": [1, null, { "deep": true }] },
            "@modelarts:color": "#FFFFF0",
            "OS-DCF:diskConfig": "AUTO",
            "file": [{}, {}]
        },
        "NOT_FOUND": { "status": 404, "OS-DCF:diskConfig": "SEMI", "colour": "red" }
    });
    let bytes = serde_json::to_vec(&body).expect("serializes");
    let found = match put_maps::check_body(&bytes) {
        Err(support::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<Vec<_>>(),
        other => panic!("expected violations, got {other:?}"),
    };
    assert_eq!(
        found,
        [
            "AUTH_FAILURE.map.inner.status: range",
            "AUTH_FAILURE.file: items",
            "NOT_FOUND.OS-DCF:diskConfig: enum",
            "NOT_FOUND.colour: unknown_field",
        ]
    );
    // The owned model says the same, through the crate's dispatcher too.
    assert!(
        matches!(put_maps::parse_body(&bytes), Err(support::BodyError::Invalid(errors)) if errors.violations().len() == 4)
    );
    assert!(matches!(
        build_script_example::models::validate_request_body("shapes/put_maps", &bytes),
        Some(Err(support::BodyError::Invalid(_)))
    ));

    let map: BTreeMap<String, Map> = serde_json::from_value(body).expect("fits the types");
    let auth = &map["AUTH_FAILURE"];
    assert_eq!(
        (auth.modelarts_color.as_deref(), &auth.os_dcf_disk_config),
        (Some("#FFFFF0"), &Some(Object::Auto))
    );
    assert_eq!(
        auth.object
            .as_ref()
            .map(|o| o["anything"][2]["deep"].clone()),
        Some(json!(true))
    );
    let written = serde_json::to_value(&map).expect("writes");
    assert_eq!(
        written["AUTH_FAILURE"]["@modelarts:color"], "#FFFFF0",
        "the odd wire name is written back verbatim"
    );
    assert!(written["AUTH_FAILURE"].get("modelarts_color").is_none());

    let request = put_maps::Request::new(map);
    assert_eq!(
        codes(request.validate()),
        [
            "AUTH_FAILURE.map.inner.status: range",
            "AUTH_FAILURE.file: items",
            "NOT_FOUND.OS-DCF:diskConfig: enum"
        ]
    );
}

#[test]
fn json_that_does_not_fit_a_map_or_a_free_form_object_is_a_json_error() {
    for body in [
        r#"[]"#,
        r#"{"a": []}"#,
        r#"{"a": {"status": 200, "object": [1]}}"#,
        r#"{"a": {"status": 200, "map": null}}"#,
    ] {
        assert!(
            matches!(
                put_maps::check_body(body.as_bytes()),
                Err(support::BodyError::Json(_))
            ),
            "{body}"
        );
        assert!(
            matches!(
                put_maps::parse_body(body.as_bytes()),
                Err(support::BodyError::Json(_))
            ),
            "{body}"
        );
    }
    // A free-form body takes any object, and only an object.
    assert!(put_anything::check_body(br#"{"x": [null, 1.5, {"y": "z"}]}"#).is_ok());
    assert!(matches!(
        put_anything::check_body(b"[1]"),
        Err(support::BodyError::Json(_))
    ));
}

#[test]
fn map_responses_are_lenient_and_report_their_departures() {
    let (response, departures) =
        put_maps::Response::parse_with_departures(200, br#"{"a": 1, "b": 3}"#).expect("parses");
    assert_eq!(
        departures
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<Vec<_>>(),
        ["b: enum"]
    );
    let put_maps::Response::Ok(parts) = response else {
        panic!("{response:?}")
    };
    assert_eq!(
        (parts["a"].clone(), parts["b"].clone()),
        (FilePart::First, FilePart::Unknown(3))
    );
    assert_eq!(
        put_maps::Response::parse(201, br#"{"n": 9007199254740993}"#),
        Ok(put_maps::Response::Created(
            [("n".to_owned(), 9_007_199_254_740_993)].into()
        ))
    );
    assert!(
        matches!(put_maps::Response::parse(202, br#"{"free": [1]}"#), Ok(put_maps::Response::Accepted(object)) if object["free"] == json!([1]))
    );
    // A response's map of objects takes their lenient form: a missing `status` parses, and is a departure.
    let (response, departures) =
        upload::Response::parse_with_departures(400, br#"{"E": {"object": {}}}"#).expect("parses");
    assert!(matches!(response, upload::Response::BadRequest(map) if map["E"].status.is_none()));
    assert_eq!(
        departures
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<Vec<_>>(),
        ["E.status: required"]
    );
}

#[test]
fn a_form_request_is_typed_checked_and_written_as_parts() {
    let file = support::FilePart {
        file_name: "a.yaml".to_owned(),
        bytes: b"a: 1\n".to_vec(),
    };
    let request = upload::Request::new("p", Object::Unknown("OTHER".to_owned()), file.clone())
        .with_dry_run(true)
        .with_more_files(vec![file.clone(); 3])
        .with_count(4)
        .with_part(FilePart::Second)
        .with_tags(vec!["x".to_owned(), "y".to_owned()]);
    assert_eq!(request.path(), "/v1/p/upload");
    assert_eq!(request.query(), "dry_run=true");
    assert_eq!(
        codes(request.validate()),
        ["type: enum", "more-files: items", "count: range"]
    );
    let mut request = request.with_more_files(vec![file.clone()]).with_count(2);
    request.r#type = Object::Manual;
    assert_eq!(codes(request.validate()), Vec::<String>::new());
    let names: Vec<&str> = request
        .form()
        .iter()
        .map(|part| match part {
            support::FormPart::Text { name, .. } | support::FormPart::File { name, .. } => *name,
        })
        .collect();
    assert_eq!(
        names,
        [
            "type",
            "file",
            "more-files",
            "count",
            "part",
            "tags",
            "tags"
        ]
    );
    let body = String::from_utf8(support::multipart_body(&request.form(), "BOUNDARY"))
        .expect("text parts and a text file");
    assert!(
        body.starts_with(
            "--BOUNDARY\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nMANUAL\r\n"
        ),
        "{body}"
    );
    assert!(
        body.contains("name=\"part\"\r\n\r\n2\r\n"),
        "an integer enumeration is sent as its wire value: {body}"
    );
    assert!(body.contains("name=\"file\"; filename=\"a.yaml\"\r\nContent-Type: application/octet-stream\r\n\r\na: 1\n\r\n"), "{body}");
    assert!(body.ends_with("--BOUNDARY--\r\n"), "{body}");
    // A form is not JSON: the dispatcher has no body to check for it.
    assert!(build_script_example::models::validate_request_body("shapes/upload", b"{}").is_none());
}

#[test]
fn a_file_response_is_its_bytes_whatever_they_are() {
    let bytes: Vec<u8> = (0..=255).collect();
    assert_eq!(
        upload::Response::parse(200, &bytes),
        Ok(upload::Response::Ok(bytes.clone()))
    );
    assert_eq!(
        upload::Response::parse(200, b""),
        Ok(upload::Response::Ok(Vec::new()))
    );
    assert_eq!(
        upload::Response::parse_with_departures(200, &bytes),
        Ok((upload::Response::Ok(bytes), Vec::new()))
    );
    assert_eq!(upload::Response::Ok(Vec::new()).status(), 200);
}

#[test]
fn a_map_reports_by_key_and_a_repeated_key_as_its_last_value() {
    let violations = |body: &str| match put_maps::check_body(body.as_bytes()) {
        Ok(()) => Vec::new(),
        Err(support::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect(),
        Err(error) => panic!("{body}: {error}"),
    };
    // Keys out of order: reported in key order, as validate() walks the owned BTreeMap.
    let body = r#"{"z": {"status": 1}, "a": {"status": 2}, "m": {"status": 200}}"#;
    assert_eq!(violations(body), ["a.status: range", "z.status: range"]);
    // A repeated key keeps its last value, in the owned map and in the report.
    assert_eq!(
        violations(r#"{"a": {"status": 1}, "b": {"status": 2}, "a": {"status": 200}}"#),
        ["b.status: range"]
    );
    assert_eq!(
        violations(r#"{"a": {"status": 200}, "a": {"status": 3}}"#),
        ["a.status: range"]
    );
    let owned = put_maps::parse_body(br#"{"a": {"status": 1}, "a": {"status": 250}}"#)
        .expect("the last value is valid");
    assert_eq!(owned["a"].status, 250);
    // And a table's fields in table order whatever the key order, with an absent mandatory one first.
    assert_eq!(
        violations(r#"{"a": {"file": [{}, {}], "map": {"x": {"status": 9}}}}"#),
        [
            "a.status: required",
            "a.map.x.status: range",
            "a.file: items"
        ]
    );
}
