//! An operation's or a response's body type, written as a name or as an object with `items`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A body's type, written like a field's: a name (`"VpcCreate"`, `"file"`, `"object"`), or the
/// object `{ "type": "map", "items": "ResponseInfo" }` for a type that needs `items`. The name
/// alone is short for the object without `items`, and is how a body without `items` is written
/// back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub ty: String,
    pub items: Option<String>,
}

impl Body {
    /// A body named by its type alone.
    pub fn named(ty: impl Into<String>) -> Body {
        Body {
            ty: ty.into(),
            items: None,
        }
    }
}

/// The object form of a [`Body`].
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TypedBody {
    #[serde(rename = "type")]
    ty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    items: Option<String>,
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.items {
            None => serializer.serialize_str(&self.ty),
            Some(items) => TypedBody {
                ty: self.ty.clone(),
                items: Some(items.clone()),
            }
            .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Body, D::Error> {
        use serde::de::Error;
        match Value::deserialize(deserializer)? {
            Value::String(ty) => Ok(Body::named(ty)),
            object @ Value::Object(_) => serde_json::from_value::<TypedBody>(object).map(|b| Body { ty: b.ty, items: b.items }).map_err(D::Error::custom),
            other => Err(D::Error::custom(format!(
                "a body is the name of its type (\"VpcCreate\", \"file\") or {{ \"type\": \"map\", \"items\": ... }}, not {other}"
            ))),
        }
    }
}
