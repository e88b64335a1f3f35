//! The page's own example requests and documented defaults, held against the checks read from its
//! prose. A page whose example sends `"HTTP Response Header Plug-in"` to a field it says allows
//! "only letters, digits, and underscores", or whose default `${query}` breaks the character rule
//! it states, shows that the service accepts more than the sentence says: the character rule or
//! limit read from the prose is then left out (never narrower than the page) and the report says
//! why. Checks an overlay decided, and the table's own `Minimum:`/`Maximum:` lines and
//! enumerations, are kept and only reported. A field an example request sends as `null` ("if both
//! are null, the instance is unbound") may be null: the page documents that null.

use super::assemble::example_titles;
use super::{Builder, Role};
use crate::import::page::Row;
use crate::import::review::Kind;
use crate::import::rules::Facts;
use crate::ir::NamedClass;
use crate::spec::{self, Chars};
use serde_json::Value;
use std::collections::BTreeSet;

/// A key an example request sends that the object's table does not list.
pub(super) struct Undocumented {
    pub object: usize,
    pub key: String,
    pub value: Value,
    pub example: String,
}

/// A field an example or a default reached, and what it held there.
struct Seen {
    object: usize,
    field: usize,
    value: Value,
    /// The example's title, or `None` for the field's own default.
    example: Option<String>,
}

/// What the walk of an example collects.
struct Found<'a> {
    seen: &'a mut Vec<Seen>,
    undocumented: &'a mut Vec<Undocumented>,
}

impl Builder<'_> {
    /// Holds every example request and every default against the checks of the fields they reach.
    pub(super) fn check_against_page(&mut self) {
        let mut seen = Vec::new();
        let mut undocumented = Vec::new();
        for (object, o) in self.objects.iter().enumerate() {
            for (field, f) in o.fields.iter().enumerate() {
                if let Some(value) = &f.default {
                    seen.push(Seen {
                        object,
                        field,
                        value: value.to_json(),
                        example: None,
                    });
                }
            }
        }
        if let Some(body) = self
            .objects
            .iter()
            .position(|o| o.role == Role::RequestBody)
        {
            let titles = example_titles(&self.page.request_examples);
            for (example, marked_title) in self.page.request_examples.iter().zip(&titles) {
                let title = example
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("line {}", example.line));
                let mut found = Found {
                    seen: &mut seen,
                    undocumented: &mut undocumented,
                };
                let before = found.undocumented.len();
                self.walk(body, &example.body, &title, &mut found);
                // An example a person marked wrong is no evidence of a field.
                if self.overlays.invalid_example(marked_title).is_some() {
                    undocumented.truncate(before);
                }
            }
        }
        let nulls: BTreeSet<(usize, usize, String)> = seen
            .iter()
            .filter(|s| s.value.is_null())
            .filter_map(|s| Some((s.object, s.field, s.example.clone()?)))
            .collect();
        self.allow_documented_nulls(nulls);
        seen.retain(|s| !s.value.is_null());
        // One report per field and check: the first example that breaks it says enough.
        let mut reported = BTreeSet::new();
        for s in seen {
            self.hold(&s, &mut reported);
        }
        self.add_undocumented(undocumented);
    }

    /// Collects the values `value` gives the fields of object `object`, nested objects and arrays
    /// included.
    fn walk(&self, object: usize, value: &Value, title: &str, found: &mut Found<'_>) {
        let Some(body) = value.as_object() else {
            return;
        };
        let fields = &self.objects[object].fields;
        let listed = |key: &str| fields.iter().any(|f| f.name == key);
        for (key, value) in body.iter().filter(|(key, _)| !listed(key)) {
            found.undocumented.push(Undocumented {
                object,
                key: key.clone(),
                value: value.clone(),
                example: title.to_owned(),
            });
        }
        for (field, f) in self.objects[object].fields.iter().enumerate() {
            let Some(v) = body.get(&f.name) else {
                continue;
            };
            let (ty, values): (&str, Vec<&Value>) = match (f.ty.as_str(), v) {
                ("array", Value::Array(items)) => (
                    f.items.as_deref().unwrap_or_default(),
                    items.iter().collect(),
                ),
                _ => (f.ty.as_str(), vec![v]),
            };
            // A null field is evidence that it may be null; a null item of an array is not.
            let whole_null = v.is_null();
            for v in values.into_iter().filter(|v| whole_null || !v.is_null()) {
                match self.index.get(ty).filter(|_| !whole_null) {
                    Some(&nested) => self.walk(nested, v, title, found),
                    None => found.seen.push(Seen {
                        object,
                        field,
                        value: v.clone(),
                        example: Some(title.to_owned()),
                    }),
                }
            }
        }
    }

    /// Marks each field an example sends as `null` nullable, once, with a review line naming the
    /// example (a field of any kind already takes null).
    fn allow_documented_nulls(&mut self, nulls: BTreeSet<(usize, usize, String)>) {
        let mut marked = BTreeSet::new();
        for (object, field, example) in nulls {
            let f = &mut self.objects[object].fields[field];
            if f.ty == "any" || !marked.insert((object, field)) {
                continue;
            }
            f.change(|f| f.nullable = true);
            let table = self.objects[object].tables[0];
            let row = &table.rows[field];
            let text = format!(
                "{}.{}: the page's example request ({example}) sends null: the field may be null",
                self.objects[object].name, row.name
            );
            self.report
                .push(table.row_review(row, Kind::DocumentedNull, text));
        }
    }

    /// Holds one value against its field's character rule, length and range.
    fn hold(&mut self, seen: &Seen, reported: &mut BTreeSet<(usize, usize, &'static str)>) {
        let object = &self.objects[seen.object];
        let field = &object.fields[seen.field];
        // The page's table, not a borrow of the object, which the loop below changes.
        let table = object.tables[0];
        let row = &table.rows[seen.field];
        let place = format!("{}.{}", object.name, row.name);
        let patches = self.overlays.field_patches(&object.name, &row.name);
        let decided = |key: &str| patches.iter().any(|p| p.contains_key(key));
        let from = match &seen.example {
            Some(title) => format!("the page's example request ({title}) gives {}", seen.value),
            None => format!("the documented default {}", seen.value),
        };
        let mut broken: Vec<(&str, String, bool)> = Vec::new();
        if let (Some(text), Some(chars)) = (seen.value.as_str(), &field.chars) {
            if let Some(why) = breaks_chars(text, chars) {
                broken.push(("chars", why, !decided("chars")));
            }
        }
        let ty = Some(field.ty.as_str());
        let (low, high, prose) = limits_held(&seen.value, ty, &object.facts[seen.field], row);
        for ((key, actual), from_prose, below) in [(low, prose[0], true), (high, prose[1], false)] {
            let Some(limit) = limit(field, key) else {
                continue;
            };
            if (below && actual < limit) || (!below && actual > limit) {
                broken.push((
                    key,
                    format!("{key} is {limit}"),
                    from_prose && !decided(key),
                ));
            }
        }
        // An enumeration the table lists is kept: the example may use a spelling the overlay should
        // accept as an alias, or a value the page leaves out; a person decides.
        let ty = field.ty.as_str();
        let items = field.items.as_deref().unwrap_or_default();
        let enumeration = [ty, items]
            .into_iter()
            .find(|t| self.enums.iter().any(|e| e.name == *t));
        if let Some(name) = enumeration.filter(|name| {
            !self.enum_has(name, &seen.value.clone().into())
                && reported.insert((seen.object, seen.field, "enum"))
        }) {
            let name = name.to_owned();
            let text = format!("{place}: {from}, which is not a value of {name}; the page may leave a value out, or the overlay may need an alias");
            let review = table.row_review(row, Kind::ValueBreaksCheck, text);
            self.report.push(review);
        }
        for (key, why, drop) in broken {
            if !reported.insert((seen.object, seen.field, key)) {
                continue;
            }
            if drop {
                let text = format!("{place}: {from}, which breaks the {key} read from the prose ({why}); the page accepts more than the sentence says, so the check is left out");
                self.report
                    .push(table.row_review(row, Kind::CheckLeftOut, text));
                self.objects[seen.object].fields[seen.field].change(|f| leave_out(f, key));
            } else {
                let text = format!("{place}: {from}, which breaks its {key} ({why}); review the table or the decision");
                self.report
                    .push(table.row_review(row, Kind::ValueBreaksCheck, text));
            }
        }
    }
}

/// The limits a value is held against, with what it measures (its length, or the integer itself),
/// and whether each limit comes from the prose alone (the table gives none).
fn limits_held(
    value: &Value,
    ty: Option<&str>,
    facts: &Facts,
    row: &Row,
) -> ((&'static str, i64), (&'static str, i64), [bool; 2]) {
    match (value, ty) {
        (Value::String(s), Some("string")) => (
            ("min_length", s.chars().count() as i64),
            ("max_length", s.chars().count() as i64),
            [
                facts.min_length.is_some() && row.minimum.is_none(),
                facts.max_length.is_some() && row.maximum.is_none(),
            ],
        ),
        (Value::Number(n), Some("integer" | "long")) if n.as_i64().is_some() => {
            let n = n.as_i64().unwrap_or_default();
            (
                ("minimum", n),
                ("maximum", n),
                [
                    facts.minimum.is_some() && row.minimum.is_none(),
                    facts.maximum.is_some() && row.maximum.is_none(),
                ],
            )
        }
        _ => (("", 0), ("", 0), [false, false]),
    }
}

/// The limit `key` of the field (`min_length`, `maximum`...), where it has one.
fn limit(field: &spec::Field, key: &str) -> Option<i64> {
    let count = |n: Option<u64>| n.and_then(|n| i64::try_from(n).ok());
    match key {
        "minimum" => field.minimum,
        "maximum" => field.maximum,
        "min_length" => count(field.min_length),
        "max_length" => count(field.max_length),
        _ => None,
    }
}

/// Leaves out the check `key` of the field: its character rule or one of its limits.
fn leave_out(field: &mut spec::Field, key: &str) {
    match key {
        "chars" => field.chars = None,
        "minimum" => field.minimum = None,
        "maximum" => field.maximum = None,
        "min_length" => field.min_length = None,
        "max_length" => field.max_length = None,
        _ => {}
    }
}

/// Why `text` breaks the character rule `chars`, if it does.
fn breaks_chars(text: &str, chars: &Chars) -> Option<String> {
    let allows = |classes: &[String], c: char| {
        classes.is_empty() || classes.iter().any(|class| class_allows(class, c))
    };
    let (first, allowed, last) = (&chars.first, &chars.allowed, &chars.last);
    if let Some(c) = text.chars().find(|&c| !allows(allowed, c)) {
        return Some(format!("{c:?} is not among {}", allowed.join(", ")));
    }
    if let Some(c) = text.chars().next().filter(|&c| !allows(first, c)) {
        return Some(format!("it starts with {c:?}, not {}", first.join(", ")));
    }
    if let Some(c) = text.chars().last().filter(|&c| !allows(last, c)) {
        return Some(format!("it ends with {c:?}, not {}", last.join(", ")));
    }
    None
}

/// Whether the spec's character class `class` (or string of literal characters) allows `c`.
fn class_allows(class: &str, c: char) -> bool {
    match NamedClass::named(class) {
        Some(named) => (named.contains)(c),
        None => class.contains(c),
    }
}

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;
    use crate::import::review::Kind;

    /// DCS: the example request unbinds by sending null; the field may then be null, and only it.
    #[test]
    fn a_field_an_example_sends_as_null_may_be_null() {
        let text = "Binding an EIP\n\nFunction\n\nf\n\nURI\n\nPUT /v2/instances/{instance_id}\n\nTable 1 Path Parameters\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\ninstance_id\n\nYes\n\nString\n\nThe instance.\n\nTable 2 Request body parameters\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\npublicip_id\n\nNo\n\nString\n\nThe EIP. If both are null, the instance is unbound.\n\nname\n\nNo\n\nString\n\nThe name.\n\nExample Requests\n\n{\n  \"publicip_id\": null,\n  \"name\": \"a\"\n}\n";
        let imported = import_text(text, "otc_dcs", "binding_an_eip");
        let spec = imported.spec_json();
        let fields = spec["objects"]["BindingAnEipRequest"]["fields"]
            .as_array()
            .unwrap();
        assert_eq!(fields[0]["nullable"], true);
        assert_eq!(fields[1].get("nullable"), None);
        assert!(imported
            .report
            .iter()
            .any(|r| r.kind == Kind::DocumentedNull && r.text.contains("publicip_id")));
    }
}
