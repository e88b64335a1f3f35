//! Benchmarks of the generated models: a deterministic request body, the measured cases, a small timing loop,
//! a counting allocator, and a synthetic spec generator for timing the generator itself.
//!
//! `cargo run -p bench --release --bin report` prints the run-time table; `cargo run -p bench --release --bin
//! codegen-scale` the generator's; `cargo run -p bench --release --bin build-cost` what its output costs to
//! `cargo check` against a plain serde floor; `cargo bench -p bench` runs the same cases under divan.

pub mod alloc;
pub mod body;
pub mod build_cost;
pub mod cases;
pub mod floor;
pub mod measure;
pub mod plain;
pub mod plain_responses;
pub mod responses;
pub mod synth;
pub mod typified;
#[cfg(feature = "typify-timing")]
pub mod typify_scale;
pub mod workspace;
