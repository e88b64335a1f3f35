//! Case (e): the types typify generates from `schemas/vpc_create.schema.json` (in `build.rs`).

/// Compiles a schema pattern with Unicode semantics; `build.rs` points typify's pattern statics here.
fn unicode_pattern(pattern: &str) -> Result<regress::Regex, regress::Error> {
    regress::Regex::with_flags(pattern, "u")
}

/// typify's output, unchanged but for where patterns are compiled. It is a third party's generated code, so its
/// lints are typify's business, not ours.
#[allow(
    clippy::all,
    clippy::pedantic,
    dead_code,
    missing_docs,
    unreachable_pub
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/typify_vpc_create.rs"));
}

pub use generated::VpcCreate;
