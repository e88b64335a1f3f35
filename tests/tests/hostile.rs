//! Hostile request bodies: each gets a clear error with a path, never a panic or an abort.

use api_gateway_models::{apig, from_json, from_json_validated, BodyError};

fn vpc_with(extra: &str) -> Vec<u8> {
    format!(
        r#"{{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip"{extra}}}"#
    )
    .into_bytes()
}

#[test]
fn nesting_ten_thousand_deep_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        r#", "members": {}{}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let error = from_json::<apig::VpcCreate>(&vpc_with(&deep)).expect_err("too deep");
    assert!(
        error.message.contains("recursion limit") || error.message.contains("invalid type"),
        "{error}"
    );
    assert!(error.path.starts_with("members"), "{error}");
}

#[test]
fn a_fifty_megabyte_string_is_a_length_violation() {
    let huge = "a".repeat(50 * 1024 * 1024);
    let body = vpc_with(&format!(r#", "dict_code": "{huge}""#));
    let Err(BodyError::Invalid(errors)) = from_json_validated::<apig::VpcCreate>(&body) else {
        panic!("invalid")
    };
    assert_eq!(errors.violations().len(), 1);
    assert_eq!(errors.violations()[0].path, "dict_code");
    assert_eq!(
        errors.violations()[0].rule,
        api_gateway_models::Rule::Length {
            min: Some(3),
            max: Some(64),
            actual: 50 * 1024 * 1024
        }
    );
}

#[test]
fn a_million_members_validate_and_the_bad_one_is_found() {
    let mut members = String::with_capacity(20_000_000);
    for i in 0..1_000_000 {
        if i > 0 {
            members.push(',');
        }
        members.push_str(if i == 765_432 {
            r#"{"host":"h","weight":-5}"#
        } else {
            r#"{"host":"h"}"#
        });
    }
    let body = vpc_with(&format!(r#", "members": [{members}]"#));
    let Err(BodyError::Invalid(errors)) = from_json_validated::<apig::VpcCreate>(&body) else {
        panic!("one member is invalid")
    };
    let paths: Vec<&str> = errors
        .violations()
        .iter()
        .map(|v| v.path.as_str())
        .collect();
    assert_eq!(paths, ["members[765432].weight"]);
}

#[test]
fn numbers_beyond_64_bits_floats_and_strings_where_integers_belong() {
    for (value, expected) in [
        ("18446744073709551616", "port"),
        ("-9223372036854775809", "port"),
        ("22.0", "port"),
        ("2e2", "port"),
        ("\"22\"", "port"),
        ("true", "port"),
        ("[22]", "port"),
    ] {
        let body = format!(
            r#"{{"name": "VPC_demo", "port": {value}, "balance_strategy": 1, "member_type": "ip"}}"#
        );
        let error = from_json::<apig::VpcCreate>(body.as_bytes()).expect_err(value);
        assert_eq!(error.path, expected, "{value}: {error}");
    }
}

#[test]
fn duplicate_keys_are_refused_with_the_path() {
    let error = from_json::<apig::VpcCreate>(br#"{"name": "VPC_demo", "port": 22, "port": 23, "balance_strategy": 1, "member_type": "ip"}"#).expect_err("duplicate");
    assert!(error.message.contains("duplicate field `port`"), "{error}");
    let error = from_json::<apig::VpcCreate>(br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip", "vpc_health_config": {"protocol": "TCP", "protocol": "HTTP"}}"#).expect_err("duplicate");
    assert!(error.path.starts_with("vpc_health_config"), "{error}");
}

#[test]
fn invalid_utf8_and_empty_and_truncated_files() {
    let mut body = vpc_with("");
    let at = body.iter().position(|&b| b == b'V').expect("VPC_demo");
    body[at] = 0xFF;
    let error = from_json::<apig::VpcCreate>(&body).expect_err("invalid UTF-8");
    assert_eq!(error.path, "name", "{error}");
    for text in [
        &b""[..],
        b"   ",
        b"{",
        b"{\"name\": \"VPC",
        b"null",
        b"[]",
        b"\"a\"",
        b"{\"name\": \"VPC_demo\"}}",
    ] {
        let error = from_json::<apig::VpcCreate>(text).expect_err("not a body");
        assert!(!error.message.is_empty());
        assert!(error.line >= 1, "{error}");
    }
}

#[test]
fn responses_ignore_unknown_fields() {
    let body = br#"{"name": "VPC_demo", "added_by_a_newer_service": {"x": [1, 2]}, "port": 22}"#;
    let parsed = apig::update_vpc_channel::Response::parse(200, body).expect("lenient");
    assert_eq!(parsed.status(), 200);
}

#[test]
fn control_characters_and_escapes_in_keys_keep_paths_readable() {
    let error = from_json::<apig::VpcCreate>(br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip", "members": [{"h\"ost": 1, "weight": "x"}]}"#).expect_err("weight is a string");
    assert_eq!(error.path, "members[0].weight", "{error}");
}

#[test]
fn unknown_request_fields_are_violations_naming_the_field() {
    let body = br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip", "prot": 1,
        "members": [{"host": "h"}, {"host": "h", "weigth": 5}],
        "vpc_health_config": {"protocol": "TCP", "threshold_normal": 2, "threshold_abnormal": 2, "time_interval": 10, "timeout": 5, "extra": {"nested": [1]}}}"#;
    let Err(BodyError::Invalid(errors)) = from_json_validated::<apig::VpcCreate>(body) else {
        panic!("unknown fields are refused")
    };
    let found: Vec<(String, String)> = errors
        .violations()
        .iter()
        .map(|v| (v.path.clone(), v.rule.to_string()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "prot".to_owned(),
                "is not a documented field; did you mean `port`?".to_owned()
            ),
            (
                "members[1].weigth".to_owned(),
                "is not a documented field; did you mean `weight`?".to_owned()
            ),
            (
                "vpc_health_config.extra".to_owned(),
                "is not a documented field".to_owned()
            ),
        ]
    );
    // Plain deserialization, like responses, ignores them.
    assert!(from_json::<apig::VpcCreate>(body).is_ok());
}

#[test]
fn unknown_fields_and_rule_violations_are_reported_together() {
    let body = br#"{"name": "VPC_demo", "port": 0, "balance_strategy": 1, "member_type": "ip", "nmae": "x"}"#;
    let Err(BodyError::Invalid(errors)) = from_json_validated::<apig::VpcCreate>(body) else {
        panic!("invalid")
    };
    let codes: Vec<(&str, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), v.rule.code()))
        .collect();
    assert_eq!(codes, [("port", "range"), ("nmae", "unknown_field")]);
}
