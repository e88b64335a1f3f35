//! Check and lower: turn the loaded spec files into the IR, deciding every name and check, and
//! report every problem found (unknown types, impossible limits, bad defaults, name collisions...)
//! at once.
//!
//! Per service, in order: collect the named types (`defs`) and check their names (`check`); pass 1
//! lowers every object's fields into a read-only map (`fields`); pass 2 resolves the objects' rules
//! against it (`rules`) and lowers the operations (`operations`); then the types are placed on the
//! request and response sides (`responses`) and the fields that close a cycle are boxed (`cycles`).
//! Every step reads the service and reports through one context (`cx`).

mod bodies;
mod chars;
mod check;
mod cx;
mod cycles;
mod defs;
mod descriptions;
mod enums;
mod fields;
mod literals;
mod operations;
mod params;
pub mod releases;
mod responses;
mod rules;
mod types;

use crate::diag::Diagnostics;
use crate::ir;
use crate::load::File;
use crate::naming;
use cx::Cx;
use defs::DefKind;
use std::collections::{BTreeMap, HashMap};

/// Lowers every file into the model, or returns `None` with the problems in `diags`. Files that did
/// not parse are already reported there; names they may have defined are then not reported as
/// unknown.
pub fn lower(files: &[File], diags: &mut Diagnostics) -> Option<ir::Model> {
    let incomplete = diags.has_file_problem();
    let mut by_service: BTreeMap<&str, Vec<&File>> = BTreeMap::new();
    for file in files {
        by_service
            .entry(file.service.as_str())
            .or_default()
            .push(file);
    }
    let mut modules: HashMap<String, &File> = HashMap::new();
    let mut services = Vec::new();
    for (service, files) in by_service {
        let defs = defs::collect(&files, incomplete);
        let mut cx = Cx::new(&defs, files[0], diags);
        let module = naming::module_ident(service);
        check::check_service_module(&mut cx, &module, &mut modules);
        services.push(lower_service(&mut cx, &files, module));
    }
    share_bare_names(&mut services);
    diags.is_empty().then_some(ir::Model { services })
}

/// An operation is known by its bare name too, unless two services share it.
fn share_bare_names(services: &mut [ir::Service]) {
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
}

fn lower_service<'a>(cx: &mut Cx<'_, 'a>, files: &[&'a File], module: String) -> ir::Service {
    check::check_type_names(cx);
    // Pass 1: every object's fields.
    let mut lowered = rules::LoweredFields::new();
    for (name, def) in cx.defs.iter() {
        if let DefKind::Struct(object) = def.kind {
            let fields = fields::lower_fields(&mut cx.in_file(def.file), object);
            lowered.insert(name.to_owned(), fields);
        }
    }
    // Pass 2: rules against those fields, and the operations.
    let mut operations = operations::lower_operations(cx, files);
    let mut object_rules: HashMap<&str, _> = HashMap::new();
    for (name, def) in cx.defs.iter() {
        if let DefKind::Struct(object) = def.kind {
            let rules = rules::lower_rules(&mut cx.in_file(def.file), &lowered, def, object);
            object_rules.insert(name, rules);
        }
    }
    let mut types = Vec::new();
    let mut sources = HashMap::new();
    for (name, def) in cx.defs.iter() {
        match def.kind {
            DefKind::Struct(object) => {
                let (rules, rule_sources) = object_rules.remove(name).unwrap_or_default();
                let fields = lowered.remove(name).unwrap_or_default();
                sources.insert(
                    def.rust.clone(),
                    (object.description.clone(), def.path.clone(), rule_sources),
                );
                types.push(ir::TypeDef::Struct(ir::Struct {
                    name: def.rust.clone(),
                    docs: Vec::new(),
                    fields,
                    rules,
                    validated: false,
                    response: false,
                }));
            }
            DefKind::Enum(spec_enum) => types.push(ir::TypeDef::Enum(enums::lower_enum(
                &mut cx.in_file(def.file),
                def,
                spec_enum,
            ))),
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
    let leniency = responses::read_leniently(&mut types, &mut operations, &request);
    check::check_response_forms(cx, &leniency.collisions);
    cycles::box_cycles(&mut types);
    let feature_gates = ir::feature_gates(&types, &operations);
    let documented_on = documented_on(cx, &leniency.forms);
    ir::Service {
        module,
        files: files.iter().map(|f| f.name.clone()).collect(),
        types,
        operations,
        feature_gates,
        documented_on,
        releases: Vec::new(),
        history_file: None,
    }
}

/// The spec file each type is documented on (`ir::Service::documented_on`): its definition's, and
/// for a response-side form (`forms`, by the type it is made from) the original's.
fn documented_on(cx: &Cx<'_, '_>, forms: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut pages: BTreeMap<String, String> = (cx.defs.iter())
        .map(|(_, def)| (def.rust.clone(), def.file.name.clone()))
        .collect();
    for (original, form) in forms {
        if let Some(page) = pages.get(original).cloned() {
            pages.insert(form.clone(), page);
        }
    }
    pages
}
