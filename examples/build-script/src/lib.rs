//! An example of generating models from a build script: `build.rs` runs `codegen` over `spec/`, and the
//! models are included here. The spec is a naming obstacle course (keywords, `Option`/`Result`/`Box`/`Vec`
//! as type names, leading digits) and a course of every kind of value and body (`shapes`: maps, free-form
//! objects, a body that is a map, a multipart form with files, a file response, wire names such as
//! `@modelarts:color`), so this crate building under `deny(warnings)` is itself a test.

#![deny(warnings, missing_docs)]
#![forbid(unsafe_code)]

/// The models generated from `spec/` by `build.rs`.
pub mod models {
    include!(concat!(env!("OUT_DIR"), "/models.rs"));
}
