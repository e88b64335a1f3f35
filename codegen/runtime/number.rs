//! JSON numbers: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, an integer kept as a `u64` or a
//! negative `i64` where it fits and as a float otherwise (`-0` too, as serde_json reads it), a float
//! parsed exactly (the standard library's parser) and out of range beyond `f64`.

use super::de_error::{malformed, DeError};
use super::lex::Lexer;

/// A JSON number as read: the integer types where it fits, a float otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Number {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

impl Number {
    /// Hands the number to `visitor` as the type it was read as.
    pub(super) fn visit<'de, V: serde::de::Visitor<'de>, E: serde::de::Error>(
        self,
        visitor: V,
    ) -> Result<V::Value, E> {
        match self {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Negative(n) => visitor.visit_i64(n),
            Number::Float(n) => visitor.visit_f64(n),
        }
    }
}

/// A number's form, as scanned.
pub(super) enum Scanned {
    Integer { negative: bool, magnitude: u64 },
    Float,
}

impl Lexer<'_> {
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
    pub(super) fn scan_number(&mut self) -> Result<Scanned, DeError> {
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
}
