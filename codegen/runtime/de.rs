//! serde's `Deserializer` on [`JsonDeserializer`]: each `deserialize_*` method reads the value its
//! caller asks for, or names the value found (`invalid type: ...`), and places a visitor's error at
//! the end of the value that did not fit, as serde_json does.

use super::de_access::{Items, Members};
use super::de_error::{malformed, DeError};
use super::de_key::{UnitVariant, Variant};
use super::json_deserializer::JsonDeserializer;
use super::lex::Text;
use super::request_de;
use serde::de::{Deserializer, Visitor};

impl<'de> JsonDeserializer<'de> {
    fn visit_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        let visit = |de: &mut Self| visitor.visit_seq(Items { de, first: true });
        self.nested(visit, JsonDeserializer::end_array)
    }

    fn visit_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        let visit = |de: &mut Self| visitor.visit_map(Members { de, first: true });
        self.nested(visit, JsonDeserializer::end_object)
    }

    /// A variant written as an object of one member.
    fn visit_variant<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.enter()?;
        self.lexer.at += 1;
        let value = visitor.visit_enum(Variant { de: &mut *self });
        self.depth += 1;
        let value = value?;
        match self.lexer.peek() {
            Some(b'}') => {
                self.lexer.at += 1;
                Ok(value)
            }
            Some(_) => Err(self.lexer.error(malformed::VALUE)),
            None => Err(self.lexer.error(malformed::EOF_OBJECT)),
        }
    }
}

/// The result of a `deserialize_*` method, an error a visitor raised placed at the reader's position.
macro_rules! placed {
    ($self:ident, $body:expr) => {{
        let result = $body;
        result.map_err(|error| $self.lexer.place(error))
    }};
}

/// `deserialize_*` methods that read as `$to` does.
macro_rules! forward_to {
    ($to:ident: $($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.$to(visitor)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for &mut JsonDeserializer<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'n' => self
                .lexer
                .literal(b"null")
                .and_then(|()| visitor.visit_unit()),
            b't' => self
                .lexer
                .literal(b"true")
                .and_then(|()| visitor.visit_bool(true)),
            b'f' => self
                .lexer
                .literal(b"false")
                .and_then(|()| visitor.visit_bool(false)),
            b'-' | b'0'..=b'9' => self.visit_number(visitor),
            b'"' => self.visit_string(visitor),
            b'[' => self.visit_array(visitor),
            b'{' => self.visit_object(visitor),
            _ => Err(self.lexer.peek_error(malformed::VALUE)),
        };
        placed!(self, result)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b't' => self
                .lexer
                .literal(b"true")
                .and_then(|()| visitor.visit_bool(true)),
            b'f' => self
                .lexer
                .literal(b"false")
                .and_then(|()| visitor.visit_bool(false)),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'-' | b'0'..=b'9' => self.visit_number(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    forward_to!(deserialize_i64:
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i128 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32
        deserialize_f64
    );

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'"' => self.visit_string(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    forward_to!(deserialize_str: deserialize_char deserialize_string deserialize_identifier);

    /// A string's bytes, its escapes decoded and not checked for UTF-8; an array of numbers as a
    /// sequence.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'"' => {
                self.lexer.at += 1;
                match self.lexer.raw_string(false)? {
                    Text::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
                    Text::Copied(bytes) => visitor.visit_bytes(bytes),
                }
            }
            b'[' => self.visit_array(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    forward_to!(deserialize_bytes: deserialize_byte_buf);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.lexer.peek() {
            Some(b'n') => {
                self.lexer.literal(b"null")?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'n' => self
                .lexer
                .literal(b"null")
                .and_then(|()| visitor.visit_unit()),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == request_de::TOKEN {
            self.next()?;
            return request_de::hand_off(&mut self.lexer, visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'[' => self.visit_array(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'{' => self.visit_object(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    /// An object, or (as serde_json reads a struct) an array of its fields in order; the strict
    /// reading of requests refuses the array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if self.next()? == b'[' {
            return self.deserialize_seq(visitor);
        }
        self.deserialize_map(visitor)
    }

    /// A unit variant as its string; another as an object of one member, the variant's name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'"' => visitor.visit_enum(UnitVariant { de: &mut *self }),
            b'{' => self.visit_variant(visitor),
            _ => Err(self.lexer.peek_error(malformed::VALUE)),
        };
        placed!(self, result)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.lexer.skip_value()?;
        visitor.visit_unit()
    }
}
