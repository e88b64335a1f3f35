//! The interpreter (`codegen/src/interpret/`, which checks a page's example requests at import,
//! before there is generated code) and the generated `check_body` must find the same violations in
//! every body: the pages' examples, every boundary case walked from the spec, and thousands of
//! seeded random mutations, among them the kinds that break the body's shape (`null`, an array for
//! an object, floats and integers beyond 32 bits where integers belong, misspelled fields). The
//! same paths, codes, messages, in the same order; where the generated crate refuses the JSON (a
//! `JsonError` at a path, where it stops reading), the interpreter reports a `type` violation at
//! that path, and no `type` violation otherwise.

use api_gateway_models::BodyError;
use codegen::internal::interpret::{Interpreter, Violation};
use model_tests::{boundary_cases, leaves, mutate, root, validate, Rng, Spec};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A violation as both sides can show it: path, code, message.
type Shown = (String, &'static str, String);

fn generated(operation: &str, body: &Value) -> Result<Vec<Shown>, String> {
    match validate(operation, body) {
        Ok(()) => Ok(Vec::new()),
        Err(BodyError::Invalid(errors)) => Ok(errors
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.code(), v.rule.to_string()))
            .collect()),
        Err(BodyError::Json(error)) => Err(error.path),
    }
}

/// `members[1].weight` -> `members[1]`, `members[1]` -> `members`.
fn parent(path: &str) -> &str {
    path.rfind(['.', '[']).map_or("", |cut| &path[..cut])
}

fn shown(violations: &[Violation]) -> Vec<Shown> {
    violations
        .iter()
        .map(|v| (v.path.clone(), v.rule.code(), v.rule.to_string()))
        .collect()
}

#[derive(Default)]
struct Tally {
    valid: usize,
    invalid: usize,
    misfit: usize,
    /// How many violations of each code both sides found.
    codes: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

fn compare(
    interpreter: &Interpreter<'_>,
    op: &codegen::internal::ir::Operation,
    body: &Value,
    tally: &mut Tally,
) {
    let ours = interpreter
        .check_body(op, body)
        .expect("every operation here has a body");
    let operation = &op.qualified_name;
    match generated(operation, body) {
        Ok(theirs) => {
            if theirs.is_empty() {
                tally.valid += 1;
            } else {
                tally.invalid += 1;
            }
            let ours = shown(&ours);
            for (_, code, _) in &theirs {
                *tally.codes.entry(code).or_default() += 1;
            }
            if ours != theirs {
                tally.failures.push(format!(
                    "{operation}: interpreter {ours:#?}\nvs generated {theirs:#?}\non {body}"
                ));
            }
        }
        Err(path) => {
            tally.misfit += 1;
            // The generated crate names the object holding a `null` when the null is the object's last
            // member (serde_json reports the error past it); the interpreter names the field.
            let names = |v: &Violation| v.path == path || parent(&v.path) == path;
            if !ours.iter().any(|v| v.rule.code() == "type" && names(v)) {
                tally.failures.push(format!("{operation}: the generated crate refuses the JSON at {path:?}; the interpreter reports {:#?}\non {body}", shown(&ours)));
            }
        }
    }
}

/// A mutation that breaks the body's shape or spelling: a value of another JSON type, an integer beyond
/// 32 or 64 bits, `-0`, a misspelled or undocumented field, an array item repeated, another case.
fn break_shape(body: &mut Value, rng: &mut Rng) {
    let mut pointers = Vec::new();
    leaves(body, String::new(), &mut pointers);
    let Some(pointer) = pointers.get(rng.below(pointers.len().max(1))).cloned() else {
        return;
    };
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer has a parent");
    let others = [
        json!(null),
        json!([]),
        json!({}),
        json!([1]),
        json!(1.5),
        json!(-0.0),
        json!(0.0),
        json!(3_000_000_000_i64),
        json!(u64::MAX),
        json!(true),
        json!("12"),
        json!({"x": 1}),
        json!(-1),
    ];
    let Some(Value::Object(object)) = body.pointer_mut(parent) else {
        return;
    };
    match rng.below(5) {
        0 | 1 => {
            object.insert(key.to_owned(), others[rng.below(others.len())].clone());
        }
        2 => {
            // A misspelling of the key (one character dropped), or a field no table has.
            let value = object.remove(key).unwrap_or(Value::Null);
            let misspelled = if key.len() > 3 && rng.below(2) == 0 {
                format!("{}{}", &key[..key.len() / 2], &key[key.len() / 2 + 1..])
            } else {
                "not_on_the_page".to_owned()
            };
            object.insert(misspelled, value);
        }
        3 => match object.get_mut(key) {
            Some(Value::Array(items)) if !items.is_empty() => {
                let item = items[0].clone();
                items.extend(std::iter::repeat_n(item, 1 + rng.below(3)));
            }
            Some(Value::String(s)) => {
                *s = if rng.below(2) == 0 {
                    s.to_lowercase()
                } else {
                    s.to_uppercase()
                }
            }
            _ => {}
        },
        _ => {
            object.remove(key);
        }
    }
}

#[test]
fn the_interpreter_agrees_with_the_generated_check_body() {
    let model = codegen::internal::model(&codegen::internal::repository_config(&root()))
        .unwrap_or_else(|e| panic!("{e}"));
    let spec = Spec::load();
    let mut tally = Tally::default();
    let mut rng = Rng(0x1_2345_6789_abcd);
    let with_examples = spec
        .operations
        .iter()
        .filter(|op| op.body.is_some() && !op.example_requests().is_empty())
        .count();
    // About 10,000 mutations in all, at least 200 an operation.
    let rounds = (10_000 / with_examples.max(1)).max(200);
    for service in &model.services {
        let interpreter = Interpreter::new(service);
        for op in service.operations.iter().filter(|op| op.body.is_some()) {
            let from_spec = spec
                .operations
                .iter()
                .find(|o| o.qualified() == op.qualified_name)
                .expect("the spec's operation");
            let examples = from_spec.example_requests();
            for (_, body) in &examples {
                compare(&interpreter, op, body, &mut tally);
            }
            for (body, _) in boundary_cases(&spec, from_spec) {
                compare(&interpreter, op, &body, &mut tally);
            }
            for round in 0..if examples.is_empty() { 0 } else { rounds } {
                let mut body = examples[rng.below(examples.len())].1.clone();
                for _ in 0..=rng.below(3) {
                    if round % 2 == 0 {
                        mutate(&mut body, &mut rng);
                    } else {
                        break_shape(&mut body, &mut rng);
                    }
                }
                compare(&interpreter, op, &body, &mut tally);
            }
        }
    }
    let compared = tally.valid + tally.invalid + tally.misfit;
    assert!(
        tally.failures.is_empty(),
        "{} disagreements in {compared} bodies:\n{}",
        tally.failures.len(),
        tally
            .failures
            .iter()
            .take(6)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    // Each verdict is well represented, so that agreement is not agreement on one kind of body.
    assert!(
        compared > 10_000 && tally.valid > 1_000 && tally.invalid > 3_000 && tally.misfit > 1_000,
        "valid {}, invalid {}, refused {}",
        tally.valid,
        tally.invalid,
        tally.misfit
    );
    eprintln!("{compared} bodies: {} valid, {} invalid, {} refused as JSON that does not fit; violations by code: {:?}", tally.valid, tally.invalid, tally.misfit, tally.codes);
}
