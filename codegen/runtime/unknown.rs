//! The documented fields of each type ([`Shape`]), and the walk that reports every field a body has
//! that the tables do not document (`unknown_field`): in a request file, usually a typo.

use super::checks::Validate;
use super::closest::closest;
use super::de_error::DeError;
use super::json_deserializer::JsonDeserializer;
use super::lex::Text;
use super::violation::{Path, Rule, Violation};

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

/// Walks the value at the reader's position as `shape` says, reporting each key no table
/// documents; a value of another shape than `shape` (a null, say) is skipped.
fn walk(
    de: &mut JsonDeserializer<'_>,
    shape: &ValueShape,
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), DeError> {
    match (shape, de.next()?) {
        // Most values are strings: skipped without the general skip's bookkeeping.
        (_, b'"') => {
            de.lexer.at += 1;
            de.lexer.raw_string(false).map(drop)
        }
        (ValueShape::Object(shape), b'{') => de.nested(
            |de| walk_fields(de, shape, path, out),
            JsonDeserializer::end_object,
        ),
        (ValueShape::Map(values), b'{') => de.nested(
            |de| walk_values(de, values, path, out),
            JsonDeserializer::end_object,
        ),
        (ValueShape::Array(items), b'[') => de.nested(
            |de| walk_items(de, items, path, out),
            JsonDeserializer::end_array,
        ),
        _ => de.lexer.skip_value(),
    }
}

/// An object's members after its opening brace: each key matched on its bytes.
fn walk_fields(
    de: &mut JsonDeserializer<'_>,
    shape: &Shape,
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), DeError> {
    let mut first = true;
    // The position after the field read last: fields usually come in table order.
    let mut next = 0;
    while de.next_key(&mut first)? {
        let field = match de.key_bytes()? {
            Text::Borrowed(key) | Text::Copied(key) => match position(shape, key, next) {
                Some(position) => {
                    next = position + 1;
                    Ok(&shape.fields[position])
                }
                None => Err(String::from_utf8_lossy(key).into_owned()),
            },
        };
        de.lexer.colon()?;
        match field {
            Ok(field) => walk(de, &field.value, &path.field(field.name), out)?,
            Err(key) => {
                let mut at = path.to_string();
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(&key);
                let suggestion = closest_field(&key, shape);
                out.push(Violation {
                    path: at,
                    rule: Rule::UnknownField { suggestion },
                });
                de.lexer.skip_value()?;
            }
        }
    }
    Ok(())
}

/// The table position of the field named `key`, tried at `hint` first.
#[inline]
fn position(shape: &Shape, key: &[u8], hint: usize) -> Option<usize> {
    let named = |field: &FieldShape| field.name.as_bytes() == key;
    match shape.fields.get(hint) {
        Some(field) if named(field) => Some(hint),
        _ => shape.fields.iter().position(named),
    }
}

/// A map's members after its opening brace: each value at its key.
fn walk_values(
    de: &mut JsonDeserializer<'_>,
    values: &ValueShape,
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), DeError> {
    let mut first = true;
    while de.next_key(&mut first)? {
        let key = de.key_text()?;
        de.lexer.colon()?;
        walk(de, values, &path.key(&key), out)?;
    }
    Ok(())
}

/// An array's items after its opening bracket.
fn walk_items(
    de: &mut JsonDeserializer<'_>,
    items: &ValueShape,
    path: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), DeError> {
    let (mut first, mut index) = (true, 0);
    while de.next_item(&mut first)? {
        walk(de, items, &path.index(index), out)?;
        index += 1;
    }
    Ok(())
}

/// The documented field a misspelled one most likely meant: the closest by edit distance, if close.
fn closest_field(name: &str, shape: &Shape) -> Option<&'static str> {
    closest(name, shape.fields.iter().map(|f| f.name))
}

/// Every object key in `input` that `T`'s tables do not document, with its path. `input` must
/// already have deserialized into `T`.
pub fn unknown_fields<T: Shaped>(input: &[u8]) -> Vec<Violation> {
    let mut out = Vec::new();
    // The input already fit the type, so the walk cannot fail on its structure.
    let _ = walk(
        &mut JsonDeserializer::new(input),
        T::SHAPE,
        &Path::Root,
        &mut out,
    );
    out
}
