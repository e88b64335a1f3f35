//! The readers of an array's items and of a map's values, which report each value's violations in
//! the order `validate` walks the owned `Vec` or `BTreeMap`.

use super::json::Str;
use super::read::{seed, Mode, Reader, Value, Within};
use super::violation::{Path, Rule, Violation};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// An array, its items read by `item`: its number of items is checked against inclusive bounds.
pub struct Items<V> {
    /// How each item is read.
    pub item: V,
    /// The documented minimum number of items, if any.
    pub min: Option<usize>,
    /// The documented maximum number of items, if any.
    pub max: Option<usize>,
}

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Items<V> {
    type Item = Vec<V::Item>;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, D::Error> {
        let before = reader.out.len();
        let (items, count) = deserializer.deserialize_seq(ItemsVisitor::<V, M>(Within {
            value: &mut self.item,
            reader: &mut *reader,
            path,
            mode: PhantomData,
        }))?;
        let (min, max) = (self.min, self.max);
        if min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max) {
            // The number of items is reported before the items, as `validate` does.
            let violation = Violation {
                path: path.to_string(),
                rule: Rule::Items {
                    min,
                    max,
                    actual: count,
                },
            };
            reader.out.insert(before, violation);
        }
        Ok(items)
    }
}

struct ItemsVisitor<'a, V, M>(Within<'a, V, M>);

impl<'de, M: Mode, V: Value<'de, M>> Visitor<'de> for ItemsVisitor<'_, V, M> {
    type Value = (M::Keep<Vec<V::Item>>, usize);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Within {
            value,
            reader,
            path,
            ..
        } = self.0;
        let mut items = M::keep(|| Some(Vec::new()));
        let mut count = 0;
        loop {
            let at = path.index(count);
            match seq.next_element_seed(seed::<V, M>(value, reader, &at)) {
                Ok(Some(item)) => M::push(&mut items, item),
                Ok(None) => return Ok((items, count)),
                Err(error) => {
                    reader.fail(&at);
                    return Err(error);
                }
            }
            count += 1;
        }
    }
}

/// An object whose keys are free and whose values are read by `value` (a map): each value sits at
/// its key, and its violations are reported by key, as `validate` walks the owned `BTreeMap`.
pub struct Values<V>(pub V);

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Values<V> {
    type Item = BTreeMap<String, V::Item>;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, D::Error> {
        deserializer.deserialize_map(ValuesVisitor::<V, M>(Within {
            value: &mut self.0,
            reader,
            path,
            mode: PhantomData,
        }))
    }
}

struct ValuesVisitor<'a, V, M>(Within<'a, V, M>);

impl<'de, M: Mode, V: Value<'de, M>> Visitor<'de> for ValuesVisitor<'_, V, M> {
    type Value = M::Keep<BTreeMap<String, V::Item>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Within {
            value,
            reader,
            path,
            ..
        } = self.0;
        let mut values = M::keep(|| Some(BTreeMap::new()));
        // Once a value has a violation, the keys from there on (and the span of each one's
        // violations), to put them in key order at the end; before that no key matters.
        let mut keys: Vec<(String, usize)> = Vec::new();
        loop {
            let key = match map.next_key::<Str<'de>>() {
                Ok(Some(key)) => key,
                Ok(None) => break,
                Err(error) => {
                    reader.fail(path);
                    return Err(error);
                }
            };
            let at = path.key(&key);
            let before = reader.out.len();
            match map.next_value_seed(seed::<V, M>(value, reader, &at)) {
                Ok(value) => M::insert(&mut values, &key, value),
                Err(error) => {
                    reader.fail(&at);
                    return Err(error);
                }
            }
            if !keys.is_empty() || reader.out.len() > before {
                keys.push((key.to_string(), before));
            }
        }
        if !keys.is_empty() {
            in_order(&mut reader.out, keys);
        }
        Ok(values)
    }
}

/// Puts violations in order from the first one `spans` names on: `spans` gives, in the order they
/// were read, each value's key and its first violation; the values' violations are put in key
/// order, and of a repeated key only its last value's are kept (the owned map keeps only its last
/// value).
pub(super) fn in_order<K: Ord>(out: &mut Vec<Violation>, spans: Vec<(K, usize)>) {
    let first = spans[0].1;
    let mut rest = out.split_off(first);
    let mut pieces: Vec<(K, Vec<Violation>)> = Vec::with_capacity(spans.len());
    for (key, begin) in spans.into_iter().rev() {
        pieces.push((key, rest.split_off(begin - first)));
    }
    pieces.reverse();
    pieces.sort_by(|a, b| a.0.cmp(&b.0));
    let mut pieces = pieces.into_iter().peekable();
    while let Some((key, mut violations)) = pieces.next() {
        if pieces.peek().is_some_and(|(next, _)| *next == key) {
            continue;
        }
        out.append(&mut violations);
    }
}
