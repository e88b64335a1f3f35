//! The items of an array and the members of an object, as the deserializer of the `de` module hands
//! them to a visitor: commas, the closing bracket, and where a trailing comma or a missing one is
//! an error.

use super::de_error::{malformed, DeError};
use super::de_key::Key;
use super::json_deserializer::JsonDeserializer;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess};

/// The items of an array.
pub(super) struct Items<'a, 'de> {
    pub(super) de: &'a mut JsonDeserializer<'de>,
    pub(super) first: bool,
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
pub(super) struct Members<'a, 'de> {
    pub(super) de: &'a mut JsonDeserializer<'de>,
    pub(super) first: bool,
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
