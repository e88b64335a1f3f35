//! Overlays: the decisions a person took over a page, kept next to the spec they produce
//! (`spec/<service>/<operation>.overlay.json`, and `spec/<service>/common.overlay.json` for the
//! objects the service's pages share). Only what the page cannot say lives here: names of the
//! objects and enumerations it leaves unnamed, which objects are shared, what a phrase of its prose
//! refers to, and the decisions where it contradicts itself. The format is in `spec/README.md`.

use super::ImportError;
use crate::spec::{self, FIELD_KEYS};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// One overlay file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// Free text for the reviewer; ignored.
    #[serde(rename = "$comment", default)]
    pub comment: Option<Value>,
    /// Names of the body objects: `"request"` and response status codes (`"200"`). Response tables
    /// that are identical (the error statuses') are one object, named by any of their statuses.
    #[serde(default)]
    pub bodies: BTreeMap<String, String>,
    /// Objects and enumerations that live in the service's `common.json` rather than the
    /// operation's file.
    #[serde(default)]
    pub common: Vec<String>,
    /// What a phrase of the prose means: a field name ("VPC channel type": "type") or a value ("IP
    /// address": "ip"). Matched without regard to case.
    #[serde(default)]
    pub terms: BTreeMap<String, String>,
    /// Sentences (or whole paragraphs) that are notes: rules nothing can check, kept for the doc
    /// comment.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Patches of rows, keyed `Object.field` (one table) or `field` (every table of the page with
    /// such a row): `enum` names the enumeration the row makes; any spec field key sets that key,
    /// `null` removes it; `page` records the values the page gave when the decision was taken, so
    /// that a change under the decision is reported.
    #[serde(default)]
    pub fields: Map<String, Value>,
    #[serde(default)]
    pub objects: BTreeMap<String, ObjectPatch>,
    #[serde(default)]
    pub enums: BTreeMap<String, EnumPatch>,
    /// Example requests of the page that break its tables, by title, with the reason a person
    /// decided the example is wrong rather than the table: carried into the spec as the example's
    /// `invalid`, so that the import's check of the examples no longer lists them and tests check
    /// that they are rejected. Only the page's overlay has them (titles are the page's).
    #[serde(default)]
    pub invalid_examples: BTreeMap<String, String>,
    /// Example responses of the page that do not fit its tables, by status (`"200"`), with the
    /// reason a person decided the example is wrong: carried into the spec as the example's
    /// `invalid`, and tests check that they do not parse.
    #[serde(default)]
    pub invalid_responses: BTreeMap<String, String>,
}

/// Decisions about one object.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectPatch {
    /// Replaces the description made from the table's caption.
    #[serde(default)]
    pub description: Option<Vec<String>>,
    /// Rules the prose does not state, each with its `source` and `decision`, added after the
    /// recognized ones of the same kind.
    #[serde(default)]
    pub rules: Vec<spec::Rule>,
    /// Rules the prose states that the request cannot decide, by the field they govern
    /// (`member_groups[].microservice_version`), each with the decision saying why: they are kept
    /// in the spec with `"checked": false`, documented and not enforced.
    #[serde(default)]
    pub unchecked: BTreeMap<String, String>,
}

/// Decisions about one enumeration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumPatch {
    /// Variant names by wire value (`"2": "Server"`), where the one made from the value or meaning
    /// is not the one wanted.
    #[serde(default)]
    pub variants: BTreeMap<String, String>,
    /// Other wire spellings accepted, by wire value.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<spec::Literal>>,
    #[serde(default)]
    pub decision: Option<String>,
    #[serde(default)]
    pub description: Option<Vec<String>>,
}

impl Overlay {
    /// Reads and checks an overlay file.
    pub fn load(path: &Path) -> Result<Overlay, ImportError> {
        let text = std::fs::read_to_string(path).map_err(ImportError::io(path))?;
        Overlay::parse(&text).map_err(|message| ImportError::Overlay {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses and checks an overlay's text.
    pub fn parse(text: &str) -> Result<Overlay, String> {
        let overlay: Overlay = serde_json::from_str(text).map_err(|e| e.to_string())?;
        for (key, patch) in &overlay.fields {
            let Some(patch) = patch.as_object() else {
                return Err(format!(
                    "fields.{key}: expected an object of spec field keys"
                ));
            };
            if let Some(unknown) = patch.keys().find(|k| {
                !["enum", "page"].contains(&k.as_str()) && !FIELD_KEYS.contains(&k.as_str())
            }) {
                return Err(format!(
                    "fields.{key}: unknown key `{unknown}` (a field patch takes `enum`, `page` and the spec's field keys: {})",
                    FIELD_KEYS.join(", ")
                ));
            }
            if patch.get("page").is_some_and(|p| !p.is_object()) {
                return Err(format!("fields.{key}.page: expected an object of the values the page gave when the decision was taken"));
            }
            if patch.get("enum").is_some_and(|e| !e.is_string()) {
                return Err(format!(
                    "fields.{key}.enum: expected the enumeration's name"
                ));
            }
        }
        if let Some(title) = unexplained(&overlay.invalid_examples) {
            return Err(format!(
                "invalid_examples.{title}: say why the example, not the table, is wrong"
            ));
        }
        if let Some(status) = unexplained(&overlay.invalid_responses) {
            return Err(format!(
                "invalid_responses.{status}: say why the example, not the table, is wrong"
            ));
        }
        Ok(overlay)
    }
}

/// The first key whose reason is blank: an invalid example or response needs its reason said.
fn unexplained(reasons: &BTreeMap<String, String>) -> Option<&String> {
    reasons
        .iter()
        .find(|(_, reason)| reason.trim().is_empty())
        .map(|(key, _)| key)
}

/// The page's overlay and its service's common overlay, looked up together: the page's entries win.
#[derive(Debug, Clone, Default)]
pub struct Overlays {
    pub page: Overlay,
    pub common: Overlay,
}

impl Overlays {
    /// The name given to a body (`"request"` or a status code).
    pub fn body(&self, key: &str) -> Option<&str> {
        self.page.bodies.get(key).map(String::as_str)
    }

    /// Whether `name` lives in the service's `common.json`.
    pub fn is_common(&self, name: &str) -> bool {
        self.page
            .common
            .iter()
            .chain(&self.common.common)
            .any(|n| n == name)
    }

    /// What a phrase means, ignoring case.
    pub fn term(&self, phrase: &str) -> Option<&str> {
        [&self.page, &self.common].into_iter().find_map(|o| {
            o.terms
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(phrase))
                .map(|(_, v)| v.as_str())
        })
    }

    /// Every sentence reviewed as a note.
    pub fn notes(&self) -> Vec<String> {
        self.page
            .notes
            .iter()
            .chain(&self.common.notes)
            .cloned()
            .collect()
    }

    /// The patches of row `field` of `object`, in the order they apply (later ones win): the common
    /// overlay's then the page's, those for every table then those for this one.
    pub fn field_patches(&self, object: &str, field: &str) -> Vec<&Map<String, Value>> {
        let qualified = format!("{object}.{field}");
        [
            (&self.common, field),
            (&self.page, field),
            (&self.common, qualified.as_str()),
            (&self.page, qualified.as_str()),
        ]
        .into_iter()
        .filter_map(|(overlay, key)| overlay.fields.get(key).and_then(Value::as_object))
        .collect()
    }

    /// The enumeration name the patches give row `field` of `object`.
    pub fn enum_name(&self, object: &str, field: &str) -> Option<String> {
        self.field_patches(object, field)
            .iter()
            .rev()
            .find_map(|p| p.get("enum").and_then(Value::as_str))
            .map(str::to_owned)
    }

    /// The replacement description of an object or enumeration.
    pub fn object_description(&self, name: &str) -> Option<&Vec<String>> {
        [&self.page, &self.common]
            .into_iter()
            .find_map(|o| o.objects.get(name).and_then(|p| p.description.as_ref()))
    }

    /// Rules added to an object: the common overlay's, then the page's.
    pub fn object_rules(&self, name: &str) -> Vec<&spec::Rule> {
        [&self.common, &self.page]
            .into_iter()
            .filter_map(|o| o.objects.get(name))
            .flat_map(|p| &p.rules)
            .collect()
    }

    /// Why the rule of `object` governing `field` is not checked, if an overlay says so (the page's
    /// overlay first).
    pub fn unchecked(&self, object: &str, field: &str) -> Option<&str> {
        [&self.page, &self.common]
            .into_iter()
            .find_map(|o| o.objects.get(object).and_then(|p| p.unchecked.get(field)))
            .map(String::as_str)
    }

    /// Why the page's example request `title` is wrong where its tables are right, if the page's
    /// overlay says so.
    pub fn invalid_example(&self, title: &str) -> Option<&str> {
        self.page.invalid_examples.get(title).map(String::as_str)
    }

    /// Why the page's example response of `status` does not fit its tables, if the page's overlay
    /// says so.
    pub fn invalid_response(&self, status: u16) -> Option<&str> {
        self.page
            .invalid_responses
            .get(&status.to_string())
            .map(String::as_str)
    }

    /// The enumeration patches of `name`, common first.
    pub fn enum_patches(&self, name: &str) -> Vec<&EnumPatch> {
        [&self.common, &self.page]
            .into_iter()
            .filter_map(|o| o.enums.get(name))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_patch_key_is_an_error() {
        let error =
            Overlay::parse(r#"{"fields": {"VpcCreate.port": {"maximun": 5}}}"#).unwrap_err();
        assert!(error.contains("unknown key `maximun`"), "{error}");
        assert!(Overlay::parse(r#"{"bodys": {}}"#)
            .unwrap_err()
            .contains("unknown field `bodys`"));
    }

    #[test]
    fn page_patches_apply_after_common_ones() {
        let overlays = Overlays {
            page: Overlay::parse(r#"{"fields": {"status": {"enum": "PageStatus"}}}"#).unwrap(),
            common: Overlay::parse(
                r#"{"fields": {"MemberInfo.status": {"enum": "MemberStatus"}}}"#,
            )
            .unwrap(),
        };
        assert_eq!(
            overlays.enum_name("MemberInfo", "status").as_deref(),
            Some("MemberStatus")
        );
        assert_eq!(
            overlays.enum_name("VpcMemberInfo", "status").as_deref(),
            Some("PageStatus")
        );
    }
}
