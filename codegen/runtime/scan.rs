//! How the checks read a string: its length in characters, the first character a character rule
//! does not allow, and whether it is a well-formed integer list. One file serves both sides: every
//! generated crate carries it in its support module for `validate`, and the generator's interpreter
//! (which checks a page's example requests at import, when there is no generated code yet) reads
//! values through it, so that both find the same violations.

/// The length of `value` in characters when it is outside the inclusive bounds, `None` when it is
/// inside.
pub fn length_outside(value: &str, min: Option<usize>, max: Option<usize>) -> Option<usize> {
    // For ASCII, which most values are, bytes are characters; otherwise counting stops one past the
    // maximum, so a huge string costs no more than a legal one until it is reported.
    let actual = if value.is_ascii() {
        value.len()
    } else {
        value
            .chars()
            .take(max.map_or(usize::MAX, |max| max.saturating_add(1)))
            .count()
    };
    if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
        Some(if max.is_some_and(|max| actual > max) {
            value.chars().count()
        } else {
            actual
        })
    } else {
        None
    }
}

/// The first character of `value` that a character rule does not allow, with its position counted
/// in characters from 0: `first` and `last` restrict the first and last character, `allowed` every
/// one.
pub fn offending_char(
    value: &str,
    first: impl Fn(char) -> bool,
    allowed: impl Fn(char) -> bool,
    last: impl Fn(char) -> bool,
) -> Option<(usize, char)> {
    if value.is_ascii() {
        // Bytes are characters: no UTF-8 decoding on the common path.
        let bytes = value.as_bytes();
        let end = bytes.len().saturating_sub(1);
        bytes.iter().enumerate().find_map(|(position, &b)| {
            let c = char::from(b);
            let ok = allowed(c) && (position != 0 || first(c)) && (position != end || last(c));
            (!ok).then_some((position, c))
        })
    } else {
        let end = value.chars().count().saturating_sub(1);
        value.chars().enumerate().find(|&(position, c)| {
            !(allowed(c) && (position != 0 || first(c)) && (position != end || last(c)))
        })
    }
}

/// Checks a comma-separated list of integers and `low-high` ranges, each within
/// `minimum..=maximum`, such as `200,201,210-299`; the error says what is wrong with it.
pub fn integer_list(value: &str, minimum: i64, maximum: i64) -> Result<(), String> {
    let number = |text: &str| -> Result<i64, String> {
        let n: i64 = match text.bytes().all(|b| b.is_ascii_digit())
            && !text.is_empty()
            && text.len() <= 18
        {
            true => text
                .parse()
                .map_err(|_| format!("{text:?} is not a number"))?,
            false => return Err(format!("{text:?} is not a number")),
        };
        if n < minimum || n > maximum {
            return Err(format!("{n} is outside {minimum}-{maximum}"));
        }
        Ok(n)
    };
    for item in value.split(',') {
        match item.split_once('-') {
            Some((low, high)) => {
                let (low, high) = (number(low)?, number(high)?);
                if low > high {
                    return Err(format!("range {low}-{high} starts above its end"));
                }
            }
            None => {
                number(item)?;
            }
        }
    }
    Ok(())
}
