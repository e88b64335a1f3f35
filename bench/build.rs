//! Generates Rust types from `schemas/vpc_create.schema.json` with typify into `$OUT_DIR/typify_vpc_create.rs`,
//! the (e) case of the benchmarks.

use std::path::PathBuf;

const SCHEMA: &str = "schemas/vpc_create.schema.json";

fn main() {
    println!("cargo:rerun-if-changed={SCHEMA}");
    let text = std::fs::read_to_string(SCHEMA).expect("the schema is checked in");
    let schema: schemars::schema::RootSchema =
        serde_json::from_str(&text).expect("the schema is a draft-07 schema");
    let mut space =
        typify::TypeSpace::new(typify::TypeSpaceSettings::default().with_struct_builder(false));
    space
        .add_root_schema(schema)
        .expect("typify accepts the schema");
    let file: syn::File = syn::parse2(space.to_stream()).expect("typify's output parses");
    // typify compiles each pattern with `regress::Regex::new`, i.e. without the `u` flag, where `\p{L}` is a
    // literal `p{L}` and no name would match. JSON Schema means ECMA-262 patterns with Unicode semantics, so the
    // patterns are compiled with the `u` flag instead (`unicode_pattern` in src/typified.rs).
    let code =
        prettyplease::unparse(&file).replace("::regress::Regex::new(", "super::unicode_pattern(");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("typify_vpc_create.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
