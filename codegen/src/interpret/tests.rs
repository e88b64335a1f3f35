//! One spec with every kind of check, and bodies that break each one: what the interpreter reports,
//! as `path: message (code)` lines.

use super::check_body;
use crate::diag::Diagnostics;
use crate::{load, lower};
use serde_json::{json, Value};

const SPEC: &str = r#"{
  "service": "svc",
  "operation": { "name": "create_channel", "summary": "Creating a Channel", "method": "POST", "path": "/v1/channels", "body": "ChannelCreate" },
  "objects": {
    "ChannelCreate": {
      "fields": [
        { "name": "name", "type": "string", "required": true, "min_length": 3, "max_length": 5,
          "chars": { "first": ["ascii_letter", "han"], "allowed": ["ascii_letter", "han", "digit", "-_"] } },
        { "name": "type", "type": "integer", "default": 2 },
        { "name": "port", "type": "integer", "minimum": 1, "maximum": 65535 },
        { "name": "protocol", "type": "Protocol" },
        { "name": "strategy", "type": "Strategy" },
        { "name": "http_code", "type": "string", "format": { "integer_list": { "minimum": 100, "maximum": 599 } } },
        { "name": "members", "type": "array", "items": "Member", "max_items": 2 },
        { "name": "microservice_info", "type": "string" },
        { "name": "cce_info", "type": "string" },
        { "name": "timeout", "type": "integer" },
        { "name": "time_interval", "type": "integer" },
        { "name": "group_name", "type": "string" },
        { "name": "group_id", "type": "string" },
        { "name": "ratio", "type": "float" },
        { "name": "enabled", "type": "boolean" }
      ],
      "rules": [
        { "kind": "forbidden_unless", "field": "microservice_info", "when": { "field": "type", "in": [3] }, "source": "S." },
        { "kind": "forbidden_unless", "field": "cce_info", "when": { "field": "type", "in": [3] }, "source": "S.", "checked": false, "decision": "The body cannot decide it." },
        { "kind": "required_if", "field": "members[].host", "when": { "field": "type", "in": [2] }, "source": "S." },
        { "kind": "less_than", "field": "timeout", "than": "time_interval", "source": "S." },
        { "kind": "at_least_one_of", "groups": [["group_name"], ["group_id"]], "source": "S." }
      ]
    },
    "Member": {
      "fields": [
        { "name": "host", "type": "string" },
        { "name": "weight", "type": "integer", "minimum": 0, "maximum": 100 }
      ]
    }
  },
  "enums": {
    "Protocol": { "type": "string", "values": [{ "value": "TCP" }, { "value": "HTTP", "aliases": ["http"] }] },
    "Strategy": { "type": "integer", "values": [{ "value": 1, "meaning": "One." }, { "value": 2, "meaning": "Two." }] }
  }
}"#;

/// The violations of `body` as `path: message (code)` lines, with a valid base body's fields
/// overridden by `body`'s (a `null` there removes the field from the base).
fn check(body: Value) -> Vec<String> {
    let mut diags = Diagnostics::default();
    let files: Vec<load::File> = load::parse("svc/create_channel.json", SPEC, &mut diags)
        .into_iter()
        .collect();
    let model =
        lower::lower(&files, &mut diags).unwrap_or_else(|| panic!("{:#?}", diags.into_sorted()));
    let service = &model.services[0];
    let mut base = json!({ "name": "web", "group_name": "g" });
    for (key, value) in body.as_object().expect("an object") {
        match value {
            Value::Null => base.as_object_mut().map(|o| o.remove(key)),
            value => base
                .as_object_mut()
                .map(|o| o.insert(key.clone(), value.clone())),
        };
    }
    check_body(service, &service.operations[0], &base)
        .expect("a body")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_valid_body_has_no_violation() {
    assert_eq!(check(json!({})), Vec::<String>::new());
    let everything = json!({ "name": "中文-1", "type": 3, "port": 65535, "protocol": "http", "strategy": 2, "http_code": "200,201,210-299",
        "members": [{ "host": "h", "weight": 100 }], "microservice_info": "m", "timeout": 1, "time_interval": 2, "group_id": "i", "ratio": 0.5, "enabled": true });
    assert_eq!(check(everything), Vec::<String>::new());
}

#[test]
fn required_and_unknown_fields_with_the_closest_name() {
    assert_eq!(
        check(json!({ "name": null, "nmae": "web" })),
        [
            "name: is mandatory but absent (required)",
            "nmae: is not a documented field; did you mean `name`? (unknown_field)"
        ]
    );
    assert_eq!(
        check(json!({ "members": [{ "host": "h", "wieght": 1, "zzzzzz": 2 }] })),
        [
            "members[0].wieght: is not a documented field; did you mean `weight`? (unknown_field)",
            "members[0].zzzzzz: is not a documented field (unknown_field)",
        ]
    );
}

#[test]
fn values_that_do_not_fit_the_type_are_each_reported_and_the_rest_still_checked() {
    let found = check(
        json!({ "port": "22", "type": 1.5, "members": {}, "protocol": 1, "strategy": "1", "enabled": "yes", "ratio": "x", "name": "1" }),
    );
    assert_eq!(found, [
        "name: must be 3 to 5 characters long, got 1 (length)",
        "name: must start with an English letter or a Chinese character; may contain only English letters, Chinese characters, digits, `-` and `_`; found '1' at character 0 (pattern)",
        "type: must be an integer (32-bit), got the number 1.5 (type)",
        "port: must be an integer (32-bit), got the string \"22\" (type)",
        "protocol: must be a string (Protocol), got the number 1 (type)",
        "strategy: must be an integer (Strategy), got the string \"1\" (type)",
        "members: must be an array, got an object (type)",
        "ratio: must be a number, got the string \"x\" (type)",
        "enabled: must be true or false, got the string \"yes\" (type)",
    ]);
    assert_eq!(
        check(json!({ "port": 3_000_000_000_i64, "members": [[1]] })),
        [
            "port: must be an integer (32-bit), got the number 3000000000 (type)",
            "members[0]: must be an object (Member), got an array (type)",
        ]
    );
    // `-0` is the integer 0; a body that is not an object is reported at its root.
    assert_eq!(
        check(json!({ "port": -0.0 })),
        ["port: must be 1 to 65535, got 0 (range)"]
    );
    let mut diags = Diagnostics::default();
    let files: Vec<load::File> = load::parse("svc/create_channel.json", SPEC, &mut diags)
        .into_iter()
        .collect();
    let model = lower::lower(&files, &mut diags).expect("lowers");
    let found = check_body(
        &model.services[0],
        &model.services[0].operations[0],
        &json!([1]),
    )
    .expect("a body");
    assert_eq!(
        found.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [": must be an object (ChannelCreate), got an array (type)"]
    );
}

#[test]
fn ranges_lengths_in_characters_and_item_counts() {
    assert_eq!(
        check(json!({ "port": 0 })),
        ["port: must be 1 to 65535, got 0 (range)"]
    );
    assert_eq!(
        check(json!({ "members": [{ "host": "h", "weight": 101 }] })),
        ["members[0].weight: must be 0 to 100, got 101 (range)"]
    );
    // Five Chinese characters are five characters (fifteen bytes); six are one too many.
    assert_eq!(check(json!({ "name": "中文中文中" })), Vec::<String>::new());
    assert_eq!(
        check(json!({ "name": "中文中文中文" })),
        ["name: must be 3 to 5 characters long, got 6 (length)"]
    );
    let host = json!({ "host": "h" });
    assert_eq!(
        check(json!({ "members": [host, host, host] })),
        ["members: must have at most 2 items, got 3 (items)"]
    );
}

#[test]
fn enumerations_with_their_aliases() {
    assert_eq!(
        check(json!({ "protocol": "HTTP", "strategy": 1 })),
        Vec::<String>::new()
    );
    assert_eq!(check(json!({ "protocol": "http" })), Vec::<String>::new());
    assert_eq!(
        check(json!({ "protocol": "Http", "strategy": 3 })),
        [
            "protocol: must be one of TCP, HTTP, got Http (enum)",
            "strategy: must be one of 1, 2, got 3 (enum)"
        ]
    );
}

#[test]
fn character_rules_and_integer_lists() {
    assert_eq!(check(json!({ "name": "ab c" })), ["name: must start with an English letter or a Chinese character; may contain only English letters, Chinese characters, digits, `-` and `_`; found ' ' at character 2 (pattern)"]);
    assert_eq!(check(json!({ "name": "abé" })), ["name: must start with an English letter or a Chinese character; may contain only English letters, Chinese characters, digits, `-` and `_`; found 'é' at character 2 (pattern)"]);
    assert_eq!(check(json!({ "http_code": "299-200" })), ["http_code: must be a comma-separated list of integers and ranges (such as 200,201,210-299) within 100-599: range 299-200 starts above its end (format)"]);
    assert_eq!(check(json!({ "http_code": "200,600" })), ["http_code: must be a comma-separated list of integers and ranges (such as 200,201,210-299) within 100-599: 600 is outside 100-599 (format)"]);
}

#[test]
fn less_than_compares_when_both_are_present() {
    assert_eq!(
        check(json!({ "timeout": 5, "time_interval": 5 })),
        ["timeout: must be less than time_interval (5), got 5 (less_than)"]
    );
    assert_eq!(check(json!({ "timeout": 5 })), Vec::<String>::new());
}

#[test]
fn conditions_read_an_absent_field_as_its_default() {
    // `type` is absent, so it is its default 2: members need a host, and microservice_info is not
    // allowed.
    let weight_only = json!([{ "weight": 1 }, { "host": "h" }, { "weight": 2 }]);
    assert_eq!(
        check(json!({ "members": weight_only, "microservice_info": "m" })),
        [
            "members: must have at most 2 items, got 3 (items)",
            "microservice_info: is allowed only when type is 3 (forbidden_unless)",
            "members[0].host: is required when type is 2 (required_if)",
            "members[2].host: is required when type is 2 (required_if)",
        ]
    );
    assert_eq!(
        check(json!({ "type": 3, "members": [{ "weight": 1 }], "microservice_info": "m" })),
        Vec::<String>::new()
    );
}

#[test]
fn unchecked_rules_are_not_enforced() {
    // cce_info is "supported only when type is 3" too, but marked `"checked": false`.
    assert_eq!(check(json!({ "cce_info": "c" })), Vec::<String>::new());
}

#[test]
fn at_least_one_group_is_reported_on_the_object() {
    assert_eq!(
        check(json!({ "group_name": null })),
        [": needs at least one of: group_name; or group_id (at_least_one_of)"]
    );
    assert_eq!(
        check(json!({ "group_name": null, "group_id": "i" })),
        Vec::<String>::new()
    );
}
