//! typify's side of the generator comparison (feature `typify-timing`): the body's JSON Schema with its
//! definitions replicated under new names, and typify's time to turn it into formatted Rust.

use serde_json::{Map, Value};
use std::time::{Duration, Instant};

/// The hand-made body schema (root object and definitions) replicated until it has at least `fields`
/// properties, each copy's names suffixed `R{i}`; with the number of properties.
pub fn replicated_schema(fields: usize) -> (Value, usize) {
    let seed: Value = serde_json::from_str(crate::cases::SCHEMA).expect("the schema is JSON");
    let mut tables: Vec<(String, Value)> = seed["definitions"]
        .as_object()
        .expect("definitions")
        .clone()
        .into_iter()
        .collect();
    let mut root = seed.clone();
    if let Some(root) = root.as_object_mut() {
        for key in ["definitions", "$schema", "$comment", "title"] {
            root.remove(key);
        }
    }
    tables.push(("VpcCreate".to_owned(), root));
    let per_copy: usize = tables
        .iter()
        .map(|(_, t)| t["properties"].as_object().map_or(0, Map::len))
        .sum();
    let copies = fields.div_ceil(per_copy).max(1);
    let mut definitions = Map::new();
    for copy in 0..copies {
        for (name, table) in &tables {
            let mut table = table.clone();
            rename_refs(&mut table, copy);
            definitions.insert(format!("{name}R{copy}"), table);
        }
    }
    let schema = serde_json::json!({ "$schema": "http://json-schema.org/draft-07/schema#", "definitions": definitions });
    (schema, copies * per_copy)
}

fn rename_refs(value: &mut Value, copy: usize) {
    match value {
        Value::Object(object) => {
            for (key, value) in object.iter_mut() {
                match value {
                    Value::String(target) if key == "$ref" => *target = format!("{target}R{copy}"),
                    _ => rename_refs(value, copy),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, copy)),
        _ => {}
    }
}

/// typify's phases on one schema.
pub struct TypifyTimes {
    /// `TypeSpace::add_root_schema`: reading the schema into typify's model.
    pub convert: Duration,
    /// `TypeSpace::to_stream`: the tokens.
    pub emit: Duration,
    /// `syn::parse2` and `prettyplease::unparse`: formatted Rust, as a build script would write it.
    pub format: Duration,
    pub lines: usize,
}

/// Runs typify on `schema` the way `build.rs` does.
pub fn time_typify(schema: &Value) -> TypifyTimes {
    let started = Instant::now();
    let root: schemars::schema::RootSchema =
        serde_json::from_value(schema.clone()).expect("a draft-07 schema");
    let mut space =
        typify::TypeSpace::new(typify::TypeSpaceSettings::default().with_struct_builder(false));
    space
        .add_root_schema(root)
        .expect("typify accepts the schema");
    let convert = started.elapsed();
    let started = Instant::now();
    let tokens = space.to_stream();
    let emit = started.elapsed();
    let started = Instant::now();
    let file: syn::File = syn::parse2(tokens).expect("typify's output parses");
    let code = prettyplease::unparse(&file);
    let format = started.elapsed();
    TypifyTimes {
        convert,
        emit,
        format,
        lines: code.lines().count(),
    }
}
