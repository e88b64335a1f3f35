//! One pass over a request body: each value is checked against its documented rules as it is read,
//! an undocumented key is reported as it is met, and the object's own rules are applied at its end.
//! The same generated code (each request type's `support::Read` impl) serves both one-call paths,
//! told apart by a [`Mode`]: [`Build`] keeps the owned model, [`Check`] keeps nothing, so checking
//! a valid body allocates nothing. Each [`Value`] reads from the JSON reader itself
//! ([`JsonDeserializer`]), with no serde visitor between the bytes and the checks.
//!
//! Violations come out in the order `validate` reports them on the owned value, whatever the order
//! of the keys in the JSON: within an object, its missing mandatory fields, then each field's
//! violations in table order, then its cross-field and conditional rules; within an array, its
//! number of items, then each item; within a map, its values by key. Undocumented fields follow all
//! of them, in the order they appear. Reordering touches only bodies with violations.
//!
//! Numbers, booleans, enumerations and free-form values are read through the `strict` module, so
//! what JSON a request may be is decided in one place; strings, objects, arrays and maps are read
//! here, as strictly.
//!
//! Responses are read by the same code in the mode [`Lenient`]: a `null` in an optional field is an
//! absent field (as serde's derived readers take it), a free-form object holds any JSON, and the
//! violations found are the response's departures from the page, which never fail the reading.

use super::checks::Validate;
use super::de_error::DeError;
use super::json_deserializer::JsonDeserializer;
use super::lex;
use super::nullable::Nullable;
use super::strict::Strict;
use super::violation::{Path, Violation};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// What reading keeps: the owned model ([`Build`], [`Lenient`]) or nothing ([`Check`]).
pub trait Mode {
    /// What is kept of a value of type `T`.
    type Keep<T>;
    /// Whether anything is kept.
    const BUILDS: bool;
    /// Whether the JSON is read as responses are: a `null` in an optional field is an absent field.
    const LENIENT: bool = false;
    /// Keeps the value `build` makes; `None` when the value cannot be made (a violation says why).
    fn keep<T>(build: impl FnOnce() -> Option<T>) -> Self::Keep<T>;
    /// The value kept, when one was made.
    fn take<T>(kept: Self::Keep<T>) -> Option<T>;
    /// The value kept in an optional field's slot: `Some(None)` when absent, `None` when not made.
    fn optional<T>(slot: Option<Self::Keep<T>>) -> Option<Option<T>> {
        match slot {
            Some(kept) => Self::take(kept).map(Some),
            None => Some(None),
        }
    }
    /// Appends an item to a kept array.
    fn push<T>(items: &mut Self::Keep<Vec<T>>, item: Self::Keep<T>);
    /// Inserts a value at its key into a kept map; a later value of the same key wins, as in serde.
    fn insert<T>(map: &mut Self::Keep<BTreeMap<String, T>>, key: &str, value: Self::Keep<T>);
}

/// Reading that builds the owned model: of a request ([`Build`]), or leniently of a response
/// ([`Lenient`]), its violations being departures.
#[derive(Debug)]
pub enum Owned<const LENIENT: bool> {}

/// Reading that builds the owned model of a request.
pub type Build = Owned<false>;

/// Reading that builds the owned model of a response: leniently, its violations being departures.
pub type Lenient = Owned<true>;

/// Reading that checks without building anything.
#[derive(Debug)]
pub enum Check {}

impl<const LENIENT: bool> Mode for Owned<LENIENT> {
    type Keep<T> = Option<T>;
    const BUILDS: bool = true;
    const LENIENT: bool = LENIENT;
    fn keep<T>(build: impl FnOnce() -> Option<T>) -> Option<T> {
        build()
    }
    fn take<T>(kept: Option<T>) -> Option<T> {
        kept
    }
    fn push<T>(items: &mut Option<Vec<T>>, item: Option<T>) {
        match (items.as_mut(), item) {
            (Some(items), Some(item)) => items.push(item),
            _ => *items = None,
        }
    }
    fn insert<T>(map: &mut Option<BTreeMap<String, T>>, key: &str, value: Option<T>) {
        match (map.as_mut(), value) {
            (Some(map), Some(value)) => {
                map.insert(key.to_owned(), value);
            }
            _ => *map = None,
        }
    }
}

impl Mode for Check {
    type Keep<T> = ();
    const BUILDS: bool = false;
    fn keep<T>(_: impl FnOnce() -> Option<T>) {}
    fn take<T>((): ()) -> Option<T> {
        None
    }
    fn push<T>((): &mut (), (): ()) {}
    fn insert<T>((): &mut (), _: &str, (): ()) {}
}

/// The state of one reading: the violations found so far and where reading failed.
#[derive(Debug, Default)]
pub struct Reader {
    pub(super) out: Vec<Violation>,
    pub(super) undocumented: Vec<Violation>,
    failed_at: Option<String>,
    /// The fields present in the object read last, by table position (the first 64), for the rules
    /// of the object that holds it.
    pub(super) present: u64,
    /// Whether no violation is wanted (a response parsed without its departures): values are not
    /// checked and undocumented fields not named.
    pub(super) quiet: bool,
}

impl Reader {
    /// A reading that finds no violations when `quiet`.
    pub(super) fn new(quiet: bool) -> Reader {
        Reader {
            quiet,
            ..Reader::default()
        }
    }

    /// The violations of the value read, to check it into; `None` when the reading is quiet.
    #[inline]
    pub(super) fn checking(&mut self) -> Option<&mut Vec<Violation>> {
        (!self.quiet).then_some(&mut self.out)
    }

    /// Notes that reading failed at `path`, unless a value inside it already did.
    pub(super) fn fail(&mut self, path: &Path<'_>) {
        if self.failed_at.is_none() {
            self.failed_at = Some(path.to_string());
        }
    }

    /// Where reading failed: the innermost value being read.
    pub fn failed_at(&self) -> Option<&str> {
        self.failed_at.as_deref()
    }

    /// Every violation: the documented rules broken, then the undocumented fields.
    pub fn into_violations(mut self) -> Vec<Violation> {
        self.out.append(&mut self.undocumented);
        self.out
    }
}

/// How a value of one field is read and checked, straight from the JSON reader: no serde visitor
/// stands between the bytes and the checks.
pub trait Value<'de, M: Mode> {
    /// The type of the value in the owned model.
    type Item;
    /// Whether a `null` is one of the values (where a lenient reading would otherwise take it for
    /// an absent field).
    const TAKES_NULL: bool = false;
    /// Reads the value at `path`, reporting what breaks its rules into `reader`.
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError>;
}

/// A value without checks of its own.
pub fn unchecked<T: ?Sized>(_: &mut Vec<Violation>, _: &Path<'_>, _: &T) {}

/// A value checked by its type alone (an enumeration, whether the page lists it).
pub fn check_value<T: Validate + ?Sized>(out: &mut Vec<Violation>, path: &Path<'_>, value: &T) {
    value.validate_at(path, out);
}

/// A string, checked as read: borrowed from the input, or from the reader's buffer when it has
/// escapes.
pub struct Text<F>(pub F);

/// A string with the checks `check`.
pub fn text<F: FnMut(&mut Vec<Violation>, &Path<'_>, &str)>(check: F) -> Text<F> {
    Text(check)
}

impl<'de, M: Mode, F: FnMut(&mut Vec<Violation>, &Path<'_>, &str)> Value<'de, M> for Text<F> {
    type Item = String;
    #[inline]
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<String>, DeError> {
        de.open(b'"', &"a string")?;
        let (lex::Text::Borrowed(text) | lex::Text::Copied(text)) = de.text()?;
        if let Some(out) = reader.checking() {
            (self.0)(out, path, text);
        }
        Ok(M::keep(|| Some(text.to_owned())))
    }
}

/// A number, boolean or enumeration, read strictly as serde reads it and then checked.
pub struct Scalar<T, F>(pub F, pub PhantomData<T>);

/// A scalar of type `T` with the checks `check`.
pub fn scalar<T, F: FnMut(&mut Vec<Violation>, &Path<'_>, &T)>(check: F) -> Scalar<T, F> {
    Scalar(check, PhantomData)
}

impl<'de, M: Mode, T: serde::Deserialize<'de>, F: FnMut(&mut Vec<Violation>, &Path<'_>, &T)>
    Value<'de, M> for Scalar<T, F>
{
    type Item = T;
    #[inline]
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<T>, DeError> {
        let value = T::deserialize(Strict(de))?;
        if let Some(out) = reader.checking() {
            (self.0)(out, path, &value);
        }
        Ok(M::keep(|| Some(value)))
    }
}

/// A free-form object: the page lists none of its keys, so only its being an object is checked (and
/// in a request, that it holds no `null`).
pub struct FreeForm;

impl<'de, M: Mode> Value<'de, M> for FreeForm {
    type Item = serde_json::Map<String, serde_json::Value>;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        _: &mut Reader,
        _: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        if M::LENIENT {
            let object = <Self::Item as serde::Deserialize>::deserialize(de)?;
            Ok(M::keep(|| Some(object)))
        } else if M::BUILDS {
            let object = <Self::Item as serde::Deserialize>::deserialize(Strict(de))?;
            Ok(M::keep(|| Some(object)))
        } else {
            de.deserialize_map(AnyObject)?;
            Ok(M::keep(|| None))
        }
    }
}

/// Skips an object, which must be one.
struct AnyObject;

impl<'de> Visitor<'de> for AnyObject {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// A value of any kind, `null` included, that the page does not describe: nothing to check.
pub struct AnyValue;

impl<'de, M: Mode> Value<'de, M> for AnyValue {
    type Item = serde_json::Value;
    const TAKES_NULL: bool = true;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        _: &mut Reader,
        _: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        if M::BUILDS {
            let value = <Self::Item as serde::Deserialize>::deserialize(de)?;
            Ok(M::keep(|| Some(value)))
        } else {
            IgnoredAny::deserialize(de)?;
            Ok(M::keep(|| None))
        }
    }
}

/// A field that may be `null` where the page documents that null: the null is kept, unchecked;
/// any other value is read (and checked) by `V`.
pub struct OrNull<V>(pub V);

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for OrNull<V> {
    type Item = Nullable<V::Item>;
    const TAKES_NULL: bool = true;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        if de.lexer.peek() == Some(b'n') {
            de.lexer.literal(b"null")?;
            return Ok(M::keep(|| Some(Nullable::Null)));
        }
        let kept = self.0.read(de, reader, path)?;
        Ok(M::keep(|| M::take(kept).map(Nullable::Value)))
    }
}

/// A field whose value is boxed in the owned model (to break a cycle of types).
pub struct Boxed<V>(pub V);

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Boxed<V> {
    type Item = Box<V::Item>;
    const TAKES_NULL: bool = V::TAKES_NULL;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        let value = self.0.read(de, reader, path)?;
        Ok(M::keep(|| M::take(value).map(Box::new)))
    }
}
