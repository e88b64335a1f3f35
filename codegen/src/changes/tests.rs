//! Each check both ways: an edit of a small spec whose table `Item` is both the request body and the
//! response body, so that one edit is judged once as a request and once as a response, and the
//! reverse edit gives the opposite change.

mod operations;

use super::source::{model_of, SourceError};
use super::{catalogue, compare, Change};
use serde_json::{json, Value};

/// One operation, `PUT /items/{item_id}`, sending and returning `Item`.
fn base() -> Value {
    json!({
        "service": "svc",
        "operation": {
            "name": "put_item",
            "summary": "Putting an item",
            "method": "PUT",
            "path": "/items/{item_id}",
            "path_params": [{"name": "item_id", "type": "string", "required": true}],
            "headers": [{"name": "X-Auth-Token", "type": "string", "required": true}],
            "query_params": [{"name": "limit", "type": "integer", "minimum": 1, "maximum": 100}],
            "body": "Item",
            "responses": [
                {"status": 200, "description": "OK", "body": "Item",
                 "headers": [{"name": "X-Request-Id", "type": "string"}]},
                {"status": 404, "description": "Not Found"}
            ]
        },
        "objects": {
            "Item": {
                "fields": [
                    {"name": "name", "type": "string", "required": true, "description": ["Name."],
                     "min_length": 1, "max_length": 64, "chars": {"allowed": ["ascii_letter", "digit"]}},
                    {"name": "size", "type": "integer", "minimum": 0, "maximum": 10, "default": 1},
                    {"name": "kind", "type": "Kind"},
                    {"name": "tags", "type": "array", "items": "string", "max_items": 10},
                    {"name": "low", "type": "integer"},
                    {"name": "high", "type": "integer"}
                ]
            }
        },
        "enums": {
            "Kind": {"type": "string", "values": [{"value": "a"}, {"value": "b"}]}
        }
    })
}

fn model(spec: &Value) -> crate::ir::Model {
    let text = serde_json::to_string_pretty(spec).unwrap();
    match model_of("test", &[("svc/op.json".to_owned(), text)]) {
        Ok(model) => model,
        Err(error) => panic!("{error}"),
    }
}

/// Each change as `check path level semver`.
fn lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            format!(
                "{} {} {} {}",
                c.check,
                c.path,
                c.level.as_str(),
                c.semver.as_str()
            )
        })
        .collect()
}

/// The changes `edit` makes to the base spec, and those of the edit undone.
fn both_ways(edit: impl Fn(&mut Value)) -> (Vec<String>, Vec<String>) {
    let old = base();
    let mut new = base();
    edit(&mut new);
    let (old, new) = (model(&old), model(&new));
    (lines(&compare(&old, &new)), lines(&compare(&new, &old)))
}

/// The field `name` of `Item`.
fn field<'a>(spec: &'a mut Value, name: &str) -> &'a mut Value {
    let fields = spec["objects"]["Item"]["fields"].as_array_mut().unwrap();
    fields.iter_mut().find(|f| f["name"] == name).unwrap()
}

#[track_caller]
fn assert_both_ways(edit: impl Fn(&mut Value), forward: &[&str], backward: &[&str]) {
    let (there, back) = both_ways(edit);
    assert_eq!(there, forward, "the edit");
    assert_eq!(back, backward, "the edit undone");
}

#[test]
fn a_length_that_narrows_breaks_requests_and_widens_responses() {
    assert_both_ways(
        |s| field(s, "name")["max_length"] = json!(32),
        &[
            "request-max-length-decreased request.body.name breaking patch",
            "response-max-length-decreased response.200.body.name compatible patch",
        ],
        &[
            "request-max-length-increased request.body.name compatible patch",
            "response-max-length-increased response.200.body.name warning patch",
        ],
    );
    assert_both_ways(
        |s| field(s, "name")["min_length"] = json!(3),
        &[
            "request-min-length-increased request.body.name breaking patch",
            "response-min-length-increased response.200.body.name compatible patch",
        ],
        &[
            "request-min-length-decreased request.body.name compatible patch",
            "response-min-length-decreased response.200.body.name warning patch",
        ],
    );
}

#[test]
fn each_bound_of_a_range_is_judged_on_its_own() {
    // The range moves up: its minimum narrows it and its maximum widens it.
    assert_both_ways(
        |s| {
            field(s, "size")["minimum"] = json!(1);
            field(s, "size")["maximum"] = json!(20);
            field(s, "size")["default"] = json!(1);
        },
        &[
            "request-minimum-increased request.body.size breaking patch",
            "request-maximum-increased request.body.size compatible patch",
            "response-minimum-increased response.200.body.size compatible patch",
            "response-maximum-increased response.200.body.size warning patch",
        ],
        &[
            "request-minimum-decreased request.body.size compatible patch",
            "request-maximum-decreased request.body.size breaking patch",
            "response-minimum-decreased response.200.body.size warning patch",
            "response-maximum-decreased response.200.body.size compatible patch",
        ],
    );
    assert_both_ways(
        |s| field(s, "low")["maximum"] = json!(5),
        &[
            "request-maximum-added request.body.low breaking patch",
            "response-maximum-added response.200.body.low compatible patch",
        ],
        &[
            "request-maximum-removed request.body.low compatible patch",
            "response-maximum-removed response.200.body.low warning patch",
        ],
    );
    assert_both_ways(
        |s| field(s, "tags")["max_items"] = json!(5),
        &[
            "request-max-items-decreased request.body.tags breaking patch",
            "response-max-items-decreased response.200.body.tags compatible patch",
        ],
        &[
            "request-max-items-increased request.body.tags compatible patch",
            "response-max-items-increased response.200.body.tags warning patch",
        ],
    );
}

#[test]
fn a_character_rule_is_compared_by_the_characters_it_allows() {
    assert_both_ways(
        |s| field(s, "name")["chars"] = json!({"allowed": ["ascii_letter"]}),
        &[
            "request-chars-narrowed request.body.name breaking patch",
            "response-chars-narrowed response.200.body.name compatible patch",
        ],
        &[
            "request-chars-widened request.body.name compatible patch",
            "response-chars-widened response.200.body.name warning patch",
        ],
    );
    // Letters of any script hold the English ones.
    let (there, _) =
        both_ways(|s| field(s, "name")["chars"] = json!({"allowed": ["letter", "digit"]}));
    assert_eq!(
        there[0],
        "request-chars-widened request.body.name compatible patch"
    );
    // Digits for Chinese characters: neither wider nor narrower.
    assert_both_ways(
        |s| field(s, "name")["chars"] = json!({"allowed": ["ascii_letter", "han"]}),
        &[
            "request-chars-changed request.body.name breaking patch",
            "response-chars-changed response.200.body.name warning patch",
        ],
        &[
            "request-chars-changed request.body.name breaking patch",
            "response-chars-changed response.200.body.name warning patch",
        ],
    );
    assert_both_ways(
        |s| {
            field(s, "name").as_object_mut().unwrap().remove("chars");
        },
        &[
            "request-chars-removed request.body.name compatible patch",
            "response-chars-removed response.200.body.name warning patch",
        ],
        &[
            "request-chars-added request.body.name breaking patch",
            "response-chars-added response.200.body.name compatible patch",
        ],
    );
}

#[test]
fn a_new_enumeration_value_is_minor_and_a_warning_in_responses() {
    assert_both_ways(
        |s| {
            s["enums"]["Kind"]["values"]
                .as_array_mut()
                .unwrap()
                .push(json!({"value": "c"}))
        },
        &[
            "request-enum-value-added request.body.kind compatible minor",
            "response-enum-value-added response.200.body.kind warning minor",
        ],
        &[
            "request-enum-value-removed request.body.kind breaking major",
            "response-enum-value-removed response.200.body.kind compatible major",
        ],
    );
}

#[test]
fn fields_added_and_removed() {
    let optional = json!({"name": "color", "type": "string"});
    assert_both_ways(
        |s| {
            s["objects"]["Item"]["fields"]
                .as_array_mut()
                .unwrap()
                .push(optional.clone())
        },
        &[
            "request-field-added-optional request.body.color compatible minor",
            "response-field-added-optional response.200.body.color compatible minor",
        ],
        &[
            "request-field-removed request.body.color breaking major",
            "response-field-removed response.200.body.color breaking major",
        ],
    );
    let mandatory = json!({"name": "color", "type": "string", "required": true});
    let (there, _) = both_ways(|s| {
        s["objects"]["Item"]["fields"]
            .as_array_mut()
            .unwrap()
            .push(mandatory.clone())
    });
    assert_eq!(
        there,
        [
            "request-field-added-mandatory request.body.color breaking major",
            "response-field-added-mandatory response.200.body.color compatible minor",
        ]
    );
}

#[test]
fn presence_and_null() {
    assert_both_ways(
        |s| field(s, "name")["required"] = json!(false),
        // With no mandatory field left, requests and responses read `Item` alike: the response no
        // longer needs a lenient form of its own (`ItemInResponse`), a rename of its Rust type.
        &[
            "request-field-became-optional request.body.name compatible major",
            "response-type-renamed response.200.body compatible major",
            "response-field-became-optional response.200.body.name breaking patch",
        ],
        &[
            "request-field-became-mandatory request.body.name breaking major",
            "response-type-renamed response.200.body compatible major",
            "response-field-became-mandatory response.200.body.name compatible patch",
        ],
    );
    assert_both_ways(
        |s| field(s, "low")["nullable"] = json!(true),
        &[
            "request-field-became-nullable request.body.low compatible major",
            "response-field-became-nullable response.200.body.low breaking major",
        ],
        &[
            "request-field-became-not-nullable request.body.low breaking major",
            "response-field-became-not-nullable response.200.body.low compatible major",
        ],
    );
}

#[test]
fn types() {
    assert_both_ways(
        |s| field(s, "low")["type"] = json!("long"),
        &[
            "request-type-widened request.body.low compatible major",
            "response-type-widened response.200.body.low breaking major",
        ],
        &[
            "request-type-changed request.body.low breaking major",
            "response-type-changed response.200.body.low breaking major",
        ],
    );
    assert_both_ways(
        |s| field(s, "kind")["type"] = json!("string"),
        &[
            "request-type-enum-to-string request.body.kind compatible major",
            "response-type-enum-to-string response.200.body.kind warning major",
        ],
        &[
            "request-type-string-to-enum request.body.kind breaking major",
            "response-type-string-to-enum response.200.body.kind compatible major",
        ],
    );
}

#[test]
fn a_renamed_type_is_compared_through_its_new_name() {
    let (there, _) = both_ways(|s| {
        let kind = s["enums"].as_object_mut().unwrap().remove("Kind").unwrap();
        s["enums"]["Sort"] = kind;
        s["enums"]["Sort"]["values"]
            .as_array_mut()
            .unwrap()
            .push(json!({"value": "c"}));
        field(s, "kind")["type"] = json!("Sort");
    });
    assert_eq!(
        there,
        [
            "request-type-renamed request.body.kind compatible major",
            "request-enum-value-added request.body.kind compatible minor",
            "response-type-renamed response.200.body.kind compatible major",
            "response-enum-value-added response.200.body.kind warning minor",
        ]
    );
}

#[test]
fn object_rules_defaults_and_descriptions() {
    let rule =
        json!({"kind": "less_than", "field": "low", "than": "high", "source": "low < high."});
    assert_both_ways(
        |s| s["objects"]["Item"]["rules"] = json!([rule.clone()]),
        &[
            "request-rule-added request.body breaking patch",
            "response-rule-added response.200.body compatible patch",
        ],
        &[
            "request-rule-removed request.body compatible patch",
            "response-rule-removed response.200.body warning patch",
        ],
    );
    assert_both_ways(
        |s| field(s, "size")["default"] = json!(2),
        &[
            "request-default-changed request.body.size warning patch",
            "response-default-changed response.200.body.size warning patch",
        ],
        &[
            "request-default-changed request.body.size warning patch",
            "response-default-changed response.200.body.size warning patch",
        ],
    );
    let (there, _) = both_ways(|s| field(s, "name")["description"] = json!(["The name."]));
    assert_eq!(
        there[0],
        "request-description-changed request.body.name compatible patch"
    );
}

#[test]
fn the_same_spec_has_no_changes() {
    let spec = model(&base());
    assert!(compare(&spec, &spec).is_empty());
}

#[test]
fn a_version_that_does_not_load_is_its_diagnostics() {
    let text = "{\n  \"service\": \"svc\",\n  \"objects\": {\"A\": {\"fields\": [{\"name\": \"x\", \"type\": \"Nope\"}]}}\n}\n";
    match model_of("HEAD~1:spec", &[("svc/a.json".to_owned(), text.to_owned())]) {
        Err(error @ SourceError::Spec { .. }) => {
            let text = error.to_string();
            assert!(
                text.contains("HEAD~1:spec/svc/a.json:3:")
                    && text.contains("objects.A.fields[0].type"),
                "{text}"
            );
        }
        other => panic!("expected the diagnostics, got {other:?}"),
    }
}

#[test]
fn the_catalogue_has_each_id_once_and_the_readme_shows_it() {
    let mut ids: Vec<&str> = catalogue::KINDS.iter().map(|k| k.id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "a check id is listed twice");
    let readme = include_str!("../../../README.md");
    let table = catalogue::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md must hold the catalogue's table as it is now:\n{table}"
    );
}
