//! Every documented limit, walked from the spec rather than listed by hand: for each field of each object
//! a request body can reach, the values just inside its range, length and character rule must pass that
//! rule, and the values just outside must be reported at the field's path with the rule's code.

use model_tests::{violations, Spec};
use serde_json::{json, Map, Value};

/// A value that satisfies a field's own constraints (used to build objects the example lacks).
fn minimal(spec: &Spec, service: &str, field: &Value) -> Value {
    let ty = field["type"].as_str().unwrap_or_default();
    match ty {
        "string" => Value::String("a".repeat(field["min_length"].as_u64().unwrap_or(1).max(1) as usize)),
        "integer" | "long" => json!(field["minimum"].as_i64().unwrap_or(1)),
        "boolean" => json!(false),
        "array" => json!([]),
        name => {
            if let Some(e) = spec.enumeration(service, name) {
                return e["values"][0]["value"].clone();
            }
            let object = spec.object(service, name).expect("known type");
            let mut out = Map::new();
            for f in object["fields"].as_array().expect("fields") {
                if f["required"].as_bool().unwrap_or(false) {
                    out.insert(f["name"].as_str().expect("name").to_owned(), minimal(spec, service, f));
                }
            }
            Value::Object(out)
        }
    }
}

/// One case: put `value` at the field, expect (or not) a violation `code` at `path`.
struct Case {
    path: String,
    code: &'static str,
    value: Value,
    rejected: bool,
}

fn cases_for(spec: &Spec, service: &str, field: &Value, path: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case = |code, value: Value, rejected| cases.push(Case { path: path.to_owned(), code, value, rejected });
    let ty = field["type"].as_str().unwrap_or_default();
    let bits = if ty == "integer" { (i64::from(i32::MIN), i64::from(i32::MAX)) } else { (i64::MIN, i64::MAX) };
    if let Some(min) = field["minimum"].as_i64() {
        case("range", json!(min), false);
        if min > bits.0 {
            case("range", json!(min - 1), true);
        }
    }
    if let Some(max) = field["maximum"].as_i64() {
        case("range", json!(max), false);
        if max < bits.1 {
            case("range", json!(max + 1), true);
        }
    }
    // 'a' satisfies every documented character rule, so length cases test length alone.
    if let Some(min) = field["min_length"].as_u64() {
        case("length", json!("a".repeat(min as usize)), false);
        if min > 0 {
            case("length", json!("a".repeat(min as usize - 1)), true);
        }
    }
    if let Some(max) = field["max_length"].as_u64() {
        case("length", json!("a".repeat(max as usize)), false);
        case("length", json!("a".repeat(max as usize + 1)), true);
    }
    if let Some(chars) = field.get("chars") {
        let len = field["min_length"].as_u64().unwrap_or(1).max(3) as usize;
        let classes = |key: &str| -> Vec<String> { chars[key].as_array().map(|a| a.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect()).unwrap_or_default() };
        let fits = |c: char, classes: &[String]| {
            classes.is_empty()
                || classes.iter().any(|class| match class.as_str() {
                    "letter" => c.is_alphabetic(),
                    "ascii_letter" => c.is_ascii_alphabetic(),
                    "ascii_lower" => c.is_ascii_lowercase(),
                    "digit" => c.is_ascii_digit(),
                    literal => literal.contains(c),
                })
        };
        let (first, allowed, last) = (classes("first"), classes("allowed"), classes("last"));
        for c in ['1', '-', '_', '.', 'A', 'é', '/', ':', '(', ' ', '!', '*', '中'] {
            let middle = format!("a{c}{}", "a".repeat(len - 2));
            case("pattern", json!(middle), !fits(c, &allowed));
            if fits(c, &allowed) {
                case("pattern", json!(format!("{c}{}", "a".repeat(len - 1))), !fits(c, &first));
                case("pattern", json!(format!("{}{c}", "a".repeat(len - 1))), !fits(c, &last));
            }
        }
    }
    if let Some(e) = spec.enumeration(service, ty) {
        for value in e["values"].as_array().expect("values") {
            case("enum", value["value"].clone(), false);
        }
        let undocumented = if e["type"] == "string" { json!("NOT_ON_THE_PAGE") } else { json!(987_654) };
        case("enum", undocumented, true);
    }
    cases
}

/// Walks the object `name` placed at `pointer` in `base`, collecting cases for each field and recursing
/// into nested objects and the first element of arrays of objects.
/// Where an object sits: its JSON pointer in the body, its path as violations show it, and its depth.
struct At<'a> {
    pointer: &'a str,
    path: &'a str,
    depth: usize,
}

fn walk(spec: &Spec, service: &str, name: &str, base: &mut Value, at: At<'_>, out: &mut Vec<(String, Case)>) {
    let At { pointer, path, depth } = at;
    let object = spec.object(service, name).expect("known object").clone();
    for field in object["fields"].as_array().expect("fields") {
        let wire = field["name"].as_str().expect("name");
        let field_pointer = format!("{pointer}/{wire}");
        let field_path = if path.is_empty() { wire.to_owned() } else { format!("{path}.{wire}") };
        let ty = field["type"].as_str().unwrap_or_default();
        let items = field["items"].as_str().unwrap_or_default();
        if spec.object(service, ty).is_some() && depth < 6 {
            if base.pointer(&field_pointer).is_none_or(Value::is_null) {
                base.pointer_mut(pointer).expect("parent exists")[wire] = minimal(spec, service, field);
            }
            walk(spec, service, ty, base, At { pointer: &field_pointer, path: &field_path, depth: depth + 1 }, out);
        } else if ty == "array" && spec.object(service, items).is_some() && depth < 6 {
            let element = minimal(spec, service, &json!({ "type": items }));
            let slot = &mut base.pointer_mut(pointer).expect("parent exists")[wire];
            if slot.as_array().is_none_or(Vec::is_empty) {
                *slot = json!([element]);
            }
            walk(spec, service, items, base, At { pointer: &format!("{field_pointer}/0"), path: &format!("{field_path}[0]"), depth: depth + 1 }, out);
        } else {
            for case in cases_for(spec, service, field, &field_path) {
                out.push((format!("{pointer}\u{0}{wire}"), case));
            }
        }
    }
}

#[test]
fn every_documented_limit_holds_both_ways() {
    let spec = Spec::load();
    let mut checked = 0;
    let mut failures = Vec::new();
    for op in &spec.operations {
        let Some(body_type) = &op.body else { continue };
        let (_, mut base) = op.example_requests().into_iter().next().expect("each page has an example request");
        let mut cases = Vec::new();
        walk(&spec, &op.service, body_type, &mut base, At { pointer: "", path: "", depth: 0 }, &mut cases);
        for (slot, case) in cases {
            let (parent, wire) = slot.split_once('\u{0}').expect("parent and field");
            let mut body = base.clone();
            body.pointer_mut(parent).expect("built by walk")[wire] = case.value.clone();
            let found = violations(&op.qualified(), &body);
            let reported = found.iter().any(|(p, c)| *p == case.path && *c == case.code);
            if reported != case.rejected {
                failures.push(format!("{}: {} = {} should be {} ({}), got {found:?}", op.qualified(), case.path, case.value, if case.rejected { "rejected" } else { "accepted" }, case.code));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} of {checked} boundary cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 500, "walked only {checked} cases");
}

#[test]
fn the_issue_examples_weight_both_ways() {
    let members = |weight: i64| json!({ "members": [{ "host": "h", "weight": weight }] });
    assert!(violations("apig/update_backend_instances", &members(10000)).is_empty());
    assert!(violations("apig/update_backend_instances", &members(0)).is_empty());
    assert_eq!(violations("apig/update_backend_instances", &members(10001)), vec![("members[0].weight".to_owned(), "range")]);
    assert_eq!(violations("apig/update_backend_instances", &members(-1)), vec![("members[0].weight".to_owned(), "range")]);
    assert_eq!(violations("roma/add_backend_instances", &members(10001)), vec![("members[0].weight".to_owned(), "range")]);
}
