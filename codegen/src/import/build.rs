//! Assembles the spec file from a split page: every table becomes an object (identical error tables one
//! object, a table repeated under the responses the same object), every row a field with the data its
//! table lines and its prose state, every enumerated row an enumeration; conditions written in prose are
//! resolved to the fields and values they mean and placed on the object that holds the condition's field.
//! Names the page does not give come from the overlays; what cannot be decided goes to the report.

use super::overlay::{Overlays, FIELD_KEYS};
use super::page::{Page, Paragraph, Row, Side, Table, Type};
use super::rules::{self, ConditionKind, Facts, Kind};
use heck::ToUpperCamelCase;
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};

/// The operation a page is imported as: its service and snake_case name (from the overlay's place,
/// `spec/<service>/<name>.overlay.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub service: String,
    pub name: String,
}

/// An imported page.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The operation's spec file.
    pub spec: Value,
    /// The objects the page contributes to the service's `common.json`, by name.
    pub common_objects: Map<String, Value>,
    /// The enumerations it contributes to `common.json`.
    pub common_enums: Map<String, Value>,
    /// What a person should review: sentences not recognized, the table and the prose disagreeing,
    /// overlay entries that matched nothing.
    pub report: Vec<String>,
    /// Overlay decisions taken over a value the page no longer gives (a field patch's `page`): the page
    /// changed under a decision, so `--diff` counts these as differences.
    pub stale: Vec<String>,
}

/// Imports `page` as `target`, with the decisions of `overlays`.
pub fn import(page: &Page, target: &Target, overlays: &Overlays) -> Imported {
    let mut builder = Builder {
        page,
        overlays,
        report: Vec::new(),
        stale: Vec::new(),
        objects: Vec::new(),
        index: HashMap::new(),
        enums: Vec::new(),
        notes_used: BTreeSet::new(),
    };
    builder.collect_objects(target);
    builder.build_fields();
    builder.build_rules();
    builder.assemble(target)
}

/// Which part of the page an object comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    RequestBody,
    ResponseBody,
    Named,
}

/// An object being built: its tables (the first is the one it is built from) and its fields.
struct Object<'p> {
    name: String,
    role: Role,
    tables: Vec<&'p Table>,
    statuses: Vec<u16>,
    fields: Vec<Map<String, Value>>,
    facts: Vec<Facts>,
    /// The enumeration each row makes, if any.
    row_enums: Vec<Option<String>>,
    rules: Vec<Rule>,
}

impl Object<'_> {
    fn table(&self) -> &Table {
        self.tables[0]
    }

    fn request_side(&self) -> bool {
        self.table().side == Side::Request
    }

    fn row(&self, name: &str) -> Option<usize> {
        self.table().rows.iter().position(|r| r.name == name)
    }
}

/// A rule placed on an object, with what ordering and de-duplication need.
struct Rule {
    value: Value,
    /// From "greater than the value of": dropped when the page also states it as "less than".
    mirrored: bool,
}

struct EnumDef {
    name: String,
    ty: &'static str,
    description: Vec<String>,
    values: Vec<(Value, Option<String>)>,
    /// `Object.field` of the row it was made from.
    from: String,
}

struct Builder<'p> {
    page: &'p Page,
    overlays: &'p Overlays,
    report: Vec<String>,
    stale: Vec<String>,
    objects: Vec<Object<'p>>,
    index: HashMap<String, usize>,
    enums: Vec<EnumDef>,
    notes_used: BTreeSet<String>,
}

/// What a table is, by its caption.
enum TableKind {
    PathParams,
    Headers,
    RequestBody,
    ResponseBody,
    Named,
    Unsupported,
}

fn table_kind(table: &Table) -> TableKind {
    let caption = table.caption.to_ascii_lowercase();
    match caption.as_str() {
        "path parameters" => TableKind::PathParams,
        "request header parameters" | "header parameters" => TableKind::Headers,
        "request body parameters" => TableKind::RequestBody,
        "response body parameters" => TableKind::ResponseBody,
        _ if caption.ends_with("parameters") => TableKind::Unsupported,
        _ => TableKind::Named,
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The first sentence of a row's first paragraph: an enumeration's description.
fn first_sentence(row: &Row) -> Vec<String> {
    row.description
        .iter()
        .find_map(|p| match p {
            Paragraph::Text(text) => rules::sentences(text).first().map(|s| (*s).to_owned()),
            Paragraph::Bullet(_) => None,
        })
        .into_iter()
        .collect()
}

/// The rule kinds in the order a spec lists them.
fn rule_rank(rule: &Value) -> usize {
    let kind = rule.get("kind").and_then(Value::as_str).unwrap_or_default();
    ["forbidden_unless", "required_if", "less_than", "at_least_one_of"].iter().position(|k| *k == kind).unwrap_or(4)
}

impl<'p> Builder<'p> {
    /// Turns the tables into objects: bodies (identical response tables into one), named tables (a name
    /// repeated under the responses into the same object).
    fn collect_objects(&mut self, target: &Target) {
        let op = target.name.to_upper_camel_case();
        let page = self.page;
        for table in &page.tables {
            match table_kind(table) {
                TableKind::PathParams | TableKind::Headers => {}
                TableKind::Unsupported => self.report.push(format!("{}: skipped: the spec format has no such parameters", table.label())),
                TableKind::RequestBody => {
                    let name = self.overlays.body("request").map_or_else(|| format!("{op}Request"), str::to_owned);
                    self.push_object(name, Role::RequestBody, table, Vec::new());
                }
                TableKind::ResponseBody => {
                    let Some(status) = table.status else {
                        self.report.push(format!("{}: skipped: no \"Status code:\" line before it", table.label()));
                        continue;
                    };
                    let same = self.objects.iter_mut().find(|o| o.role == Role::ResponseBody && same_rows(o.table(), table, false));
                    match same {
                        Some(object) => {
                            object.tables.push(table);
                            object.statuses.push(status);
                        }
                        None => self.push_object(String::new(), Role::ResponseBody, table, vec![status]),
                    }
                }
                TableKind::Named => {
                    if let Some(&i) = self.index.get(&table.caption).filter(|&&i| self.objects[i].role == Role::Named) {
                        let first = self.objects[i].table();
                        if !same_rows(first, table, true) {
                            self.report.push(format!(
                                "{} differs from {} with the same name; the fields are taken from {}",
                                table.label(),
                                first.label(),
                                first.label()
                            ));
                        }
                        self.objects[i].tables.push(table);
                    } else {
                        self.push_object(table.caption.clone(), Role::Named, table, Vec::new());
                    }
                }
            }
        }
        // Response bodies are named once grouped, by whichever of their statuses the overlay names.
        for i in 0..self.objects.len() {
            if self.objects[i].role != Role::ResponseBody {
                continue;
            }
            let statuses = self.objects[i].statuses.clone();
            let names: BTreeSet<&str> = statuses.iter().filter_map(|s| self.overlays.body(&s.to_string())).collect();
            if names.len() > 1 {
                self.report
                    .push(format!("overlay: bodies names the identical response tables of statuses {statuses:?} differently: {names:?}; the first is used"));
            }
            let name = names.first().map_or_else(|| format!("{op}Response{}", statuses[0]), |n| (*n).to_owned());
            if self.index.contains_key(&name) {
                self.report.push(format!("the response body of status {} is named {name}, which is also the name of another table", statuses[0]));
            }
            self.index.insert(name.clone(), i);
            self.objects[i].name = name;
        }
    }

    fn push_object(&mut self, name: String, role: Role, table: &'p Table, statuses: Vec<u16>) {
        if !name.is_empty() {
            if self.index.contains_key(&name) {
                self.report.push(format!("{}: the name {name} is already taken by another table", table.label()));
            }
            self.index.insert(name.clone(), self.objects.len());
        }
        self.objects.push(Object {
            name,
            role,
            tables: vec![table],
            statuses,
            fields: Vec::new(),
            facts: Vec::new(),
            row_enums: Vec::new(),
            rules: Vec::new(),
        });
    }

    fn build_fields(&mut self) {
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

    /// One row as a spec field, the facts of its prose and the enumeration it makes.
    fn field(&mut self, object: &str, row: &Row, request: bool) -> (Map<String, Value>, Facts, Option<String>) {
        let place = format!("{object}.{}", row.name);
        let patches = self.overlays.field_patches(object, &row.name);
        let (enum_name, consumed) = self.enumeration(object, row);
        let description: Vec<String> = row
            .description
            .iter()
            .enumerate()
            .filter(|(i, _)| !consumed.contains(i))
            .map(|(_, p)| match p {
                Paragraph::Text(text) => text.clone(),
                Paragraph::Bullet(text) => format!("• {text}"),
            })
            .collect();
        let kind = match (&row.ty, &enum_name) {
            (Type::String, None) => Kind::String,
            (Type::Integer | Type::Long, None) => Kind::Integer,
            _ => Kind::Other,
        };
        let facts = rules::recognize(&description, kind, &self.overlays.notes());
        self.notes_used.extend(facts.notes.iter().cloned());
        if request {
            for sentence in &facts.unrecognized {
                self.report.push(format!("{place}: not recognized: {sentence:?}"));
            }
        }

        let mut field = Map::new();
        field.insert("name".into(), json!(row.name));
        field.insert("type".into(), json!(enum_name.as_deref().unwrap_or(row.ty.spec_name())));
        if let Type::Array(items) = &row.ty {
            field.insert("items".into(), json!(items.spec_name()));
        }
        field.insert("required".into(), json!(row.required));
        field.insert("description".into(), json!(description));
        let patched = |key: &str| patches.iter().any(|p| p.contains_key(key));
        self.limits(&place, row, kind, &facts, &patched, &mut field);
        if let Some(default) = &row.default {
            let value = self.typed_default(&place, row, enum_name.as_deref(), default);
            field.insert("default".into(), value);
        }
        if !facts.chars.is_empty() {
            let mut chars = Map::new();
            for (key, classes) in [("first", &facts.chars.first), ("allowed", &facts.chars.allowed), ("last", &facts.chars.last)] {
                if !classes.is_empty() {
                    chars.insert(key.into(), json!(classes));
                }
            }
            field.insert("chars".into(), Value::Object(chars));
        }
        if let Some((minimum, maximum)) = facts.integer_list {
            field.insert("format".into(), json!({ "integer_list": { "minimum": minimum, "maximum": maximum } }));
        }
        if !facts.notes.is_empty() {
            field.insert("notes".into(), json!(facts.notes));
        }
        self.apply_patches(&place, &patches, &mut field);
        (field, facts, enum_name)
    }

    /// The limits of the table's `Minimum:`/`Maximum:` lines (a length for strings, a count for arrays)
    /// and of the prose; where both give one and they differ, the table's is used and the report says so
    /// (unless an overlay decides it).
    fn limits(&mut self, place: &str, row: &Row, kind: Kind, facts: &Facts, patched: &dyn Fn(&str) -> bool, field: &mut Map<String, Value>) {
        let (min_key, max_key) = match (&row.ty, kind) {
            (Type::String, Kind::String) => ("min_length", "max_length"),
            (Type::Integer | Type::Long, Kind::Integer) => ("minimum", "maximum"),
            (Type::Array(_), _) => ("min_items", "max_items"),
            _ => ("", ""),
        };
        let prose = match kind {
            Kind::String => [&facts.min_length, &facts.max_length].map(|s| s.as_ref().and_then(|s| Some((i64::try_from(s.value).ok()?, s.sentence.as_str())))),
            Kind::Integer => [&facts.minimum, &facts.maximum].map(|s| s.as_ref().map(|s| (s.value, s.sentence.as_str()))),
            Kind::Other => [None, None],
        };
        for ((key, table), prose) in [(min_key, row.minimum), (max_key, row.maximum)].into_iter().zip(prose) {
            if key.is_empty() {
                if let Some(value) = table {
                    let ty = field.get("type").map(Value::to_string).unwrap_or_default();
                    self.report.push(format!("{place}: the table's limit {value} is ignored: the row's type is {ty}"));
                }
                continue;
            }
            if let (Some(table), Some((prose, sentence))) = (table, prose) {
                if table != prose && !patched(key) {
                    self.report.push(format!("{place}: the table says {key} {table} but the prose says {prose} ({sentence:?}); the table's value is used"));
                }
            }
            if let Some(value) = table.or(prose.map(|(v, _)| v)) {
                field.insert(key.into(), json!(value));
            }
        }
    }

    /// Applies the overlay's patches of a row, first checking that the page still gives what each decision
    /// was taken over.
    fn apply_patches(&mut self, place: &str, patches: &[&Map<String, Value>], field: &mut Map<String, Value>) {
        for patch in patches {
            for (key, said) in patch.get("page").and_then(Value::as_object).into_iter().flatten() {
                if field.get(key) != Some(said) {
                    let now = field.get(key).map_or_else(|| "nothing".to_owned(), Value::to_string);
                    self.stale.push(format!(
                        "{place}: {key}: the overlay's decision was taken over the page's {said}, but the page now gives {now}; review the decision"
                    ));
                }
            }
        }
        for patch in patches {
            for (key, value) in patch.iter().filter(|(k, _)| FIELD_KEYS.contains(&k.as_str())) {
                if value.is_null() {
                    field.remove(key);
                } else {
                    field.insert(key.clone(), value.clone());
                }
            }
        }
    }

    /// The documented default as a JSON value of the field's type.
    fn typed_default(&mut self, place: &str, row: &Row, enum_name: Option<&str>, default: &str) -> Value {
        let integer =
            matches!(row.ty, Type::Integer | Type::Long) || enum_name.and_then(|n| self.enums.iter().find(|e| e.name == n)).is_some_and(|e| e.ty == "integer");
        let value = match &row.ty {
            Type::Boolean => default.parse::<bool>().ok().map(Value::from),
            _ if integer => default.parse::<i64>().ok().map(Value::from),
            _ => Some(Value::from(default)),
        };
        value.unwrap_or_else(|| {
            self.report.push(format!("{place}: the default {default:?} is not a {}; kept as text", row.ty.spec_name()));
            Value::from(default)
        })
    }

    /// The enumeration a row makes, if any, and the description paragraphs it consumed (the bullets
    /// giving its values' meanings). A row enumerates values when it has an "Enumeration values:" block,
    /// or when it is an integer whose bullets all read `value: meaning`.
    fn enumeration(&mut self, object: &str, row: &Row) -> (Option<String>, BTreeSet<usize>) {
        let place = format!("{object}.{}", row.name);
        let bullets: Vec<(usize, &str)> =
            row.description.iter().enumerate().filter_map(|(i, p)| if let Paragraph::Bullet(b) = p { Some((i, b.as_str())) } else { None }).collect();
        let integer = matches!(row.ty, Type::Integer | Type::Long);
        let meanings_only =
            integer && !bullets.is_empty() && bullets.iter().all(|(_, b)| b.split_once(':').is_some_and(|(v, _)| v.trim().parse::<i64>().is_ok()));
        let values: Vec<String> = match (&row.enumeration, meanings_only) {
            (Some(values), _) if !values.is_empty() => values.clone(),
            (_, true) => {
                self.report.push(format!(
                    "{place}: an enumeration made from the description's `value: meaning` bullets (the row has no \"Enumeration values:\" block)"
                ));
                bullets.iter().filter_map(|(_, b)| b.split_once(':')).map(|(v, _)| v.trim().to_owned()).collect()
            }
            _ => return (None, BTreeSet::new()),
        };
        if !matches!(row.ty, Type::String | Type::Integer | Type::Long) {
            self.report.push(format!("{place}: enumeration values on a {} row are ignored", row.ty.spec_name()));
            return (None, BTreeSet::new());
        }
        let mut consumed = BTreeSet::new();
        let mut meanings: HashMap<&str, String> = HashMap::new();
        for &(i, bullet) in &bullets {
            if values.iter().any(|v| v == bullet.trim()) {
                consumed.insert(i);
            } else if let Some((value, meaning)) = bullet.split_once(':').filter(|(v, _)| values.iter().any(|x| x == v.trim())) {
                consumed.insert(i);
                meanings.insert(value.trim(), meaning.trim().to_owned());
            }
        }
        let name = self.overlays.enum_name(object, &row.name).unwrap_or_else(|| row.name.to_upper_camel_case());
        let ty = if integer { "integer" } else { "string" };
        let mut parsed = Vec::new();
        for value in &values {
            let wire = if integer {
                match value.parse::<i64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => {
                        self.report.push(format!("{place}: enumeration value {value:?} is not an integer; skipped"));
                        continue;
                    }
                }
            } else {
                Value::from(value.as_str())
            };
            parsed.push((wire, meanings.get(value.as_str()).cloned()));
        }
        match self.enums.iter().find(|e| e.name == name) {
            Some(existing) if existing.values != parsed || existing.ty != ty => {
                let from = existing.from.clone();
                self.report
                    .push(format!("{place}: the enumeration {name} differs from the one {from} makes; the first is kept (name this one apart in the overlay)"));
            }
            Some(_) => {}
            None => self.enums.push(EnumDef { name: name.clone(), ty, description: first_sentence(row), values: parsed, from: place }),
        }
        (Some(name), consumed)
    }

    /// Places the rules the prose of request-side rows states on the objects they concern.
    fn build_rules(&mut self) {
        let parents = self.request_parents();
        for i in 0..self.objects.len() {
            if !self.objects[i].request_side() {
                continue;
            }
            for r in 0..self.objects[i].facts.len() {
                let facts = self.objects[i].facts[r].clone();
                let row = self.objects[i].table().rows[r].name.clone();
                let place = format!("{}.{row}", self.objects[i].name);
                for condition in &facts.conditions {
                    self.place_condition(i, &row, &place, condition, &parents);
                }
                for comparison in &facts.comparisons {
                    if self.objects[i].row(&comparison.other).is_none() {
                        self.report.push(format!("{place}: not resolved: {:?}: no field {} in {}", comparison.source, comparison.other, self.objects[i].name));
                        continue;
                    }
                    let (field, than) = if comparison.less_than { (row.clone(), comparison.other.clone()) } else { (comparison.other.clone(), row.clone()) };
                    let value = json!({ "kind": "less_than", "field": field, "than": than, "source": comparison.source });
                    self.objects[i].rules.push(Rule { value, mirrored: !comparison.less_than });
                }
                for alternative in &facts.at_least_one_of {
                    let names: Vec<&String> = alternative.groups.iter().flatten().collect();
                    let holds = |o: &Object<'_>| names.iter().all(|n| o.row(n).is_some());
                    let target = if holds(&self.objects[i]) { Some(i) } else { self.row_object(i, r).filter(|&t| holds(&self.objects[t])) };
                    let Some(target) = target else {
                        self.report.push(format!("{place}: not resolved: {:?}: the fields are not in one table", alternative.source));
                        continue;
                    };
                    let value = json!({ "kind": "at_least_one_of", "groups": alternative.groups, "source": alternative.source });
                    self.objects[target].rules.push(Rule { value, mirrored: false });
                }
            }
        }
    }

    /// The object a row's type names, if it is on the page.
    fn row_object(&self, object: usize, row: usize) -> Option<usize> {
        match &self.objects[object].table().rows[row].ty {
            Type::Object(name) => self.index.get(name).copied(),
            Type::Array(items) => match items.as_ref() {
                Type::Object(name) => self.index.get(name).copied(),
                _ => None,
            },
            _ => None,
        }
    }

    /// For each request-side object, the request-side objects with a row of its type: (parent, row name,
    /// whether the row is an array).
    fn request_parents(&self) -> Vec<Vec<(usize, String, bool)>> {
        let mut parents = vec![Vec::new(); self.objects.len()];
        for (p, object) in self.objects.iter().enumerate().filter(|(_, o)| o.request_side()) {
            for (r, row) in object.table().rows.iter().enumerate() {
                if let Some(child) = self.row_object(p, r).filter(|&c| self.objects[c].request_side()) {
                    parents[child].push((p, row.name.clone(), matches!(row.ty, Type::Array(_))));
                }
            }
        }
        parents
    }

    /// Resolves a condition's subject to a field of the row's object or, nearest first, of an object that
    /// contains it, and its values to that field's values; the rule goes on that object.
    fn place_condition(&mut self, object: usize, row: &str, place: &str, condition: &rules::Condition, parents: &[Vec<(usize, String, bool)>]) {
        let mut candidates = vec![condition.subject.replace(' ', "_").to_ascii_lowercase()];
        if let Some(term) = self.overlays.term(&condition.subject) {
            candidates.insert(0, term.to_owned());
        }
        let mut level = vec![(object, String::new())];
        let mut seen = BTreeSet::from([object]);
        let mut hosts = Vec::new();
        for _ in 0..8 {
            hosts = level
                .iter()
                .filter_map(|(o, prefix)| candidates.iter().find(|c| self.objects[*o].row(c).is_some()).map(|c| (*o, prefix.clone(), c.clone())))
                .collect();
            if !hosts.is_empty() || level.is_empty() {
                break;
            }
            level = level
                .iter()
                .flat_map(|(o, prefix)| parents[*o].iter().map(move |(p, name, array)| (*p, format!("{name}{}.{prefix}", if *array { "[]" } else { "" }))))
                .filter(|(p, _)| seen.insert(*p))
                .collect();
        }
        if hosts.is_empty() {
            let candidates = candidates.join("` or `");
            let help = "name it in the overlay's terms, or list the sentence as a note";
            self.report.push(format!("{place}: not resolved: {:?}: no field `{candidates}` in this table or one that contains it ({help})", condition.source));
            return;
        }
        for (host, prefix, field) in hosts {
            let Some(values) = self.condition_values(host, &field, &condition.values) else {
                self.report.push(format!(
                    "{place}: not resolved: {:?}: {:?} are not values of {}.{field}",
                    condition.source, condition.values, self.objects[host].name
                ));
                continue;
            };
            let kind = match condition.kind {
                ConditionKind::RequiredIf => "required_if",
                ConditionKind::ForbiddenUnless => "forbidden_unless",
            };
            let value = json!({ "kind": kind, "field": format!("{prefix}{row}"), "when": { "field": field, "in": values }, "source": condition.source });
            self.objects[host].rules.push(Rule { value, mirrored: false });
        }
    }

    /// The values of `field` (a row of `object`) that phrases name: an enumeration's value, variant name
    /// or meaning, ignoring case, or what the overlay's terms say the phrase means.
    fn condition_values(&self, object: usize, field: &str, phrases: &[String]) -> Option<Vec<Value>> {
        let o = &self.objects[object];
        let r = o.row(field)?;
        let row = &o.table().rows[r];
        let enumeration = o.row_enums[r].as_ref().and_then(|name| self.enums.iter().find(|e| &e.name == name));
        let resolve = |phrase: &str| -> Option<Value> {
            match enumeration {
                Some(e) => e.values.iter().find_map(|(value, meaning)| {
                    let wire = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                    let variant = self.variant_name(e, value, meaning.as_deref());
                    let meaning = meaning.as_deref().unwrap_or_default().trim_end_matches('.');
                    [wire.as_str(), variant.as_str(), meaning].iter().any(|c| c.eq_ignore_ascii_case(phrase)).then(|| value.clone())
                }),
                None => match row.ty {
                    Type::Integer | Type::Long => phrase.parse::<i64>().ok().map(Value::from),
                    Type::Boolean => phrase.parse::<bool>().ok().map(Value::from),
                    _ => Some(Value::from(phrase)),
                },
            }
        };
        phrases.iter().map(|p| resolve(p).or_else(|| self.overlays.term(p).and_then(resolve))).collect()
    }

    /// A variant's name: the overlay's, else made from a string value, else from the meaning.
    fn variant_name(&self, e: &EnumDef, value: &Value, meaning: Option<&str>) -> String {
        let wire = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
        if let Some(name) = self.overlays.enum_patches(&e.name).iter().rev().find_map(|p| p.variants.get(&wire)) {
            return name.clone();
        }
        let from_value = value.as_str().map(|s| s.to_upper_camel_case()).filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()));
        let from_meaning = || {
            let meaning = meaning?;
            // "Weighted round robin (WRR)." names WeightedRoundRobin: the abbreviation is not part of the name.
            let plain = match (meaning.find(" ("), meaning.rfind(')')) {
                (Some(open), Some(close)) if close > open => format!("{}{}", &meaning[..open], &meaning[close + 1..]),
                _ => meaning.to_owned(),
            };
            Some(plain.to_upper_camel_case()).filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))
        };
        from_value.or_else(from_meaning).unwrap_or_else(|| format!("Value{}", wire.replace('-', "Minus")))
    }

    fn object_description(&self, object: &Object<'_>) -> Vec<String> {
        if let Some(description) = self.overlays.object_description(&object.name) {
            return description.clone();
        }
        let first = object.table();
        let text = match object.role {
            Role::RequestBody => format!("{}.", first.label()),
            Role::ResponseBody => {
                let numbers: Vec<u32> = object.tables.iter().map(|t| t.number).collect();
                let consecutive = numbers.windows(2).all(|w| w[1] == w[0] + 1);
                let tables = match numbers.as_slice() {
                    [_] => format!("Table {}", numbers[0]),
                    [first_n, .., last_n] if consecutive => format!("Table {first_n} to Table {last_n}"),
                    _ => and_list(&numbers.iter().map(|n| format!("Table {n}")).collect::<Vec<_>>()),
                };
                let statuses: Vec<String> = object.statuses.iter().map(u16::to_string).collect();
                let codes = if statuses.len() == 1 { "status code" } else { "status codes" };
                format!("{tables} {} ({codes} {}).", first.caption, and_list(&statuses))
            }
            Role::Named if object.tables.len() > 1 => {
                let also: Vec<String> = object.tables[1..].iter().map(|t| format!("Table {}", t.number)).collect();
                format!("{} (also {}).", first.label(), and_list(&also))
            }
            Role::Named => format!("{}.", first.label()),
        };
        vec![text]
    }

    fn enum_json(&self, e: &EnumDef) -> Value {
        let patches = self.overlays.enum_patches(&e.name);
        let values: Vec<Value> = e
            .values
            .iter()
            .map(|(value, meaning)| {
                let wire = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                let mut v = Map::new();
                v.insert("value".into(), value.clone());
                v.insert("name".into(), json!(self.variant_name(e, value, meaning.as_deref())));
                if let Some(meaning) = meaning {
                    v.insert("meaning".into(), json!(meaning));
                }
                if let Some(aliases) = patches.iter().rev().find_map(|p| p.aliases.get(&wire)) {
                    v.insert("aliases".into(), json!(aliases));
                }
                Value::Object(v)
            })
            .collect();
        let description = patches.iter().rev().find_map(|p| p.description.clone()).unwrap_or_else(|| e.description.clone());
        let mut out = Map::new();
        out.insert("type".into(), json!(e.ty));
        out.insert("description".into(), json!(description));
        out.insert("values".into(), Value::Array(values));
        if let Some(decision) = patches.iter().rev().find_map(|p| p.decision.clone()) {
            out.insert("decision".into(), json!(decision));
        }
        Value::Object(out)
    }

    /// The fields of a path or header table (not objects, but rows like any other).
    fn parameter_fields(&mut self, label: &str, table: Option<&Table>) -> Vec<Value> {
        let Some(table) = table else { return Vec::new() };
        table.rows.iter().map(|row| Value::Object(self.field(label, row, true).0)).collect()
    }

    fn assemble(mut self, target: &Target) -> Imported {
        let page = self.page;
        let path_table = page.tables.iter().find(|t| matches!(table_kind(t), TableKind::PathParams));
        let header_table = page.tables.iter().find(|t| matches!(table_kind(t), TableKind::Headers));
        let path_params = self.parameter_fields("path", path_table);
        let headers = self.parameter_fields("headers", header_table);

        let mut objects = Map::new();
        let mut common_objects = Map::new();
        for object in &self.objects {
            let mut rules: Vec<&Rule> = object
                .rules
                .iter()
                .filter(|rule| !(rule.mirrored && object.rules.iter().any(|r| !r.mirrored && same_comparison(&r.value, &rule.value))))
                .collect();
            rules.sort_by_key(|r| rule_rank(&r.value));
            let mut rules: Vec<Value> = rules.into_iter().map(|r| self.decide_checked(&object.name, r.value.clone())).collect();
            for added in self.overlays.object_rules(&object.name) {
                let at = rules.iter().rposition(|r| rule_rank(r) <= rule_rank(added)).map_or(0, |p| p + 1);
                rules.insert(at, added.clone());
            }
            let mut out = Map::new();
            out.insert("description".into(), json!(self.object_description(object)));
            out.insert("fields".into(), Value::Array(object.fields.iter().cloned().map(Value::Object).collect()));
            if !rules.is_empty() {
                out.insert("rules".into(), Value::Array(rules));
            }
            let into = if self.overlays.is_common(&object.name) { &mut common_objects } else { &mut objects };
            into.insert(object.name.clone(), Value::Object(out));
        }
        let mut enums = Map::new();
        let mut common_enums = Map::new();
        for e in &self.enums {
            let into = if self.overlays.is_common(&e.name) { &mut common_enums } else { &mut enums };
            into.insert(e.name.clone(), self.enum_json(e));
        }

        let operation = self.operation(target, path_params, headers);
        let mut source = Map::new();
        source.insert("page".into(), json!(page.title));
        match &page.updated {
            Some(date) => {
                source.insert("updated".into(), json!(date));
            }
            None => self.report.push("the page states no \"Updated on\" date; source.updated is left out".to_owned()),
        }
        self.report_unused_overlay();
        let spec = json!({
            "$schema": "../spec.schema.json",
            "service": target.service,
            "source": source,
            "operation": operation,
            "objects": objects,
            "enums": enums,
        });
        Imported { spec, common_objects, common_enums, report: self.report, stale: self.stale }
    }

    fn operation(&mut self, target: &Target, path_params: Vec<Value>, headers: Vec<Value>) -> Value {
        let page = self.page;
        let mut op = Map::new();
        op.insert("name".into(), json!(target.name));
        op.insert("summary".into(), json!(page.title));
        op.insert("description".into(), json!(page.description));
        op.insert("method".into(), json!(page.method));
        op.insert("path".into(), json!(page.path));
        if !path_params.is_empty() {
            op.insert("path_params".into(), Value::Array(path_params));
        }
        if !headers.is_empty() {
            op.insert("headers".into(), Value::Array(headers));
        }
        if let Some(body) = self.objects.iter().find(|o| o.role == Role::RequestBody) {
            op.insert("body".into(), json!(body.name));
        }
        let mut statuses = page.status_codes.clone();
        if statuses.is_empty() {
            let mut seen: Vec<u16> =
                self.objects.iter().flat_map(|o| o.statuses.clone()).chain(page.response_examples.iter().filter_map(|e| e.status)).collect();
            seen.sort_unstable();
            seen.dedup();
            if !seen.is_empty() {
                self.report.push("the page has no \"Status Codes\" table; the responses' descriptions are empty".to_owned());
            }
            statuses = seen.into_iter().map(|s| (s, String::new())).collect();
        }
        let responses: Vec<Value> = statuses
            .iter()
            .map(|(status, description)| {
                let mut response = Map::new();
                response.insert("status".into(), json!(status));
                response.insert("description".into(), json!(description));
                if let Some(body) = self.objects.iter().find(|o| o.statuses.contains(status)) {
                    response.insert("body".into(), json!(body.name));
                }
                Value::Object(response)
            })
            .collect();
        op.insert("responses".into(), Value::Array(responses));
        let requests: Vec<Value> = page
            .request_examples
            .iter()
            .enumerate()
            .map(|(i, e)| json!({ "title": e.title.clone().unwrap_or_else(|| format!("Example {}", i + 1)), "body": e.body }))
            .collect();
        let mut responses = Vec::new();
        for e in &page.response_examples {
            let Some(status) = e.status else {
                self.report.push(format!("line {}: an example response under no \"Status code:\" line is left out", e.line));
                continue;
            };
            let mut example = Map::new();
            example.insert("status".into(), json!(status));
            if let Some(title) = &e.title {
                example.insert("title".into(), json!(title));
            }
            example.insert("body".into(), e.body.clone());
            responses.push(Value::Object(example));
        }
        op.insert("examples".into(), json!({ "requests": requests, "responses": responses }));
        Value::Object(op)
    }

    /// The rule, marked `"checked": false` with the overlay's decision where an overlay says the request
    /// cannot decide it.
    fn decide_checked(&self, object: &str, mut rule: Value) -> Value {
        let field = rule.get("field").and_then(Value::as_str).unwrap_or_default().to_owned();
        if let (Some(decision), Some(rule)) = (self.overlays.unchecked(object, &field), rule.as_object_mut()) {
            rule.insert("decision".into(), json!(decision));
            rule.insert("checked".into(), json!(false));
        }
        rule
    }

    /// Entries of the page's overlay that matched nothing are likely typos or left over from an older
    /// page. (The common overlay serves every page of the service, so most of it is unused by any one.)
    fn report_unused_overlay(&mut self) {
        let overlay = &self.overlays.page;
        let mut unused = Vec::new();
        let statuses: BTreeSet<String> = self.objects.iter().flat_map(|o| o.statuses.iter().map(u16::to_string)).collect();
        for key in overlay.bodies.keys() {
            let known = if key == "request" { self.objects.iter().any(|o| o.role == Role::RequestBody) } else { statuses.contains(key) };
            if !known {
                unused.push(format!("bodies.{key}"));
            }
        }
        for key in overlay.fields.keys() {
            let matches = match key.split_once('.') {
                Some((object, field)) => self.index.get(object).is_some_and(|&i| self.objects[i].row(field).is_some()) || self.parameter_row(object, field),
                None => self.objects.iter().any(|o| o.row(key).is_some()) || self.parameter_row("path", key) || self.parameter_row("headers", key),
            };
            if !matches {
                unused.push(format!("fields.{key}"));
            }
        }
        for name in overlay.objects.keys().filter(|n| !self.index.contains_key(*n)) {
            unused.push(format!("objects.{name}"));
        }
        for (name, patch) in &overlay.objects {
            let Some(&i) = self.index.get(name) else { continue };
            for field in patch.unchecked.keys() {
                if !self.objects[i].rules.iter().any(|r| r.value.get("field").and_then(Value::as_str) == Some(field)) {
                    unused.push(format!("objects.{name}.unchecked.{field}"));
                }
            }
        }
        for name in overlay.enums.keys().filter(|n| !self.enums.iter().any(|e| &e.name == *n)) {
            unused.push(format!("enums.{name}"));
        }
        for note in overlay.notes.iter().filter(|n| !self.notes_used.contains(*n)) {
            unused.push(format!("notes: {note:?}"));
        }
        for entry in unused {
            self.report.push(format!("overlay: {entry} matches nothing on the page"));
        }
    }

    fn parameter_row(&self, label: &str, field: &str) -> bool {
        let kind = |t: &Table| match label {
            "path" => matches!(table_kind(t), TableKind::PathParams),
            "headers" => matches!(table_kind(t), TableKind::Headers),
            _ => false,
        };
        self.page.tables.iter().filter(|t| kind(t)).any(|t| t.rows.iter().any(|r| r.name == field))
    }
}

/// Whether two tables have the same rows, wherever they are on the page; `but_required` ignores the
/// Mandatory column (the response copy of a request table has none).
fn same_rows(a: &Table, b: &Table, but_required: bool) -> bool {
    let same = |x: &Row, y: &Row| Row { line: y.line, required: if but_required { y.required } else { x.required }, ..x.clone() } == *y;
    a.rows.len() == b.rows.len() && a.rows.iter().zip(&b.rows).all(|(x, y)| same(x, y))
}

fn same_comparison(a: &Value, b: &Value) -> bool {
    a.get("kind") == b.get("kind") && a.get("field") == b.get("field") && a.get("than") == b.get("than")
}
