//! The documented fields of each type ([`Shape`]), and the walk that reports every field a body has
//! that the tables do not document (`unknown_field`): in a request file, usually a typo.

use super::checks::Validate;
use super::closest::closest;
use super::json::Str;
use super::violation::{Path, Rule, Violation};
use std::fmt;

/// The documented fields of an object, for finding fields a request file adds by mistake.
#[derive(Debug)]
pub struct Shape {
    /// The documented fields.
    pub fields: &'static [FieldShape],
}

/// A documented field and the shape of its value.
#[derive(Debug)]
pub struct FieldShape {
    /// The wire name.
    pub name: &'static str,
    /// What its value holds.
    pub value: ValueShape,
}

/// What a value holds, as far as field names go.
#[derive(Debug)]
pub enum ValueShape {
    /// A string, number, boolean or enumeration.
    Scalar,
    /// An object with documented fields.
    Object(&'static Shape),
    /// An array of values of one shape.
    Array(&'static ValueShape),
    /// An object whose keys are free and whose values have one shape (a map).
    Map(&'static ValueShape),
    /// A free-form object: the page lists none of its keys, so none is undocumented.
    FreeForm,
    /// A value of any kind the page does not describe: nothing in it is undocumented.
    Any,
}

/// A type whose documented fields are known: a table's struct, a map of such values, a free-form
/// object, an array of such values, an enumeration or a scalar (a body may be any of them).
pub trait Shaped {
    /// What a value of the type holds, as far as field names go.
    const SHAPE: &'static ValueShape;
}

impl<T: Shaped> Shaped for std::collections::BTreeMap<String, T> {
    const SHAPE: &'static ValueShape = &ValueShape::Map(T::SHAPE);
}

impl<T: Shaped> Shaped for Vec<T> {
    const SHAPE: &'static ValueShape = &ValueShape::Array(T::SHAPE);
}

impl Shaped for serde_json::Map<String, serde_json::Value> {
    const SHAPE: &'static ValueShape = &ValueShape::FreeForm;
}

impl Shaped for serde_json::Value {
    const SHAPE: &'static ValueShape = &ValueShape::Any;
}

/// A scalar has no fields and no rules of its own: what a page says about it is checked by the
/// field that holds it. The impls let a map of scalars be a body.
macro_rules! scalars {
    ($($ty:ty),*) => {
        $(
            impl Shaped for $ty {
                const SHAPE: &'static ValueShape = &ValueShape::Scalar;
            }

            impl Validate for $ty {
                fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
            }
        )*
    };
}

scalars!(String, i32, i64, f64, bool);

/// A free-form object is checked only for being an object, which reading it already did.
impl Validate for serde_json::Map<String, serde_json::Value> {
    fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
}

/// A value of any kind has nothing to check.
impl Validate for serde_json::Value {
    fn validate_at(&self, _: &Path<'_>, _: &mut Vec<Violation>) {}
}

/// Walks JSON that already fit its type, reporting every object key the shape does not document.
struct UnknownFields<'a, 'p> {
    shape: &'p ValueShape,
    path: &'p Path<'p>,
    out: &'a mut Vec<Violation>,
}

impl<'de> serde::de::DeserializeSeed<'de> for UnknownFields<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.shape {
            ValueShape::Scalar | ValueShape::FreeForm | ValueShape::Any => {
                <serde::de::IgnoredAny as serde::Deserialize>::deserialize(deserializer).map(drop)
            }
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for UnknownFields<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or array")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let shape = match self.shape {
            ValueShape::Object(shape) => shape,
            ValueShape::Map(values) => {
                while let Some(key) = map.next_key::<Str<'de>>()? {
                    let path = self.path.key(&key);
                    map.next_value_seed(UnknownFields {
                        shape: values,
                        path: &path,
                        out: self.out,
                    })?;
                }
                return Ok(());
            }
            _ => {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                return Ok(());
            }
        };
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match shape.fields.iter().find(|f| f.name == &*key) {
                Some(field) => {
                    let path = self.path.field(field.name);
                    map.next_value_seed(UnknownFields {
                        shape: &field.value,
                        path: &path,
                        out: self.out,
                    })?;
                }
                None => {
                    let mut path = self.path.to_string();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    let suggestion = closest_field(&key, shape);
                    self.out.push(Violation {
                        path,
                        rule: Rule::UnknownField { suggestion },
                    });
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ValueShape::Array(items) = self.shape else {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let mut index = 0;
        loop {
            let path = self.path.index(index);
            if seq
                .next_element_seed(UnknownFields {
                    shape: items,
                    path: &path,
                    out: self.out,
                })?
                .is_none()
            {
                return Ok(());
            }
            index += 1;
        }
    }
}

/// The documented field a misspelled one most likely meant: the closest by edit distance, if close.
fn closest_field(name: &str, shape: &Shape) -> Option<&'static str> {
    closest(name, shape.fields.iter().map(|f| f.name))
}

/// Every object key in `input` that `T`'s tables do not document, with its path. `input` must
/// already have deserialized into `T`.
pub fn unknown_fields<T: Shaped>(input: &[u8]) -> Vec<Violation> {
    let mut out = Vec::new();
    let mut deserializer = super::json_deserializer::JsonDeserializer::new(input);
    let seed = UnknownFields {
        shape: T::SHAPE,
        path: &Path::Root,
        out: &mut out,
    };
    // The input already fit the type, so the walk cannot fail on its structure.
    let _ = serde::de::DeserializeSeed::deserialize(seed, &mut deserializer);
    out
}
