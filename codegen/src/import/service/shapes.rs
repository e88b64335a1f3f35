//! The shape of an object or enumeration: what a generated type is made of, without its prose. Two
//! definitions with the same name and the same shape are one type; the shape reaches through the
//! types a definition refers to, so an object is only the same as another when the objects and
//! enumerations its fields hold are the same too.

use crate::spec::{Enum, OrderedField, PlainObject};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A definition of a spec file: an object or an enumeration, which share one namespace.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Def {
    Object(PlainObject),
    Enum(Enum),
}

impl Def {
    /// An object's fields (an enumeration has none).
    pub fn fields(&self) -> &[OrderedField] {
        match self {
            Def::Object(object) => &object.fields,
            Def::Enum(_) => &[],
        }
    }

    fn fields_mut(&mut self) -> &mut [OrderedField] {
        match self {
            Def::Object(object) => &mut object.fields,
            Def::Enum(_) => &mut [],
        }
    }

    /// The definition's own paragraphs.
    pub fn description_mut(&mut self) -> &mut Vec<String> {
        match self {
            Def::Object(object) => &mut object.description,
            Def::Enum(e) => &mut e.description,
        }
    }
}

/// A spec file's definitions, objects and enumerations by name (one namespace, as the spec format
/// has).
pub type Defs = BTreeMap<String, Def>;

/// Where names resolve: the definitions of one operation's file, then the service's `common.json`.
pub struct Scope<'a> {
    pub own: &'a Defs,
    pub common: &'a Defs,
}

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

    /// The shape of `name` in `scope`, as canonical text: the definition without its prose,
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
            for field in def.fields_mut() {
                field.change(|f| f.required = false);
            }
        }
        retarget_references(&mut def, |target| {
            (scope.own.contains_key(target) || scope.common.contains_key(target))
                .then(|| format!("ref:{}", self.shape(scope, target, open)))
        });
        open.pop();
        // The definition's JSON text: a canonical text of the typed value, fields in their order.
        let text = serde_json::to_string(&def).unwrap_or_default();
        self.done.insert(name.to_owned(), text.clone());
        text
    }
}

/// Points each field's `type` and `items` that `to` maps somewhere at what it maps them to; the
/// others stay as they are.
pub fn retarget_references(def: &mut Def, mut to: impl FnMut(&str) -> Option<String>) {
    for field in def.fields_mut() {
        let ty = to(&field.ty);
        let items = field.items.as_deref().and_then(&mut to);
        field.change(|f| {
            if let Some(ty) = ty {
                f.ty = ty;
            }
            if let Some(items) = items {
                f.items = Some(items);
            }
        });
    }
}

/// The definition without its prose (its own, its fields' and its values' descriptions and
/// meanings): prose documents a type and does not change what it accepts.
pub fn without_prose(def: &Def) -> Def {
    let mut def = def.clone();
    def.description_mut().clear();
    for field in def.fields_mut() {
        field.change(|f| f.description.clear());
    }
    if let Def::Enum(e) = &mut def {
        for value in &mut e.values {
            value.meaning = None;
        }
    }
    def
}

/// The names a definition refers to (its fields' `type` and `items`).
pub fn references(def: &Def) -> impl Iterator<Item = &str> {
    def.fields()
        .iter()
        .flat_map(|f| std::iter::once(f.ty.as_str()).chain(f.items.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn defs(value: Value) -> Defs {
        serde_json::from_value(value).unwrap()
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
