//! Compares the spec a page makes with the checked-in one, the way an SDK team reads a vendor's
//! change: by object, field and enumeration value, not by JSON position. Each difference is one
//! line, `file: where: what: old -> new`, or `added ...` / `removed ...`.

use crate::spec::FIELD_KEYS;
use serde_json::{Map, Value};

/// Differences between a checked-in spec file (`old`) and the one the page makes (`new`).
pub fn spec_files(file: &str, old: &Value, new: &Value, out: &mut Vec<String>) {
    let mut d = Diff { file, out };
    let page = |v: &Value, key: &str| v.get("source").and_then(|s| s.get(key)).cloned();
    d.value(
        "source.page",
        page(old, "page").as_ref(),
        page(new, "page").as_ref(),
    );
    // A page that states no date says nothing about when it changed.
    if let Some(updated) = page(new, "updated") {
        d.value(
            "source.updated",
            page(old, "updated").as_ref(),
            Some(&updated),
        );
    }
    d.operation(
        old.get("operation").unwrap_or(&Value::Null),
        new.get("operation").unwrap_or(&Value::Null),
    );
    let empty = Map::new();
    let map = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_else(|| empty.clone())
    };
    d.objects(&map(old, "objects"), &map(new, "objects"), false);
    d.enums(&map(old, "enums"), &map(new, "enums"), false);
}

/// Differences between the entries a page contributes to `common.json` and the file's: only the
/// page's entries are compared (the file also holds other pages').
pub fn common_entries(
    file: &str,
    old: &Value,
    objects: &Map<String, Value>,
    enums: &Map<String, Value>,
    out: &mut Vec<String>,
) {
    let mut d = Diff { file, out };
    let empty = Map::new();
    let map = |key: &str| old.get(key).and_then(Value::as_object).unwrap_or(&empty);
    d.objects(map("objects"), objects, true);
    d.enums(map("enums"), enums, true);
}

struct Diff<'a> {
    file: &'a str,
    out: &'a mut Vec<String>,
}

/// A value as a person reads it: strings bare, anything else as compact JSON, absence as `(none)`.
fn show(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" / "),
        Some(other) => other.to_string(),
    }
}

fn name_of(v: &Value) -> String {
    show(v.get("name"))
}

impl Diff<'_> {
    fn push(&mut self, line: String) {
        self.out.push(format!("{}: {line}", self.file));
    }

    fn value(&mut self, place: &str, old: Option<&Value>, new: Option<&Value>) {
        if old != new {
            self.push(format!("{place}: {} -> {}", show(old), show(new)));
        }
    }

    fn operation(&mut self, old: &Value, new: &Value) {
        for key in ["name", "summary", "description", "method", "path", "body"] {
            self.value(&format!("operation.{key}"), old.get(key), new.get(key));
        }
        self.parameters(old, new);
        self.responses(&list(old, "responses"), &list(new, "responses"));
        self.examples(old, new);
    }

    /// Path and query parameters, headers and form fields, each list compared by name.
    fn parameters(&mut self, old: &Value, new: &Value) {
        for (prefix, key) in [
            ("path parameter", "path_params"),
            ("query parameter", "query_params"),
            ("header", "headers"),
            ("form field", "form_params"),
        ] {
            self.fields(prefix, &list(old, key), &list(new, key));
        }
    }

    /// Responses compared by status.
    fn responses(&mut self, old: &[Value], new: &[Value]) {
        let status = |v: &Value| v.get("status").cloned();
        for response in new {
            let place = format!("response {}", show(status(response).as_ref()));
            match old.iter().find(|o| status(o) == status(response)) {
                None => self.push(format!(
                    "{place}: added ({}, body {})",
                    show(response.get("description")),
                    show(response.get("body"))
                )),
                Some(before) => {
                    for key in ["description", "body"] {
                        self.value(
                            &format!("{place}.{key}"),
                            before.get(key),
                            response.get(key),
                        );
                    }
                }
            }
        }
        for response in old
            .iter()
            .filter(|o| !new.iter().any(|n| status(n) == status(o)))
        {
            self.push(format!(
                "response {}: removed",
                show(status(response).as_ref())
            ));
        }
    }

    /// Example requests and responses compared by position.
    fn examples(&mut self, old: &Value, new: &Value) {
        let examples =
            |v: &Value, key: &str| v.get("examples").map(|e| list(e, key)).unwrap_or_default();
        for key in ["requests", "responses"] {
            let (before, after) = (examples(old, key), examples(new, key));
            for i in 0..before.len().max(after.len()) {
                let place = format!("example {key}[{i}]");
                match (before.get(i), after.get(i)) {
                    (Some(b), Some(a)) if b != a => {
                        self.push(format!("{place} ({}): changed", show(a.get("title"))))
                    }
                    (None, Some(a)) => {
                        self.push(format!("{place}: added ({})", show(a.get("title"))))
                    }
                    (Some(b), None) => {
                        self.push(format!("{place}: removed ({})", show(b.get("title"))))
                    }
                    _ => {}
                }
            }
        }
    }

    /// Fields compared by name, each key of a field on its own line.
    fn fields(&mut self, prefix: &str, old: &[Value], new: &[Value]) {
        for field in new {
            let place = format!("{prefix}.{}", name_of(field));
            match old.iter().find(|o| o.get("name") == field.get("name")) {
                None => {
                    let required = if field.get("required") == Some(&Value::Bool(true)) {
                        ", required"
                    } else {
                        ""
                    };
                    self.push(format!(
                        "{place}: added field ({}{required})",
                        show(field.get("type"))
                    ));
                }
                Some(before) => {
                    let mut keys: Vec<&str> = FIELD_KEYS.to_vec();
                    for key in field
                        .as_object()
                        .into_iter()
                        .chain(before.as_object())
                        .flat_map(|m| m.keys())
                    {
                        if key != "name" && !keys.contains(&key.as_str()) {
                            keys.push(key);
                        }
                    }
                    for key in keys {
                        self.value(&format!("{place}: {key}"), before.get(key), field.get(key));
                    }
                }
            }
        }
        for field in old
            .iter()
            .filter(|o| !new.iter().any(|n| n.get("name") == o.get("name")))
        {
            self.push(format!(
                "{prefix}.{}: removed field ({})",
                name_of(field),
                show(field.get("type"))
            ));
        }
    }

    fn objects(&mut self, old: &Map<String, Value>, new: &Map<String, Value>, only_new: bool) {
        for (name, object) in new {
            let fields = |v: &Value| list(v, "fields");
            let Some(before) = old.get(name) else {
                self.push(format!(
                    "{name}: added object ({} fields)",
                    fields(object).len()
                ));
                continue;
            };
            self.value(
                &format!("{name}: description"),
                before.get("description"),
                object.get("description"),
            );
            self.fields(name, &fields(before), &fields(object));
            let rules = |v: &Value| list(v, "rules");
            let (before, after) = (rules(before), rules(object));
            let summary = |r: &Value| {
                format!(
                    "{} {} ({})",
                    show(r.get("kind")),
                    show(r.get("field").or(r.get("groups"))),
                    show(r.get("source"))
                )
            };
            for rule in after.iter().filter(|r| !before.contains(r)) {
                self.push(format!("{name}: added rule {}", summary(rule)));
            }
            for rule in before.iter().filter(|r| !after.contains(r)) {
                self.push(format!("{name}: removed rule {}", summary(rule)));
            }
        }
        if !only_new {
            for name in old.keys().filter(|n| !new.contains_key(*n)) {
                self.push(format!("{name}: removed object"));
            }
        }
    }

    fn enums(&mut self, old: &Map<String, Value>, new: &Map<String, Value>, only_new: bool) {
        for (name, e) in new {
            let values = |v: &Value| list(v, "values");
            let Some(before) = old.get(name) else {
                self.push(format!(
                    "{name}: added enumeration ({} values)",
                    values(e).len()
                ));
                continue;
            };
            for key in ["type", "description", "decision"] {
                self.value(&format!("{name}: {key}"), before.get(key), e.get(key));
            }
            let (before, after) = (values(before), values(e));
            let wire = |v: &Value| v.get("value").cloned();
            for value in &after {
                let place = format!("{name}.{}", show(wire(value).as_ref()));
                match before.iter().find(|b| wire(b) == wire(value)) {
                    None => {
                        let meaning = value
                            .get("meaning")
                            .map(|m| format!(" ({})", show(Some(m))))
                            .unwrap_or_default();
                        self.push(format!(
                            "{name}: added value {}{meaning}",
                            show(wire(value).as_ref())
                        ));
                    }
                    Some(b) => {
                        for key in ["name", "meaning", "aliases"] {
                            self.value(&format!("{place}: {key}"), b.get(key), value.get(key));
                        }
                    }
                }
            }
            for value in before
                .iter()
                .filter(|b| !after.iter().any(|a| wire(a) == wire(b)))
            {
                self.push(format!(
                    "{name}: removed value {}",
                    show(wire(value).as_ref())
                ));
            }
        }
        if !only_new {
            for name in old.keys().filter(|n| !new.contains_key(*n)) {
                self.push(format!("{name}: removed enumeration"));
            }
        }
    }
}

/// The array under `key`, or none.
fn list(value: &Value, key: &str) -> Vec<Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn field_changes_are_named_by_object_and_field() {
        let old = json!({"objects": {"A": {"fields": [{"name": "port", "type": "integer", "maximum": 65535}, {"name": "gone", "type": "string"}]}}});
        let new = json!({"objects": {"A": {"fields": [{"name": "port", "type": "long", "maximum": 70000}, {"name": "new", "type": "string", "required": true}]}}});
        let mut out = Vec::new();
        spec_files("svc/op.json", &old, &new, &mut out);
        assert_eq!(
            out,
            [
                "svc/op.json: A.port: type: integer -> long",
                "svc/op.json: A.port: maximum: 65535 -> 70000",
                "svc/op.json: A.new: added field (string, required)",
                "svc/op.json: A.gone: removed field (string)",
            ]
        );
    }
}
