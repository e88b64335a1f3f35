//! A table's serde `Deserialize`, made by its one-pass reader instead of a second, derived reader:
//! what compiles per type is one short impl, not serde's visitor and field enumeration.
//!
//! It reads as a derived `Deserialize` would, in the mode of the type's reading: strictly for a
//! type only requests hold ([`deserialize`]: every mandatory field present, objects as objects, no
//! `null` the tables do not document), leniently for a type a response holds
//! ([`deserialize_lenient`]: a `null` in an optional field is an absent field). Either way no field
//! is given twice, the documented rules are not applied (`validate`, `from_json_validated` and
//! `parse_with_departures` do that) and undocumented fields are ignored.
//!
//! Our deserializer knows the table by the name [`TOKEN`] and hands the reader the rest of its
//! input, so errors keep their line:column and path. Any other deserializer gives the value as JSON
//! first, which is then read; its errors name the path in the message.

use super::de_error::DeError;
use super::json::JsonError;
use super::json_deserializer::JsonDeserializer;
use super::lex::Lexer;
use super::object::{missing_field, nested, Read};
use super::read::{Build, Lenient, Mode, Reader, Value};
use super::violation::Path;
use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// The name under which a table asks our deserializer for the rest of its input.
pub(super) const TOKEN: &str = "$support::Read";

thread_local! {
    /// Where the reader handed the input stopped: how many bytes it read, or its error (placed in
    /// the bytes it was handed). Set by [`Handoff`], taken by our deserializer at once.
    static HANDBACK: Cell<Option<Result<usize, DeError>>> = const { Cell::new(None) };
}

/// Deserializes the request type `T` with its one-pass reader, strictly.
pub fn deserialize<'de, T: Read, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_newtype_struct(TOKEN, Handoff::<T, Build>(PhantomData))
}

/// Deserializes the table `T`, which responses hold, with its one-pass reader, leniently.
pub fn deserialize_lenient<'de, T: Read, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_newtype_struct(TOKEN, Handoff::<T, Lenient>(PhantomData))
}

/// Our deserializer's side: the value at the lexer's position, read by the visitor that asked
/// with [`TOKEN`]; moves the lexer past it. The rest of the input goes as text when it is all
/// UTF-8, so that a document of many request values is not checked again for each.
pub(super) fn hand_off<'de, V: Visitor<'de>>(
    lexer: &mut Lexer<'de>,
    visitor: V,
) -> Result<V::Value, DeError> {
    let start = lexer.at;
    HANDBACK.set(None);
    let value = match lexer.rest_text() {
        Some(rest) => visitor.visit_borrowed_str(rest),
        None => visitor.visit_borrowed_bytes(&lexer.input[start..]),
    };
    match HANDBACK.take() {
        Some(Ok(read)) => {
            lexer.at = start + read;
            value
        }
        Some(Err(error)) => Err(DeError {
            message: error.message,
            at: error.at.map(|at| start + at),
        }),
        // The visitor was not a request type's: it had what it asked for.
        None => value,
    }
}

/// The visitor of a table `T`, read in the mode `M`.
struct Handoff<T, M>(PhantomData<(T, M)>);

impl<'de, T: Read, M: Mode> Visitor<'de> for Handoff<T, M> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    /// Our deserializer's input from the value on, all of it UTF-8.
    fn visit_borrowed_str<E: Error>(self, rest: &'de str) -> Result<T, E> {
        hand_back(read_prefix::<T, M>(JsonDeserializer::of_text(rest)))
    }

    /// Our deserializer's input from the value on, some of it not UTF-8.
    fn visit_borrowed_bytes<E: Error>(self, rest: &'de [u8]) -> Result<T, E> {
        hand_back(read_prefix::<T, M>(JsonDeserializer::new(rest)))
    }

    /// Any other deserializer: the value as JSON, then read.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        let json = serde_json::Value::deserialize(deserializer)?;
        let bytes = serde_json::to_vec(&json).map_err(D::Error::custom)?;
        match read_prefix::<T, M>(JsonDeserializer::new(&bytes)) {
            Ok((value, _)) => Ok(value),
            Err(error) => {
                let JsonError { path, message, .. } = JsonError::new(&bytes, &error);
                Err(D::Error::custom(if path.is_empty() {
                    message
                } else {
                    format!("{path}: {message}")
                }))
            }
        }
    }
}

/// Hands how far the reading got back to our deserializer, and the value to the visitor's caller.
fn hand_back<T, E: Error>(read: Result<(T, usize), DeError>) -> Result<T, E> {
    let (value, handback) = match read {
        Ok((value, end)) => (Ok(value), Ok(end)),
        Err(error) => (Err(E::custom(&error.message)), Err(error)),
    };
    HANDBACK.set(Some(handback));
    value
}

/// Reads one value of `T` from the start of `de`'s input, its rules unchecked: the value and the
/// offset just past it, or why it does not fit. A missing mandatory field is named with its whole
/// path, at the end of the value.
fn read_prefix<T: Read, M: Mode>(mut de: JsonDeserializer<'_>) -> Result<(T, usize), DeError> {
    let mut reader = Reader::new(true);
    let kept = Value::<'_, M>::read(&mut nested::<T>(), &mut de, &mut reader, &Path::Root)?;
    let end = de.lexer.at;
    match M::take(kept) {
        Some(value) => Ok((value, end)),
        None => Err(missing_field(reader.into_violations(), end)),
    }
}
