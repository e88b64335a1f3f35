//! The generator on arbitrary bytes as the text of one spec file: load (parse, line:column), check and
//! lower, and, when the spec is clean, emit the whole crate. It must never panic or hang: every problem is
//! a diagnostic.
//!
//! So that mutations of a real spec file get past name resolution, the input is lowered together with the
//! repository's own spec files of the small services (`spec/`, read once: the services of at most
//! `CONTEXT_FILES` files, such as the seeds' `apig` and `roma`, whose files hold every kind of entry),
//! replacing the one it stands for: the file with the same `service` and `operation.name` (`common.json`
//! when it has no operation). Any other input is lowered as one more file beside them; an input with a
//! new `service` is a service of its own. Lowering the cloud's 1,453 operations with every input ran at
//! about one execution a second.

#![no_main]

use codegen::internal::diag::Diagnostics;
use codegen::internal::load::{self, File};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::path::Path;

thread_local! {
    /// The repository's spec files, parsed once.
    static CONTEXT: RefCell<Vec<File>> = RefCell::new(context());
}

/// The most spec files a service of the context has.
const CONTEXT_FILES: usize = 8;

fn context() -> Vec<File> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let mut diags = Diagnostics::default();
    let mut files = Vec::new();
    for (name, path) in load::find(&dir).unwrap_or_default() {
        if let Ok(text) = std::fs::read_to_string(&path) {
            files.extend(load::parse(&name, &text, &mut diags));
        }
    }
    assert!(
        diags.is_empty(),
        "spec/ itself has problems: {:?}",
        diags.into_sorted()
    );
    let count = |service: &str| files.iter().filter(|f| f.service == service).count();
    let small: Vec<bool> = files
        .iter()
        .map(|f| count(&f.service) <= CONTEXT_FILES)
        .collect();
    let mut small = small.into_iter();
    files.retain(|_| small.next().unwrap_or(false));
    assert!(
        !files.is_empty(),
        "no service of at most {CONTEXT_FILES} files in spec/"
    );
    files
}

/// (service, operation name) of a file's JSON; `None` for a file without an operation (common.json).
fn identity(json: &serde_json::Value) -> (Option<&str>, Option<&str>) {
    (
        json.get("service").and_then(|s| s.as_str()),
        json.get("operation")
            .and_then(|o| o.get("name"))
            .and_then(|n| n.as_str()),
    )
}

/// The same of a loaded file.
fn file_identity(file: &File) -> (Option<&str>, Option<&str>) {
    (
        Some(file.service.as_str()),
        file.operation.as_ref().map(|op| op.name.as_str()),
    )
}

fuzz_target!(|data: &[u8]| {
    // The generator reads files with read_to_string: text that is not UTF-8 is an I/O error there, before
    // the loader. Lossy conversion still fuzzes the loader with the rest of the bytes.
    let text = String::from_utf8_lossy(data);
    let mut diags = Diagnostics::default();
    CONTEXT.with(|context| {
        let mut context = context.borrow_mut();
        let replaces = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|json| {
                context
                    .iter()
                    .position(|file| file_identity(file) == identity(&json))
            });
        let name = match replaces {
            Some(index) => context[index].name.clone(),
            None => "fuzz/input.json".to_owned(),
        };
        let Some(file) = load::parse(&name, &text, &mut diags) else {
            check_diagnostics(diags);
            return;
        };
        // Put the input in place (or beside), lower, and put the repository's file back.
        let taken = match replaces {
            Some(index) => Some((index, std::mem::replace(&mut context[index], file))),
            None => {
                context.push(file);
                None
            }
        };
        let model = codegen::internal::lower::lower(&context, &mut diags);
        match taken {
            Some((index, original)) => context[index] = original,
            None => {
                context.pop();
            }
        }
        match model {
            Some(model) if diags.is_empty() => {
                // A clean spec must emit code that parses (EmitBug is a generator bug, not a spec problem).
                if let Err(bug) = codegen::internal::emit::render(
                    &model,
                    codegen::Layout::Crate,
                    "api_gateway_models",
                    "cargo run -p codegen -- generate",
                ) {
                    panic!("a clean spec emitted code that does not parse: {bug}");
                }
            }
            Some(_) => panic!("lower returned a model and diagnostics"),
            None => {
                assert!(
                    !diags.is_empty(),
                    "lower returned no model and no diagnostic"
                );
                check_diagnostics(diags);
            }
        }
    });
});

/// Every diagnostic prints (Display walks the spans) and names a file.
fn check_diagnostics(diags: Diagnostics) {
    for diagnostic in diags.into_sorted() {
        let printed = diagnostic.to_string();
        assert!(!printed.is_empty());
        assert!(
            !diagnostic.file.is_empty(),
            "a diagnostic without a file: {printed}"
        );
    }
}
