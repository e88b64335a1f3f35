//! Check and lower: turn the loaded spec files into the IR, deciding every name and check, and report
//! every problem found (unknown types, impossible limits, bad defaults, name collisions...) at once.
//!
//! Per service, in order: collect the named types (`defs`); pass 1 lowers every object's fields into a
//! read-only map (`fields`); pass 2 resolves the objects' rules against it (`rules`) and lowers the
//! operations (`operations`); then the types are placed on the request and response sides (`responses`)
//! and the fields that close a cycle are boxed (`cycles`). Diagnostics are passed to each step apart from
//! what it reads.

mod bodies;
mod chars;
mod cycles;
mod defs;
mod descriptions;
mod enums;
mod fields;
mod operations;
mod responses;
mod rules;

use crate::diag::Diagnostics;
use crate::ir;
use crate::load::File;
use crate::naming;
use defs::{DefKind, Defs};
use std::collections::{BTreeMap, HashMap};

/// Lowers every file into the model, or returns `None` with the problems in `diags`. Files that did not
/// parse are already reported there; names they may have defined are then not reported as unknown.
pub fn lower(files: &[File], diags: &mut Diagnostics) -> Option<ir::Model> {
    let incomplete = !diags.is_empty();
    let mut by_service: BTreeMap<&str, Vec<&File>> = BTreeMap::new();
    for file in files {
        by_service
            .entry(file.spec.service.as_str())
            .or_default()
            .push(file);
    }
    let mut modules: HashMap<String, &File> = HashMap::new();
    let mut services = Vec::new();
    for (service, files) in by_service {
        let module = naming::module_ident(service);
        if let Some(other) = modules.insert(module.clone(), files[0]) {
            diags
                .error(
                    &files[0].name,
                    &files[0].spans,
                    "service",
                    format!(
                        "service `{service}` maps to module `{module}`, as does `{}` in {}",
                        other.spec.service, other.name
                    ),
                )
                .help("rename one of the services");
        }
        if !module.is_ascii() {
            let message = format!("service `{service}` becomes the module `{module}`, which lives in a file of its own and so must be ASCII");
            diags
                .error(&files[0].name, &files[0].spans, "service", message)
                .help("spell the service in ASCII letters, digits and underscores");
        }
        if naming::RESERVED_MODULES.contains(&module.as_str()) {
            diags
                .error(
                    &files[0].name,
                    &files[0].spans,
                    "service",
                    format!("the module `{module}` is the generated crate's own"),
                )
                .help("rename the service");
        }
        services.push(lower_service(&files, module, incomplete, diags));
    }
    // An operation is known by its bare name too, unless two services share it.
    let mut bare: HashMap<String, usize> = HashMap::new();
    for name in services
        .iter()
        .flat_map(|s| &s.operations)
        .filter_map(|op| op.bare_name.clone())
    {
        *bare.entry(name).or_default() += 1;
    }
    for op in services.iter_mut().flat_map(|s| &mut s.operations) {
        if op.bare_name.as_ref().is_some_and(|name| bare[name] > 1) {
            op.bare_name = None;
        }
    }
    diags.is_empty().then_some(ir::Model { services })
}

fn lower_service(
    files: &[&File],
    module: String,
    incomplete: bool,
    diags: &mut Diagnostics,
) -> ir::Service {
    let defs = defs::collect(files, incomplete, diags);
    // Pass 1: every object's fields.
    let mut lowered = rules::LoweredFields::new();
    for (name, def) in defs.iter() {
        if let DefKind::Struct(object) = &def.kind {
            lowered.insert(
                name.to_owned(),
                fields::lower_fields(&defs, def, object, diags),
            );
        }
    }
    // Pass 2: rules against those fields, and the operations.
    let mut operations = operations::lower_operations(&defs, files, diags);
    let mut object_rules: HashMap<&str, _> = HashMap::new();
    for (name, def) in defs.iter() {
        if let DefKind::Struct(object) = &def.kind {
            object_rules.insert(
                name,
                rules::lower_rules(&defs, &lowered, def, object, diags),
            );
        }
    }
    let mut types = Vec::new();
    let mut sources = HashMap::new();
    for (name, def) in defs.iter() {
        match &def.kind {
            DefKind::Struct(object) => {
                let (rules, rule_sources) = object_rules.remove(name).unwrap_or_default();
                let fields = lowered.remove(name).unwrap_or_default();
                sources.insert(
                    def.rust.clone(),
                    (object.description.clone(), def.path.clone(), rule_sources),
                );
                let shape = naming::shape_static(&def.rust);
                types.push(ir::TypeDef::Struct(ir::Struct {
                    name: def.rust.clone(),
                    docs: Vec::new(),
                    fields,
                    rules,
                    validated: false,
                    response: false,
                    shape,
                }));
            }
            DefKind::Enum(spec_enum) => {
                types.push(ir::TypeDef::Enum(enums::lower_enum(def, spec_enum, diags)))
            }
        }
    }
    // Requests reach the validated types; their docs say so.
    let request = ir::reachable(&types, operations.iter().filter_map(|op| op.body.as_ref()));
    for t in &mut types {
        let ir::TypeDef::Struct(s) = t else { continue };
        s.validated = request.contains(&s.name);
        if let Some((description, path, rule_sources)) = sources.get(&s.name) {
            s.docs = descriptions::struct_docs(description, path, rule_sources, s.validated);
        }
    }
    for collision in responses::read_leniently(&mut types, &mut operations, &request) {
        let Some((spec_name, def)) = defs.by_rust(&collision.original) else {
            continue;
        };
        let message = format!("`{spec_name}` is read in responses and in requests, so it gets a response-side form `{}`, a name the service already has", collision.form);
        diags
            .error(&def.file.name, &def.file.spans, &def.path, message)
            .help("rename the other type");
    }
    check_shape_names(&defs, &types, diags);
    cycles::box_cycles(&mut types);
    let feature_gates = ir::feature_gates(&types, &operations);
    ir::Service {
        module,
        files: files.iter().map(|f| f.name.clone()).collect(),
        types,
        operations,
        feature_gates,
    }
}

/// Reports two types whose field-list statics (`SHAPE_...`) would have the same name.
fn check_shape_names(defs: &Defs<'_>, types: &[ir::TypeDef], diags: &mut Diagnostics) {
    let mut shapes: HashMap<&str, &str> = HashMap::new();
    for s in types.iter().filter_map(|t| {
        if let ir::TypeDef::Struct(s) = t {
            Some(s)
        } else {
            None
        }
    }) {
        // Two types of one name are reported as such, not again through their statics.
        let Some(other) = shapes
            .insert(&s.shape, &s.name)
            .filter(|other| *other != s.name)
        else {
            continue;
        };
        let Some((_, def)) = defs.by_rust(&s.name) else {
            continue;
        };
        let message = format!(
            "`{}` and `{other}` both name the static `{}` that lists their fields",
            s.name, s.shape
        );
        diags
            .error(&def.file.name, &def.file.spans, &def.path, message)
            .help("rename one of the types");
    }
}
