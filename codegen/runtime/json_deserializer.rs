//! The deserializer of our own that every body is read with: requests strictly (wrapped by the
//! `strict` module) and responses leniently. This module holds its state and what it reads with
//! the `lex` module; `de` implements serde's `Deserializer` on it, `de_access` and `de_key` the
//! parts a visitor is handed. It hands serde's visitors what serde_json's reading of a slice would
//! hand them, in the same order and with the same messages, so that a type's `Deserialize` impl
//! reads the same values from both. A key read as bytes (how documented fields are matched) is not
//! checked for UTF-8; an ignored value is checked to be JSON and nothing more.

use super::de_error::{malformed, DeError};
use super::lex::{Lexer, Text};
use super::number::Number;
use serde::de::{self, Unexpected, Visitor};

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
        self.lexer.at += 1;
        match self.lexer.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
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
