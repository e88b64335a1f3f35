//! The checks of lowering that look across entries rather than at one: each `check_*` states its
//! rule and reports every entry that breaks it, as its own step of `lower`.

use super::cx::Cx;
use super::responses::Collision;
use crate::ir;
use crate::load::File;
use crate::naming;
use crate::spec;
use std::collections::HashMap;

/// A service becomes a module of the generated crate: the module's name is ASCII (it is a file's
/// name), is not one the crate uses itself, and is made from one service only (`modules`, across
/// services).
pub fn check_service_module<'a>(
    cx: &mut Cx<'_, 'a>,
    module: &str,
    modules: &mut HashMap<String, &'a File>,
) {
    let file = cx.file;
    let service = &file.service;
    if let Some(other) = modules.insert(module.to_owned(), file) {
        let message = format!(
            "service `{service}` maps to module `{module}`, as does `{}` in {}",
            other.service, other.name
        );
        cx.error("service", message)
            .help("rename one of the services");
    }
    if !module.is_ascii() {
        let message = format!("service `{service}` becomes the module `{module}`, which lives in a file of its own and so must be ASCII");
        cx.error("service", message)
            .help("spell the service in ASCII letters, digits and underscores");
    }
    if naming::RESERVED_MODULES.contains(&module) {
        cx.error(
            "service",
            format!("the module `{module}` is the generated crate's own"),
        )
        .help("rename the service");
    }
}

/// A named type is defined once in its service, its Rust name is made from one spec name only, and
/// it is not a name every operation module defines.
pub fn check_type_names(cx: &mut Cx<'_, '_>) {
    let defs = cx.defs;
    let mut rust_names: HashMap<&str, (&str, &File, &str)> = HashMap::new();
    for (name, def) in defs.iter() {
        let mut cx = cx.in_file(def.file);
        let rust = def.rust.as_str();
        if naming::RESERVED_TYPE_NAMES.contains(&rust) {
            cx.error(
                &def.path,
                format!("`{name}` is the name of a type every operation module defines"),
            )
            .help("choose another name for this table");
        }
        if let Some((other, other_file, other_path)) = rust_names.get(rust) {
            let message = format!(
                "`{name}` and `{other}` (at {other_path} in {}) both become the Rust type `{rust}`",
                other_file.name
            );
            cx.error(&def.path, message).help("rename one of them");
        } else {
            rust_names.insert(rust, (name, def.file, &def.path));
        }
    }
    for twice in &defs.twice {
        let Some(previous) = defs.get(twice.name) else {
            continue;
        };
        let help = if previous.kind == twice.def.kind {
            "both definitions are identical: keep one (in common.json when several operations use it) and reference it by name"
        } else {
            "the definitions differ: give one of them another name"
        };
        let message = format!(
            "`{}` is defined twice in service `{}`: here and at {} in {}",
            twice.name, twice.def.file.service, previous.path, previous.file.name
        );
        cx.in_file(twice.def.file)
            .error(&twice.def.path, message)
            .help(help);
    }
}

/// An operation's module is made from one operation only, and is not the name of an item of the
/// service's module (`modules`: the operation modules so far, with the file each is made from).
pub fn check_operation_module(
    cx: &mut Cx<'_, '_>,
    op: &ir::Operation,
    modules: &mut HashMap<String, String>,
) {
    if let Some((_, what)) = naming::SERVICE_MODULE_ITEMS
        .iter()
        .find(|(name, _)| *name == op.module)
    {
        let message = format!(
            "operation `{}` becomes the module `{}`, which is the name of {what}",
            op.bare_name.as_deref().unwrap_or_default(),
            op.module
        );
        cx.error("operation.name", message)
            .help("rename the operation");
    }
    if let Some(other) = modules.insert(op.module.clone(), cx.file.name.clone()) {
        let message = format!("operation module `{}` is also made from {other}", op.module);
        cx.error("operation.name", message);
    }
}

/// The constants of an object's defaults (`DEFAULT_STRASSE`) have one field's default each.
pub fn check_default_names(cx: &mut Cx<'_, '_>, object: &spec::Object, fields: &[ir::Field]) {
    let mut constants: HashMap<&str, &str> = HashMap::new();
    for field in fields {
        let Some(default) = &field.default else {
            continue;
        };
        let Some(other) = constants.insert(&default.constant, &field.wire) else {
            continue;
        };
        let Some(entry) = object.fields.iter().find(|f| f.name == field.wire) else {
            continue;
        };
        let message = format!(
            "the defaults of `{other}` and `{}` both become the constant `{}`",
            field.wire, default.constant
        );
        cx.error(&format!("{}.default", entry.path), message)
            .help("rename one of the fields");
    }
}

/// A type read in both requests and responses gets a response-side form, whose name no other type
/// of the service has (`collisions`: those that have one).
pub fn check_response_forms(cx: &mut Cx<'_, '_>, collisions: &[Collision]) {
    for collision in collisions {
        let Some((spec_name, def)) = cx.defs.by_rust(&collision.original) else {
            continue;
        };
        let message = format!("`{spec_name}` is read in responses and in requests, so it gets a response-side form `{}`, a name the service already has", collision.form);
        cx.in_file(def.file)
            .error(&def.path, message)
            .help("rename the other type");
    }
}
