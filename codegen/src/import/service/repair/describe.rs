//! What an entry of a spec file is, in the words of a review line: `field \`server_id\` of
//! ListInstance`, `query parameter \`limit\``, `value \`3\` of enumeration Kind`.

use super::locate::{pointer, Step};
use serde_json::Value;

/// The entry at `steps` of `spec`, for a review line.
pub fn entry(spec: &Value, steps: &[Step]) -> String {
    let at = spec.pointer(&pointer(steps)).unwrap_or(&Value::Null);
    let text = |key: &str| {
        at.get(key).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let name = text("name").unwrap_or_default();
    let key = |i: usize| match steps.get(i) {
        Some(Step::Key(key)) => key.as_str(),
        _ => "",
    };
    match (key(0), key(2), steps.len()) {
        ("objects", "fields", 4) => format!("field `{name}` of {}", key(1)),
        ("objects", "rules", 4) => format!(
            "rule on `{}` of {} ({:?})",
            text("field").unwrap_or_default(),
            key(1),
            text("source").unwrap_or_default()
        ),
        ("enums", "values", 4) => format!(
            "value `{}` of enumeration {}",
            text("value").unwrap_or_default(),
            key(1)
        ),
        ("operation", _, 3) => match key(1) {
            "path_params" => format!("path parameter `{name}`"),
            "query_params" => format!("query parameter `{name}`"),
            "headers" => format!("header `{name}`"),
            "form_params" => format!("form field `{name}`"),
            "responses" => format!("response {}", text("status").unwrap_or_default()),
            _ => pointer(steps),
        },
        ("operation", "requests" | "responses", 4) => format!(
            "example {} {:?}",
            key(2).trim_end_matches('s'),
            text("title").unwrap_or_default()
        ),
        ("operation", _, 2) if key(1) == "body" => "the request body's type".to_owned(),
        ("operation", _, 5) if key(3) == "headers" => {
            let status = spec.pointer(&format!("{}/status", pointer(&steps[..3])));
            format!(
                "header `{name}` of response {}",
                status.unwrap_or(&Value::Null)
            )
        }
        ("operation", _, 4) if key(3) == "body" => {
            let status = spec.pointer(&format!("{}/status", pointer(&steps[..3])));
            format!(
                "the body type of response {}",
                status.unwrap_or(&Value::Null)
            )
        }
        _ => pointer(steps),
    }
}
