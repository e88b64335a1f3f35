//! Makes each row a field: its type, the limits its table lines and its prose state (the table's
//! where they disagree, reported), its default, character rule, format and notes; then the
//! overlay's patches.

use super::Builder;
use crate::import::page::{Paragraph, Row, Type};
use crate::import::review;
use crate::import::rules::{self, Facts, Kind, Stated};
use crate::spec::{self, Chars, Literal, OrderedField, FIELD_KEYS};
use serde_json::{Map, Value};

impl Builder<'_> {
    /// Makes the fields of every object from its first table.
    pub(super) fn build_fields(&mut self) {
        for i in 0..self.objects.len() {
            let name = self.objects[i].name.clone();
            let table = self.objects[i].tables[0];
            let request = self.objects[i].request_side();
            for row in &table.rows {
                let (field, facts, enum_name) = self.field(&name, row, request);
                let object = &mut self.objects[i];
                object.fields.push(field);
                object.facts.push(facts);
                object.row_enums.push(enum_name);
            }
        }
    }

    /// The fields of path, query or header rows (not objects, but rows like any other).
    pub(super) fn parameter_fields(&mut self, label: &str, rows: &[&Row]) -> Vec<OrderedField> {
        rows.iter()
            .map(|row| self.field(label, row, true).0)
            .collect()
    }

    /// One row as a spec field (patched by the overlay), the facts of its prose and the
    /// enumeration it makes.
    fn field(
        &mut self,
        object: &str,
        row: &Row,
        request: bool,
    ) -> (OrderedField, Facts, Option<String>) {
        let place = format!("{object}.{}", row.name);
        let patches = self.overlays.field_patches(object, &row.name);
        // Path parameters and headers are strings in the format: their enumeration values are a
        // note.
        let string_only = matches!(object, "path" | "headers" | "response_headers");
        let (mut enum_name, consumed) = if string_only {
            (None, Default::default())
        } else {
            self.enumeration(object, row)
        };
        let listed = row
            .enumeration
            .as_ref()
            .filter(|values| string_only && !values.is_empty())
            .map(|values| format!("One of: {}.", values.join(", ")));
        let description = description(row, &consumed);
        let mut kind = match (&row.ty, &enum_name) {
            (Type::String, None) => Kind::String,
            (Type::Integer | Type::Long, None) => Kind::Integer,
            (Type::Boolean, _) => Kind::Boolean,
            (Type::Array(_), _) => Kind::Array,
            (_, Some(_)) => Kind::Enumerated,
            _ => Kind::Other,
        };
        if row.ty == Type::File && object != "form" {
            let text = format!("{place}: a File row outside a \"FormData parameters\" table: the spec format has files only as form fields and response bodies, so the spec will not generate until this is decided");
            self.review_row(row, review::Kind::UnsupportedType, text);
        }
        let mut facts = rules::recognize(&description, kind, &self.overlays.notes());
        self.notes_used.extend(facts.notes.iter().cloned());
        if request {
            self.review_prose(&place, row, &facts);
        }
        if let (Some(name), Some(values)) = (&enum_name, &facts.values) {
            self.compare_listed(&place, row, name, values);
        }
        // A closed list of values in the prose makes the row an enumeration; its lengths and
        // character rule then say nothing the values do not.
        if let (None, Some(values), false) = (&enum_name, &facts.values, string_only) {
            enum_name = self.prose_enumeration(object, row, values);
            if enum_name.is_some() {
                kind = Kind::Other;
                facts.chars = Chars::default();
                facts.format = None;
            }
        }

        let mut field = spec::Field {
            name: row.name.clone(),
            ty: enum_name
                .clone()
                .unwrap_or_else(|| row.ty.spec_name().to_owned()),
            items: row.ty.items().map(|items| items.spec_name().to_owned()),
            required: row.required,
            description,
            chars: (!facts.chars.is_empty()).then(|| facts.chars.clone()),
            format: facts.format.clone(),
            notes: facts.notes.iter().cloned().chain(listed).collect(),
            ..spec::Field::default()
        };
        let patched = |key: &str| patches.iter().any(|p| p.contains_key(key));
        self.limits(&place, row, kind, &facts, &patched, &mut field);
        field.default = self.default(&place, row, enum_name.as_deref(), &facts, &patched);
        let mut field = OrderedField::new(field);
        self.apply_patches(&place, row, &patches, &mut field);
        (field, facts, enum_name)
    }

    /// The review lines of a request row's prose: each sentence not read as a rule, each check
    /// withheld.
    fn review_prose(&mut self, place: &str, row: &Row, facts: &Facts) {
        // A pointer to the table the row's type already is says nothing more.
        let typed_by_table = matches!(row.ty.items().unwrap_or(&row.ty), Type::Object(_));
        for sentence in facts
            .unrecognized
            .iter()
            .filter(|s| !(typed_by_table && super::references::is_pointer(s)))
        {
            let text = format!("{place}: not recognized: {sentence:?}");
            self.review_row(row, review::Kind::Unrecognized, text);
        }
        for withheld in &facts.withheld {
            let placed = withheld.clone().placed(place);
            self.review_row(row, placed.kind, placed.text);
        }
    }

    /// The limits of the table's `Minimum:`/`Maximum:` lines (a length for strings, a count for
    /// arrays) and of the prose; where both give one and they differ, the table's is used and the
    /// report says so (unless an overlay decides it).
    fn limits(
        &mut self,
        place: &str,
        row: &Row,
        kind: Kind,
        facts: &Facts,
        patched: &dyn Fn(&str) -> bool,
        field: &mut spec::Field,
    ) {
        let table = [row.minimum, row.maximum];
        let Some(bounds) = Bounds::of(&row.ty, kind) else {
            for value in table.into_iter().flatten() {
                let ty = Value::from(field.ty.as_str());
                let text = format!(
                    "{place}: the table's limit {value} is ignored: the row's type is {ty}"
                );
                self.review_row(row, review::Kind::LimitLeftOut, text);
            }
            return;
        };
        let prose = match bounds {
            Bounds::Length => [count(&facts.min_length), count(&facts.max_length)],
            Bounds::Value => [&facts.minimum, &facts.maximum]
                .map(|s| s.as_ref().map(|s| (s.value, s.sentence.as_str()))),
            Bounds::Items => [count(&facts.min_items), count(&facts.max_items)],
        };
        let mut limits = [None, None];
        for (((key, table), prose), limit) in bounds
            .keys()
            .into_iter()
            .zip(table)
            .zip(prose)
            .zip(&mut limits)
        {
            if let (Some(table), Some((prose, sentence))) = (table, prose) {
                if table != prose && !patched(key) {
                    let text = format!("{place}: the table says {key} {table} but the prose says {prose} ({sentence:?}); the table's value is used");
                    self.review_row(row, review::Kind::TableProseDisagree, text);
                }
            }
            *limit = table.or(prose.map(|(v, _)| v));
            if let Some(value) = limit.filter(|&v| v < 0 && bounds != Bounds::Value) {
                let text = format!("{place}: the table's {key} {value} is below zero, which no length or count is; left out");
                self.review_row(row, review::Kind::LimitLeftOut, text);
                *limit = None;
            }
        }
        bounds.set(field, limits);
    }

    /// Applies the overlay's patches of a row, first checking that the page still gives what each
    /// decision was taken over.
    fn apply_patches(
        &mut self,
        place: &str,
        row: &Row,
        patches: &[&Map<String, Value>],
        field: &mut OrderedField,
    ) {
        for patch in patches {
            let page = patch.get("page").and_then(Value::as_object);
            for (key, said) in page.into_iter().flatten() {
                let now = key_value(field, key);
                if now.as_ref() != Some(said) {
                    let now = now.map_or_else(|| "nothing".to_owned(), |v| v.to_string());
                    let text = format!(
                        "{place}: {key}: the overlay's decision was taken over the page's {said}, but the page now gives {now}; review the decision"
                    );
                    let review = self.page.row_review(row, review::Kind::StaleDecision, text);
                    self.stale.push(review);
                }
            }
        }
        for patch in patches {
            for (key, value) in patch
                .iter()
                .filter(|(k, _)| FIELD_KEYS.contains(&k.as_str()))
            {
                if let Err(why) = patch_key(field, key, value) {
                    let text = format!("{place}: {key}: the overlay's patch {value} is not a value of the key ({why}); left as the page gives it");
                    self.review_row(row, review::Kind::UnusedOverlay, text);
                }
            }
        }
    }

    /// The default of the table's `Default:` line, else the one the prose states; where both give
    /// one and they differ, the table's is used and the report says so. A prose default that is not
    /// a value of the row's enumeration is left out, and so is one that is not of the row's type.
    /// An object or an array has no default: its "None" or "-" says so, and anything else is left
    /// out and reported.
    fn default(
        &mut self,
        place: &str,
        row: &Row,
        enum_name: Option<&str>,
        facts: &Facts,
        patched: &dyn Fn(&str) -> bool,
    ) -> Option<Literal> {
        let prose = facts.default.as_ref();
        if let (Some(table), Some(prose)) = (&row.default, prose) {
            if *table != prose.value && !patched("default") {
                let text = format!("{place}: the table says default {table} but the prose says {} ({:?}); the table's value is used", prose.value, prose.sentence);
                self.review_row(row, review::Kind::TableProseDisagree, text);
            }
        }
        let stated = row.default.as_ref().or(prose.map(|p| &p.value))?;
        if is_structured(&row.ty) {
            if !["none", "-", "null", ""].contains(&stated.to_ascii_lowercase().as_str()) {
                let text = format!(
                    "{place}: the default {stated:?} of a {} is left out: the spec format has no defaults of objects and arrays",
                    row.ty.spec_name()
                );
                self.review_row(row, review::Kind::DefaultMisfits, text);
            }
            return None;
        }
        if let Some(table) = &row.default {
            return self.typed_default(place, row, enum_name, table);
        }
        let prose = prose?;
        let value = self.typed_default(place, row, enum_name, &prose.value)?;
        if let Some(name) = enum_name.filter(|name| !self.enum_has(name, &value)) {
            let text = format!(
                "{place}: the default {} of {:?} is not a value of {name}; left out",
                prose.value, prose.sentence
            );
            self.review_row(row, review::Kind::DefaultMisfits, text);
            return None;
        }
        Some(value)
    }

    /// The documented default as a JSON value of the field's type; one that is not is left out.
    fn typed_default(
        &mut self,
        place: &str,
        row: &Row,
        enum_name: Option<&str>,
        default: &str,
    ) -> Option<Literal> {
        let integer = matches!(row.ty, Type::Integer | Type::Long)
            || enum_name
                .and_then(|n| self.enums.iter().find(|e| e.name == n))
                .is_some_and(|e| e.ty == "integer");
        let value = typed_literal(default, &row.ty, integer);
        if value.is_none() {
            let text = format!(
                "{place}: the default {default:?} is not a {}; left out",
                row.ty.spec_name()
            );
            self.review_row(row, review::Kind::DefaultMisfits, text);
        }
        value
    }
}

/// The row's description, without the paragraphs its enumeration consumed (by index).
fn description(row: &Row, consumed: &std::collections::BTreeSet<usize>) -> Vec<String> {
    row.description
        .iter()
        .enumerate()
        .filter(|(i, _)| !consumed.contains(i))
        .map(|(_, p)| match p {
            Paragraph::Text(text) => text.clone(),
            Paragraph::Bullet(text) => format!("• {text}"),
        })
        .collect()
}

/// The value the field writes for `key`, as the overlay's `page` states it.
fn key_value(field: &spec::Field, key: &str) -> Option<Value> {
    serde_json::to_value(field).ok()?.get(key).cloned()
}

/// Sets one key of the field to the overlay's `value`, or takes it away where `value` is null. By
/// key, through the field's JSON: a patch names the keys it changes and holds whatever JSON the
/// overlay has, so reading it as the key's type is where a value that is not one shows.
fn patch_key(field: &mut OrderedField, key: &str, value: &Value) -> Result<(), String> {
    let mut json = serde_json::to_value(field.field()).map_err(|e| e.to_string())?;
    let map = json.as_object_mut().ok_or("a field serializes as a map")?;
    if value.is_null() {
        map.remove(key);
    } else {
        map.insert(key.to_owned(), value.clone());
    }
    let patched: spec::Field = serde_json::from_value(json).map_err(|e| e.to_string())?;
    field.change(|f| *f = patched);
    Ok(())
}

/// Whether a row's type is an object, an array, a map or any JSON value, which have no defaults.
fn is_structured(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Object(_) | Type::FreeObject | Type::Array(_) | Type::Map(_) | Type::Any
    )
}

/// A length or count the prose states, as a limit and its sentence.
fn count(stated: &Option<Stated<u64>>) -> Option<(i64, &str)> {
    stated
        .as_ref()
        .and_then(|s| Some((i64::try_from(s.value).ok()?, s.sentence.as_str())))
}

/// Which pair of a field's limits a row's `Minimum:`/`Maximum:` lines and its prose set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bounds {
    /// `minimum`, `maximum` of an integer.
    Value,
    /// `min_length`, `max_length` of a string.
    Length,
    /// `min_items`, `max_items` of an array.
    Items,
}

impl Bounds {
    /// The limits a row of type `ty` takes; `None` where its table lines mean nothing (a boolean,
    /// an object, an enumerated string).
    fn of(ty: &Type, kind: Kind) -> Option<Bounds> {
        match (ty, kind) {
            (Type::String, Kind::String) => Some(Bounds::Length),
            (Type::Integer | Type::Long, Kind::Integer) => Some(Bounds::Value),
            (Type::Array(_), _) => Some(Bounds::Items),
            _ => None,
        }
    }

    /// The keys of the lower and the upper limit, as the report and the overlay's patches name
    /// them.
    fn keys(self) -> [&'static str; 2] {
        match self {
            Bounds::Value => ["minimum", "maximum"],
            Bounds::Length => ["min_length", "max_length"],
            Bounds::Items => ["min_items", "max_items"],
        }
    }

    /// Sets the lower and the upper limit (a length or count below zero is left out by the caller).
    fn set(self, field: &mut spec::Field, [min, max]: [Option<i64>; 2]) {
        let count = |v: Option<i64>| v.and_then(|v| u64::try_from(v).ok());
        match self {
            Bounds::Value => (field.minimum, field.maximum) = (min, max),
            Bounds::Length => (field.min_length, field.max_length) = (count(min), count(max)),
            Bounds::Items => (field.min_items, field.max_items) = (count(min), count(max)),
        }
    }
}

/// `text` read as a value of type `ty` (`integer` where the value is an integer, as an integer
/// enum's is): none where it is not one; text types keep the text.
pub(super) fn typed_literal(text: &str, ty: &Type, integer: bool) -> Option<Literal> {
    match ty {
        Type::Boolean => text.parse::<bool>().ok().map(Literal::Bool),
        Type::Float => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Literal::Float),
        _ if integer => text.parse::<i64>().ok().map(Literal::Integer),
        _ => Some(Literal::String(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `keys` gives are the keys `set` fills, so the report and the patches name what the
    /// field holds.
    #[test]
    fn bounds_keys_are_the_keys_they_set() {
        for bounds in [Bounds::Value, Bounds::Length, Bounds::Items] {
            let mut field = spec::Field::default();
            bounds.set(&mut field, [Some(1), Some(2)]);
            let json = serde_json::to_value(&field).unwrap();
            let set: Vec<&str> = json
                .as_object()
                .into_iter()
                .flat_map(|m| m.keys())
                .map(String::as_str)
                .filter(|k| !["name", "type", "required", "description"].contains(k))
                .collect();
            assert_eq!(set, bounds.keys(), "{bounds:?}");
        }
    }
}
