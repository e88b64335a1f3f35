//! The rules the pages state in prose, each checked both ways, and bodies with many violations at once.

use api_gateway_models::{apig, BodyError, Rule, Validate};
use model_tests::{validate, violations};
use serde_json::{json, Value};

const VPC: &str = "apig/update_vpc_channel";

fn vpc(extra: Value) -> Value {
    let mut body =
        json!({ "name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip" });
    for (key, value) in extra.as_object().expect("an object").clone() {
        body[key] = value;
    }
    body
}

fn health(extra: Value) -> Value {
    let mut config = json!({ "protocol": "TCP", "threshold_normal": 2, "threshold_abnormal": 5, "time_interval": 10, "timeout": 5 });
    for (key, value) in extra.as_object().expect("an object").clone() {
        config[key] = value;
    }
    vpc(json!({ "vpc_health_config": config }))
}

fn has(found: &[(String, &str)], path: &str, code: &str) -> bool {
    found.iter().any(|(p, c)| p == path && *c == code)
}

#[test]
fn the_readme_example_reports_three_paths() {
    let body = vpc(json!({
        "name": "1vpc",
        "members": [{ "host": "a" }, { "host": "b" }, { "host": "c", "weight": 10001 }],
        "vpc_health_config": { "protocol": "TCP", "threshold_normal": 2, "threshold_abnormal": 2, "time_interval": 10, "timeout": 30 },
        "member_groups": [{ "member_group_name": "9group" }]
    }));
    let found = violations(VPC, &body);
    assert_eq!(
        found,
        vec![
            ("name".to_owned(), "pattern"),
            ("member_groups[0].member_group_name".to_owned(), "pattern"),
            ("members[2].weight".to_owned(), "range"),
            ("vpc_health_config.timeout".to_owned(), "less_than"),
        ]
    );
}

#[test]
fn display_prints_one_violation_a_line_with_rule_and_limit() {
    let body = vpc(json!({ "port": 0, "members": [{ "host": "h", "weight": 10001 }] }));
    let Err(BodyError::Invalid(errors)) = validate(VPC, &body) else {
        panic!("invalid")
    };
    let text = errors.to_string();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.contains("port: must be 1 to 65535, got 0 (range)"),
        "{text}"
    );
    assert!(
        text.contains("members[0].weight: must be 0 to 10000, got 10001 (range)"),
        "{text}"
    );
    let weight = &errors.violations()[1];
    assert_eq!(
        weight.rule,
        Rule::Range {
            minimum: Some(0),
            maximum: Some(10000),
            actual: 10001
        }
    );
}

#[test]
fn timeout_must_be_less_than_time_interval() {
    assert!(violations(VPC, &health(json!({ "timeout": 9, "time_interval": 10 }))).is_empty());
    let equal = violations(VPC, &health(json!({ "timeout": 10, "time_interval": 10 })));
    assert_eq!(
        equal,
        vec![("vpc_health_config.timeout".to_owned(), "less_than")]
    );
    let above = violations(VPC, &health(json!({ "timeout": 30, "time_interval": 10 })));
    assert_eq!(
        above,
        vec![("vpc_health_config.timeout".to_owned(), "less_than")]
    );
}

#[test]
fn path_is_required_for_http_and_https_only() {
    for protocol in ["HTTP", "http", "HTTPS", "https"] {
        let found = violations(
            VPC,
            &health(json!({ "protocol": protocol, "http_code": "200" })),
        );
        assert!(
            has(&found, "vpc_health_config.path", "required_if"),
            "{protocol}: {found:?}"
        );
    }
    assert!(violations(VPC, &health(json!({ "protocol": "TCP" }))).is_empty());
    assert!(violations(
        VPC,
        &health(json!({ "protocol": "HTTPS", "path": "/health" }))
    )
    .is_empty());
}

#[test]
fn http_code_is_required_for_http_only() {
    let found = violations(VPC, &health(json!({ "protocol": "HTTP", "path": "/" })));
    assert_eq!(
        found,
        vec![("vpc_health_config.http_code".to_owned(), "required_if")]
    );
    assert!(violations(VPC, &health(json!({ "protocol": "HTTPS", "path": "/" }))).is_empty());
}

#[test]
fn http_code_is_a_list_of_codes_and_ranges_within_100_to_599() {
    for good in [
        "200",
        "200,201,202",
        "200-299",
        "201,202,210-299",
        "100",
        "599",
        "100-599",
        "200-200",
    ] {
        let found = violations(
            VPC,
            &health(json!({ "protocol": "HTTP", "path": "/", "http_code": good })),
        );
        assert!(found.is_empty(), "{good}: {found:?}");
    }
    for bad in [
        "99",
        "600",
        "299-200",
        "200,",
        "",
        "abc",
        "200-",
        "-200",
        "200 ,201",
        "1e2",
        "200-300-400",
        "+200",
    ] {
        let found = violations(
            VPC,
            &health(json!({ "protocol": "HTTP", "path": "/", "http_code": bad })),
        );
        assert_eq!(
            found,
            vec![("vpc_health_config.http_code".to_owned(), "format")],
            "{bad:?}"
        );
    }
}

#[test]
fn members_need_host_for_ip_and_ecs_fields_for_ecs() {
    let ip = violations(
        VPC,
        &vpc(json!({ "member_type": "ip", "members": [{ "host": "1.1.1.1" }, { "weight": 1 }] })),
    );
    assert_eq!(ip, vec![("members[1].host".to_owned(), "required_if")]);
    let mut ecs = violations(
        VPC,
        &vpc(
            json!({ "member_type": "ecs", "members": [{ "ecs_id": "id-1" }, { "ecs_id": "id-2", "ecs_name": "n" }, { "host": "h" }] }),
        ),
    );
    ecs.sort();
    assert_eq!(
        ecs,
        vec![
            ("members[0].ecs_name".to_owned(), "required_if"),
            ("members[2].ecs_id".to_owned(), "required_if"),
            ("members[2].ecs_name".to_owned(), "required_if"),
        ]
    );
}

#[test]
fn an_update_may_send_microservice_fields_whatever_its_type_says() {
    // The page restricts these to microservice channels, but an update keeps the existing channel's type,
    // which the body does not carry: the rules are documented, not checked (the spec's decision).
    let group = json!([{ "member_group_name": "grp", "microservice_version": "v1", "microservice_port": 80, "microservice_labels": [{ "label_name": "a", "label_value": "b" }] }]);
    let micro =
        json!({ "service_type": "CSE", "cse_info": { "engine_id": "e", "service_id": "s" } });
    for body in [
        vpc(json!({ "member_groups": group, "microservice_info": micro })),
        vpc(json!({ "type": 2, "member_groups": group, "microservice_info": micro })),
        vpc(json!({ "type": 3, "member_groups": group, "microservice_info": micro })),
    ] {
        assert_eq!(violations(VPC, &body), vec![], "{body}");
    }
}

#[test]
fn microservice_details_follow_service_type() {
    let cases = [
        (
            json!({ "service_type": "CSE" }),
            Some("microservice_info.cse_info"),
        ),
        (
            json!({ "service_type": "CCE" }),
            Some("microservice_info.cce_info"),
        ),
        // The page states no condition on cce_service_info (cse_info's and cce_info's rows do).
        (json!({ "service_type": "CCE_SERVICE" }), None),
        (
            json!({ "service_type": "CSE", "cse_info": { "engine_id": "e", "service_id": "s" } }),
            None,
        ),
        (
            json!({ "service_type": "CCE_SERVICE", "cce_service_info": { "cluster_id": "c", "namespace": "default", "service_name": "svc" } }),
            None,
        ),
    ];
    for (info, missing) in cases {
        let found = violations(VPC, &vpc(json!({ "type": 3, "microservice_info": info })));
        match missing {
            Some(path) => assert_eq!(found, vec![(path.to_owned(), "required_if")], "{info}"),
            None => assert!(found.is_empty(), "{info}: {found:?}"),
        }
    }
}

#[test]
fn cce_workload_needs_app_name_or_both_labels() {
    let cce = |extra: Value| {
        let mut info =
            json!({ "cluster_id": "c", "namespace": "default", "workload_type": "deployment" });
        for (k, v) in extra.as_object().expect("object").clone() {
            info[k] = v;
        }
        vpc(json!({ "type": 3, "microservice_info": { "service_type": "CCE", "cce_info": info } }))
    };
    assert!(violations(VPC, &cce(json!({ "app_name": "testapp" }))).is_empty());
    assert!(violations(
        VPC,
        &cce(json!({ "label_key": "app", "label_value": "web" }))
    )
    .is_empty());
    for partial in [
        json!({}),
        json!({ "label_key": "app" }),
        json!({ "label_value": "web" }),
    ] {
        assert_eq!(
            violations(VPC, &cce(partial.clone())),
            vec![("microservice_info.cce_info".to_owned(), "at_least_one_of")],
            "{partial}"
        );
    }
}

#[test]
fn character_rules_from_the_prose() {
    let name = |value: &str| violations(VPC, &vpc(json!({ "name": value })));
    assert!(name("VPC_demo-1.0").is_empty());
    assert!(
        name("名称通道").is_empty(),
        "Chinese characters are allowed, first too"
    );
    assert!(name("通道-1").is_empty());
    for other_script in ["é-channel", "chanél", "канал", "αβγ"] {
        assert_eq!(
            name(other_script),
            vec![("name".to_owned(), "pattern")],
            "{other_script}: letters are English letters"
        );
    }
    assert_eq!(name("1abc"), vec![("name".to_owned(), "pattern")]);
    assert_eq!(name("_abc"), vec![("name".to_owned(), "pattern")]);
    assert_eq!(name("ab c"), vec![("name".to_owned(), "pattern")]);
    assert_eq!(name("abc!"), vec![("name".to_owned(), "pattern")]);

    let label = |n: &str, v: &str| {
        violations(
            VPC,
            &vpc(
                json!({ "type": 3, "member_groups": [{ "member_group_name": "grp", "microservice_labels": [{ "label_name": n, "label_value": v }] }] }),
            ),
        )
    };
    assert!(label("a", "9").is_empty());
    assert!(label("1.a_b-c", "x").is_empty());
    assert_eq!(
        label("a-", "b"),
        vec![(
            "member_groups[0].microservice_labels[0].label_name".to_owned(),
            "pattern"
        )],
        "must end with a letter or digit"
    );
    assert_eq!(
        label("a", ".b"),
        vec![(
            "member_groups[0].microservice_labels[0].label_value".to_owned(),
            "pattern"
        )],
        "must start with a letter or digit"
    );
    assert_eq!(
        label("标签", "b"),
        vec![(
            "member_groups[0].microservice_labels[0].label_name".to_owned(),
            "pattern"
        )],
        "labels are ASCII"
    );
    assert_eq!(
        label("a", "é"),
        vec![(
            "member_groups[0].microservice_labels[0].label_value".to_owned(),
            "pattern"
        )],
        "labels are ASCII"
    );

    let namespace = |ns: &str| {
        violations(
            VPC,
            &vpc(
                json!({ "type": 3, "microservice_info": { "service_type": "CCE_SERVICE", "cce_service_info": { "cluster_id": "c", "namespace": ns, "service_name": "svc" } } }),
            ),
        )
    };
    assert!(namespace("my-ns-1").is_empty());
    for bad in ["My-ns", "1ns", "ns-", "ns_x", "é"] {
        assert_eq!(
            namespace(bad),
            vec![(
                "microservice_info.cce_service_info.namespace".to_owned(),
                "pattern"
            )],
            "{bad}"
        );
    }

    let label_key = |key: &str| {
        violations(
            VPC,
            &vpc(
                json!({ "type": 3, "microservice_info": { "service_type": "CCE", "cce_info": { "cluster_id": "c", "namespace": "n", "workload_type": "daemonset", "label_key": key, "label_value": "v" } } }),
            ),
        )
    };
    assert!(label_key("app.kubernetes.io/name:(x)_y-z").is_empty());
    assert!(label_key("9key").is_empty());
    assert!(
        label_key("应用（名称）：x").is_empty(),
        "Chinese characters and full-width parentheses and colon"
    );
    assert_eq!(
        label_key("ékey"),
        vec![("microservice_info.cce_info.label_key".to_owned(), "pattern")]
    );
    assert_eq!(
        label_key("-key"),
        vec![("microservice_info.cce_info.label_key".to_owned(), "pattern")]
    );
    assert_eq!(
        label_key("key*"),
        vec![("microservice_info.cce_info.label_key".to_owned(), "pattern")]
    );
}

#[test]
fn ecs_id_and_name_characters() {
    let member = |id: &str, name: &str| {
        violations(
            "apig/update_backend_instances",
            &json!({ "members": [{ "ecs_id": id, "ecs_name": name }] }),
        )
    };
    assert!(member("1082720c-3c15-409c-9ae3-4983ddfb6a9d", "APIGtest02").is_empty());
    assert_eq!(
        member("a.b", "n"),
        vec![("members[0].ecs_id".to_owned(), "pattern")],
        "ecs_id has no periods"
    );
    assert!(member("a_b", "n.x").is_empty(), "ecs_name allows periods");
    assert_eq!(
        member("a", "n/x"),
        vec![("members[0].ecs_name".to_owned(), "pattern")]
    );
    assert_eq!(
        member("中", "n"),
        vec![("members[0].ecs_id".to_owned(), "pattern")],
        "ecs_id letters are English letters"
    );
    assert_eq!(
        member("é中", "n"),
        vec![("members[0].ecs_id".to_owned(), "pattern")]
    );
    assert!(
        member("a", "服务器-1").is_empty(),
        "ecs_name allows Chinese characters"
    );
    assert_eq!(
        member("a", "é"),
        vec![("members[0].ecs_name".to_owned(), "pattern")]
    );
}

#[test]
fn lengths_count_characters_not_bytes() {
    let sixty_four = "通".repeat(64);
    assert!(
        violations(VPC, &vpc(json!({ "name": sixty_four }))).is_empty(),
        "64 three-byte characters are 64 characters"
    );
    let found = violations(VPC, &vpc(json!({ "name": "通".repeat(65) })));
    assert_eq!(found, vec![("name".to_owned(), "length")]);
    let Err(BodyError::Invalid(errors)) = validate(VPC, &vpc(json!({ "name": "通".repeat(65) })))
    else {
        panic!()
    };
    assert_eq!(
        errors.violations()[0].rule,
        Rule::Length {
            min: Some(3),
            max: Some(64),
            actual: 65
        }
    );
}

#[test]
fn enumerations_reject_undocumented_values_in_requests() {
    let found = violations(
        VPC,
        &vpc(json!({ "balance_strategy": 5, "member_type": "vm", "type": 1 })),
    );
    assert_eq!(
        found,
        vec![
            ("balance_strategy".to_owned(), "enum"),
            ("member_type".to_owned(), "enum"),
            ("type".to_owned(), "enum")
        ]
    );
    let found = violations(
        VPC,
        &health(json!({ "protocol": "UDP", "method": "POST", "status": 3 })),
    );
    assert_eq!(
        found,
        vec![
            ("vpc_health_config.protocol".to_owned(), "enum"),
            ("vpc_health_config.method".to_owned(), "enum"),
            ("vpc_health_config.status".to_owned(), "enum"),
        ]
    );
}

#[test]
fn integer_enumerations_travel_as_json_integers() {
    let body: apig::VpcCreate =
        serde_json::from_value(vpc(json!({ "balance_strategy": 4, "type": 3 }))).expect("fits");
    assert_eq!(body.balance_strategy, apig::BalanceStrategy::UriHashing);
    let back = serde_json::to_value(&body).expect("serializes");
    assert_eq!(back["balance_strategy"], json!(4));
    assert_eq!(back["type"], json!(3));
    // A string where the page documents an integer does not fit the type.
    let error = api_gateway_models::from_json::<apig::VpcCreate>(
        br#"{"name":"abc","port":1,"balance_strategy":"1","member_type":"ip"}"#,
    )
    .expect_err("a string");
    assert_eq!(error.path, "balance_strategy");
}

#[test]
fn numbers_that_do_not_fit_are_json_errors_with_the_path() {
    for (weight, what) in [
        ("1e20", "a float"),
        ("10.5", "a fraction"),
        ("\"10\"", "a string"),
        ("99999999999999999999", "beyond 64 bits"),
        // A request type reads strictly, as parse_body does: the tables document no null.
        ("null", "null on a field that is an integer"),
    ] {
        let text = format!(
            r#"{{"name":"abc","port":1,"balance_strategy":1,"member_type":"ip","members":[{{"host":"h"}},{{"host":"h","weight":{weight}}}]}}"#
        );
        let error =
            api_gateway_models::from_json::<apig::VpcCreate>(text.as_bytes()).expect_err(what);
        assert_eq!(error.path, "members[1].weight", "{what}: {error}");
    }
    let error = api_gateway_models::from_json::<apig::VpcCreate>(
        br#"{"name":"abc","port":4294967296,"balance_strategy":1,"member_type":"ip"}"#,
    )
    .expect_err("beyond i32");
    assert_eq!(error.path, "port");
}

#[test]
fn missing_mandatory_field_names_its_path() {
    let error = api_gateway_models::from_json::<apig::VpcCreate>(br#"{"name":"abc","port":1,"balance_strategy":1,"member_type":"ip","vpc_health_config":{"protocol":"TCP","threshold_normal":1,"threshold_abnormal":1,"timeout":1}}"#)
        .expect_err("time_interval is mandatory");
    assert_eq!(error.path, "vpc_health_config.time_interval");
    assert!(error.message.contains("missing field"), "{error}");
}

#[test]
fn a_body_with_many_violations_reports_all_of_them() {
    let body = json!({
        "name": "x", "port": 70000, "balance_strategy": 0, "member_type": "ip", "type": 2, "dict_code": "ab",
        "member_groups": [
            { "member_group_name": "ok_group", "member_group_weight": 101, "member_group_remark": "r".repeat(256) },
            { "member_group_name": "g".repeat(65), "microservice_port": 80 }
        ],
        "members": [{ "weight": -1, "port": 65536, "status": 3, "ecs_id": "", "ecs_name": "e".repeat(65) }],
        "vpc_health_config": { "protocol": "HTTP", "threshold_normal": 0, "threshold_abnormal": 11, "time_interval": 301, "timeout": 31, "port": -1, "http_code": "600" }
    });
    let found = violations(VPC, &body);
    let expected = [
        ("name", "length"),
        ("port", "range"),
        ("balance_strategy", "enum"),
        ("dict_code", "length"),
        ("member_groups[0].member_group_weight", "range"),
        ("member_groups[0].member_group_remark", "length"),
        ("member_groups[1].member_group_name", "length"),
        ("members[0].weight", "range"),
        ("members[0].port", "range"),
        ("members[0].status", "enum"),
        ("members[0].ecs_id", "length"),
        ("members[0].ecs_name", "length"),
        ("members[0].host", "required_if"),
        ("vpc_health_config.port", "range"),
        ("vpc_health_config.threshold_normal", "range"),
        ("vpc_health_config.threshold_abnormal", "range"),
        ("vpc_health_config.time_interval", "range"),
        ("vpc_health_config.http_code", "format"),
        ("vpc_health_config.timeout", "range"),
        ("vpc_health_config.path", "required_if"),
    ];
    for (path, code) in expected {
        assert!(
            has(&found, path, code),
            "missing {path} ({code}) in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn defaults_are_available_but_not_injected() {
    assert_eq!(
        apig::VpcCreate::DEFAULT_BALANCE_STRATEGY,
        apig::BalanceStrategy::WeightedRoundRobin
    );
    assert_eq!(apig::VpcCreate::DEFAULT_MEMBER_TYPE, apig::MemberType::Ecs);
    assert_eq!(apig::VpcCreate::DEFAULT_TYPE, apig::VpcChannelType::Server);
    assert_eq!(
        apig::VpcHealthConfig::DEFAULT_METHOD,
        apig::HealthCheckMethod::Get
    );
    const { assert!(!apig::MemberInfo::DEFAULT_IS_BACKUP) };
    let body: apig::VpcCreate = serde_json::from_value(vpc(json!({}))).expect("fits");
    assert_eq!(body.type_or_default(), apig::VpcChannelType::Server);
    let back = serde_json::to_value(&body).expect("serializes");
    assert!(
        back.get("type").is_none(),
        "a default is never written on the wire: {back}"
    );
}

#[test]
fn request_path_is_built_with_percent_encoding() {
    let body: apig::VpcCreate = serde_json::from_value(vpc(json!({}))).expect("fits");
    let request = apig::update_vpc_channel::Request::new("p 1", "inst/2", "vpc?3", "token", body);
    assert_eq!(
        request.path(),
        "/v2/p%201/apigw/instances/inst%2F2/vpc-channels/vpc%3F3"
    );
    assert_eq!(request.headers(), [("X-Auth-Token", "token")]);
    assert_eq!(apig::update_vpc_channel::METHOD, "PUT");
    assert!(request.validate().is_ok());
    let mut empty = request;
    empty.project_id.clear();
    let errors = empty.validate().expect_err("empty path parameter");
    assert_eq!(errors.violations()[0].path, "project_id");
    let roma = roma_path();
    assert_eq!(roma, "/v2/p/apic/instances/i/vpc-channels/v/members");
}

fn roma_path() -> String {
    let body: api_gateway_models::roma::MembersBatchCreate =
        serde_json::from_value(json!({ "members": [] })).expect("fits");
    api_gateway_models::roma::add_backend_instances::Request::new("p", "i", "v", "t", body).path()
}

#[test]
fn validate_is_callable_on_typed_values() {
    let mut body: apig::VpcCreate = serde_json::from_value(vpc(json!({}))).expect("fits");
    assert!(body.validate().is_ok());
    body.port = 0;
    let errors = Validate::validate(&body).expect_err("port 0");
    assert_eq!(errors.violations()[0].path, "port");
}
