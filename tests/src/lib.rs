//! Helpers for the tests of the generated crate: the spec files read as plain JSON, so that tests can
//! walk every documented constraint and example instead of listing them by hand.

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_path_buf()
}

/// One documented operation.
#[derive(Debug, Clone)]
pub struct Operation {
    pub service: String,
    pub name: String,
    pub body: Option<String>,
    pub value: Value,
}

impl Operation {
    /// `service/name`, as the generated crate's dispatcher and CLI know it.
    pub fn qualified(&self) -> String {
        format!("{}/{}", self.service, self.name)
    }

    /// The page's example requests, as (title, body), but those marked `invalid` (the example breaks the
    /// page's tables, a person decided): the bodies tests expect to validate and build cases from.
    pub fn example_requests(&self) -> Vec<(String, Value)> {
        self.requests()
            .filter(|e| invalid(e).is_none())
            .map(|e| {
                (
                    e["title"].as_str().unwrap_or_default().to_owned(),
                    e["body"].clone(),
                )
            })
            .collect()
    }

    /// The example requests marked `invalid`, as (title, reason, body): each must be rejected.
    pub fn invalid_example_requests(&self) -> Vec<(String, String, Value)> {
        self.requests()
            .filter_map(|e| {
                Some((
                    e["title"].as_str().unwrap_or_default().to_owned(),
                    invalid(e)?,
                    e["body"].clone(),
                ))
            })
            .collect()
    }

    /// The page's example responses, as (status, body), but those marked `invalid`.
    pub fn example_responses(&self) -> Vec<(u16, Value)> {
        self.responses()
            .filter(|e| invalid(e).is_none())
            .map(|e| (status(e), e["body"].clone()))
            .collect()
    }

    /// The example responses marked `invalid`, as (status, reason, body): each must fail to parse.
    pub fn invalid_example_responses(&self) -> Vec<(u16, String, Value)> {
        self.responses()
            .filter_map(|e| Some((status(e), invalid(e)?, e["body"].clone())))
            .collect()
    }

    fn requests(&self) -> impl Iterator<Item = &Value> {
        self.value["examples"]["requests"]
            .as_array()
            .into_iter()
            .flatten()
    }

    fn responses(&self) -> impl Iterator<Item = &Value> {
        self.value["examples"]["responses"]
            .as_array()
            .into_iter()
            .flatten()
    }
}

/// Why an example is marked invalid, if it is (the spec format makes the reason a non-empty string).
fn invalid(example: &Value) -> Option<String> {
    example
        .get("invalid")
        .map(|reason| reason.as_str().unwrap_or_default().to_owned())
}

/// An example response's status.
fn status(example: &Value) -> u16 {
    example["status"]
        .as_u64()
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or_default()
}

/// Every spec file, read as JSON.
pub struct Spec {
    /// Objects and enums by service, then by name.
    pub objects: BTreeMap<String, Map<String, Value>>,
    pub enums: BTreeMap<String, Map<String, Value>>,
    pub operations: Vec<Operation>,
}

impl Spec {
    pub fn load() -> Spec {
        let mut spec = Spec {
            objects: BTreeMap::new(),
            enums: BTreeMap::new(),
            operations: Vec::new(),
        };
        let mut files: Vec<PathBuf> = Vec::new();
        let mut pending = vec![root().join("spec")];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).expect("spec/ is readable") {
                let path = entry.expect("spec/ is readable").path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "json")
                    && !path.ends_with("spec.schema.json")
                    && !path.to_string_lossy().ends_with(".overlay.json")
                {
                    files.push(path);
                }
            }
        }
        files.sort();
        for path in files {
            let file: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("spec file readable"))
                    .expect("spec file is JSON");
            let service = file["service"].as_str().expect("service").to_owned();
            for (key, target) in [("objects", &mut spec.objects), ("enums", &mut spec.enums)] {
                if let Some(entries) = file[key].as_object() {
                    target
                        .entry(service.clone())
                        .or_default()
                        .extend(entries.clone());
                }
            }
            if let Some(op) = file.get("operation") {
                spec.operations.push(Operation {
                    service: service.clone(),
                    name: op["name"].as_str().expect("operation name").to_owned(),
                    body: op["body"].as_str().map(str::to_owned),
                    value: op.clone(),
                });
            }
        }
        spec
    }

    /// The operation `operation` (`service/name`).
    pub fn operation(&self, operation: &str) -> &Operation {
        self.operations
            .iter()
            .find(|op| op.qualified() == operation)
            .unwrap_or_else(|| panic!("spec/ has {operation}"))
    }

    /// The page's example request body of `operation` (`service/name`) that `pick` chooses.
    pub fn example_request(&self, operation: &str, pick: impl Fn(&Value) -> bool) -> Value {
        let (_, body) = self
            .operation(operation)
            .example_requests()
            .into_iter()
            .find(|(_, body)| pick(body))
            .unwrap_or_else(|| panic!("{operation} has the example"));
        body
    }

    pub fn object(&self, service: &str, name: &str) -> Option<&Value> {
        self.objects.get(service)?.get(name)
    }

    pub fn enumeration(&self, service: &str, name: &str) -> Option<&Value> {
        self.enums.get(service)?.get(name)
    }
}

/// Validates `body` as the request body of `operation` (`service/name`) through the generated dispatcher,
/// holding its two paths to one answer: `check_body` (nothing built) and `parse_body` (the owned model
/// built in the same pass), so that every test body of every operation checks both.
pub fn validate(operation: &str, body: &Value) -> Result<(), api_gateway_models::BodyError> {
    let bytes = serde_json::to_vec(body).expect("a Value serializes");
    let checked =
        api_gateway_models::validate_request_body(operation, &bytes).expect("the operation exists");
    let parsed =
        api_gateway_models::parse_request_body(operation, &bytes).expect("the operation exists");
    assert_eq!(
        checked, parsed,
        "{operation}: check_body and parse_body answer differently on {body}"
    );
    checked
}

/// The violations as (path, rule code), empty when valid; panics on a JSON error, which a test that
/// builds bodies from the spec does not expect.
pub fn violations(operation: &str, body: &Value) -> Vec<(String, &'static str)> {
    match validate(operation, body) {
        Ok(()) => Vec::new(),
        Err(api_gateway_models::BodyError::Invalid(errors)) => errors
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule.code()))
            .collect(),
        Err(api_gateway_models::BodyError::Json(error)) => {
            panic!("{operation}: the body does not fit the type: {error}\n{body:#}")
        }
    }
}

/// A value that satisfies a field's own constraints (used to build objects the example lacks).
fn minimal(spec: &Spec, service: &str, field: &Value) -> Value {
    let ty = field["type"].as_str().unwrap_or_default();
    match ty {
        "string" => {
            Value::String("a".repeat(field["min_length"].as_u64().unwrap_or(1).max(1) as usize))
        }
        "integer" | "long" => json!(field["minimum"].as_i64().unwrap_or(1)),
        "boolean" => json!(false),
        "float" => json!(field["minimum"].as_f64().unwrap_or(1.0)),
        "array" => json!([]),
        // A free-form object or a map holds no key it must have; any value is any.
        "object" | "map" => json!({}),
        "any" => json!(1),
        name => {
            if let Some(e) = spec.enumeration(service, name) {
                return e["values"][0]["value"].clone();
            }
            let object = spec.object(service, name).expect("known type");
            let mut out = Map::new();
            for f in object["fields"].as_array().expect("fields") {
                if f["required"].as_bool().unwrap_or(false) {
                    out.insert(
                        f["name"].as_str().expect("name").to_owned(),
                        minimal(spec, service, f),
                    );
                }
            }
            Value::Object(out)
        }
    }
}

/// One case: put `value` at the field, expect (or not) a violation `code` at `path`.
pub struct Case {
    /// The field's path as violations show it.
    pub path: String,
    /// The rule the value is just inside or just outside of.
    pub code: &'static str,
    /// The value.
    pub value: Value,
    /// Whether `validate` must report it.
    pub rejected: bool,
}

/// Every key a spec field may have, by whether the walk below makes cases of it. `tests/boundaries.rs`
/// checks it against the format's own list (`codegen::internal::spec::FIELD_KEYS`), so a new key of the
/// spec format fails there until the walk knows whether it limits values.
pub const WALKED_FIELD_KEYS: &[&str] = &[
    // Limits, walked below.
    "minimum",
    "maximum",
    "min_length",
    "max_length",
    "chars",
    "type",
    // Limits walked by other tests: array sizes (no array here has them), formats (rules.rs), defaults.
    "min_items",
    "max_items",
    "format",
    "default",
    // Widens, not a limit: a documented null (the `nullany` case of codegen's snapshot tests).
    "nullable",
    // Not limits.
    "name",
    "items",
    "required",
    "description",
    "notes",
    "decision",
];

fn cases_for(spec: &Spec, service: &str, field: &Value, path: &str) -> Vec<Case> {
    for key in field.as_object().into_iter().flat_map(|o| o.keys()) {
        assert!(WALKED_FIELD_KEYS.contains(&key.as_str()), "{path}: the boundary walk does not know the field key `{key}`: add its cases, or list it as no limit");
    }
    let mut cases = Vec::new();
    let mut case = |code, value: Value, rejected| {
        cases.push(Case {
            path: path.to_owned(),
            code,
            value,
            rejected,
        })
    };
    let ty = field["type"].as_str().unwrap_or_default();
    let bits = if ty == "integer" {
        (i64::from(i32::MIN), i64::from(i32::MAX))
    } else {
        (i64::MIN, i64::MAX)
    };
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
    // The filler satisfies the field's character rule (a letter, else a digit...), so length cases test
    // length alone.
    let chars = field.get("chars");
    let classes = |key: &str| -> Vec<String> {
        chars
            .and_then(|c| c[key].as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let fits = |c: char, classes: &[String]| {
        classes.is_empty()
            || classes.iter().any(|class| match class.as_str() {
                "letter" => c.is_alphabetic(),
                "ascii_letter" => c.is_ascii_alphabetic(),
                "ascii_lower" => c.is_ascii_lowercase(),
                // Chinese characters: the CJK ideographs, written out again here so that the test does
                // not share the generator's table.
                "han" => matches!(c, '\u{3005}' | '\u{3007}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}' | '\u{30000}'..='\u{323AF}'),
                "digit" => c.is_ascii_digit(),
                literal => literal.contains(c),
            })
    };
    let (first, allowed, last) = (classes("first"), classes("allowed"), classes("last"));
    // Fillers the rule allows: at the start, inside and at the end of a value.
    let pick = |ok: &dyn Fn(char) -> bool| {
        ['a', '1', 'A', '_', '-', '/', '.']
            .into_iter()
            .find(|&c| ok(c))
            .unwrap_or('a')
    };
    let inner = pick(&|c| fits(c, &allowed));
    let head = pick(&|c| fits(c, &allowed) && fits(c, &first));
    let tail = pick(&|c| fits(c, &allowed) && fits(c, &last));
    let only = pick(&|c| fits(c, &allowed) && fits(c, &first) && fits(c, &last));
    let body = |n: usize| inner.to_string().repeat(n);
    let fill = |n: usize| match n {
        0 => String::new(),
        1 => only.to_string(),
        n => format!("{head}{}{tail}", body(n - 2)),
    };
    if let Some(min) = field["min_length"].as_u64() {
        case("length", json!(fill(min as usize)), false);
        if min > 0 {
            case("length", json!(fill(min as usize - 1)), true);
        }
    }
    if let Some(max) = field["max_length"].as_u64() {
        case("length", json!(fill(max as usize)), false);
        case("length", json!(fill(max as usize + 1)), true);
    }
    if chars.is_some() {
        let len = field["min_length"].as_u64().unwrap_or(1).max(3) as usize;
        for c in [
            '1', '-', '_', '.', 'A', 'é', '/', ':', '(', ' ', '!', '*', '中', '（', '：', 'α', '𠀀',
        ] {
            let middle = format!("{head}{c}{}{tail}", body(len - 3));
            case("pattern", json!(middle), !fits(c, &allowed));
            if fits(c, &allowed) {
                case(
                    "pattern",
                    json!(format!("{c}{}{tail}", body(len - 2))),
                    !fits(c, &first),
                );
                case(
                    "pattern",
                    json!(format!("{head}{}{c}", body(len - 2))),
                    !fits(c, &last),
                );
            }
        }
    }
    if let Some(e) = spec.enumeration(service, ty) {
        for value in e["values"].as_array().expect("values") {
            case("enum", value["value"].clone(), false);
        }
        let undocumented = if e["type"] == "string" {
            json!("NOT_ON_THE_PAGE")
        } else {
            json!(987_654)
        };
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

fn walk(
    spec: &Spec,
    service: &str,
    name: &str,
    base: &mut Value,
    at: At<'_>,
    out: &mut Vec<(String, Case)>,
) {
    let At {
        pointer,
        path,
        depth,
    } = at;
    // A free-form object, a map or an array body has no table of its own to walk.
    let Some(object) = spec.object(service, name).cloned() else {
        return;
    };
    for field in object["fields"].as_array().expect("fields") {
        let wire = field["name"].as_str().expect("name");
        let field_pointer = format!("{pointer}/{wire}");
        let field_path = if path.is_empty() {
            wire.to_owned()
        } else {
            format!("{path}.{wire}")
        };
        let ty = field["type"].as_str().unwrap_or_default();
        let items = field["items"].as_str().unwrap_or_default();
        if spec.object(service, ty).is_some() && depth < 6 {
            if base.pointer(&field_pointer).is_none_or(Value::is_null) {
                base.pointer_mut(pointer).expect("parent exists")[wire] =
                    minimal(spec, service, field);
            }
            walk(
                spec,
                service,
                ty,
                base,
                At {
                    pointer: &field_pointer,
                    path: &field_path,
                    depth: depth + 1,
                },
                out,
            );
        } else if ty == "array" && spec.object(service, items).is_some() && depth < 6 {
            let element = minimal(spec, service, &json!({ "type": items }));
            let slot = &mut base.pointer_mut(pointer).expect("parent exists")[wire];
            if slot.as_array().is_none_or(Vec::is_empty) {
                *slot = json!([element]);
            }
            walk(
                spec,
                service,
                items,
                base,
                At {
                    pointer: &format!("{field_pointer}/0"),
                    path: &format!("{field_path}[0]"),
                    depth: depth + 1,
                },
                out,
            );
        } else {
            for case in cases_for(spec, service, field, &field_path) {
                out.push((format!("{pointer}\u{0}{wire}"), case));
            }
        }
    }
}

/// Every boundary case of an operation's body: the body (the page's first example that validates, else
/// one of its mandatory fields, with the case's value put in place, objects it lacks built from their mandatory
/// fields) and the case.
pub fn boundary_cases(spec: &Spec, op: &Operation) -> Vec<(Value, Case)> {
    let Some(body_type) = &op.body else {
        return Vec::new();
    };
    let valid = |body: &Value| validate(&op.qualified(), body).is_ok();
    let mut base = op
        .example_requests()
        .into_iter()
        .map(|(_, body)| body)
        .find(valid)
        .unwrap_or_else(|| minimal(spec, &op.service, &json!({ "type": body_type })));
    let mut cases = Vec::new();
    walk(
        spec,
        &op.service,
        body_type,
        &mut base,
        At {
            pointer: "",
            path: "",
            depth: 0,
        },
        &mut cases,
    );
    cases
        .into_iter()
        .map(|(slot, case)| {
            let (parent, wire) = slot.split_once('\u{0}').expect("parent and field");
            let mut body = base.clone();
            body.pointer_mut(parent).expect("built by walk")[wire] = case.value.clone();
            (body, case)
        })
        .collect()
}

/// A small deterministic generator (xorshift), so a failure replays exactly.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The JSON pointer of every member of every object in `value`, depth first, in the body's order.
pub fn leaves(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                out.push(format!("{pointer}/{key}"));
                leaves(child, format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                leaves(child, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `count` bodies made from the operation's example requests by one to three random mutations each,
/// seeded by the operation's name so that every run (and every test) sees the same bodies; none when the
/// operation has no example request.
pub fn mutations(op: &Operation, count: usize) -> Vec<Value> {
    let examples = op.example_requests();
    if examples.is_empty() {
        return Vec::new();
    }
    let seed = op
        .qualified()
        .bytes()
        .fold(0x9E37_79B9_7F4A_7C15_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
        });
    let mut rng = Rng(seed | 1);
    (0..count)
        .map(|_| {
            let mut body = examples[rng.below(examples.len())].1.clone();
            for _ in 0..=rng.below(3) {
                mutate(&mut body, &mut rng);
            }
            body
        })
        .collect()
}

/// One random mutation across a rule's boundary: a number near or past a limit, a string of odd length
/// or characters, another enumeration spelling, a removed field.
pub fn mutate(body: &mut Value, rng: &mut Rng) {
    let mut pointers = Vec::new();
    leaves(body, String::new(), &mut pointers);
    let Some(pointer) = pointers.get(rng.below(pointers.len().max(1))).cloned() else {
        return;
    };
    let (parent_pointer, key) = pointer.rsplit_once('/').expect("a pointer has a parent");
    let numbers = [
        -1, 0, 1, 2, 9, 10, 11, 29, 30, 31, 99, 100, 101, 255, 299, 300, 301, 599, 600, 10_000,
        10_001, 65_535, 65_536,
    ];
    let strings = [
        "",
        "a",
        "ab",
        "abc",
        "1abc",
        "-abc",
        "abc-",
        "ab c",
        "é",
        "名称",
        "HTTP",
        "http",
        "TCP",
        "tcp",
        "HTTPS",
        "CSE",
        "CCE",
        "CCE_SERVICE",
        "ip",
        "ecs",
        "GET",
        "HEAD",
        "deployment",
        "200",
        "200-299",
        "299-200",
        "99",
        "600",
        "200,",
        "a/b:c(d)",
    ];
    let current = body.pointer(&pointer).cloned().unwrap_or(Value::Null);
    let replacement = match (rng.below(6), &current) {
        (0, _) => None,
        (1 | 2, Value::Number(_)) => Some(json!(numbers[rng.below(numbers.len())])),
        (1 | 2, Value::String(_)) => Some(json!(strings[rng.below(strings.len())])),
        (3, Value::String(_)) => Some(json!("x".repeat(rng.below(300)))),
        (4, Value::Number(_)) => Some(json!(numbers[rng.below(numbers.len())] + 1)),
        _ => Some(if rng.below(2) == 0 {
            json!(strings[rng.below(strings.len())])
        } else {
            json!(numbers[rng.below(numbers.len())])
        }),
    };
    // A body that is no object (an array body's root) has no parent to mutate in.
    let Some(parent) = body.pointer_mut(if parent_pointer.is_empty() {
        ""
    } else {
        parent_pointer
    }) else {
        return;
    };
    match (parent, replacement) {
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Object(map), Some(value)) => {
            map.insert(key.to_owned(), value);
        }
        (Value::Array(items), Some(value)) => {
            if let Ok(i) = key.parse::<usize>() {
                items[i] = value;
            }
        }
        _ => {}
    }
}
