//! The readers of an array's items and of a map's values, which report each value's violations in
//! the order `validate` walks the owned `Vec` or `BTreeMap`.

use super::de_error::DeError;
use super::json_deserializer::JsonDeserializer;
use super::read::{Mode, Reader, Value};
use super::violation::{Path, Rule, Violation};
use std::collections::BTreeMap;

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
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        de.open(b'[', &"a sequence")?;
        let before = reader.out.len();
        let mut count = 0;
        let items = de.nested(
            |de| read_items::<M, V>(&mut self.item, de, reader, path, &mut count),
            JsonDeserializer::end_array,
        )?;
        let (min, max) = (self.min, self.max);
        let outside = min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max);
        if outside && !reader.quiet {
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

/// An array's items, after its opening bracket; `count` is how many were read.
fn read_items<'de, M: Mode, V: Value<'de, M>>(
    value: &mut V,
    de: &mut JsonDeserializer<'de>,
    reader: &mut Reader,
    path: &Path<'_>,
    count: &mut usize,
) -> Result<M::Keep<Vec<V::Item>>, DeError> {
    let mut items = M::keep(|| Some(Vec::new()));
    let mut first = true;
    loop {
        let at = path.index(*count);
        let item = match de.next_item(&mut first) {
            Ok(true) => value.read(de, reader, &at),
            Ok(false) => return Ok(items),
            Err(error) => Err(error),
        };
        match item {
            Ok(item) => M::push(&mut items, item),
            Err(error) => {
                reader.fail(&at);
                return Err(error);
            }
        }
        *count += 1;
    }
}

/// An object whose keys are free and whose values are read by `value` (a map): each value sits at
/// its key, and its violations are reported by key, as `validate` walks the owned `BTreeMap`.
pub struct Values<V>(pub V);

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Values<V> {
    type Item = BTreeMap<String, V::Item>;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, DeError> {
        de.open(b'{', &"a map")?;
        de.nested(
            |de| read_values::<M, V>(&mut self.0, de, reader, path),
            JsonDeserializer::end_object,
        )
    }
}

/// A map's members, after its opening brace.
fn read_values<'de, M: Mode, V: Value<'de, M>>(
    value: &mut V,
    de: &mut JsonDeserializer<'de>,
    reader: &mut Reader,
    path: &Path<'_>,
) -> Result<M::Keep<BTreeMap<String, V::Item>>, DeError> {
    let mut values = M::keep(|| Some(BTreeMap::new()));
    // Once a value has a violation, the keys from there on (and the span of each one's
    // violations), to put them in key order at the end; before that no key matters.
    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut first = true;
    loop {
        let key = match de
            .next_key(&mut first)
            .and_then(|more| more.then(|| de.key_text()).transpose())
        {
            Ok(Some(key)) => key,
            Ok(None) => break,
            Err(error) => {
                reader.fail(path);
                return Err(error);
            }
        };
        let at = path.key(&key);
        let before = reader.out.len();
        match de.lexer.colon().and_then(|()| value.read(de, reader, &at)) {
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
