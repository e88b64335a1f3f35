//! Tests of the generated crate live in `tests/`.
