//! The shape of an object or enumeration: what a generated type is made of, without its prose. Two
//! definitions with the same name and the same shape are one type; the shape reaches through the
//! types a definition refers to, so an object is only the same as another when the objects and
//! enumerations its fields hold are the same too.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// A spec file's definitions, objects and enumerations by name (one namespace, as the spec format
/// has).
pub type Defs = BTreeMap<String, Value>;

/// Where names resolve: the definitions of one operation's file, then the service's `common.json`.
pub struct Scope<'a> {
    pub own: &'a Defs,
    pub common: &'a Defs,
}

/// Keys that are prose: they document a type and do not change what it accepts.
const PROSE_KEYS: &[&str] = &["description", "meaning"];

/// Memoized shapes of one scope.
#[derive(Default)]
pub struct Shapes {
    done: HashMap<String, String>,
    /// Whether `required` is left out too: the shape a table without a Mandatory column can share
    /// with one that has it.
    loose: bool,
}

impl Shapes {
    /// Shapes that leave out which fields are mandatory.
    pub fn loose() -> Shapes {
        Shapes {
            loose: true,
            ..Shapes::default()
        }
    }

    /// The shape of `name` in `scope`, as canonical JSON text: the definition without its prose,
    /// each reference to another definition replaced by that definition's shape (a reference back
    /// into a cycle by the name alone).
    pub fn of(&mut self, scope: &Scope<'_>, name: &str) -> String {
        self.shape(scope, name, &mut Vec::new())
    }

    fn shape(&mut self, scope: &Scope<'_>, name: &str, open: &mut Vec<String>) -> String {
        if let Some(done) = self.done.get(name) {
            return done.clone();
        }
        if open.iter().any(|n| n == name) {
            return format!("cycle:{name}");
        }
        let Some(def) = scope.own.get(name).or_else(|| scope.common.get(name)) else {
            return format!("undefined:{name}");
        };
        open.push(name.to_owned());
        let mut def = without_prose(def);
        if self.loose {
            for field in fields_mut(&mut def) {
                if let Some(field) = field.as_object_mut() {
                    field.remove("required");
                }
            }
        }
        retarget_references(&mut def, |target| {
            (scope.own.contains_key(target) || scope.common.contains_key(target))
                .then(|| format!("ref:{}", self.shape(scope, target, open)))
        });
        open.pop();
        let text = def.to_string();
        self.done.insert(name.to_owned(), text.clone());
        text
    }
}

/// The fields of an object definition (none for other kinds).
fn fields_mut(def: &mut Value) -> impl Iterator<Item = &mut Value> {
    def.get_mut("fields")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// Points each field's `type` and `items` that `to` maps somewhere at what it maps them to; the
/// others stay as they are.
pub fn retarget_references(def: &mut Value, mut to: impl FnMut(&str) -> Option<String>) {
    for field in fields_mut(def) {
        for key in ["type", "items"] {
            let target = field.get(key).and_then(Value::as_str).and_then(&mut to);
            if let Some(target) = target {
                field[key] = Value::from(target);
            }
        }
    }
}

/// The definition without its prose keys, at any depth.
pub fn without_prose(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .iter()
                .filter(|(k, _)| !PROSE_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), without_prose(v)))
                .collect();
            Value::Object(kept)
        }
        Value::Array(items) => Value::Array(items.iter().map(without_prose).collect()),
        other => other.clone(),
    }
}

/// The names a definition refers to (its fields' `type` and `items`).
pub fn references(def: &Value) -> impl Iterator<Item = &str> {
    def.get("fields")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|f| {
            ["type", "items"]
                .into_iter()
                .filter_map(|k| f.get(k)?.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn defs(value: Value) -> Defs {
        value
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    #[test]
    fn prose_does_not_count_but_referenced_types_do() {
        let common = Defs::new();
        let a = defs(json!({
            "Info": { "description": ["Table 4 Info."], "fields": [{ "name": "s", "type": "Status", "description": ["one"] }] },
            "Status": { "type": "integer", "values": [{ "value": 1, "name": "On", "meaning": "on" }] }
        }));
        let b = defs(json!({
            "Info": { "description": ["Table 9 Info."], "fields": [{ "name": "s", "type": "Status", "description": ["other"] }] },
            "Status": { "type": "integer", "values": [{ "value": 1, "name": "On", "meaning": "switched on" }] }
        }));
        let c = defs(json!({
            "Info": { "fields": [{ "name": "s", "type": "Status" }] },
            "Status": { "type": "integer", "values": [{ "value": 2, "name": "On" }] }
        }));
        let shape = |d: &Defs| {
            Shapes::default().of(
                &Scope {
                    own: d,
                    common: &common,
                },
                "Info",
            )
        };
        assert_eq!(shape(&a), shape(&b));
        assert_ne!(shape(&a), shape(&c), "Info holds a different Status");
    }

    #[test]
    fn cycles_end() {
        let common = Defs::new();
        let d = defs(json!({ "Node": { "fields": [{ "name": "next", "type": "Node" }] } }));
        let shape = Shapes::default().of(
            &Scope {
                own: &d,
                common: &common,
            },
            "Node",
        );
        assert!(shape.contains("cycle:Node"), "{shape}");
    }
}
