//! Compares the spec a page makes with the checked-in one, the way an SDK team reads a vendor's
//! change: by object, field and enumeration value, not by JSON position. Each difference is one
//! line, `file: where: what: old -> new`, or `added ...` / `removed ...`.

use crate::spec::{
    Body, Document, Entries, Enum, EnumValue, Field, OrderedField, PlainObject, PlainOperation,
    RequestExample, Response, ResponseExample, Rule,
};
use serde::Serialize;
use serde_json::Value;

/// Differences between a checked-in spec file (`old`) and the one the page makes (`new`).
pub fn spec_files(file: &str, old: &Document, new: &Document, out: &mut Vec<String>) {
    let mut d = Diff { file, out };
    let (old_source, new_source) = (old.source.as_ref(), new.source.as_ref());
    d.value(
        "source.page",
        old_source.map(|s| &s.page),
        new_source.map(|s| &s.page),
    );
    // A page that states no date says nothing about when it changed.
    if let Some(updated) = new_source.and_then(|s| s.updated.as_ref()) {
        let before = old_source.and_then(|s| s.updated.as_ref());
        d.value("source.updated", before, Some(updated));
    }
    d.operation(old.operation.as_ref(), new.operation.as_ref());
    d.objects(&old.objects, &new.objects, false);
    d.enums(&old.enums, &new.enums, false);
}

/// Differences between the entries a page contributes to `common.json` and the file's (`None`
/// where there is none yet): only the page's entries are compared (the file also holds other
/// pages').
pub fn common_entries(
    file: &str,
    old: Option<&Document>,
    objects: &Entries<PlainObject>,
    enums: &Entries<Enum>,
    out: &mut Vec<String>,
) {
    let mut d = Diff { file, out };
    let empty = (Entries::new(), Entries::new());
    let (old_objects, old_enums) = old.map_or((&empty.0, &empty.1), |o| (&o.objects, &o.enums));
    d.objects(old_objects, objects, true);
    d.enums(old_enums, enums, true);
}

struct Diff<'a> {
    file: &'a str,
    out: &'a mut Vec<String>,
}

/// A value as a person reads it: as the spec file writes it (compact JSON), but strings bare and a
/// list of strings joined by ` / `; absence as `(none)`. Rendering through JSON is what makes a
/// line read like the file it is about.
fn show<T: Serialize + ?Sized>(value: Option<&T>) -> String {
    match value.map(serde_json::to_value) {
        None | Some(Ok(Value::Null) | Err(_)) => "(none)".to_owned(),
        Some(Ok(Value::String(s))) => s,
        Some(Ok(Value::Array(items))) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" / "),
        Some(Ok(other)) => other.to_string(),
    }
}

/// A list the spec file leaves out when it is empty, as the file has it.
fn written<T>(list: &Vec<T>) -> Option<&Vec<T>> {
    (!list.is_empty()).then_some(list)
}

impl Diff<'_> {
    fn push(&mut self, line: String) {
        self.out.push(format!("{}: {line}", self.file));
    }

    fn value<T: PartialEq + Serialize + ?Sized>(
        &mut self,
        place: &str,
        old: Option<&T>,
        new: Option<&T>,
    ) {
        if old != new {
            self.push(format!("{place}: {} -> {}", show(old), show(new)));
        }
    }

    fn operation(&mut self, old: Option<&PlainOperation>, new: Option<&PlainOperation>) {
        let (o, n) = (old, new);
        self.value("operation.name", o.map(|o| &o.name), n.map(|n| &n.name));
        self.value(
            "operation.summary",
            o.map(|o| &o.summary),
            n.map(|n| &n.summary),
        );
        let description = (o.map(|o| &o.description), n.map(|n| &n.description));
        self.value("operation.description", description.0, description.1);
        self.value(
            "operation.method",
            o.map(|o| &o.method),
            n.map(|n| &n.method),
        );
        self.value("operation.path", o.map(|o| &o.path), n.map(|n| &n.path));
        let body = (
            o.and_then(|o| o.body.as_ref()),
            n.and_then(|n| n.body.as_ref()),
        );
        self.value("operation.body", body.0, body.1);
        self.parameters(old, new);
        self.responses(list(old, |o| &o.responses), list(new, |o| &o.responses));
        let requests: List<RequestExample> = |o| &o.examples.requests;
        let request_title = |e: &RequestExample| Some(e.title.clone());
        self.examples(
            "requests",
            list(old, requests),
            list(new, requests),
            request_title,
        );
        let responses: List<ResponseExample> = |o| &o.examples.responses;
        let response_title = |e: &ResponseExample| e.title.clone();
        self.examples(
            "responses",
            list(old, responses),
            list(new, responses),
            response_title,
        );
    }

    /// Path and query parameters, headers and form fields, each list compared by name.
    fn parameters(&mut self, old: Option<&PlainOperation>, new: Option<&PlainOperation>) {
        let lists: [(&str, List<OrderedField>); 4] = [
            ("path parameter", |o| &o.path_params),
            ("query parameter", |o| &o.query_params),
            ("header", |o| &o.headers),
            ("form field", |o| &o.form_params),
        ];
        for (prefix, of) in lists {
            self.fields(prefix, list(old, of), list(new, of));
        }
    }

    /// Responses compared by status.
    fn responses(
        &mut self,
        old: &[Response<OrderedField, Body>],
        new: &[Response<OrderedField, Body>],
    ) {
        for response in new {
            let place = format!("response {}", response.status);
            match old.iter().find(|o| o.status == response.status) {
                None => self.push(format!(
                    "{place}: added ({}, body {})",
                    response.description,
                    show(response.body.as_ref())
                )),
                Some(before) => {
                    let description = format!("{place}.description");
                    self.value(
                        &description,
                        Some(&before.description),
                        Some(&response.description),
                    );
                    let body = format!("{place}.body");
                    self.value(&body, before.body.as_ref(), response.body.as_ref());
                }
            }
        }
        for response in old
            .iter()
            .filter(|o| !new.iter().any(|n| n.status == o.status))
        {
            self.push(format!("response {}: removed", response.status));
        }
    }

    /// Example requests or responses (`key`) compared by position.
    fn examples<T: PartialEq>(
        &mut self,
        key: &str,
        before: &[T],
        after: &[T],
        title: impl Fn(&T) -> Option<String>,
    ) {
        let title = |example: &T| show(title(example).as_ref());
        for i in 0..before.len().max(after.len()) {
            let place = format!("example {key}[{i}]");
            match (before.get(i), after.get(i)) {
                (Some(b), Some(a)) if b != a => {
                    self.push(format!("{place} ({}): changed", title(a)))
                }
                (None, Some(a)) => self.push(format!("{place}: added ({})", title(a))),
                (Some(b), None) => self.push(format!("{place}: removed ({})", title(b))),
                _ => {}
            }
        }
    }

    /// Fields compared by name, each key of a field on its own line.
    fn fields(&mut self, prefix: &str, old: &[OrderedField], new: &[OrderedField]) {
        for field in new {
            let place = format!("{prefix}.{}", field.name);
            match old.iter().find(|o| o.name == field.name) {
                None => {
                    let required = if field.required { ", required" } else { "" };
                    self.push(format!("{place}: added field ({}{required})", field.ty));
                }
                Some(before) => self.field(&place, before, field),
            }
        }
        for field in old.iter().filter(|o| !new.iter().any(|n| n.name == o.name)) {
            self.push(format!(
                "{prefix}.{}: removed field ({})",
                field.name, field.ty
            ));
        }
    }

    /// One field's keys, in the order of [`crate::spec::FIELD_KEYS`], each absent where the spec
    /// file leaves it out.
    fn field(&mut self, place: &str, old: &Field, new: &Field) {
        let at = |key: &str| format!("{place}: {key}");
        self.value(&at("type"), Some(&old.ty), Some(&new.ty));
        self.value(&at("items"), old.items.as_ref(), new.items.as_ref());
        self.value(&at("required"), Some(&old.required), Some(&new.required));
        let nullable = |f: &Field| f.nullable.then_some(&true);
        self.value(&at("nullable"), nullable(old), nullable(new));
        self.value(
            &at("description"),
            Some(&old.description),
            Some(&new.description),
        );
        self.value(&at("minimum"), old.minimum.as_ref(), new.minimum.as_ref());
        self.value(&at("maximum"), old.maximum.as_ref(), new.maximum.as_ref());
        let counts: [(&str, Count); 4] = [
            ("min_length", |f| f.min_length),
            ("max_length", |f| f.max_length),
            ("min_items", |f| f.min_items),
            ("max_items", |f| f.max_items),
        ];
        for (key, count) in counts {
            self.value(&at(key), count(old).as_ref(), count(new).as_ref());
        }
        self.value(&at("default"), old.default.as_ref(), new.default.as_ref());
        self.value(&at("chars"), old.chars.as_ref(), new.chars.as_ref());
        self.value(&at("format"), old.format.as_ref(), new.format.as_ref());
        self.value(&at("notes"), written(&old.notes), written(&new.notes));
        self.value(
            &at("decision"),
            old.decision.as_ref(),
            new.decision.as_ref(),
        );
    }

    fn objects(&mut self, old: &Entries<PlainObject>, new: &Entries<PlainObject>, only_new: bool) {
        for (name, object) in new {
            let Some(before) = old.get(name) else {
                let count = object.fields.len();
                self.push(format!("{name}: added object ({count} fields)"));
                continue;
            };
            self.value(
                &format!("{name}: description"),
                Some(&before.description),
                Some(&object.description),
            );
            self.fields(name, &before.fields, &object.fields);
            let (before, after) = (&before.rules, &object.rules);
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

    fn enums(&mut self, old: &Entries<Enum>, new: &Entries<Enum>, only_new: bool) {
        for (name, e) in new {
            let Some(before) = old.get(name) else {
                let count = e.values.len();
                self.push(format!("{name}: added enumeration ({count} values)"));
                continue;
            };
            self.value(&format!("{name}: type"), Some(&before.ty), Some(&e.ty));
            let description = format!("{name}: description");
            self.value(
                &description,
                Some(&before.description),
                Some(&e.description),
            );
            let decision = format!("{name}: decision");
            self.value(&decision, before.decision.as_ref(), e.decision.as_ref());
            self.enum_values(name, &before.values, &e.values);
        }
        if !only_new {
            for name in old.keys().filter(|n| !new.contains_key(*n)) {
                self.push(format!("{name}: removed enumeration"));
            }
        }
    }

    /// An enumeration's values compared by their wire value.
    fn enum_values(&mut self, name: &str, before: &[EnumValue], after: &[EnumValue]) {
        for value in after {
            let wire = show(Some(&value.value));
            match before.iter().find(|b| b.value == value.value) {
                None => {
                    let meaning = value
                        .meaning
                        .as_ref()
                        .map(|m| format!(" ({m})"))
                        .unwrap_or_default();
                    self.push(format!("{name}: added value {wire}{meaning}"));
                }
                Some(b) => {
                    let at = |key: &str| format!("{name}.{wire}: {key}");
                    self.value(&at("name"), b.name.as_ref(), value.name.as_ref());
                    self.value(&at("meaning"), b.meaning.as_ref(), value.meaning.as_ref());
                    let aliases = (written(&b.aliases), written(&value.aliases));
                    self.value(&at("aliases"), aliases.0, aliases.1);
                }
            }
        }
        for value in before
            .iter()
            .filter(|b| !after.iter().any(|a| a.value == b.value))
        {
            self.push(format!(
                "{name}: removed value {}",
                show(Some(&value.value))
            ));
        }
    }
}

/// One of a field's lengths or counts.
type Count = fn(&Field) -> Option<u64>;

/// Where one of an operation's lists is.
type List<T> = fn(&PlainOperation) -> &Vec<T>;

/// A list of the operation, empty where there is no operation.
fn list<T>(operation: Option<&PlainOperation>, of: List<T>) -> &[T] {
    operation.map_or(&[], |o| of(o).as_slice())
}

/// A rule as a diff line names it: its kind, its field (or groups) and its sentence.
fn summary(rule: &Rule) -> String {
    let governs = match rule {
        Rule::AtLeastOneOf { groups, .. } => show(Some(groups)),
        other => other.field().unwrap_or_default().to_owned(),
    };
    format!("{} {governs} ({})", rule.kind(), rule.source())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::tests::every_key;
    use crate::spec::FIELD_KEYS;

    fn document(objects: serde_json::Value) -> Document {
        let file = serde_json::json!({ "service": "svc", "objects": objects });
        serde_json::from_value(file).expect("a spec file")
    }

    #[test]
    fn field_changes_are_named_by_object_and_field() {
        let old = document(
            serde_json::json!({"A": {"fields": [{"name": "port", "type": "integer", "maximum": 65535}, {"name": "gone", "type": "string"}]}}),
        );
        let new = document(
            serde_json::json!({"A": {"fields": [{"name": "port", "type": "long", "maximum": 70000}, {"name": "new", "type": "string", "required": true}]}}),
        );
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

    /// A field that differs in every key gives one line per key, in the order of `FIELD_KEYS`:
    /// every key the spec file writes is compared.
    #[test]
    fn every_field_key_is_compared_in_order() {
        let old = Field {
            name: "f".to_owned(),
            ty: "string".to_owned(),
            ..Field::default()
        };
        let new = Field {
            name: "f".to_owned(),
            ..every_key()
        };
        let mut out = Vec::new();
        Diff {
            file: "x",
            out: &mut out,
        }
        .field("A.f", &old, &new);
        let keys: Vec<&str> = out
            .iter()
            .filter_map(|line| line.strip_prefix("x: A.f: ")?.split(':').next())
            .collect();
        assert_eq!(keys, FIELD_KEYS);
        assert_eq!(out[4], "x: A.f: description:  -> Port.");
        assert_eq!(out[12], r#"x: A.f: chars: (none) -> {"first":["letter"]}"#);
    }
}
