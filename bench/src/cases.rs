//! The measured cases, each a function from the body's bytes to its number of members, so that the result is
//! used and every case drops what it built inside the measurement (a server drops its request too).

use crate::plain;
use api_gateway_models::{apig, from_json};
use serde::de::IgnoredAny;

/// The hand-made JSON Schema of the body, shared by cases (d) and (e).
pub const SCHEMA: &str = include_str!("../schemas/vpc_create.schema.json");

/// The JSON Schema (2020-12) the generator emits for the operation, with the conditional rules as
/// `if`/`then`: case (d2).
pub const EMITTED_SCHEMA: &str =
    include_str!("../../generated/schema/apig/update_vpc_channel.schema.json");

/// What the cases need prepared outside the measurement: compiling a JSON Schema is a one-time cost.
pub struct Context {
    schema: jsonschema::Validator,
    emitted_schema: jsonschema::Validator,
}

impl Context {
    /// Compiles the schemas of cases (d) and (d2).
    pub fn new() -> Context {
        let compile = |text: &str| {
            let schema: serde_json::Value = serde_json::from_str(text).expect("the schema is JSON");
            jsonschema::validator_for(&schema).expect("the schema compiles")
        };
        Context {
            schema: compile(SCHEMA),
            emitted_schema: compile(EMITTED_SCHEMA),
        }
    }
}

impl Default for Context {
    fn default() -> Context {
        Context::new()
    }
}

/// One measured case.
pub struct Case {
    /// Its letter in the issue: `floor`, `a` to `f`; `d2` is (d) with the generator's own schema.
    pub key: &'static str,
    /// What it does, for the table.
    pub what: &'static str,
    /// Runs it once on a valid body; panics if the body is refused, so that no case is timed on an error path.
    pub run: fn(&Context, &[u8]) -> usize,
}

/// Every case, the floor first and the baseline (a) second.
pub const CASES: &[Case] = &[
    Case {
        key: "floor",
        what: "serde_json::from_slice::<IgnoredAny> (bare JSON scan)",
        run: floor,
    },
    Case {
        key: "a",
        what: "serde_json::from_slice::<plain::VpcCreate> (baseline: plain serde derives of the same tables)",
        run: deserialize,
    },
    Case {
        key: "b",
        what: "from_json::<apig::VpcCreate> + validate() (two passes)",
        run: deserialize_then_validate,
    },
    Case {
        key: "c",
        what: "apig::update_vpc_channel::parse_body (one pass: checked owned model)",
        run: parse_body,
    },
    Case {
        key: "d",
        what: "serde_json::Value + jsonschema is_valid (hand-made schema)",
        run: jsonschema_on_value,
    },
    Case {
        key: "d2",
        what: "(d) with the schema codegen emits (+ conditional rules)",
        run: jsonschema_emitted_on_value,
    },
    Case {
        key: "e",
        what: "typify types from the same schema",
        run: typify_types,
    },
    Case {
        key: "f",
        what: "apig::update_vpc_channel::check_body (one pass: checked, nothing built)",
        run: check_body,
    },
];

/// The case with this key.
pub fn case(key: &str) -> &'static Case {
    CASES
        .iter()
        .find(|case| case.key == key)
        .expect("a known case")
}

fn floor(_: &Context, body: &[u8]) -> usize {
    serde_json::from_slice::<IgnoredAny>(body).expect("the body is JSON");
    1
}

fn members(value: &apig::VpcCreate) -> usize {
    value.members.as_ref().map_or(0, Vec::len)
}

fn deserialize(_: &Context, body: &[u8]) -> usize {
    let value: plain::VpcCreate = serde_json::from_slice(body).expect("the body fits the type");
    value.members.as_ref().map_or(0, Vec::len)
}

fn deserialize_then_validate(_: &Context, body: &[u8]) -> usize {
    let value: apig::VpcCreate = from_json(body).expect("the body fits the type");
    value.validate().expect("the body is valid");
    members(&value)
}

fn parse_body(_: &Context, body: &[u8]) -> usize {
    let value: apig::VpcCreate =
        apig::update_vpc_channel::parse_body(body).expect("the body is valid");
    members(&value)
}

fn jsonschema_on_value(context: &Context, body: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(body).expect("the body is JSON");
    // is_valid stops at nothing on a valid body and builds no error: jsonschema's fastest way to say yes.
    assert!(
        context.schema.is_valid(&value),
        "the schema accepts the body"
    );
    value["members"].as_array().map_or(0, Vec::len)
}

fn jsonschema_emitted_on_value(context: &Context, body: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(body).expect("the body is JSON");
    assert!(
        context.emitted_schema.is_valid(&value),
        "the emitted schema accepts the body"
    );
    value["members"].as_array().map_or(0, Vec::len)
}

fn typify_types(_: &Context, body: &[u8]) -> usize {
    let value: crate::typified::VpcCreate =
        serde_json::from_slice(body).expect("the typify types accept the body");
    value.members.len()
}

fn check_body(_: &Context, body: &[u8]) -> usize {
    apig::update_vpc_channel::check_body(body).expect("the body is valid");
    1
}

/// Every violation jsonschema reports for `value` against the hand-made schema and then the emitted one, as
/// `path: message` lines.
pub fn jsonschema_errors(context: &Context, value: &serde_json::Value) -> Vec<String> {
    let errors = context
        .schema
        .iter_errors(value)
        .chain(context.emitted_schema.iter_errors(value));
    errors
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}
