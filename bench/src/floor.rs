//! The plain serde floor of a spec: the generator's types as bare `#[derive(Serialize, Deserialize)]` structs
//! and enums, with no checks, no operations and no docs, one crate per service, so that the build-cost
//! benchmark can tell what the generator's output costs to compile above what serde alone costs.
//!
//! The Rust is written as strings rather than with `quote!`: it is flat (items with one level of fields), the
//! bench crate does not otherwise depend on quote or prettyplease, and the build-cost harness compiles every
//! floor crate it writes, so bad output fails there at once. Every name comes decided from the IR.

use crate::workspace;
use codegen::internal::ir::{Enum, Field, Model, Service, Struct, Type, TypeDef, Variant};
use std::io;
use std::path::Path;

const DERIVE: &str = "#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]\n";

/// Writes one crate per service at `out/<service module>/` and the workspace of them at `out/`.
pub fn write_floor(model: &Model, out: &Path) -> io::Result<()> {
    let mut members = Vec::new();
    for service in &model.services {
        let dir = out.join(&service.module);
        write_crate(service, &dir)?;
        members.push(dir);
    }
    workspace::write_workspace(out, &members, "")
}

/// The floor crate's package name: `floor-otc-apig` for the `otc_apig` service.
pub fn package_name(module: &str) -> String {
    format!("floor-{}", module.replace('_', "-"))
}

fn write_crate(service: &Service, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(dir.join("Cargo.toml"), manifest(&service.module))?;
    std::fs::write(dir.join("src/lib.rs"), source(service))
}

// No `[workspace]` table: the crate belongs to the workspace around it.
fn manifest(module: &str) -> String {
    format!(
        "[package]\nname = \"{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n",
        package_name(module)
    )
}

/// The floor crate's `src/lib.rs`: every type of the service, in spec order.
pub fn source(service: &Service) -> String {
    source_of(service, |_| true)
}

/// The floor of the types of `service` that `keep` says yes to, in spec order.
pub fn source_of(service: &Service, keep: impl Fn(&TypeDef) -> bool) -> String {
    let header = format!(
        "// The plain serde floor of the `{}` service, written by bench/src/floor.rs.\n",
        service.module
    );
    let items: Vec<String> = service
        .types
        .iter()
        .filter(|def| keep(def))
        .map(|def| match def {
            TypeDef::Struct(s) => emit_struct(s),
            TypeDef::Enum(e) => emit_enum(e),
        })
        .collect();
    header + "\n" + &items.join("\n")
}

fn emit_struct(s: &Struct) -> String {
    let fields: String = s.fields.iter().map(emit_field).collect();
    format!("{DERIVE}pub struct {} {{\n{fields}}}\n", s.name)
}

fn emit_field(field: &Field) -> String {
    format!(
        "{}    pub {}: {},\n",
        rename(&field.wire, &field.ident),
        field.ident,
        field_type(field)
    )
}

/// A string enumeration as renamed unit variants; an integer one as a newtype of its value.
fn emit_enum(e: &Enum) -> String {
    if e.integer {
        return format!("{DERIVE}pub struct {}(pub i64);\n", e.name);
    }
    let variants: String = e.variants.iter().map(emit_variant).collect();
    format!("{DERIVE}pub enum {} {{\n{variants}}}\n", e.name)
}

fn emit_variant(variant: &Variant) -> String {
    let aliases: String = variant
        .aliases
        .iter()
        .map(|a| format!("    #[serde(alias = {:?})]\n", a.text()))
        .collect();
    format!(
        "{}{aliases}    {},\n",
        rename(&variant.value.text(), &variant.ident),
        variant.ident
    )
}

/// `#[serde(rename)]` where the wire name is not the identifier (serde reads `r#type` as `type`).
fn rename(wire: &str, ident: &str) -> String {
    if ident.strip_prefix("r#").unwrap_or(ident) == wire {
        String::new()
    } else {
        format!("    #[serde(rename = {wire:?})]\n")
    }
}

/// The field's type, boxed where the IR breaks a cycle and optional unless required. Paths are absolute, so
/// that a spec type named `Option` or `Vec` does not shadow them.
fn field_type(field: &Field) -> String {
    let ty = rust_type(&field.ty);
    let ty = if field.boxed {
        format!("::std::boxed::Box<{ty}>")
    } else {
        ty
    };
    if field.required {
        ty
    } else {
        format!("::std::option::Option<{ty}>")
    }
}

fn rust_type(ty: &Type) -> String {
    match ty {
        Type::String => "::std::string::String".to_owned(),
        Type::I32 => "i32".to_owned(),
        Type::I64 => "i64".to_owned(),
        Type::F64 => "f64".to_owned(),
        Type::Bool => "bool".to_owned(),
        Type::Struct(name) | Type::Enum(name) => name.clone(),
        Type::Vec(inner) => format!("::std::vec::Vec<{}>", rust_type(inner)),
        Type::Map(inner) => format!(
            "::std::collections::BTreeMap<::std::string::String, {}>",
            rust_type(inner)
        ),
        Type::JsonObject => {
            "::serde_json::Map<::std::string::String, ::serde_json::Value>".to_owned()
        }
        Type::Any => "::serde_json::Value".to_owned(),
        Type::File => "::std::vec::Vec<u8>".to_owned(),
    }
}
