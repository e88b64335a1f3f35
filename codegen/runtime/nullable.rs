//! A field the page documents as possibly `null` ("If both are null, the instance is unbound"):
//! [`Nullable`] keeps that null apart from an absent field, and the `deserialize_with` helpers let a
//! serde-derived struct read it (serde reads a null `Option` as an absent one).
//!
//! A mandatory nullable field is an `Option<T>` (`None` is the null, written as `null`), read with
//! [`null_or`]; an optional one is an `Option<Nullable<T>>` (`None` is absent, `Some(Null)` the
//! null), read with [`present`].

use serde::de::{Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// The name under which a [`Nullable`] asks to be read, so that the strict reading of requests
/// (which refuses every other null) lets its null through.
pub(super) const MARKER: &str = "$support::Nullable";

/// A value that may be `null` where the page documents that null.
#[derive(Debug, Clone, PartialEq)]
pub enum Nullable<T> {
    /// JSON `null`.
    Null,
    /// A value, with the field's checks.
    Value(T),
}

impl<T> Nullable<T> {
    /// The value, `None` for the null: what a mandatory nullable field holds.
    pub fn into_option(self) -> Option<T> {
        self.into()
    }

    /// The value, `None` for the null.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }
}

impl<T> From<Nullable<T>> for Option<T> {
    fn from(value: Nullable<T>) -> Option<T> {
        match value {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Nullable<T> {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Nullable<T>, D::Error> {
        deserializer.deserialize_newtype_struct(MARKER, NullableVisitor(PhantomData))
    }
}

struct NullableVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for NullableVisitor<T> {
    type Value = Nullable<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Nullable<T>, E> {
        Ok(Nullable::Null)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Nullable<T>, E> {
        Ok(Nullable::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Nullable<T>, D::Error> {
        T::deserialize(deserializer).map(Nullable::Value)
    }
    // A deserializer that does not know the marker (serde_json's own) gives the value itself.
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Nullable<T>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

/// Reads a mandatory nullable field: `null` is `None`. A missing field stays an error.
pub fn null_or<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Nullable::<T>::deserialize(deserializer).map(Option::from)
}

/// Reads an optional field whose value may be `null` (a [`Nullable`], or an `any` value) as
/// present: `Some`, whatever it holds, so that `null` is not taken for an absent field.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}
