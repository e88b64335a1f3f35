//! The obstacle course's names survive the trip: each odd wire name is written and read back exactly,
//! types named like std's keep working next to std's, and violations are reported at the wire path.

use build_script_example::models::course::{
    self, update_option, Box, Default, Result, Self_, String, T3rdParty, Vec,
};
use build_script_example::models::Rule;
use serde_json::json;

/// A valid body that sets every odd field.
fn full() -> course::Option {
    course::Option::new("shape-1")
        .with_match(3)
        .with_self_(
            Self_::new("me").with_result(
                Result::new()
                    .with_vec(Vec::new(vec![
                        String::V1,
                        String::NoLimit,
                        String::CceService,
                        String::Self_,
                    ]))
                    .with_box(
                        Box::new("outer")
                            .with_boxes(vec![Box::new("sibling")])
                            // The setter boxes the value that closes the cycle.
                            .with_inner(Box::new("inner")),
                    )
                    .with_3rd_party(T3rdParty::new().with_3rd_party_id("ab12").with_42(42)),
            ),
        )
        .with_validate(true)
        .with_default(Default::Off)
        .with_2fa(String::None)
        .with_label_key("k")
}

/// The violations of `value` as `path: code`.
fn violations(value: &course::Option) -> std::vec::Vec<std::string::String> {
    codes(value.validate())
}

/// The violations `validate` found, as `path: code`.
fn codes(
    result: std::result::Result<(), build_script_example::models::ValidationErrors>,
) -> std::vec::Vec<std::string::String> {
    match result {
        Ok(()) => std::vec::Vec::new(),
        Err(errors) => errors
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect(),
    }
}

#[test]
fn odd_wire_names_are_written_exactly_and_read_back() {
    let value = full();
    let written = serde_json::to_value(&value).expect("serializes");
    let expected = json!({
        "type": "shape-1",
        "match": 3,
        "self": {
            "Self": "me",
            "result": {
                "vec": { "items": ["1", "-", "CCE_SERVICE", "self"] },
                "box": {
                    "name": "outer",
                    "boxes": [{ "name": "sibling" }],
                    "inner": { "name": "inner" }
                },
                "3rd_party": { "3rd_party_id": "ab12", "42": 42 }
            }
        },
        "validate": true,
        "Default": 1,
        "2fa": "none",
        "labelKey": "k"
    });
    assert_eq!(written, expected);
    let read: course::Option = serde_json::from_value(expected).expect("reads back");
    assert_eq!(read, value);
    assert_eq!(read.validate(), Ok(()));
}

#[test]
fn absent_fields_take_their_documented_defaults() {
    let bare: course::Option =
        serde_json::from_value(json!({ "type": "t" })).expect("only `type` is mandatory");
    assert_eq!(bare.match_or_default(), 5);
    assert!(
        !bare.validate_or_default(),
        "the `validate` field's default, next to the `validate` method"
    );
    assert_eq!(bare.default_or_default(), Default::On);
    assert_eq!(bare._2fa_or_default(), String::CceService);
    assert_eq!(course::Option::DEFAULT_DEFAULT.value(), 2);
}

#[test]
fn enumeration_values_map_to_their_variants_both_ways() {
    // "*" has neither a name nor a meaning; its variant name is checked only through its value here.
    let wire = ["1", "-", "*", "CCE_SERVICE", "self", "none", "default"];
    assert_eq!(String::DOCUMENTED, wire);
    for value in wire {
        let parsed: String = serde_json::from_value(json!(value)).expect("a documented value");
        assert!(parsed.is_documented(), "{value}");
        assert_eq!(parsed.as_str(), value);
        assert_eq!(
            serde_json::to_value(&parsed).expect("serializes"),
            json!(value)
        );
    }
    assert_eq!(
        serde_json::from_value::<String>(json!("CCE_SERVICE")).expect("parses"),
        String::CceService
    );
    assert_eq!(
        serde_json::from_value::<String>(json!("self")).expect("parses"),
        String::Self_
    );
    assert_eq!(
        serde_json::from_value::<Default>(json!(3)).expect("an integer enum reads a JSON integer"),
        Default::V3
    );
    assert!(
        serde_json::from_value::<Default>(json!("3")).is_err(),
        "and not a string"
    );
}

#[test]
fn unknown_enumeration_values_parse_but_do_not_validate() {
    let mut value = full();
    value._2fa =
        Some(serde_json::from_value(json!("sms")).expect("an unlisted value still parses"));
    value.default =
        Some(serde_json::from_value(json!(9)).expect("an unlisted integer still parses"));
    assert_eq!(value._2fa, Some(String::Unknown("sms".to_owned())));
    assert_eq!(violations(&value), ["Default: enum", "2fa: enum"]);
}

#[test]
fn violations_are_reported_at_the_wire_path_through_odd_names() {
    let mut value = full();
    value.r#type = "1st".to_owned();
    value.r#match = Some(11);
    value.label_key = Some("much-too-long".to_owned());
    let nested = value
        .self_
        .as_mut()
        .and_then(|s| s.result.as_mut())
        .expect("set in full()");
    nested._3rd_party = Some(T3rdParty::new().with_3rd_party_id("12345").with_42(-1));
    let outer = nested.r#box.as_mut().expect("set in full()");
    outer.boxes = Some(vec![
        outer.clone(),
        outer.clone(),
        outer.clone(),
        outer.clone(),
    ]);
    outer.inner.as_mut().expect("set in full()").name.clear();
    value.self_.as_mut().expect("set in full()").self_.clear();
    assert_eq!(
        violations(&value),
        [
            "type: pattern",
            "match: range",
            "self.Self: length",
            "self.result.box.boxes: items",
            "self.result.box.inner.name: length",
            "self.result.3rd_party.3rd_party_id: length",
            "self.result.3rd_party.42: range",
            "labelKey: length",
        ]
    );
    let errors = value.validate().expect_err("invalid");
    let range = errors
        .violations()
        .iter()
        .find(|v| v.path == "match")
        .expect("reported");
    assert_eq!(
        range.rule,
        Rule::Range {
            minimum: Some(1),
            maximum: Some(10),
            actual: 11
        }
    );
}

#[test]
fn the_operation_fills_its_path_and_checks_params_and_body() {
    let request = update_option::Request::new("p 1", "o/2", "me", "", full().with_match(0));
    assert_eq!(update_option::METHOD, "PUT");
    assert_eq!(
        update_option::PATH_TEMPLATE,
        "/v1/{project_id}/options/{option-id}/{self}"
    );
    assert_eq!(request.path(), "/v1/p%201/options/o%2F2/me");
    assert_eq!(request.headers(), [("X-Auth-Token", "")]);
    let found: std::vec::Vec<_> = request
        .validate()
        .expect_err("invalid")
        .violations()
        .iter()
        .map(|v| format!("{}: {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(found, ["X-Auth-Token: empty", "match: range"]);
}

#[test]
fn bodies_and_responses_parse_through_the_operation_module() {
    let body = serde_json::to_vec(&full()).expect("serializes");
    assert_eq!(update_option::parse_body(&body).expect("valid"), full());
    match update_option::Response::parse(200, &body).expect("parses") {
        // The body type is shared with the request, so the response is read into its lenient form.
        update_option::Response::Ok(option) => assert_eq!(
            serde_json::to_value(&*option).ok(),
            serde_json::to_value(full()).ok()
        ),
        other => panic!("expected the 200 body, got {other:?}"),
    }
    assert_eq!(
        update_option::Response::parse(204, b"").expect("no body"),
        update_option::Response::NoContent
    );
    let bad_request =
        update_option::Response::parse(400, br#"{"3rd_party": {"42": 7}}"#).expect("parses");
    assert_eq!(bad_request.status(), 400);
    assert!(build_script_example::models::OPERATIONS.contains(&"course/update_option"));
    assert_eq!(
        build_script_example::models::validate_request_body("update_option", &body)
            .map(|r| r.is_ok()),
        Some(true)
    );
}

#[test]
fn operations_without_parameters_body_or_responses_generate_usable_modules() {
    use build_script_example::models::bare::{self, get_status, list_tokens, type_};
    let status = get_status::Request::new();
    assert_eq!(status.path(), "/v1/status");
    assert!(status.headers().is_empty());
    assert_eq!(status.validate(), Ok(()));
    assert_eq!(
        get_status::Response::parse(200, b"{}")
            .expect("undocumented")
            .status(),
        200
    );

    let tokens = list_tokens::Request::new("");
    assert_eq!(codes(tokens.validate()), ["X-Auth-Token: empty"]);
    // An optional header is not an argument of `new`, is sent only when set, and is checked then.
    assert_eq!(tokens.headers(), [("X-Auth-Token", "")]);
    let tokens = list_tokens::Request::new("t").with_x_language("de");
    assert_eq!(
        tokens.headers(),
        [("X-Auth-Token", "t"), ("X-Language", "de")]
    );
    assert_eq!(tokens.validate(), Ok(()));
    let empty = list_tokens::Request::new("t").with_x_language("");
    assert_eq!(codes(empty.validate()), ["X-Language: empty"]);
    assert_eq!(
        list_tokens::Response::parse(204, b"").expect("no body"),
        list_tokens::Response::NoContent
    );

    let delete = type_::Request::new("a b");
    assert_eq!(delete.path(), "/v1/types/a%20b");
    let (response, departures) =
        type_::Response::parse_with_departures(200, br#"{"validate": true, "view": "B"}"#)
            .expect("parses");
    let type_::Response::Ok(shape) = response else {
        panic!("expected the 200 body")
    };
    assert_eq!(
        (shape.validate, &shape.view),
        (Some(true), &Some(bare::Support::Unknown("B".to_owned())))
    );
    assert_eq!(
        departures
            .iter()
            .map(|v| format!("{}: {}", v.path, v.rule.code()))
            .collect::<std::vec::Vec<_>>(),
        ["view: enum"]
    );
    assert_eq!(
        (shape.limit_or_default(), shape.limit_or_default),
        (5, None),
        "the accessor and the field of that name are both there"
    );
    assert_eq!((shape.ratio, shape.ratio_or_default()), (None, 0.5));
    let (response, _) =
        type_::Response::parse_with_departures(200, br#"{"ratio": 0.125}"#).expect("parses");
    assert!(matches!(response, type_::Response::Ok(shape) if shape.ratio == Some(0.125)));
}

#[test]
fn query_parameters_are_typed_encoded_and_checked() {
    use build_script_example::models::bare::{list_things, Support};
    let request = list_things::Request::new(true)
        .with_limit(0)
        .with_name("a b&c=ü…!")
        .with_tag(vec!["x".to_owned(), "y/z".to_owned()])
        .with_kind(Support::TheLetterA)
        .with_threshold(0.25);
    assert_eq!(request.query(), "limit=0&name=a%20b%26c%3D%C3%BC%E2%80%A6%21&tag=x&tag=y%2Fz&kind=A&type=true&threshold=0.25");
    let found: std::vec::Vec<_> = request
        .validate()
        .expect_err("invalid")
        .violations()
        .iter()
        .map(|v| format!("{}: {}", v.path, v.rule.code()))
        .collect();
    assert_eq!(found, ["limit: range", "name: length"]);
    let minimal = list_things::Request::new(false);
    assert_eq!(minimal.query(), "type=false");
    assert_eq!(minimal.validate(), Ok(()));
    assert_eq!(
        minimal
            .clone()
            .with_limit(500)
            .with_name("8 chars.")
            .validate(),
        Ok(())
    );
    assert_eq!(
        minimal
            .with_kind(Support::Unknown("B".to_owned()))
            .validate()
            .map_err(|e| e.violations()[0].rule.code()),
        Err("enum")
    );
}
