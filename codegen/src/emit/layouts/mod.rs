//! The layouts of the output: one file, one crate, a crate per service. The two crate layouts'
//! files come from one walk of the services and their operations ([`jobs`]): each layout says where
//! a service's files go and what its roots and manifests hold, and the walk makes the files both
//! have the same way (the operations' modules, the types' files, the services' dispatch files, the
//! schemas, the `validate` binary, the support).

mod crate_layout;
mod manifest;
mod one_crate;
mod per_service;
pub(super) mod single_file;

pub(super) use crate_layout::Run;
pub(super) use one_crate::OneCrate;
pub(super) use per_service::PerService;

use super::crate_root::emit_validate_bin;
use super::dispatch::{dispatches, service_dispatch};
use super::parallel::{self, Job};
use super::runtime::{rustfmt_toml, support_files};
use super::tokens::{format_file, format_parsed};
use super::type_files::TypeGroups;
use super::{openapi, operation, schema};
use crate::ir::{Model, Service};
use crate_layout::CrateLayout;

/// Every file of a crate layout, as jobs to render side by side. A service's operation file is
/// keyed by the operation it is made from; the files made from the service as a whole by the
/// service; the crate roots and the `validate` binary, which name every operation, are always
/// rendered.
pub(super) fn jobs<'a>(
    model: &'a Model,
    layout: &'a dyn CrateLayout,
    run: Run<'a>,
) -> Vec<Job<'a>> {
    let Run { command, all_specs } = run;
    let support_file = layout.support_file();
    let http = layout.http();
    let mut jobs = vec![
        Job::new("rustfmt.toml".to_owned(), move || Ok(rustfmt_toml(command))).made_from(&()),
        Job::new("src/lib.rs".to_owned(), move || {
            format_file("src/lib.rs", all_specs, command, layout.root(model))
        }),
        Job::new("src/bin/validate.rs".to_owned(), move || {
            let tokens = emit_validate_bin(layout.library());
            format_file("src/bin/validate.rs", all_specs, command, tokens)
        }),
    ];
    jobs.extend(
        support_files(support_file)
            .into_iter()
            .map(|(path, file)| Job::new(path, move || file.text(command)).made_from(&())),
    );
    jobs.extend(layout.manifests(model, run));

    for service in &model.services {
        let key = parallel::shared_key(service);
        let dir = layout.source_dir(service);
        let whole = (layout.service_jobs(service, &dir, run).into_iter()).chain(type_jobs(
            service,
            &dir,
            layout.gated(),
            run,
        ));
        jobs.extend(whole.map(|job| job.keyed(key.clone())));
        if dispatches(service) {
            let name = format!("src/dispatch/{}.rs", service.module);
            let job = Job::new(name.clone(), move || {
                format_file(&name, &service.files, command, service_dispatch(service))
            });
            jobs.push(job.keyed(key.clone()));
        }
        let document = format!("schema/{}.openapi.json", service.module);
        jobs.push(
            Job::new(document, move || Ok(openapi::emit_openapi(service))).keyed(key.clone()),
        );
        for op in &service.operations {
            let name = format!("{dir}/{}.rs", op.module);
            jobs.push(
                Job::new(name.clone(), move || {
                    let specs = std::slice::from_ref(&op.spec_file);
                    format_file(&name, specs, command, operation::emit_operation(op, http))
                })
                .made_from(op),
            );
            let schema = format!("schema/{}/{}.schema.json", service.module, op.module);
            jobs.push(
                Job::new(schema, move || Ok(schema::emit_schema(service, op))).keyed(key.clone()),
            );
        }
    }
    jobs
}

/// The files of a service's types, where they go in files: `types.rs` and `types/<group>.rs` in
/// `dir`.
fn type_jobs<'a>(service: &'a Service, dir: &str, gated: bool, run: Run<'a>) -> Vec<Job<'a>> {
    // The grouping is made once and shared by the files' jobs.
    let groups = std::sync::Arc::new(TypeGroups::of(service));
    if !groups.in_files() {
        return Vec::new();
    }
    let Run { command, .. } = run;
    let module = format!("{dir}/types.rs");
    let shared = groups.clone();
    let mut jobs = vec![Job::new(module.clone(), move || {
        let tokens = shared.types_module(gated);
        format_file(&module, &service.files, command, tokens)
    })];
    for name in groups.names() {
        let file = format!("{dir}/types/{name}.rs");
        let groups = groups.clone();
        jobs.push(Job::new(file.clone(), move || {
            let specs = groups.spec_files(&name);
            Ok(format_parsed(
                specs,
                command,
                groups.group_file(&name, gated, &file)?,
            ))
        }));
    }
    jobs
}
