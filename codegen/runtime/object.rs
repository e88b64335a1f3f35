//! The reader of a table's object ([`Read`], generated for each table a request or a response
//! reaches), the fields it reads in one pass, and the whole body's reading.

use super::closest::closest;
use super::collections::in_order;
use super::de_error::DeError;
use super::json::{BodyError, JsonError, Str};
use super::json_deserializer::JsonDeserializer;
use super::lex::Text;
use super::read::{Build, Check, Lenient, Mode, Reader, Value};
use super::violation::{Path, Rule, ValidationErrors, Violation};
use serde::de::{self, Expected};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A table read in one pass: generated for every table a request or response body reaches.
pub trait Read: Sized {
    /// The table's name, for messages (`struct VpcCreate`).
    const NAME: &'static str;
    /// The documented fields' wire names, in table order.
    const FIELDS: &'static [&'static str];
    /// The table position of a documented field, by the bytes of its name.
    fn position(key: &[u8]) -> Option<usize>;
    /// Reads the object's fields, checking each, and applies the object's rules at its end.
    fn read_fields<M: Mode>(fields: Fields<'_, '_, Self, M>) -> Result<M::Keep<Self>, DeError>;
}

/// A value that is an object of a request table.
pub struct Nested<T>(PhantomData<T>);

/// Reads an object of the table `T`.
pub fn nested<T>() -> Nested<T> {
    Nested(PhantomData)
}

/// What an object of the table `T` is called where something else was found.
struct Table<T>(PhantomData<T>);

impl<T: Read> Expected for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }
}

impl<'de, M: Mode, T: Read> Value<'de, M> for Nested<T> {
    type Item = T;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<T>, DeError> {
        de.open(b'{', &Table::<T>(PhantomData))?;
        let start = reader.out.len();
        de.nested(
            |de| {
                T::read_fields::<M>(Fields {
                    de,
                    first: true,
                    reader,
                    path,
                    start,
                    spans: Vec::new(),
                    present: 0,
                    table: PhantomData,
                })
            },
            JsonDeserializer::end_object,
        )
    }
}

/// The fields of one object of the table `T` as they are read in the mode `M`.
pub struct Fields<'r, 'de, T, M> {
    de: &'r mut JsonDeserializer<'de>,
    /// Whether no member has been read yet.
    first: bool,
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

impl<'de, 'r, T: Read, M: Mode> Fields<'r, 'de, T, M> {
    /// The next key, matched on its bytes (which need not be UTF-8 to be compared); only an
    /// undocumented one is made a string.
    #[inline]
    fn key(&mut self) -> Result<Option<Key<'de>>, DeError> {
        if !self.de.next_key(&mut self.first)? {
            return Ok(None);
        }
        let key = match self.de.key_bytes()? {
            Text::Borrowed(key) => T::position(key).ok_or_else(|| String::from_utf8_lossy(key)),
            Text::Copied(key) => T::position(key)
                .ok_or_else(|| Cow::Owned(String::from_utf8_lossy(key).into_owned())),
        };
        Ok(Some(match key {
            Ok(position) => Key::Documented(position),
            Err(name) => Key::Undocumented(Str(name)),
        }))
    }

    /// The table position of the next documented field; undocumented ones are reported (with the
    /// closest documented name) and skipped whatever they hold.
    #[inline]
    pub fn next_field(&mut self) -> Result<Option<usize>, DeError> {
        loop {
            let key = match self.key() {
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
            if !self.reader.quiet {
                let suggestion = closest(&name, T::FIELDS.iter().copied());
                self.reader.undocumented.push(Violation {
                    path: path.to_string(),
                    rule: Rule::UnknownField { suggestion },
                });
            }
            let lexer = &mut self.de.lexer;
            if let Err(error) = lexer.colon().and_then(|()| lexer.skip_value()) {
                self.reader.fail(&path);
                return Err(error);
            }
        }
    }

    /// Reads the value of the field at `position` with `value` into `slot`; a field given twice is
    /// an error. Read leniently, a `null` the value does not take leaves the field absent.
    #[inline]
    pub fn value<V: Value<'de, M>>(
        &mut self,
        position: usize,
        slot: &mut Option<M::Keep<V::Item>>,
        mut value: V,
    ) -> Result<(), DeError> {
        let name = T::FIELDS[position];
        let path = self.path.field(name);
        if slot.is_some() {
            self.reader.fail(&path);
            return Err(de::Error::duplicate_field(name));
        }
        let before = self.reader.out.len();
        let read = self.de.lexer.colon();
        if M::LENIENT && !V::TAKES_NULL && read.is_ok() && self.de.lexer.peek() == Some(b'n') {
            return self
                .de
                .lexer
                .literal(b"null")
                .inspect_err(|_| self.reader.fail(&path));
        }
        match read.and_then(|()| value.read(self.de, self.reader, &path)) {
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

    /// Ends the object: its fields' violations in table order, each absent mandatory field
    /// (`mandatory`: wire name and whether present) reported before them, and the violations and
    /// path for its rules.
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

/// The fields present in each object that a rule of the enclosing object reaches into: each item of
/// an array, or the one object of a field. Items alike are held once, so a valid body allocates
/// nothing.
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
    const TAKES_NULL: bool = V::TAKES_NULL;
    fn read(
        &mut self,
        de: &mut JsonDeserializer<'de>,
        reader: &mut Reader,
        path: &Path<'_>,
    ) -> Result<M::Keep<V::Item>, DeError> {
        let kept = self.value.read(de, reader, path)?;
        self.seen.note(reader.present & self.relevant);
        Ok(kept)
    }
}

/// What reading a body gives: what the mode keeps of it and every violation, or where the JSON does
/// not fit.
pub type Outcome<K> = Result<(K, Vec<Violation>), JsonError>;

/// Reads a body in one pass with `value`; a `quiet` reading looks for no violations.
pub fn read_body<'de, M: Mode, V: Value<'de, M>>(
    input: &'de [u8],
    mut value: V,
    quiet: bool,
) -> Outcome<M::Keep<V::Item>> {
    let mut reader = Reader::new(quiet);
    let mut deserializer = JsonDeserializer::new(input);
    match value
        .read(&mut deserializer, &mut reader, &Path::Root)
        .and_then(|kept| deserializer.end().map(|()| kept))
    {
        Ok(kept) => Ok((kept, reader.into_violations())),
        Err(error) => Err(JsonError::read(
            input,
            &error,
            reader.failed_at().unwrap_or(""),
            !M::LENIENT,
        )),
    }
}

/// Reads a request body in one pass into the owned model, checking every documented rule and
/// reporting every undocumented field.
pub fn parse_json<'de, V: Value<'de, Build>>(
    input: &'de [u8],
    value: V,
) -> Result<V::Item, BodyError> {
    let (kept, violations) = read_body::<Build, V>(input, value, false).map_err(BodyError::Json)?;
    match kept {
        Some(kept) if violations.is_empty() => Ok(kept),
        _ => Err(BodyError::Invalid(ValidationErrors(violations))),
    }
}

/// Checks a request body in one pass, as [`parse_json`] does, without building anything.
pub fn check_json<'de, V: Value<'de, Check>>(input: &'de [u8], value: V) -> Result<(), BodyError> {
    let ((), violations) = read_body::<Check, V>(input, value, false).map_err(BodyError::Json)?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(BodyError::Invalid(ValidationErrors(violations)))
    }
}

/// Reads a response body in one pass with `value`, leniently: the owned model, and its departures
/// from the page when `departures` asks for them (an empty list otherwise). Only JSON that does not
/// fit the types fails.
pub fn response_json<'de, V: Value<'de, Lenient>>(
    input: &'de [u8],
    departures: bool,
    value: V,
) -> Result<(V::Item, Vec<Violation>), JsonError> {
    let (kept, violations) = read_body::<Lenient, V>(input, value, !departures)?;
    match kept {
        Some(kept) if departures => Ok((kept, violations)),
        Some(kept) => Ok((kept, Vec::new())),
        None => {
            let error = missing_field(violations, input.len());
            Err(JsonError::read(input, &error, "", false))
        }
    }
}

/// The error of a value that could not be made for want of a mandatory field (the first absent one
/// among `violations`), placed `at` the end of the value.
pub(super) fn missing_field(violations: Vec<Violation>, at: usize) -> DeError {
    let missing = violations
        .into_iter()
        .find_map(|violation| matches!(violation.rule, Rule::Required).then_some(violation.path));
    DeError {
        message: format!("missing field `{}`", missing.unwrap_or_default()),
        at: Some(at),
    }
}
