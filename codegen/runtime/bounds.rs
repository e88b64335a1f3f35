//! Inclusive bounds in words (`3 to 64`, `at least 1`, `at most 255`). One file serves both sides:
//! the generator's docs and diagnostics use it, and every generated crate carries it in its support
//! module for the violations' messages, so that a limit reads the same in both.

/// The bounds in words: `3 to 64`, `at least 1`, `at most 255`, or `unbounded`.
pub fn bounds<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "unbounded".to_owned(),
    }
}
