//! One pass: `check_body` (what the CLI and `validate_request_body` run, building nothing) and
//! `parse_body` (building the owned model in the same pass) report exactly the same thing, order
//! included; and where the body also deserializes into the owned model, that is what `validate()` on it
//! reports (the undocumented fields, which a value cannot show, follow every other violation). Every
//! missing mandatory field is a violation, on both paths.

use api_gateway_models::support::{from_json_strict, Validate};
use api_gateway_models::{apig, roma, BodyError};
use model_tests::{boundary_cases, Spec};

type Outcome = Result<(), Vec<(String, String)>>;

fn outcome<T>(result: Result<T, BodyError>) -> Outcome {
    match result {
        Ok(_) => Ok(()),
        Err(BodyError::Invalid(errors)) => Err(errors
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.to_string()))
            .collect()),
        Err(BodyError::Json(error)) => Err(vec![(error.path, format!("json: {}", error.message))]),
    }
}

/// `validate()` on the owned model deserialized (strictly) from `input`: `None` where the body does not
/// deserialize (a mandatory field absent, JSON that does not fit).
fn owned<T: for<'de> serde::Deserialize<'de> + Validate>(input: &[u8]) -> Option<Outcome> {
    let value: T = from_json_strict(input).ok()?;
    Some(match value.validate() {
        Ok(()) => Ok(()),
        Err(errors) => Err(errors
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.to_string()))
            .collect()),
    })
}

/// The outcome without its undocumented fields, which `validate()` on a value cannot see; the one pass
/// reports them after every other violation, so they must be its last.
fn documented(outcome: &Outcome) -> Outcome {
    let Err(violations) = outcome else {
        return Ok(());
    };
    let unknown = violations
        .iter()
        .position(|(_, rule)| rule.starts_with("is not a documented field"))
        .unwrap_or(violations.len());
    assert!(
        violations[unknown..]
            .iter()
            .all(|(_, rule)| rule.starts_with("is not a documented field")),
        "undocumented fields come last: {violations:?}"
    );
    let rest = violations[..unknown].to_vec();
    if rest.is_empty() {
        Ok(())
    } else {
        Err(rest)
    }
}

/// The three outcomes for the seed services' operations (the mechanism is the same for every
/// operation; these have the rules of every kind): `parse_body`, `check_body`, and `validate()` on the
/// owned value where there is one.
fn outcomes(operation: &str, input: &[u8]) -> Option<(Outcome, Outcome, Option<Outcome>)> {
    macro_rules! three {
        ($op:path, $body:ty) => {{
            use $op as op;
            (
                outcome(op::parse_body(input)),
                outcome(op::check_body(input)),
                owned::<$body>(input),
            )
        }};
    }
    Some(match operation {
        "apig/update_vpc_channel" => three!(apig::update_vpc_channel, apig::VpcCreate),
        "apig/add_or_update_member_groups" => three!(
            apig::add_or_update_member_groups,
            apig::MemberGroupCreateBatch
        ),
        "apig/update_backend_instances" => {
            three!(apig::update_backend_instances, apig::MembersBatchUpdate)
        }
        "roma/add_backend_instances" => {
            three!(roma::add_backend_instances, roma::MembersBatchCreate)
        }
        _ => return None,
    })
}

#[test]
fn both_paths_report_exactly_what_validate_reports_on_the_owned_model() {
    let spec = Spec::load();
    let (mut compared, mut invalid, mut against_validate) = (0, 0, 0);
    for op in &spec.operations {
        let operation = op.qualified();
        if outcomes(&operation, b"{}").is_none() {
            continue;
        }
        let mut bodies: Vec<Vec<u8>> = op
            .example_requests()
            .into_iter()
            .map(|(_, body)| serde_json::to_vec(&body).expect("serializes"))
            .collect();
        bodies.extend(
            boundary_cases(&spec, op)
                .into_iter()
                .map(|(body, _)| serde_json::to_vec(&body).expect("serializes")),
        );
        bodies.extend(
            model_tests::mutations(op, 300)
                .into_iter()
                .map(|body| serde_json::to_vec(&body).expect("serializes")),
        );
        let example = serde_json::to_string(&op.example_requests()[0].1).expect("serializes");
        // The first key and the first string value spelled with escapes: the same body, read from
        // serde_json's buffer rather than borrowed.
        let first = example.chars().nth(2).expect("a first key");
        let escaped = format!("{{\"\\u{:04x}{}", u32::from(first), &example[3..]);
        bodies.push(escaped.replacen(":\"", ":\"\\u0020", 1).into_bytes());
        // Undocumented fields, JSON that does not fit, keys in reverse order, no JSON at all.
        bodies.push(
            example
                .replacen('{', r#"{"typo_field": [1, {"x": 2}], "#, 1)
                .into_bytes(),
        );
        bodies.push(br#"{"members": "not an array", "name": 5}"#.to_vec());
        bodies.push(reversed(&op.example_requests()[0].1).into_bytes());
        bodies.push(b"".to_vec());
        for body in bodies {
            let (parsed, checked, validated) =
                outcomes(&operation, &body).expect("a seed operation");
            let text = String::from_utf8_lossy(&body);
            assert_eq!(
                parsed, checked,
                "{operation}: parse_body and check_body differ on {text}"
            );
            if let Some(validated) = validated {
                assert_eq!(
                    documented(&parsed),
                    validated,
                    "{operation}: the one pass and validate() differ on {text}"
                );
                against_validate += 1;
            }
            invalid += usize::from(parsed.is_err());
            compared += 1;
        }
    }
    assert!(
        compared > 1500 && invalid > 800 && against_validate > 1000,
        "{compared} compared, {invalid} invalid, {against_validate} against validate()"
    );
}

/// The body with every object's keys in reverse order, so that fields come after the arrays whose
/// rules read them (`member_type` after `members`).
fn reversed(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), reversed(v)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        serde_json::Value::Array(items) => format!(
            "[{}]",
            items.iter().map(reversed).collect::<Vec<_>>().join(",")
        ),
        other => other.to_string(),
    }
}

#[test]
fn check_body_reports_every_missing_mandatory_field_as_a_violation() {
    let body = br#"{"port": 70000, "members": [{"host": "h"}], "vpc_health_config": {"protocol": "HTTP", "path": "/", "http_code": "200"}}"#;
    let Err(BodyError::Invalid(errors)) = apig::update_vpc_channel::check_body(body) else {
        panic!("invalid")
    };
    let found: Vec<(&str, &str)> = errors
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), v.rule.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("name", "required"),
            ("balance_strategy", "required"),
            ("member_type", "required"),
            ("port", "range"),
            ("vpc_health_config.threshold_normal", "required"),
            ("vpc_health_config.threshold_abnormal", "required"),
            ("vpc_health_config.time_interval", "required"),
            ("vpc_health_config.timeout", "required"),
            // member_type is absent, so its documented default (ecs) applies to the members.
            ("members[0].ecs_id", "required_if"),
            ("members[0].ecs_name", "required_if"),
        ]
    );
    // Building the owned model in the same pass reports the same, rather than stopping at the first.
    assert_eq!(
        apig::update_vpc_channel::parse_body(body),
        Err(BodyError::Invalid(errors))
    );
}
