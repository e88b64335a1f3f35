//! Every documented limit, walked from the spec rather than listed by hand: for each field of each object
//! a request body can reach, the values just inside its range, length and character rule must pass that
//! rule, and the values just outside must be reported at the field's path with the rule's code.

use model_tests::{boundary_cases, violations, Spec, WALKED_FIELD_KEYS};
use serde_json::json;

#[test]
fn every_documented_limit_holds_both_ways() {
    let spec = Spec::load();
    let mut checked = 0;
    let mut failures = Vec::new();
    for op in &spec.operations {
        for (body, case) in boundary_cases(&spec, op) {
            let found = violations(&op.qualified(), &body);
            let reported = found
                .iter()
                .any(|(p, c)| *p == case.path && *c == case.code);
            if reported != case.rejected {
                failures.push(format!(
                    "{}: {} = {} should be {} ({}), got {found:?}",
                    op.qualified(),
                    case.path,
                    case.value,
                    if case.rejected {
                        "rejected"
                    } else {
                        "accepted"
                    },
                    case.code
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} boundary cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 500, "walked only {checked} cases");
}

#[test]
fn the_issue_examples_weight_both_ways() {
    let members = |weight: i64| json!({ "members": [{ "host": "h", "weight": weight }] });
    assert!(violations("apig/update_backend_instances", &members(10000)).is_empty());
    assert!(violations("apig/update_backend_instances", &members(0)).is_empty());
    assert_eq!(
        violations("apig/update_backend_instances", &members(10001)),
        vec![("members[0].weight".to_owned(), "range")]
    );
    assert_eq!(
        violations("apig/update_backend_instances", &members(-1)),
        vec![("members[0].weight".to_owned(), "range")]
    );
    assert_eq!(
        violations("roma/add_backend_instances", &members(10001)),
        vec![("members[0].weight".to_owned(), "range")]
    );
}

#[test]
fn the_walk_knows_every_field_key_of_the_spec_format() {
    for key in codegen::internal::spec::FIELD_KEYS.iter().chain(&["name"]) {
        assert!(WALKED_FIELD_KEYS.contains(key), "the boundary walk does not know the field key `{key}`: add its cases to tests/src/lib.rs, or list it as no limit");
    }
}
