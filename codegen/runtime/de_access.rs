//! The items of an array and the members of an object, as the deserializer of the `de` module hands
//! them to a visitor: commas, the closing bracket, and where a trailing comma or a missing one is
//! an error.

use super::de_error::DeError;
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
        if !self.de.next_item(&mut self.first)? {
            return Ok(None);
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
        if !self.de.next_key(&mut self.first)? {
            return Ok(None);
        }
        let key = seed.deserialize(Key { de: &mut *self.de });
        key.map(Some).map_err(|error| self.de.lexer.place(error))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        self.de.lexer.colon()?;
        seed.deserialize(&mut *self.de)
    }
}
