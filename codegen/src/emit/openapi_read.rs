//! The response side of the OpenAPI documents: what a client may read, as the generated crates read
//! it (`Response::parse`). Each response type gets a `<Type>.read` component: its fields by their
//! types, any of them absent or `null`, enumerations open to values a later page adds, no limits or
//! rules. The page's own schema of the body stays beside it under `x-page-schema`, for tools that
//! report where a response departs from the page (as `parse_with_departures` does).

use crate::ir::{Service, Struct, Type, TypeDef};
use serde_json::{json, Map, Value};

/// The component name of a type's read form.
pub(super) fn read_name(name: &str) -> String {
    format!("{name}.read")
}

/// The read form of a response type's struct.
pub(super) fn read_struct_schema(s: &Struct, service: &Service) -> Value {
    let properties: Map<String, Value> = (s.fields.iter())
        .map(|field| {
            let schema = read_type_schema(&field.ty, service);
            (
                field.wire.clone(),
                json!({ "anyOf": [schema, { "type": "null" }] }),
            )
        })
        .collect();
    json!({ "type": "object", "properties": properties })
}

/// The read form of a value of type `ty`.
pub(super) fn read_type_schema(ty: &Type, service: &Service) -> Value {
    match ty {
        Type::String => json!({ "type": "string" }),
        Type::I32 | Type::I64 => json!({ "type": "integer" }),
        Type::F64 => json!({ "type": "number" }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Struct(name) => json!({ "$ref": format!("#/$defs/{}", read_name(name)) }),
        Type::Enum(name) => {
            let integer = (service.types.iter())
                .any(|t| matches!(t, TypeDef::Enum(e) if e.name == *name && e.integer));
            json!({ "type": if integer { "integer" } else { "string" } })
        }
        Type::Map(inner) => {
            json!({ "type": "object", "additionalProperties": read_type_schema(inner, service) })
        }
        Type::JsonObject => json!({ "type": "object" }),
        Type::Any => json!({}),
        Type::File => json!({ "contentMediaType": "application/octet-stream" }),
        Type::Vec(inner) => json!({ "type": "array", "items": read_type_schema(inner, service) }),
    }
}
