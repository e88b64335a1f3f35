//! Numbers in prose: lengths ("3 to 64 characters", "(Max. 63 characters.)"), ranges ("Range: 1–65535.")
//! and the bounds of an integer list.

/// Words of a lower-cased sentence without the punctuation around them.
fn tokens(lower: &str) -> Vec<&str> {
    lower.split_whitespace().map(|t| t.trim_matches(|c: char| "().,;:\"'".contains(c))).filter(|t| !t.is_empty()).collect()
}

/// `1–65535` (en dash, hyphen, em dash or tilde).
fn dashed(token: &str) -> Option<(i64, i64)> {
    let (a, b) = token.split_once(['–', '-', '—', '~'])?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The first `a to b` or `a–b` among `tokens`.
fn pair(tokens: &[&str]) -> Option<(i64, i64)> {
    (0..tokens.len()).find_map(|i| {
        dashed(tokens[i]).or_else(|| match tokens.get(i..i + 3)? {
            [a, "to", b] => Some((a.parse().ok()?, b.parse().ok()?)),
            _ => None,
        })
    })
}

/// "3 to 64 characters", "1–64 characters", "(Max. 63 characters.)", "max. 64 characters".
pub(super) fn lengths(lower: &str) -> (Option<u64>, Option<u64>) {
    let tokens = tokens(lower);
    let number = |t: &str| t.parse::<u64>().ok();
    for (i, token) in tokens.iter().enumerate() {
        if !token.starts_with("character") || i == 0 {
            continue;
        }
        let before = |back: usize| i.checked_sub(back).and_then(|j| tokens.get(j)).copied().unwrap_or_default();
        if before(2) == "to" {
            if let (Some(min), Some(max)) = (number(before(3)), number(before(1))) {
                return (Some(min), Some(max));
            }
        }
        if let Some((min, max)) = dashed(before(1)) {
            return (u64::try_from(min).ok(), u64::try_from(max).ok());
        }
        if let Some(n) = number(before(1)) {
            match before(2) {
                "max" | "maximum" | "to" | "most" => return (None, Some(n)),
                "min" | "minimum" | "least" => return (Some(n), None),
                _ => {}
            }
        }
    }
    (None, None)
}

/// "Range: 1–65535.", "The value ranges from 1 to 100."
pub(super) fn range(lower: &str) -> Option<(i64, i64)> {
    if !lower.contains("range") {
        return None;
    }
    pair(&tokens(lower))
}

/// "The value can be any integer within 100–599 in one of the following formats:"
pub(super) fn integer_list(lower: &str) -> Option<(i64, i64)> {
    let at = lower.find("any integer within ")?;
    pair(&tokens(&lower[at..]))
}
