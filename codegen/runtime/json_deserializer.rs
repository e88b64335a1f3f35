//! The deserializer of our own that every body is read with: requests strictly (wrapped by the
//! `strict` module) and responses leniently. This module holds its state and what it reads with
//! the `lex` module; `de` implements serde's `Deserializer` on it, `de_access` and `de_key` the
//! parts a visitor is handed. It hands serde's visitors what serde_json's reading of a slice would
//! hand them, in the same order and with the same messages, so that a type's `Deserialize` impl
//! reads the same values from both. A key read as bytes (how documented fields are matched) is not
//! checked for UTF-8; an ignored value is checked to be JSON and nothing more.

use super::de_error::{malformed, DeError};
use super::json::Str;
use super::lex::{Lexer, Text};
use super::number::Number;
use serde::de::{self, Unexpected, Visitor};
use std::borrow::Cow;

/// How deep arrays and objects may nest in a value a type reads (as serde_json allows).
const DEPTH: u16 = 128;

/// A JSON deserializer over the bytes of a body.
pub struct JsonDeserializer<'de> {
    pub(super) lexer: Lexer<'de>,
    pub(super) depth: u16,
}

impl<'de> JsonDeserializer<'de> {
    /// A deserializer of `input`.
    pub fn new(input: &'de [u8]) -> JsonDeserializer<'de> {
        JsonDeserializer {
            lexer: Lexer::new(input),
            depth: DEPTH,
        }
    }

    /// A deserializer of `text`, already known to be UTF-8.
    pub(super) fn of_text(text: &'de str) -> JsonDeserializer<'de> {
        JsonDeserializer {
            lexer: Lexer::of_text(text),
            depth: DEPTH,
        }
    }

    /// Checks that nothing but whitespace follows the value read.
    pub fn end(&mut self) -> Result<(), DeError> {
        match self.lexer.peek() {
            None => Ok(()),
            Some(_) => Err(self.lexer.peek_error(malformed::TRAILING)),
        }
    }

    /// Reads one value of `T` from `input`, with nothing after it.
    pub fn read<T: de::Deserialize<'de>>(input: &'de [u8]) -> Result<T, DeError> {
        let mut deserializer = JsonDeserializer::new(input);
        let value = T::deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(value)
    }

    pub(super) fn enter(&mut self) -> Result<(), DeError> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.lexer.peek_error(malformed::DEPTH));
        }
        Ok(())
    }

    pub(super) fn next(&mut self) -> Result<u8, DeError> {
        self.lexer
            .peek()
            .ok_or_else(|| self.lexer.peek_error(malformed::EOF_VALUE))
    }

    /// Checks that the next value opens with `byte` (a quote, a bracket or a brace), which is left
    /// to be read; any other value is an invalid type, named against `expected`.
    #[inline]
    pub(super) fn open(&mut self, byte: u8, expected: &dyn de::Expected) -> Result<(), DeError> {
        if self.next()? == byte {
            Ok(())
        } else {
            Err(self.invalid_type(expected))
        }
    }

    /// The error of a value of the wrong type for `visitor`, naming the value found.
    pub(super) fn invalid_type(&mut self, visitor: &dyn de::Expected) -> DeError {
        let error = match self.lexer.peek() {
            Some(b'n') => match self.lexer.literal(b"null") {
                Ok(()) => de::Error::invalid_type(Unexpected::Unit, visitor),
                Err(error) => error,
            },
            Some(b't') => match self.lexer.literal(b"true") {
                Ok(()) => de::Error::invalid_type(Unexpected::Bool(true), visitor),
                Err(error) => error,
            },
            Some(b'f') => match self.lexer.literal(b"false") {
                Ok(()) => de::Error::invalid_type(Unexpected::Bool(false), visitor),
                Err(error) => error,
            },
            Some(b'-' | b'0'..=b'9') => match self.lexer.number() {
                Ok(Number::Unsigned(n)) => {
                    de::Error::invalid_type(Unexpected::Unsigned(n), visitor)
                }
                Ok(Number::Negative(n)) => de::Error::invalid_type(Unexpected::Signed(n), visitor),
                Ok(Number::Float(n)) => de::Error::invalid_type(Unexpected::Float(n), visitor),
                Err(error) => error,
            },
            Some(b'"') => {
                self.lexer.at += 1;
                match self.lexer.string() {
                    Ok(Text::Borrowed(s) | Text::Copied(s)) => {
                        de::Error::invalid_type(Unexpected::Str(s), visitor)
                    }
                    Err(error) => error,
                }
            }
            Some(b'[') => de::Error::invalid_type(Unexpected::Seq, visitor),
            Some(b'{') => de::Error::invalid_type(Unexpected::Map, visitor),
            Some(_) => self.lexer.peek_error(malformed::VALUE),
            None => self.lexer.peek_error(malformed::EOF_VALUE),
        };
        self.lexer.place(error)
    }

    pub(super) fn visit_number<V: Visitor<'de>>(
        &mut self,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.lexer.number()?.visit(visitor)
    }

    pub(super) fn visit_string<V: Visitor<'de>>(
        &mut self,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.text()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }

    /// Steps to an array's next item: `false` at its closing bracket, which is left to be read.
    /// `first` tells whether an item was read before (no comma yet) and is cleared here.
    #[inline]
    pub(super) fn next_item(&mut self, first: &mut bool) -> Result<bool, DeError> {
        let lexer = &mut self.lexer;
        match lexer.peek() {
            Some(b']') => Ok(false),
            Some(b',') if !*first => {
                lexer.at += 1;
                match lexer.peek() {
                    Some(b']') => Err(lexer.peek_error(malformed::TRAILING_COMMA)),
                    Some(_) => Ok(true),
                    None => Err(lexer.peek_error(malformed::EOF_VALUE)),
                }
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(_) => Err(lexer.peek_error(malformed::LIST_COMMA_OR_END)),
            None => Err(lexer.peek_error(malformed::EOF_LIST)),
        }
    }

    /// Steps to an object's next key, at its opening quote: `false` at its closing brace, which is
    /// left to be read. `first` as for [`JsonDeserializer::next_item`].
    #[inline]
    pub(super) fn next_key(&mut self, first: &mut bool) -> Result<bool, DeError> {
        let lexer = &mut self.lexer;
        let next = match lexer.peek() {
            Some(b'}') => return Ok(false),
            Some(b',') if !*first => {
                lexer.at += 1;
                lexer.peek()
            }
            Some(byte) if *first => {
                *first = false;
                Some(byte)
            }
            Some(_) => return Err(lexer.peek_error(malformed::OBJECT_COMMA_OR_END)),
            None => return Err(lexer.peek_error(malformed::EOF_OBJECT)),
        };
        match next {
            Some(b'"') => Ok(true),
            Some(b'}') => Err(lexer.peek_error(malformed::TRAILING_COMMA)),
            Some(_) => Err(lexer.peek_error(malformed::KEY_NOT_STRING)),
            None => Err(lexer.peek_error(malformed::EOF_VALUE)),
        }
    }

    /// A key at its opening quote, as bytes with its escapes decoded, unchecked for UTF-8 (a
    /// documented name is matched on its bytes).
    #[inline]
    pub(super) fn key_bytes(&mut self) -> Result<Text<'de, '_, [u8]>, DeError> {
        self.lexer.at += 1;
        self.lexer.raw_string(false)
    }

    /// A key at its opening quote, as text checked for UTF-8: borrowed from the input unless it
    /// has escapes.
    pub(super) fn key_text(&mut self) -> Result<Str<'de>, DeError> {
        Ok(Str(match self.text()? {
            Text::Borrowed(key) => Cow::Borrowed(key),
            Text::Copied(key) => Cow::Owned(key.to_owned()),
        }))
    }

    /// A string at its opening quote, as text checked for UTF-8.
    #[inline]
    pub(super) fn text(&mut self) -> Result<Text<'de, '_, str>, DeError> {
        self.lexer.at += 1;
        self.lexer.string()
    }

    /// An array or object at its opening bracket, one level deeper: `visit` reads its content,
    /// `end` its closing bracket. The end is read even after `visit`'s error, and an error a type
    /// raised is placed there, as serde_json places it.
    pub(super) fn nested<T>(
        &mut self,
        visit: impl FnOnce(&mut Self) -> Result<T, DeError>,
        end: fn(&mut Self) -> Result<(), DeError>,
    ) -> Result<T, DeError> {
        self.enter()?;
        self.lexer.at += 1;
        let value = visit(self);
        self.depth += 1;
        let end = end(self);
        let value = value.and_then(|value| end.map(|()| value));
        value.map_err(|error| self.lexer.place(error))
    }

    /// The end of an array whose visitor stopped reading its items.
    pub(super) fn end_array(&mut self) -> Result<(), DeError> {
        match self.lexer.peek() {
            Some(b']') => {
                self.lexer.at += 1;
                Ok(())
            }
            Some(b',') => {
                self.lexer.at += 1;
                match self.lexer.peek() {
                    Some(b']') => Err(self.lexer.peek_error(malformed::TRAILING_COMMA)),
                    _ => Err(self.lexer.peek_error(malformed::TRAILING)),
                }
            }
            Some(_) => Err(self.lexer.peek_error(malformed::TRAILING)),
            None => Err(self.lexer.peek_error(malformed::EOF_LIST)),
        }
    }

    /// The end of an object whose visitor stopped reading its members.
    pub(super) fn end_object(&mut self) -> Result<(), DeError> {
        match self.lexer.peek() {
            Some(b'}') => {
                self.lexer.at += 1;
                Ok(())
            }
            Some(b',') => Err(self.lexer.peek_error(malformed::TRAILING_COMMA)),
            Some(_) => Err(self.lexer.peek_error(malformed::TRAILING)),
            None => Err(self.lexer.peek_error(malformed::EOF_OBJECT)),
        }
    }
}
