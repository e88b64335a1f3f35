//! An object's key (read as text, as bytes unchecked for UTF-8, or as a number for a map whose keys
//! are numbers) and an enumeration's variant (a unit variant as its name, another as an object of
//! one member).

use super::de_error::{malformed, DeError};
use super::json_deserializer::JsonDeserializer;
use super::lex::Text;
use serde::de::{self, DeserializeSeed, Deserializer, Unexpected, Visitor};

/// An object's key: a string, read as text, as bytes (unchecked for UTF-8) or as a number.
pub(super) struct Key<'a, 'de> {
    pub(super) de: &'a mut JsonDeserializer<'de>,
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
        number.visit(visitor)
    }
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.de.visit_string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.de.key_bytes()? {
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
pub(super) struct UnitVariant<'a, 'de> {
    pub(super) de: &'a mut JsonDeserializer<'de>,
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
pub(super) struct Variant<'a, 'de> {
    pub(super) de: &'a mut JsonDeserializer<'de>,
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
