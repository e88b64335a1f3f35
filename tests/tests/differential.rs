//! Differential test: the generated `validate()` and an independent validator (the `jsonschema` crate on
//! the JSON Schema our generator emits) must agree on every body: the pages' examples, every boundary case
//! walked from the spec, and thousands of seeded random mutations. Where they cannot agree by design (a
//! rule JSON Schema cannot express) the test names the rule and counts the cases.

use api_gateway_models::BodyError;
use model_tests::{boundary_cases, mutations, root, validate, Spec};
use serde_json::Value;
use std::collections::BTreeMap;

/// Rules JSON Schema cannot express: ours rejects, the schema accepts. Nothing else may differ.
const BY_DESIGN: &[(&str, &str)] = &[
    (
        "less_than",
        "JSON Schema cannot compare two fields (timeout < time_interval)",
    ),
    (
        "format",
        "a pattern cannot check that a range's start is not above its end (299-200)",
    ),
];

/// Our verdict: the (path, code) of every violation, or the path of the JSON error.
fn ours(operation: &str, body: &Value) -> Vec<(String, &'static str)> {
    match validate(operation, body) {
        Ok(()) => Vec::new(),
        Err(BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.code()))
            .collect(),
        Err(BodyError::Json(error)) => vec![(error.path, "json")],
    }
}

/// `/members/1/weight` -> `members[1].weight`.
fn from_pointer(pointer: &str) -> String {
    let mut out = String::new();
    for segment in pointer.split('/').skip(1) {
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment.replace("~1", "/").replace("~0", "~"));
        }
    }
    out
}

fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(cut) => &path[..cut],
        None => "",
    }
}

struct Tally {
    compared: usize,
    by_design: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn compare(validator: &jsonschema::Validator, operation: &str, body: &Value, tally: &mut Tally) {
    let ours = ours(operation, body);
    let theirs: Vec<String> = validator
        .iter_errors(body)
        .map(|e| from_pointer(e.instance_path().as_str()))
        .collect();
    tally.compared += 1;
    if ours.is_empty() != theirs.is_empty() {
        if theirs.is_empty()
            && ours
                .iter()
                .all(|(_, code)| BY_DESIGN.iter().any(|(rule, _)| rule == code))
        {
            for (_, code) in &ours {
                let rule = BY_DESIGN
                    .iter()
                    .find(|(rule, _)| rule == code)
                    .map(|(rule, _)| *rule)
                    .unwrap_or_default();
                *tally.by_design.entry(rule).or_default() += 1;
            }
            return;
        }
        tally.failures.push(format!(
            "{operation}: ours {ours:?} vs schema {theirs:?} on\n{body}"
        ));
        return;
    }
    for (path, code) in &ours {
        if BY_DESIGN.iter().any(|(rule, _)| rule == code) {
            continue;
        }
        if !theirs.iter().any(|t| t == path || t == parent(path)) {
            tally.failures.push(format!("{operation}: {path} ({code}) is not flagged by the schema, which flags {theirs:?}, on\n{body}"));
        }
    }
}

#[test]
fn validate_agrees_with_json_schema() {
    let spec = Spec::load();
    let mut tally = Tally {
        compared: 0,
        by_design: BTreeMap::new(),
        failures: Vec::new(),
    };
    let with_examples = spec
        .operations
        .iter()
        .filter(|op| op.body.is_some() && !op.example_requests().is_empty())
        .count();
    // About 6,000 mutations in all, at least 300 an operation.
    let rounds = (6_000 / with_examples.max(1)).max(300);
    for op in spec.operations.iter().filter(|op| op.body.is_some()) {
        let path = root().join(format!(
            "generated/schema/{}/{}.schema.json",
            op.service, op.name
        ));
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("schema is generated"))
                .expect("schema is JSON");
        let validator = jsonschema::validator_for(&schema).expect("the emitted schema compiles");
        let operation = op.qualified();
        for (_, body) in op.example_requests() {
            compare(&validator, &operation, &body, &mut tally);
        }
        for (body, _) in boundary_cases(&spec, op) {
            compare(&validator, &operation, &body, &mut tally);
        }
        for body in mutations(op, rounds) {
            // Only JSON that fits the types: the schema has no notion of Rust's integer widths or of a
            // missing mandatory field being a deserialization error rather than a violation.
            if matches!(validate(&operation, &body), Err(BodyError::Json(_))) {
                if validator.is_valid(&body) {
                    tally.failures.push(format!(
                        "{operation}: ours refuses the JSON, the schema accepts:\n{body}"
                    ));
                }
                tally.compared += 1;
                continue;
            }
            compare(&validator, &operation, &body, &mut tally);
        }
    }
    assert!(
        tally.failures.is_empty(),
        "{} disagreements in {} bodies:\n{}",
        tally.failures.len(),
        tally.compared,
        tally
            .failures
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert!(tally.compared > 6_000, "{}", tally.compared);
    eprintln!(
        "{} bodies compared; rejected by validate() only, by design: {:?}",
        tally.compared, tally.by_design
    );
}
