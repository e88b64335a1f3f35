//! One pass over a request body: each value is checked against its documented rules as it is read, an
//! undocumented key is reported as it is met, and the object's own rules are applied at its end. The same
//! generated code (each request type's `support::Read` impl) serves both one-call paths, told apart by a
//! [`Mode`]: [`Build`] keeps the owned model, [`Check`] keeps nothing, so checking a valid body allocates
//! nothing beyond what serde_json does.
//!
//! Violations come out in the order `validate` reports them on the owned value, whatever the order of the
//! keys in the JSON: within an object, its missing mandatory fields, then each field's violations in table
//! order, then its cross-field and conditional rules; within an array, its number of items, then each item;
//! within a map, its values by key. Undocumented fields follow all of them, in the order they appear.
//! Reordering touches only bodies with violations.
//!
//! Leaf values are read through the `strict` module, so what JSON a request may be is decided in one place.

use super::strict::Strict;
use super::{closest, Path, Rule, Str, Violation};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// What reading keeps: the owned model ([`Build`]) or nothing ([`Check`]).
pub trait Mode {
    /// What is kept of a value of type `T`.
    type Keep<T>;
    /// Whether anything is kept.
    const BUILDS: bool;
    /// Keeps the value `build` makes; `None` when the value cannot be made (a violation says why).
    fn keep<T>(build: impl FnOnce() -> Option<T>) -> Self::Keep<T>;
    /// The value kept, when one was made.
    fn take<T>(kept: Self::Keep<T>) -> Option<T>;
    /// The value kept in an optional field's slot: `Some(None)` when absent, `None` when not made.
    fn optional<T>(slot: Option<Self::Keep<T>>) -> Option<Option<T>> {
        match slot {
            Some(kept) => Self::take(kept).map(Some),
            None => Some(None),
        }
    }
    /// Appends an item to a kept array.
    fn push<T>(items: &mut Self::Keep<Vec<T>>, item: Self::Keep<T>);
    /// Inserts a value at its key into a kept map; a later value of the same key wins, as in serde.
    fn insert<T>(map: &mut Self::Keep<BTreeMap<String, T>>, key: &str, value: Self::Keep<T>);
}

/// Reading that builds the owned model.
#[derive(Debug)]
pub enum Build {}

/// Reading that checks without building anything.
#[derive(Debug)]
pub enum Check {}

impl Mode for Build {
    type Keep<T> = Option<T>;
    const BUILDS: bool = true;
    fn keep<T>(build: impl FnOnce() -> Option<T>) -> Option<T> {
        build()
    }
    fn take<T>(kept: Option<T>) -> Option<T> {
        kept
    }
    fn push<T>(items: &mut Option<Vec<T>>, item: Option<T>) {
        match (items.as_mut(), item) {
            (Some(items), Some(item)) => items.push(item),
            _ => *items = None,
        }
    }
    fn insert<T>(map: &mut Option<BTreeMap<String, T>>, key: &str, value: Option<T>) {
        match (map.as_mut(), value) {
            (Some(map), Some(value)) => {
                map.insert(key.to_owned(), value);
            }
            _ => *map = None,
        }
    }
}

impl Mode for Check {
    type Keep<T> = ();
    const BUILDS: bool = false;
    fn keep<T>(_: impl FnOnce() -> Option<T>) {}
    fn take<T>((): ()) -> Option<T> {
        None
    }
    fn push<T>((): &mut (), (): ()) {}
    fn insert<T>((): &mut (), _: &str, (): ()) {}
}

/// The state of one reading: the violations found so far and where reading failed.
#[derive(Debug, Default)]
pub struct Reader {
    out: Vec<Violation>,
    undocumented: Vec<Violation>,
    failed_at: Option<String>,
    /// The fields present in the object read last, by table position (the first 64), for the rules of
    /// the object that holds it.
    present: u64,
}

impl Reader {
    /// Notes that reading failed at `path`, unless a value inside it already did.
    fn fail(&mut self, path: &Path<'_>) {
        if self.failed_at.is_none() {
            self.failed_at = Some(path.to_string());
        }
    }

    /// Where reading failed: the innermost value being read.
    pub fn failed_at(&self) -> Option<&str> {
        self.failed_at.as_deref()
    }

    /// Every violation: the documented rules broken, then the undocumented fields.
    pub fn into_violations(mut self) -> Vec<Violation> {
        self.out.append(&mut self.undocumented);
        self.out
    }
}

/// How a value of one field is read and checked.
pub trait Value<'de, M: Mode> {
    /// The type of the value in the owned model.
    type Item;
    /// Reads the value at `path`, reporting what breaks its rules into `reader`.
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, D::Error>;
}

/// A `Value` as a serde seed.
struct Seed<'s, V, M> {
    value: &'s mut V,
    reader: &'s mut Reader,
    path: &'s Path<'s>,
    mode: PhantomData<M>,
}

fn seed<'s, V, M>(value: &'s mut V, reader: &'s mut Reader, path: &'s Path<'s>) -> Seed<'s, V, M> {
    Seed {
        value,
        reader,
        path,
        mode: PhantomData,
    }
}

impl<'de, M: Mode, V: Value<'de, M>> DeserializeSeed<'de> for Seed<'_, V, M> {
    type Value = M::Keep<V::Item>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.value.read(deserializer, self.reader, self.path)
    }
}

/// A value without checks of its own.
pub fn unchecked<T: ?Sized>(_: &mut Vec<Violation>, _: &Path<'_>, _: &T) {}

/// A string, checked as read: borrowed from the input, or from serde_json's buffer when it has escapes.
pub struct Text<F>(pub F);

/// A string with the checks `check`.
pub fn text<F: FnMut(&mut Vec<Violation>, &Path<'_>, &str)>(check: F) -> Text<F> {
    Text(check)
}

impl<'de, M: Mode, F: FnMut(&mut Vec<Violation>, &Path<'_>, &str)> Value<'de, M> for Text<F> {
    type Item = String;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<String>, D::Error> {
        deserializer.deserialize_str(TextVisitor::<F, M> {
            check: &mut self.0,
            out: &mut reader.out,
            path,
            mode: PhantomData,
        })
    }
}

struct TextVisitor<'a, F, M> {
    check: &'a mut F,
    out: &'a mut Vec<Violation>,
    path: &'a Path<'a>,
    mode: PhantomData<M>,
}

impl<M: Mode, F: FnMut(&mut Vec<Violation>, &Path<'_>, &str)> Visitor<'_>
    for TextVisitor<'_, F, M>
{
    type Value = M::Keep<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        (self.check)(self.out, self.path, value);
        Ok(M::keep(|| Some(value.to_owned())))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        (self.check)(self.out, self.path, &value);
        Ok(M::keep(|| Some(value)))
    }
}

/// A number, boolean or enumeration, read strictly as serde reads it and then checked.
pub struct Scalar<T, F>(pub F, pub PhantomData<T>);

/// A scalar of type `T` with the checks `check`.
pub fn scalar<T, F: FnMut(&mut Vec<Violation>, &Path<'_>, &T)>(check: F) -> Scalar<T, F> {
    Scalar(check, PhantomData)
}

impl<'de, M: Mode, T: serde::Deserialize<'de>, F: FnMut(&mut Vec<Violation>, &Path<'_>, &T)>
    Value<'de, M> for Scalar<T, F>
{
    type Item = T;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<T>, D::Error> {
        let value = T::deserialize(Strict(deserializer))?;
        (self.0)(&mut reader.out, path, &value);
        Ok(M::keep(|| Some(value)))
    }
}

/// A free-form object: the page lists none of its keys, so only its being an object is checked.
pub struct FreeForm;

impl<'de, M: Mode> Value<'de, M> for FreeForm {
    type Item = serde_json::Map<String, serde_json::Value>;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        _: &mut Reader,
        _: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, D::Error> {
        if M::BUILDS {
            let object = <Self::Item as serde::Deserialize>::deserialize(Strict(deserializer))?;
            Ok(M::keep(|| Some(object)))
        } else {
            deserializer.deserialize_map(AnyObject)?;
            Ok(M::keep(|| None))
        }
    }
}

/// Skips an object, which must be one.
struct AnyObject;

impl<'de> Visitor<'de> for AnyObject {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// A field whose value is boxed in the owned model (to break a cycle of types).
pub struct Boxed<V>(pub V);

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Boxed<V> {
    type Item = Box<V::Item>;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<Self::Item>, D::Error> {
        let value = self.0.read(deserializer, reader, path)?;
        Ok(M::keep(|| M::take(value).map(Box::new)))
    }
}

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

/// What reading the values inside an array or a map needs: how each is read, the reading's state, and the
/// path of the array or map.
struct Within<'a, V, M> {
    value: &'a mut V,
    reader: &'a mut Reader,
    path: &'a Path<'a>,
    mode: PhantomData<M>,
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

/// An object whose keys are free and whose values are read by `value` (a map): each value sits at its
/// key, and its violations are reported by key, as `validate` walks the owned `BTreeMap`.
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
        // Once a value has a violation, the keys from there on (and the span of each one's violations), to
        // put them in key order at the end; before that no key matters.
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

/// Puts violations in order from the first one `spans` names on: `spans` gives, in the order they were
/// read, each value's key and its first violation; the values' violations are put in key order, and of a
/// repeated key only its last value's are kept (the owned map keeps only its last value).
fn in_order<K: Ord>(out: &mut Vec<Violation>, spans: Vec<(K, usize)>) {
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

/// A request table read in one pass: generated for every table a request body reaches.
pub trait Read: Sized {
    /// The table's name, for messages (`struct VpcCreate`).
    const NAME: &'static str;
    /// The documented fields' wire names, in table order.
    const FIELDS: &'static [&'static str];
    /// The table position of a documented field, by the bytes of its name.
    fn position(key: &[u8]) -> Option<usize>;
    /// Reads the object's fields, checking each, and applies the object's rules at its end.
    fn read_fields<'de, M: Mode, A: MapAccess<'de>>(
        fields: Fields<'_, A, Self, M>,
    ) -> Result<M::Keep<Self>, A::Error>;
}

/// A value that is an object of a request table.
pub struct Nested<T>(PhantomData<T>);

/// Reads an object of the table `T`.
pub fn nested<T>() -> Nested<T> {
    Nested(PhantomData)
}

impl<'de, M: Mode, T: Read> Value<'de, M> for Nested<T> {
    type Item = T;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<T>, D::Error> {
        deserializer.deserialize_map(ObjectVisitor::<T, M> {
            reader,
            path,
            mode: PhantomData,
        })
    }
}

struct ObjectVisitor<'a, T, M> {
    reader: &'a mut Reader,
    path: &'a Path<'a>,
    mode: PhantomData<(T, M)>,
}

impl<'de, M: Mode, T: Read> Visitor<'de> for ObjectVisitor<'_, T, M> {
    type Value = M::Keep<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<M::Keep<T>, A::Error> {
        let start = self.reader.out.len();
        T::read_fields::<M, A>(Fields {
            map,
            reader: self.reader,
            path: self.path,
            start,
            spans: Vec::new(),
            present: 0,
            table: PhantomData,
        })
    }
}

/// The fields of one object of the table `T` as they are read in the mode `M`.
pub struct Fields<'r, A, T, M> {
    map: A,
    reader: &'r mut Reader,
    path: &'r Path<'r>,
    /// Where the object's violations begin.
    start: usize,
    /// The fields with violations: table position and first violation, in the order read.
    spans: Vec<(usize, usize)>,
    present: u64,
    table: PhantomData<(T, M)>,
}

/// A key of an object: a documented field's position, or an undocumented name.
enum Key<'de> {
    Documented(usize),
    Undocumented(Str<'de>),
}

/// Reads a key as its bytes, which serde_json gives without checking them for UTF-8 (a documented name
/// is matched on its bytes); only an undocumented one is made a string.
struct KeySeed<T>(PhantomData<T>);

impl<'de, T: Read> DeserializeSeed<'de> for KeySeed<T> {
    type Value = Key<'de>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_bytes(self)
    }
}

impl<'de, T: Read> Visitor<'de> for KeySeed<T> {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    #[inline]
    fn visit_borrowed_bytes<E: de::Error>(self, key: &'de [u8]) -> Result<Key<'de>, E> {
        Ok(match T::position(key) {
            Some(position) => Key::Documented(position),
            None => Key::Undocumented(Str(String::from_utf8_lossy(key))),
        })
    }
    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Key<'de>, E> {
        Ok(match T::position(key) {
            Some(position) => Key::Documented(position),
            None => Key::Undocumented(Str(std::borrow::Cow::Owned(
                String::from_utf8_lossy(key).into_owned(),
            ))),
        })
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        self.visit_bytes(key.as_bytes())
    }
}

impl<'de, 'r, A: MapAccess<'de>, T: Read, M: Mode> Fields<'r, A, T, M> {
    /// The table position of the next documented field; undocumented ones are reported (with the closest
    /// documented name) and skipped whatever they hold.
    #[inline]
    pub fn next_field(&mut self) -> Result<Option<usize>, A::Error> {
        loop {
            let key = match self.map.next_key_seed(KeySeed::<T>(PhantomData)) {
                Ok(key) => key,
                Err(error) => {
                    self.reader.fail(self.path);
                    return Err(error);
                }
            };
            let name = match key {
                None => return Ok(None),
                Some(Key::Documented(position)) => return Ok(Some(position)),
                Some(Key::Undocumented(name)) => name,
            };
            let path = self.path.key(&name);
            let suggestion = closest::closest(&name, T::FIELDS.iter().copied());
            self.reader.undocumented.push(Violation {
                path: path.to_string(),
                rule: Rule::UnknownField { suggestion },
            });
            if let Err(error) = self.map.next_value::<IgnoredAny>() {
                self.reader.fail(&path);
                return Err(error);
            }
        }
    }

    /// Reads the value of the field at `position` with `value` into `slot`; a field given twice is an error.
    #[inline]
    pub fn value<V: Value<'de, M>>(
        &mut self,
        position: usize,
        slot: &mut Option<M::Keep<V::Item>>,
        mut value: V,
    ) -> Result<(), A::Error> {
        let name = T::FIELDS[position];
        let path = self.path.field(name);
        if slot.is_some() {
            self.reader.fail(&path);
            return Err(de::Error::duplicate_field(name));
        }
        let before = self.reader.out.len();
        match self
            .map
            .next_value_seed(seed::<V, M>(&mut value, self.reader, &path))
        {
            Ok(kept) => *slot = Some(kept),
            Err(error) => {
                self.reader.fail(&path);
                return Err(error);
            }
        }
        if self.reader.out.len() > before {
            self.spans.push((position, before));
        }
        if position < 64 {
            self.present |= 1 << position;
        }
        Ok(())
    }

    /// Ends the object: its fields' violations in table order, each absent mandatory field (`mandatory`:
    /// wire name and whether present) reported before them, and the violations and path for its rules.
    pub fn end(self, mandatory: &[(&'static str, bool)]) -> (&'r mut Vec<Violation>, &'r Path<'r>) {
        let Fields {
            reader,
            path,
            start,
            spans,
            present,
            ..
        } = self;
        reader.present = present;
        let out = &mut reader.out;
        if !spans.is_sorted_by_key(|&(position, _)| position) {
            in_order(out, spans);
        }
        // An empty Vec allocates nothing: a valid object pays one pass over `mandatory`.
        let missing: Vec<Violation> = mandatory
            .iter()
            .filter(|&&(_, present)| !present)
            .map(|&(name, _)| Violation {
                path: path.field(name).to_string(),
                rule: Rule::Required,
            })
            .collect();
        if !missing.is_empty() {
            out.splice(start..start, missing);
        }
        (out, path)
    }
}

/// The fields present in each object that a rule of the enclosing object reaches into: each item of an
/// array, or the one object of a field. Items alike are held once, so a valid body allocates nothing.
#[derive(Debug, Default)]
pub struct Seen {
    count: usize,
    first: u64,
    each: Vec<u64>,
}

impl Seen {
    fn note(&mut self, present: u64) {
        if self.count == 0 {
            self.first = present;
        } else if !self.each.is_empty() || present != self.first {
            if self.each.is_empty() {
                self.each = vec![self.first; self.count];
            }
            self.each.push(present);
        }
        self.count += 1;
    }

    /// Each object's position (in its array) and the fields present in it, by table position.
    pub fn present(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        (0..self.count).map(move |i| (i, self.each.get(i).copied().unwrap_or(self.first)))
    }
}

/// An object read by `value` whose fields' presence (those of `relevant`) is noted in `seen`.
pub struct Tap<'s, V> {
    /// How the object is read.
    pub value: V,
    /// Where its fields' presence is noted.
    pub seen: &'s mut Seen,
    /// The fields whose presence matters, by table position.
    pub relevant: u64,
}

impl<'de, M: Mode, V: Value<'de, M>> Value<'de, M> for Tap<'_, V> {
    type Item = V::Item;
    fn read<D: Deserializer<'de>>(
        &mut self,
        deserializer: D,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<V::Item>, D::Error> {
        let kept = self.value.read(deserializer, reader, path)?;
        self.seen.note(reader.present & self.relevant);
        Ok(kept)
    }
}

/// What reading a body gives: what the mode keeps of it and every violation, or where the JSON does not fit.
pub type Outcome<K> = Result<(K, Vec<Violation>), super::JsonError>;

/// Reads a request body in one pass with `value`.
pub fn read_body<'de, M: Mode, V: Value<'de, M>>(
    input: &'de [u8],
    mut value: V,
) -> Outcome<M::Keep<V::Item>> {
    let mut reader = Reader::default();
    let mut deserializer = serde_json::Deserializer::from_slice(input);
    match value
        .read(&mut deserializer, &mut reader, &Path::Root)
        .and_then(|kept| deserializer.end().map(|()| kept))
    {
        Ok(kept) => Ok((kept, reader.into_violations())),
        Err(error) => Err(super::JsonError::read(
            &error,
            reader.failed_at().unwrap_or(""),
        )),
    }
}

/// Reads a request body in one pass into the owned model, checking every documented rule and reporting
/// every undocumented field.
pub fn parse_json<'de, V: Value<'de, Build>>(
    input: &'de [u8],
    value: V,
) -> Result<V::Item, super::BodyError> {
    let (kept, violations) = read_body::<Build, V>(input, value).map_err(super::BodyError::Json)?;
    match kept {
        Some(kept) if violations.is_empty() => Ok(kept),
        _ => Err(super::BodyError::Invalid(super::ValidationErrors(
            violations,
        ))),
    }
}

/// Checks a request body in one pass, as [`parse_json`] does, without building anything.
pub fn check_json<'de, V: Value<'de, Check>>(
    input: &'de [u8],
    value: V,
) -> Result<(), super::BodyError> {
    let ((), violations) = read_body::<Check, V>(input, value).map_err(super::BodyError::Json)?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(super::BodyError::Invalid(super::ValidationErrors(
            violations,
        )))
    }
}
