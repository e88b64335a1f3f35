//! The run-time files the generator shares with the generated crates, each compiled here once from
//! the file every generated support module carries, so that both sides word and read things the
//! same way.

/// The closest of known names to a misspelled one: for diagnostics, and for the interpreter's
/// `unknown_field`.
#[path = "../runtime/closest.rs"]
pub mod closest;

/// Inclusive bounds in words: for docs and diagnostics, and for the interpreter's messages.
#[path = "../runtime/bounds.rs"]
pub mod bounds;

/// How the checks read a string: for the interpreter.
#[cfg(feature = "interpret")]
#[path = "../runtime/scan.rs"]
pub mod scan;

/// Each rule's code and message: for the interpreter's violations.
#[cfg(feature = "interpret")]
#[path = "../runtime/messages.rs"]
pub mod messages;

/// The character classes' predicates: for the table of classes (`ir::CLASSES`).
#[path = "../runtime/chars.rs"]
pub mod chars;
