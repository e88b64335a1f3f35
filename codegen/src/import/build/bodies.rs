//! The body of the request and of each response status: the object of its table, an array of it
//! where the page's examples are arrays, a whole body (a map, a file), or, for a request the page
//! shows but describes in no table, a free-form body.

use super::roles::TableKind;
use super::{Builder, Role};
use crate::import::review::{Kind, Review};
use crate::spec;

impl Builder<'_> {
    /// The body of the request (`None`) or of a response status: an object's name, or a whole body.
    pub(super) fn body(&mut self, status: Option<u16>) -> Option<spec::Body> {
        let object = self.objects.iter().find(|o| match status {
            None => o.role == Role::RequestBody,
            Some(status) => o.statuses.contains(&status),
        });
        match object {
            Some(object) => Some(self.object_body(object.name.clone(), status)),
            None => self
                .whole_bodies
                .iter()
                .find(|b| b.status == status)
                .map(|b| b.body.clone())
                .or_else(|| self.untabled_body(status)),
        }
    }

    /// A request body the page shows in its examples but describes in no table (FunctionGraph's
    /// "Executing a Function" sends the function's own event): a free-form object, or an array of
    /// any values, so that the operation can send what the page sends. Not for a form.
    fn untabled_body(&mut self, status: Option<u16>) -> Option<spec::Body> {
        // A form's example shows its parts, not a JSON body.
        let form = self.kinds.contains(&TableKind::FormData);
        let examples = &self.page.request_examples;
        let first = examples.first().filter(|_| status.is_none() && !form)?;
        let body = match () {
            _ if examples.iter().all(|e| e.body.is_object()) => spec::Body::named("object"),
            _ if examples.iter().all(|e| e.body.is_array()) => spec::Body {
                ty: "array".to_owned(),
                items: Some("any".to_owned()),
            },
            _ => return None,
        };
        let text = format!("the page gives an example request body but no table of it: the body is read as {}, unchecked", match body.items { Some(_) => "an array of any values", None => "a free-form object" });
        self.report
            .push(Review::new(Kind::UntabledBody, text).at_line(first.line));
        Some(body)
    }

    /// The body a table's object makes: the object, or an array of it where every example the
    /// page gives of that body is a JSON array (CES "Adding Monitoring Data" sends a list of the
    /// table's metrics).
    fn object_body(&mut self, name: String, status: Option<u16>) -> spec::Body {
        let page = self.page;
        let mut examples = match status {
            None => page.request_examples.iter().collect::<Vec<_>>(),
            Some(_) => page
                .response_examples
                .iter()
                .filter(|e| e.status == status)
                .collect(),
        };
        let lists = !examples.is_empty() && examples.iter().all(|e| e.body.is_array());
        if !lists {
            return spec::Body::named(name);
        }
        let first = examples.remove(0);
        let text = format!("the page's example bodies are JSON arrays: the body is an array of {name}, the table describing its items");
        self.report
            .push(Review::new(Kind::ArrayBody, text).at_line(first.line));
        spec::Body {
            ty: "array".to_owned(),
            items: Some(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;
    use serde_json::json;

    fn page(table: &str, example: &str) -> String {
        format!("Adding Monitoring Data\n\nFunction\n\nf\n\nURI\n\nPOST /V1.0/{{project_id}}/metric-data\n\nRequest\n\n{table}  • Example request\n\n    {example}\n")
    }

    const METRIC: &str = "  • Request parameters\n\n    Parameter\n\n    Mandatory\n\n    Type\n\n    Description\n\n    ttl\n\n    Yes\n\n    Integer\n\n    Time to live.\n\n";

    /// CES: the table describes one metric, the example sends a list of them.
    #[test]
    fn examples_that_are_arrays_make_an_array_of_the_tables_object() {
        let imported = import_text(
            &page(METRIC, r#"[{"ttl": 172800}, {"ttl": 1}]"#),
            "otc_ces",
            "adding_monitoring_data",
        );
        assert_eq!(
            imported.spec_json()["operation"]["body"],
            json!({"type": "array", "items": "AddingMonitoringDataRequest"})
        );
        let object = import_text(&page(METRIC, r#"{"ttl": 1}"#), "otc_ces", "adding");
        assert_eq!(object.spec_json()["operation"]["body"], "AddingRequest");
    }

    /// FunctionGraph: the example sends the function's own event, which no table describes.
    #[test]
    fn an_example_body_no_table_describes_is_free_form() {
        let imported = import_text(&page("", r#"{"k": "v"}"#), "otc_fgs", "executing");
        assert_eq!(imported.spec_json()["operation"]["body"], "object");
        assert!(imported
            .report
            .iter()
            .any(|r| r.text.contains("no table of it")));
        let list = import_text(&page("", "[1, 2]"), "otc_fgs", "executing");
        assert_eq!(
            list.spec_json()["operation"]["body"],
            json!({"type": "array", "items": "any"})
        );
    }
}
