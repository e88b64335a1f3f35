//! A value skipped whole: checked to be JSON and nothing more (a string is not checked for UTF-8
//! nor a number for its range, as serde_json does not when it ignores a value). Nothing recurses,
//! so nesting has no limit here.

use super::de_error::{malformed, DeError};
use super::lex::Lexer;

impl Lexer<'_> {
    /// Skips one value whole, checking that it is JSON.
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
            Some(open @ (b'[' | b'{')) => {
                let object = open == b'{';
                self.at += 1;
                if self.peek() == Some(if object { b'}' } else { b']' }) {
                    self.at += 1;
                    return Ok(());
                }
                enclosing.push(object);
                if object {
                    self.key_and_colon()?;
                }
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
}
