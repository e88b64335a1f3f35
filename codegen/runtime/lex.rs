//! The cursor over the bytes of a JSON text (RFC 8259) that the deserializer of the `de` module
//! reads with: whitespace, the three literals, strings with their escapes, and the colon of an
//! object's member; numbers are read in the `number` module and skipped values in `skip`. Every
//! error names the byte offset where it happened.
//!
//! A string is valid UTF-8 and has no raw control character, and a lone surrogate escape is an
//! error, as in serde_json's reading of a slice (the differential test holds the two together).

use super::de_error::{malformed, DeError};

/// A string as read: borrowed from the input when it has no escape, from the lexer's scratch
/// buffer when it has.
pub(super) enum Text<'de, 's, T: ?Sized> {
    Borrowed(&'de T),
    Copied(&'s T),
}

/// A cursor over the bytes of a JSON text.
pub(super) struct Lexer<'de> {
    pub(super) input: &'de [u8],
    /// The longest prefix of the input that is UTF-8, checked once: a string inside it is text
    /// without a check of its own.
    text: &'de str,
    pub(super) at: usize,
    scratch: Vec<u8>,
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES << 7;

/// The bytes of `word` (little-endian) that are `"`, `\` or a control character, as their high
/// bits. The lowest bit set is exact; bits above it may be set wrongly (a borrow runs upward), so
/// only the first special byte can be told from this.
#[inline]
fn special_bytes(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGH
}

impl<'de> Lexer<'de> {
    pub(super) fn new(input: &'de [u8]) -> Lexer<'de> {
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(error) => std::str::from_utf8(&input[..error.valid_up_to()]).unwrap_or_default(),
        };
        Lexer {
            input,
            text,
            at: 0,
            scratch: Vec::new(),
        }
    }

    /// A lexer of text already known to be UTF-8, which is not checked again.
    pub(super) fn of_text(text: &'de str) -> Lexer<'de> {
        Lexer {
            input: text.as_bytes(),
            text,
            at: 0,
            scratch: Vec::new(),
        }
    }

    /// The input from the reader's position on, as text, when all of it is UTF-8.
    pub(super) fn rest_text(&self) -> Option<&'de str> {
        match self.text.get(self.at..) {
            Some(rest) if rest.len() == self.input.len() - self.at => Some(rest),
            _ => None,
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

    /// Moves to the next `"`, `\` or control character of a string, eight bytes at a time: the
    /// first special byte of a word is found from its bits, with no second pass over the bytes.
    #[inline]
    fn skip_plain(&mut self) {
        while let Some(word) = self.input.get(self.at..self.at + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([b'"'; 8]));
            let special = special_bytes(word);
            if special != 0 {
                self.at += (special.trailing_zeros() / 8) as usize;
                return;
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
        let start = self.at;
        match self.raw_string(true)? {
            Text::Borrowed(bytes) => match self.text.get(start..start + bytes.len()) {
                Some(text) => Ok(Text::Borrowed(text)),
                None => match std::str::from_utf8(bytes) {
                    Ok(text) => Ok(Text::Borrowed(text)),
                    Err(_) => Err(self.error(malformed::UNICODE)),
                },
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
    #[inline(always)]
    pub(super) fn raw_string<'s>(
        &'s mut self,
        strict: bool,
    ) -> Result<Text<'de, 's, [u8]>, DeError> {
        let start = self.at;
        self.skip_plain();
        match self.input.get(self.at) {
            Some(b'"') => {
                self.at += 1;
                Ok(Text::Borrowed(&self.input[start..self.at - 1]))
            }
            Some(b'\\') => self.escaped_string(start, strict),
            Some(_) => {
                self.at += 1;
                Err(self.error(malformed::CONTROL))
            }
            None => Err(self.error(malformed::EOF_STRING)),
        }
    }

    /// The rest of a string that began at `start` and has an escape at the next byte: decoded into
    /// the scratch buffer.
    #[inline(never)]
    fn escaped_string(
        &mut self,
        start: usize,
        strict: bool,
    ) -> Result<Text<'de, '_, [u8]>, DeError> {
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
