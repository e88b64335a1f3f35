//! Fields the page's example requests send but its tables do not list (IMS's example creates an
//! image from `instance_id`, which the table of that case leaves out). The service takes what its
//! own page sends, so the field is added, optional and typed by the value sent, with a review
//! line: never narrower than the page. A key close to a listed name (`dimension_names` beside
//! `dimension_name`) is more likely the example's typo: it is not added, and the example check
//! reports it for a person to decide.

use super::evidence::Undocumented;
use super::Builder;
use crate::diag::closest;
use crate::import::review::Kind;
use crate::spec::{self, OrderedField};
use serde_json::Value;
use std::collections::BTreeSet;

impl Builder<'_> {
    /// Adds each key the examples send that the object's table does not list, once.
    pub(super) fn add_undocumented(&mut self, keys: Vec<Undocumented>) {
        let mut added = BTreeSet::new();
        for Undocumented {
            object,
            key,
            value,
            example,
        } in keys
        {
            let names: Vec<String> = self.objects[object]
                .fields
                .iter()
                .map(|f| f.name.clone())
                .collect();
            let typo = closest(&key, names.iter().map(String::as_str)).is_some();
            if typo || key.trim() != key || key.is_empty() || !added.insert((object, key.clone())) {
                continue;
            }
            let description = format!(
                "Not in the page's table: the page's example request ({example}) sends it."
            );
            let (ty, items) = json_type(&value);
            let field = spec::Field {
                name: key.clone(),
                ty: ty.to_owned(),
                items: items.map(str::to_owned),
                description: vec![description],
                ..spec::Field::default()
            };
            // The order the checked-in specs have: the field was first written without its type.
            let field = OrderedField::with_first(field, &["name", "required", "description"]);
            let text = format!(
                "{}.{key}: not in the table, but the page's example request ({example}) sends it: added as an optional {}",
                self.objects[object].name,
                field.ty
            );
            let table = self.objects[object].table();
            self.report.push(table.review(Kind::FieldFromExample, text));
            self.objects[object].fields.push(field);
        }
    }
}

/// The spec's type (and items) for a JSON value an example sends: its kind, an integer by its
/// width, an array by its first item that is not null; a null says nothing, so `any`.
fn json_type(value: &Value) -> (&'static str, Option<&'static str>) {
    let scalar = |value: &Value| match value {
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()) => "integer",
        Value::Number(n) if n.is_i64() => "long",
        Value::Number(_) => "float",
        Value::String(_) => "string",
        Value::Object(_) => "object",
        Value::Null | Value::Array(_) => "any",
    };
    match value {
        Value::Array(items) => {
            let item = items.iter().find(|v| !v.is_null()).map_or("any", scalar);
            ("array", Some(item))
        }
        other => (scalar(other), None),
    }
}

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;
    use serde_json::{json, Value};

    /// IMS: the example sends `instance_id` and `tags` beside the table's `name`; `nmae` is close to
    /// `name`, a typo left for the example check to report.
    #[test]
    fn a_key_the_example_sends_is_an_optional_field_typed_by_its_value() {
        let text = "Creating an Image\n\nFunction\n\nf\n\nURI\n\nPOST /v2/cloudimages/action\n\nRequest\n\n  • Request parameters\n\n    Parameter\n\n    Mandatory\n\n    Type\n\n    Description\n\n    name\n\n    Yes\n\n    String\n\n    The name.\n\n  • Example request\n\n    {\"name\": \"a\", \"instance_id\": \"i\", \"tags\": [\"k.v\"], \"size\": 3000000000, \"nmae\": 1}\n";
        let imported = import_text(text, "otc_ims", "creating_an_image");
        let body = imported.spec_json()["operation"]["body"]
            .as_str()
            .unwrap()
            .to_owned();
        let spec = imported.spec_json();
        let fields = spec["objects"][body]["fields"].as_array().unwrap();
        let shape = |f: &Value| json!([f["name"], f["type"], f.get("items"), f["required"]]);
        let shapes: Vec<Value> = fields.iter().map(shape).collect();
        assert_eq!(
            shapes,
            [
                json!(["name", "string", null, true]),
                json!(["instance_id", "string", null, false]),
                json!(["tags", "array", "string", false]),
                json!(["size", "long", null, false]),
            ]
        );
        assert!(imported
            .report
            .iter()
            .any(|r| r.text.contains("instance_id: not in the table")));
    }
}
