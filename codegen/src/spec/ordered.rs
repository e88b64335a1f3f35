//! A field with the order its spec file writes its keys, for the importer, whose files must keep
//! their bytes.

use super::{Field, FIELD_KEYS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A [`Field`] and the order its keys are written in. The importer builds a field in the order
/// `Field` declares its keys, then lets the overlay's patches and the page's examples change it: a
/// key they add is written after the others, and a key they take away gives its place to the last
/// one (the way a JSON map with insertion order removes in constant time). That is how the
/// checked-in specs hold the fields they patched, so the order is kept beside the field.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedField {
    field: Field,
    /// The keys the field writes, in the order it writes them.
    keys: Vec<&'static str>,
}

impl OrderedField {
    /// A field written in the order `Field` declares its keys.
    pub fn new(field: Field) -> OrderedField {
        let keys = field.written_keys();
        OrderedField { field, keys }
    }

    /// A field that writes the keys `first` (those it writes of them) before its others, which
    /// follow in the order `Field` declares them.
    pub fn with_first(field: Field, first: &[&'static str]) -> OrderedField {
        let written = field.written_keys();
        let mut keys: Vec<&'static str> = first
            .iter()
            .copied()
            .filter(|k| written.contains(k))
            .collect();
        keys.extend(written.into_iter().filter(|k| !first.contains(k)));
        OrderedField { field, keys }
    }

    /// The field.
    pub fn field(&self) -> &Field {
        &self.field
    }

    /// The field without its key order.
    pub fn into_field(self) -> Field {
        self.field
    }

    /// Changes the field: a key it writes now and did not before goes last; a key it no longer
    /// writes gives its place to the last key.
    pub fn change(&mut self, change: impl FnOnce(&mut Field)) {
        change(&mut self.field);
        let written = self.field.written_keys();
        let mut at = 0;
        while at < self.keys.len() {
            if written.contains(&self.keys[at]) {
                at += 1;
            } else {
                self.keys.swap_remove(at);
            }
        }
        for key in written {
            if !self.keys.contains(&key) {
                self.keys.push(key);
            }
        }
    }
}

impl std::ops::Deref for OrderedField {
    type Target = Field;
    fn deref(&self) -> &Field {
        &self.field
    }
}

/// The field's keys in its order. The values are the ones `Field` serializes, taken by key from
/// its JSON: serde writes a struct's keys in declaration order only.
impl Serialize for OrderedField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let json = serde_json::to_value(&self.field).map_err(serde::ser::Error::custom)?;
        let Value::Object(map) = json else {
            return Err(serde::ser::Error::custom("a field serializes as a map"));
        };
        serializer.collect_map(
            self.keys
                .iter()
                .filter_map(|key| map.get(*key).map(|value| (key, value))),
        )
    }
}

/// A field as its file has it, keys in the file's order. Read by key, through the JSON map, for
/// the same reason it is written so.
impl<'de> Deserialize<'de> for OrderedField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OrderedField, D::Error> {
        let map = Map::<String, Value>::deserialize(deserializer)?;
        let order: Vec<&'static str> = map
            .keys()
            .filter_map(|key| {
                std::iter::once(&"name")
                    .chain(FIELD_KEYS)
                    .find(|known| **known == key.as_str())
            })
            .copied()
            .collect();
        let field = Field::deserialize(Value::Object(map)).map_err(serde::de::Error::custom)?;
        Ok(OrderedField::with_first(field, &order))
    }
}

impl Field {
    /// The keys the field writes, in the order it writes them: `name`, then each of
    /// [`super::FIELD_KEYS`] but those left out when absent or empty.
    pub fn written_keys(&self) -> Vec<&'static str> {
        let present = [
            ("name", true),
            ("type", true),
            ("items", self.items.is_some()),
            ("required", true),
            ("nullable", self.nullable),
            ("description", true),
            ("minimum", self.minimum.is_some()),
            ("maximum", self.maximum.is_some()),
            ("min_length", self.min_length.is_some()),
            ("max_length", self.max_length.is_some()),
            ("min_items", self.min_items.is_some()),
            ("max_items", self.max_items.is_some()),
            ("default", self.default.is_some()),
            ("chars", self.chars.is_some()),
            ("format", self.format.is_some()),
            ("notes", !self.notes.is_empty()),
            ("decision", self.decision.is_some()),
        ];
        present
            .into_iter()
            .filter(|(_, present)| *present)
            .map(|(key, _)| key)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::tests::{every_key, keys};

    fn port() -> Field {
        Field {
            name: "port".to_owned(),
            ty: "integer".to_owned(),
            maximum: Some(65535),
            notes: vec!["N.".to_owned()],
            ..Field::default()
        }
    }

    /// `written_keys` names what `Field` serializes, for a field with few keys and one with all.
    #[test]
    fn written_keys_are_the_serialized_keys() {
        let few = port();
        assert_eq!(keys(&few), few.written_keys());
        let all = every_key();
        assert_eq!(keys(&all), all.written_keys());
    }

    /// A key added goes last; a key taken away gives its place to the last one.
    #[test]
    fn added_keys_go_last_and_removed_ones_give_their_place_to_the_last() {
        let mut field = OrderedField::new(port());
        assert_eq!(keys(&field), keys(&port()));
        field.change(|f| f.minimum = Some(1));
        let expected = [
            "name",
            "type",
            "required",
            "description",
            "maximum",
            "notes",
            "minimum",
        ];
        assert_eq!(keys(&field), expected);
        field.change(|f| f.maximum = None);
        let expected = [
            "name",
            "type",
            "required",
            "description",
            "minimum",
            "notes",
        ];
        assert_eq!(keys(&field), expected);
        let first = OrderedField::with_first(port(), &["name", "required", "description"]);
        let expected = [
            "name",
            "required",
            "description",
            "type",
            "maximum",
            "notes",
        ];
        assert_eq!(keys(&first), expected);
    }

    /// A field read keeps the order of its file; what it leaves out that `Field` writes goes last.
    #[test]
    fn a_field_read_keeps_its_files_order() {
        let text = r#"{"name": "a", "required": true, "description": [], "type": "string"}"#;
        let field: OrderedField = serde_json::from_str(text).unwrap();
        assert_eq!(keys(&field), ["name", "required", "description", "type"]);
        let text = r#"{"type": "string", "name": "a"}"#;
        let field: OrderedField = serde_json::from_str(text).unwrap();
        assert_eq!(keys(&field), ["type", "name", "required", "description"]);
    }
}
