//! The deserializer of our own that every body is read with: requests strictly (wrapped by the
//! `strict` module) and responses leniently. It reads the bytes once through the `lex` module and
//! hands serde's visitors what serde_json's reading of a slice would hand them, in the same order
//! and with the same messages, so that a type's `Deserialize` impl reads the same values from both.
//! A key read as bytes (how documented fields are matched) is not checked for UTF-8; an ignored
//! value is checked to be JSON and nothing more.

use super::lex::{malformed, DeError, Lexer, Number, Text};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

/// How deep arrays and objects may nest in a value a type reads (as serde_json allows).
const DEPTH: u16 = 128;

/// A JSON deserializer over the bytes of a body.
pub struct JsonDeserializer<'de> {
    lexer: Lexer<'de>,
    depth: u16,
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

    fn enter(&mut self) -> Result<(), DeError> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.lexer.peek_error(malformed::DEPTH));
        }
        Ok(())
    }

    fn next(&mut self) -> Result<u8, DeError> {
        self.lexer
            .peek()
            .ok_or_else(|| self.lexer.peek_error(malformed::EOF_VALUE))
    }

    /// The error of a value of the wrong type for `visitor`, naming the value found.
    fn invalid_type(&mut self, visitor: &dyn de::Expected) -> DeError {
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

    fn visit_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        match self.lexer.number()? {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Negative(n) => visitor.visit_i64(n),
            Number::Float(n) => visitor.visit_f64(n),
        }
    }

    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.lexer.at += 1;
        match self.lexer.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }

    fn visit_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.enter()?;
        self.lexer.at += 1;
        let value = visitor.visit_seq(Items {
            de: self,
            first: true,
        });
        self.depth += 1;
        // The end is read even after the visitor's error, which is then placed there (as
        // serde_json places it).
        let end = self.end_array();
        let value = value?;
        end?;
        Ok(value)
    }

    fn visit_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.enter()?;
        self.lexer.at += 1;
        let value = visitor.visit_map(Members {
            de: self,
            first: true,
        });
        self.depth += 1;
        // The end is read even after the visitor's error, which is then placed there (as
        // serde_json places it).
        let end = self.end_object();
        let value = value?;
        end?;
        Ok(value)
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

    /// The end of an array whose visitor stopped reading its items.
    fn end_array(&mut self) -> Result<(), DeError> {
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
    fn end_object(&mut self) -> Result<(), DeError> {
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

/// The result of a `deserialize_*` method, an error a visitor raised placed at the reader's position.
macro_rules! placed {
    ($self:ident, $body:expr) => {{
        let result = $body;
        result.map_err(|error| $self.lexer.place(error))
    }};
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

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.next()? {
            b'"' => self.visit_string(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

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

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_bytes(visitor)
    }

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
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
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
        let result = match self.next()? {
            b'{' => self.visit_object(visitor),
            b'[' => self.visit_array(visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        placed!(self, result)
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

/// The items of an array.
struct Items<'a, 'de> {
    de: &'a mut JsonDeserializer<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let lexer = &mut self.de.lexer;
        match lexer.peek() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => {
                lexer.at += 1;
                match lexer.peek() {
                    Some(b']') => return Err(lexer.peek_error(malformed::TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(lexer.peek_error(malformed::EOF_VALUE)),
                }
            }
            Some(_) if self.first => self.first = false,
            Some(_) => return Err(lexer.peek_error(malformed::LIST_COMMA_OR_END)),
            None => return Err(lexer.peek_error(malformed::EOF_LIST)),
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// The members of an object.
struct Members<'a, 'de> {
    de: &'a mut JsonDeserializer<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let lexer = &mut self.de.lexer;
        let next = match lexer.peek() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => {
                lexer.at += 1;
                lexer.peek()
            }
            Some(byte) if self.first => {
                self.first = false;
                Some(byte)
            }
            Some(_) => return Err(lexer.peek_error(malformed::OBJECT_COMMA_OR_END)),
            None => return Err(lexer.peek_error(malformed::EOF_OBJECT)),
        };
        match next {
            Some(b'"') => {
                let key = seed.deserialize(Key { de: &mut *self.de });
                key.map(Some).map_err(|error| self.de.lexer.place(error))
            }
            Some(b'}') => Err(lexer_error(self.de, malformed::TRAILING_COMMA)),
            Some(_) => Err(lexer_error(self.de, malformed::KEY_NOT_STRING)),
            None => Err(lexer_error(self.de, malformed::EOF_VALUE)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        self.de.lexer.colon()?;
        seed.deserialize(&mut *self.de)
    }
}

fn lexer_error(de: &JsonDeserializer<'_>, message: &str) -> DeError {
    de.lexer.peek_error(message)
}

/// An object's key: a string, read as text, as bytes (unchecked for UTF-8) or as a number.
struct Key<'a, 'de> {
    de: &'a mut JsonDeserializer<'de>,
}

macro_rules! key_number {
    ($($method:ident),*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.number(visitor)
            }
        )*
    };
}

impl<'de> Key<'_, 'de> {
    /// A key that holds a number, for a map whose keys are numbers.
    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let lexer = &mut self.de.lexer;
        lexer.at += 1;
        let start = lexer.at;
        if lexer.input.get(start) == Some(&b'"') {
            return Err(lexer.peek_error(malformed::NUMBER));
        }
        let number = lexer.number()?;
        if lexer.input.get(lexer.at) != Some(&b'"') {
            return Err(lexer.peek_error(malformed::NUMBER));
        }
        lexer.at += 1;
        match number {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Negative(n) => visitor.visit_i64(n),
            Number::Float(n) => visitor.visit_f64(n),
        }
    }
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.de.visit_string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let lexer = &mut self.de.lexer;
        lexer.at += 1;
        match lexer.raw_string(false)? {
            Text::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
            Text::Copied(bytes) => visitor.visit_bytes(bytes),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(UnitVariant { de: self.de })
    }

    key_number!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64
    );

    serde::forward_to_deserialize_any! {
        bool char str string unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// A unit variant written as its name.
struct UnitVariant<'a, 'de> {
    de: &'a mut JsonDeserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), DeError> {
        let variant = seed.deserialize(&mut *self.de)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, DeError> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// A variant written as an object of one member: its name, then its content.
struct Variant<'a, 'de> {
    de: &'a mut JsonDeserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), DeError> {
        let variant = match self.de.lexer.peek() {
            Some(b'"') => {
                let variant = seed.deserialize(Key { de: &mut *self.de });
                variant.map_err(|error| self.de.lexer.place(error))?
            }
            Some(b'}') => return Err(self.de.lexer.peek_error(malformed::VALUE)),
            Some(_) => return Err(self.de.lexer.peek_error(malformed::KEY_NOT_STRING)),
            None => return Err(self.de.lexer.peek_error(malformed::EOF_OBJECT)),
        };
        self.de.lexer.colon()?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        de::Deserialize::deserialize(&mut *self.de)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(&mut *self.de)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.de.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.de.deserialize_struct("", &[], visitor)
    }
}
