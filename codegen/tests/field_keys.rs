//! The keys of a field are listed once, in `codegen::internal::spec::FIELD_KEYS` (a unit test there ties
//! the list to what `spec::Field` reads and writes); the schema editors check spec files against must list
//! the same keys, in the same order, or an editor would accept a key the generator rejects, or the other
//! way round.

use serde_json::Value;
use std::path::Path;

#[test]
fn the_schema_lists_the_field_keys_of_the_spec_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/spec.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let properties = schema["$defs"]["field"]["properties"]
        .as_object()
        .expect("the schema defines $defs.field.properties");
    let keys: Vec<&str> = properties
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "name")
        .collect();
    assert_eq!(
        keys,
        codegen::internal::spec::FIELD_KEYS,
        "$defs.field.properties of spec/spec.schema.json (besides name) against spec::FIELD_KEYS"
    );
    assert_eq!(
        schema["$defs"]["field"]["additionalProperties"],
        Value::Bool(false),
        "the schema must reject keys it does not list"
    );
}
