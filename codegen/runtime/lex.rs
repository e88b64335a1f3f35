//! The tokens of JSON over the bytes of a body (RFC 8259): whitespace, strings with their escapes,
//! numbers, the three literals, and a value skipped whole. [`Lexer`] is the cursor the deserializer
//! of the `de` module reads with; every error names the byte offset where it happened.
//!
//! What is JSON and how a value is read agree with serde_json's reading of a slice (its differential
//! test holds the two together): a string is valid UTF-8 and has no raw control character, a lone
//! surrogate escape is an error, a number is `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, an
//! integer is a `u64` or a negative `i64` where it fits and a float otherwise (`-0` too), a float
//! beyond `f64` is out of range. Floats are parsed exactly (the standard library's parser).

use serde::de::{Expected, Unexpected};
use std::fmt;

/// An error of reading JSON: what went wrong and, where known, the byte offset just past the byte
/// it was found at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    /// What went wrong.
    pub message: String,
    /// The byte offset, `None` for an error raised by a type's own deserializer before the reader
    /// placed it.
    pub at: Option<usize>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl serde::de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> DeError {
        DeError {
            message: message.to_string(),
            at: None,
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> DeError {
        let unexpected = JsonUnexpected(unexpected);
        DeError::custom(format_args!(
            "invalid type: {unexpected}, expected {expected}"
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> DeError {
        let unexpected = JsonUnexpected(unexpected);
        DeError::custom(format_args!(
            "invalid value: {unexpected}, expected {expected}"
        ))
    }
}

/// A value that did not fit, named in JSON's words: `null`, and a float as JSON writes it.
struct JsonUnexpected<'a>(Unexpected<'a>);

impl fmt::Display for JsonUnexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(value) => match serde_json::Number::from_f64(value) {
                Some(number) => write!(f, "floating point `{number}`"),
                None => write!(f, "floating point `{value}`"),
            },
            other => other.fmt(f),
        }
    }
}

impl DeError {
    /// The 1-based line and the column of the error in `input` (the column counts bytes since the
    /// line began, as serde_json's does).
    pub fn line_column(&self, input: &[u8]) -> (usize, usize) {
        let at = self.at.unwrap_or(input.len()).min(input.len());
        let before = &input[..at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        (line, at - line_start)
    }
}

/// The messages of malformed JSON.
pub(super) mod malformed {
    pub const EOF_LIST: &str = "EOF while parsing a list";
    pub const EOF_OBJECT: &str = "EOF while parsing an object";
    pub const EOF_STRING: &str = "EOF while parsing a string";
    pub const EOF_VALUE: &str = "EOF while parsing a value";
    pub const COLON: &str = "expected `:`";
    pub const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
    pub const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
    pub const IDENT: &str = "expected ident";
    pub const VALUE: &str = "expected value";
    pub const ESCAPE: &str = "invalid escape";
    pub const NUMBER: &str = "invalid number";
    pub const OUT_OF_RANGE: &str = "number out of range";
    pub const UNICODE: &str = "invalid unicode code point";
    pub const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
    pub const KEY_NOT_STRING: &str = "key must be a string";
    pub const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub const TRAILING_COMMA: &str = "trailing comma";
    pub const TRAILING: &str = "trailing characters";
    pub const HEX_END: &str = "unexpected end of hex escape";
    pub const DEPTH: &str = "recursion limit exceeded";
}

/// A JSON number as read: the integer types where it fits, a float otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Number {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

/// A number's form, as scanned.
enum Scanned {
    Integer { negative: bool, magnitude: u64 },
    Float,
}

/// A string as read: borrowed from the input when it has no escape, from the lexer's scratch
/// buffer when it has.
pub(super) enum Text<'de, 's, T: ?Sized> {
    Borrowed(&'de T),
    Copied(&'s T),
}

/// A cursor over the bytes of a JSON text.
pub(super) struct Lexer<'de> {
    pub(super) input: &'de [u8],
    pub(super) at: usize,
    scratch: Vec<u8>,
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES << 7;

/// Whether any byte of `word` is `"`, `\` or a control character.
#[inline]
fn has_special(word: u64) -> bool {
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGH != 0
}

impl<'de> Lexer<'de> {
    pub(super) fn new(input: &'de [u8]) -> Lexer<'de> {
        Lexer {
            input,
            at: 0,
            scratch: Vec::new(),
        }
    }

    /// An error found at the byte just read.
    pub(super) fn error(&self, message: &str) -> DeError {
        DeError {
            message: message.to_owned(),
            at: Some(self.at),
        }
    }

    /// An error found at the next byte, not yet read.
    pub(super) fn peek_error(&self, message: &str) -> DeError {
        DeError {
            message: message.to_owned(),
            at: Some((self.at + 1).min(self.input.len())),
        }
    }

    /// Places an error raised by a type's deserializer at the byte just read (the end of the value
    /// that did not fit).
    pub(super) fn place(&self, mut error: DeError) -> DeError {
        if error.at.is_none() {
            error.at = Some(self.at);
        }
        error
    }

    /// Skips whitespace; the next byte, not consumed.
    #[inline]
    pub(super) fn peek(&mut self) -> Option<u8> {
        while let Some(&byte) = self.input.get(self.at) {
            match byte {
                b' ' | b'\n' | b'\t' | b'\r' => self.at += 1,
                _ => return Some(byte),
            }
        }
        None
    }

    /// Reads the rest of a literal whose first byte is the next one.
    pub(super) fn literal(&mut self, word: &[u8]) -> Result<(), DeError> {
        self.at += 1;
        for &expected in &word[1..] {
            match self.input.get(self.at) {
                None => return Err(self.error(malformed::EOF_VALUE)),
                Some(&byte) if byte == expected => self.at += 1,
                Some(_) => return Err(self.peek_error(malformed::IDENT)),
            }
        }
        Ok(())
    }

    /// Moves to the next `"`, `\` or control character of a string, eight bytes at a time.
    #[inline]
    fn skip_plain(&mut self) {
        let rest = &self.input[self.at..];
        let mut chunks = rest.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if has_special(word) {
                break;
            }
            self.at += 8;
        }
        while let Some(&byte) = self.input.get(self.at) {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                return;
            }
            self.at += 1;
        }
    }

    /// Reads a string whose opening quote has been read, as text checked for UTF-8.
    #[inline]
    pub(super) fn string<'s>(&'s mut self) -> Result<Text<'de, 's, str>, DeError> {
        match self.raw_string(true)? {
            Text::Borrowed(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Text::Borrowed(text)),
                Err(_) => Err(self.error(malformed::UNICODE)),
            },
            Text::Copied(_) => match std::str::from_utf8(&self.scratch) {
                Ok(text) => Ok(Text::Copied(text)),
                Err(_) => Err(DeError {
                    message: malformed::UNICODE.to_owned(),
                    at: Some(self.at),
                }),
            },
        }
    }

    /// Reads a string whose opening quote has been read, its escapes decoded; `strict` refuses a
    /// lone surrogate, which otherwise is kept as its three bytes (as serde_json gives a key's
    /// bytes).
    pub(super) fn raw_string<'s>(
        &'s mut self,
        strict: bool,
    ) -> Result<Text<'de, 's, [u8]>, DeError> {
        let start = self.at;
        self.skip_plain();
        match self.input.get(self.at) {
            Some(b'"') => {
                self.at += 1;
                return Ok(Text::Borrowed(&self.input[start..self.at - 1]));
            }
            Some(b'\\') => {}
            Some(_) => {
                self.at += 1;
                return Err(self.error(malformed::CONTROL));
            }
            None => return Err(self.error(malformed::EOF_STRING)),
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.input[start..self.at]);
        loop {
            // At a backslash.
            self.at += 1;
            self.escape(strict)?;
            let run = self.at;
            self.skip_plain();
            self.scratch.extend_from_slice(&self.input[run..self.at]);
            match self.input.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => {}
                Some(_) => {
                    self.at += 1;
                    return Err(self.error(malformed::CONTROL));
                }
                None => return Err(self.error(malformed::EOF_STRING)),
            }
        }
    }

    /// Decodes the escape after a backslash into the scratch buffer.
    fn escape(&mut self, strict: bool) -> Result<(), DeError> {
        let Some(&kind) = self.input.get(self.at) else {
            return Err(self.error(malformed::EOF_STRING));
        };
        self.at += 1;
        let byte = match kind {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(strict),
            _ => return Err(self.error(malformed::ESCAPE)),
        };
        self.scratch.push(byte);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, DeError> {
        // Four bytes are taken before any is looked at (so `"\u12"` ends early, as in serde_json).
        if self.at + 4 > self.input.len() {
            self.at = self.input.len();
            return Err(self.error(malformed::EOF_STRING));
        }
        let (start, mut value) = (self.at, 0u16);
        for _ in 0..4 {
            let byte = self.input[self.at];
            self.at += 1;
            let digit = match byte {
                b'0'..=b'9' => byte - b'0',
                b'a'..=b'f' => byte - b'a' + 10,
                b'A'..=b'F' => byte - b'A' + 10,
                _ => {
                    self.at = start + 4;
                    return Err(self.error(malformed::ESCAPE));
                }
            };
            value = value * 16 + u16::from(digit);
        }
        Ok(value)
    }

    fn unicode_escape(&mut self, strict: bool) -> Result<(), DeError> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF if strict => return Err(self.error(malformed::LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                if self.input.get(self.at..self.at + 2) != Some(b"\\u") {
                    if strict {
                        // Up to the byte that is not `\u`, as serde_json reads it.
                        let backslash = self.input.get(self.at) == Some(&b'\\');
                        self.at = (self.at + 1 + usize::from(backslash)).min(self.input.len());
                        return Err(self.error(malformed::HEX_END));
                    }
                    return self.push_code(u32::from(first));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    if strict {
                        return Err(self.error(malformed::LONE_SURROGATE));
                    }
                    self.push_code(u32::from(first))?;
                    return self.push_code(u32::from(second));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            _ => u32::from(first),
        };
        self.push_code(code)
    }

    /// Appends a code point as UTF-8 (a lone surrogate as the three bytes its form would take).
    fn push_code(&mut self, code: u32) -> Result<(), DeError> {
        match char::from_u32(code) {
            Some(c) => {
                let mut buffer = [0; 4];
                self.scratch
                    .extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
            None => self.scratch.extend_from_slice(&[
                0xE0 | (code >> 12) as u8,
                0x80 | ((code >> 6) & 0x3F) as u8,
                0x80 | (code & 0x3F) as u8,
            ]),
        }
        Ok(())
    }

    /// Reads a number whose first byte (`-` or a digit) is the next one.
    pub(super) fn number(&mut self) -> Result<Number, DeError> {
        let start = self.at;
        let scanned = self.scan_number()?;
        match scanned {
            Scanned::Integer {
                negative,
                magnitude,
            } => Ok(match (negative, magnitude) {
                (false, m) => Number::Unsigned(m),
                (true, 0) => Number::Float(-0.0),
                (true, m) if m <= 1 << 63 => Number::Negative((m as i64).wrapping_neg()),
                (true, m) => Number::Float(-(m as f64)),
            }),
            Scanned::Float => {
                let text = std::str::from_utf8(&self.input[start..self.at]).unwrap_or("");
                match text.parse::<f64>() {
                    Ok(value) if value.is_finite() => Ok(Number::Float(value)),
                    _ => Err(self.error(malformed::OUT_OF_RANGE)),
                }
            }
        }
    }

    /// Moves past a number, checking its form only: an integer that fits 64 bits is kept, a float
    /// is left for the caller to parse (a number is skipped without its range, as serde_json does).
    fn scan_number(&mut self) -> Result<Scanned, DeError> {
        let negative = self.input[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let mut magnitude: u64 = 0;
        let mut overflow = false;
        match self.input.get(self.at) {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.input.get(self.at), Some(b'0'..=b'9')) {
                    return Err(self.peek_error(malformed::NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(&digit @ b'0'..=b'9') = self.input.get(self.at) {
                    let next = magnitude
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(u64::from(digit - b'0')));
                    match next {
                        Some(next) => magnitude = next,
                        None => overflow = true,
                    }
                    self.at += 1;
                }
            }
            Some(_) => return Err(self.peek_error(malformed::NUMBER)),
            None => return Err(self.error(malformed::EOF_VALUE)),
        }
        if !overflow && !matches!(self.input.get(self.at), Some(b'.' | b'e' | b'E')) {
            return Ok(Scanned::Integer {
                negative,
                magnitude,
            });
        }
        self.fraction_and_exponent()?;
        Ok(Scanned::Float)
    }

    fn digits(&mut self) -> Result<(), DeError> {
        match self.input.get(self.at) {
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(self.peek_error(malformed::NUMBER)),
            None => return Err(self.error(malformed::EOF_VALUE)),
        }
        while matches!(self.input.get(self.at), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        Ok(())
    }

    fn fraction_and_exponent(&mut self) -> Result<(), DeError> {
        if self.input.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.digits()?;
        }
        if matches!(self.input.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.input.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits()?;
        }
        Ok(())
    }

    /// Skips one value whole, checking that it is JSON (strings are not checked for UTF-8, as
    /// serde_json does not when it ignores a value); nesting has no limit here, since nothing
    /// recurses.
    pub(super) fn skip_value(&mut self) -> Result<(), DeError> {
        // Whether each enclosing value is an object.
        let mut enclosing: Vec<bool> = Vec::new();
        loop {
            self.skip_scalar_or_open(&mut enclosing)?;
            // After a value: close what ends, or step to the next member.
            loop {
                let Some(&in_object) = enclosing.last() else {
                    return Ok(());
                };
                let (close, eof, comma_or_end) = if in_object {
                    (b'}', malformed::EOF_OBJECT, malformed::OBJECT_COMMA_OR_END)
                } else {
                    (b']', malformed::EOF_LIST, malformed::LIST_COMMA_OR_END)
                };
                match self.peek() {
                    Some(b',') => {
                        self.at += 1;
                        if in_object {
                            self.skip_key()?;
                        }
                        break;
                    }
                    Some(byte) if byte == close => {
                        self.at += 1;
                        enclosing.pop();
                    }
                    Some(_) => return Err(self.peek_error(comma_or_end)),
                    None => return Err(self.peek_error(eof)),
                }
            }
        }
    }

    /// Skips a scalar, or opens an array or object (and reads an object's first key).
    fn skip_scalar_or_open(&mut self, enclosing: &mut Vec<bool>) -> Result<(), DeError> {
        match self.peek() {
            Some(b'n') => self.literal(b"null"),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'-' | b'0'..=b'9') => self.scan_number().map(drop),
            Some(b'"') => {
                self.at += 1;
                self.raw_string(false).map(drop)
            }
            Some(b'[') => {
                self.at += 1;
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(());
                }
                enclosing.push(false);
                self.skip_scalar_or_open(enclosing)
            }
            Some(b'{') => {
                self.at += 1;
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(());
                }
                enclosing.push(true);
                self.key_and_colon()?;
                self.skip_scalar_or_open(enclosing)
            }
            Some(_) => Err(self.peek_error(malformed::VALUE)),
            None => Err(self.peek_error(malformed::EOF_VALUE)),
        }
    }

    /// After a comma in an object: its next key and colon (a closing brace is a trailing comma).
    fn skip_key(&mut self) -> Result<(), DeError> {
        match self.peek() {
            Some(b'}') => Err(self.peek_error(malformed::TRAILING_COMMA)),
            _ => self.key_and_colon(),
        }
    }

    fn key_and_colon(&mut self) -> Result<(), DeError> {
        match self.peek() {
            Some(b'"') => {
                self.at += 1;
                self.raw_string(false)?;
            }
            Some(_) => return Err(self.peek_error(malformed::KEY_NOT_STRING)),
            None => return Err(self.peek_error(malformed::EOF_OBJECT)),
        }
        self.colon()
    }

    /// Reads the colon after an object's key.
    pub(super) fn colon(&mut self) -> Result<(), DeError> {
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(malformed::COLON)),
            None => Err(self.peek_error(malformed::EOF_OBJECT)),
        }
    }
}
