//! `codegen import --service`: a service's pages into one directory. The checked-in `spec/otc_apig` is
//! exactly what its pages and overlays give; an import is the same byte for byte when run again; one more
//! page reuses the service's shared types and leaves the other operations' files alone.

use codegen::internal::import::service::{differences, import_service, write, ServiceOutcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "common/scratch.rs"]
mod scratch;
use scratch::TempDir;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the repository")
        .to_path_buf()
}

fn pages_dir() -> PathBuf {
    root().join("spec/otc_apig/pages")
}

fn page(name: &str) -> PathBuf {
    pages_dir().join(format!("{name}.txt"))
}

/// Every file of `dir` (not its subfolders), by name, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// A service folder, not yet made, in a scratch folder removed when dropped.
struct Scratch {
    _root: TempDir,
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root = scratch::scratch(&format!("import-service-{name}"));
        let dir = root.path().join("otc_apig");
        Scratch { _root: root, dir }
    }

    fn import(&self, pages: &[PathBuf]) -> ServiceOutcome {
        let outcome =
            import_service("otc_apig", &self.dir, pages).unwrap_or_else(|e| panic!("{e}"));
        assert!(outcome.failed.is_empty(), "{:?}", outcome.failed);
        write(&outcome, &self.dir).unwrap_or_else(|e| panic!("{e}"));
        outcome
    }
}

#[test]
fn every_checked_in_service_with_pages_is_what_its_pages_give() {
    let mut services = 0;
    for entry in std::fs::read_dir(root().join("spec")).expect("spec/ is readable") {
        let dir = entry.expect("entry").path();
        let pages = dir.join("pages");
        if !pages.is_dir() {
            continue;
        }
        services += 1;
        let service = dir.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = import_service(&service, &dir, &[pages]).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            outcome.failed.is_empty(),
            "{service}: pages not imported: {:#?}",
            outcome.failed
        );
        assert_eq!(outcome.counts.pages, outcome.counts.operations, "{service}");
        let found = differences(&outcome, true).unwrap_or_else(|e| panic!("{e}"));
        assert!(found.is_empty(), "spec/{service} differs from its pages; run the import (spec/{service}/pages/README.md):\n{}", found.join("\n"));
        let examples: Vec<String> = outcome
            .report
            .iter()
            .filter(|line| line.text.starts_with("example \""))
            .map(ToString::to_string)
            .collect();
        assert!(examples.iter().all(|line| line.contains("a multipart form")), "{service}: every example request the tables reject is decided in an overlay: {examples:#?}");
    }
    assert_eq!(
        services, 18,
        "otc_apig, otc_elb, otc_modelarts, otc_ecs and the 14 services of the cloud"
    );
}

#[test]
fn the_api_gateway_reference_is_all_in() {
    let outcome = import_service("otc_apig", &root().join("spec/otc_apig"), &[pages_dir()])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (outcome.counts.pages, outcome.counts.operations),
        (167, 167)
    );
}

const VPC_PAGES: &[&str] = &[
    "creating_a_vpc_channel",
    "querying_vpc_channel_details",
    "querying_vpc_channels",
    "modifying_vpc_channel_health_check",
];

#[test]
fn importing_again_gives_the_same_files_byte_for_byte() {
    let scratch = Scratch::new("again");
    let pages: Vec<PathBuf> = VPC_PAGES.iter().map(|p| page(p)).collect();
    scratch.import(&pages);
    let first = files(&scratch.dir);
    assert!(
        first.contains_key("common.json"),
        "the pages share types: {:?}",
        first.keys()
    );
    let outcome = scratch.import(&pages);
    assert_eq!(files(&scratch.dir), first);
    assert_eq!(differences(&outcome, true).unwrap(), Vec::<String>::new());
}

#[test]
fn one_more_page_reuses_the_shared_types_and_leaves_the_other_files_alone() {
    let scratch = Scratch::new("more");
    let pages: Vec<PathBuf> = VPC_PAGES.iter().map(|p| page(p)).collect();
    scratch.import(&pages);
    let before = files(&scratch.dir);
    let common_before: serde_json::Value = serde_json::from_slice(&before["common.json"]).unwrap();

    scratch.import(&[page("querying_backend_servers_of_a_vpc_channel")]);
    let after = files(&scratch.dir);
    for (name, bytes) in before.iter().filter(|(name, _)| *name != "common.json") {
        assert_eq!(&after[name], bytes, "{name} was rewritten");
    }
    let added: serde_json::Value =
        serde_json::from_slice(&after["querying_backend_servers_of_a_vpc_channel.json"]).unwrap();
    let common_after: serde_json::Value = serde_json::from_slice(&after["common.json"]).unwrap();
    for section in ["objects", "enums"] {
        for name in common_before[section].as_object().unwrap().keys() {
            assert!(
                common_after[section].get(name).is_some(),
                "{name} left common.json"
            );
        }
    }
    // The new page's tables that common.json already has are not defined again in its file.
    for name in added["objects"]
        .as_object()
        .unwrap()
        .keys()
        .chain(added["enums"].as_object().unwrap().keys())
    {
        assert!(
            common_after["objects"].get(name).is_none()
                && common_after["enums"].get(name).is_none(),
            "{name} is defined twice"
        );
    }
}

#[test]
fn a_page_that_cannot_be_imported_is_listed_and_the_others_are_imported() {
    let scratch = Scratch::new("bad");
    let bad = scratch.dir.with_extension("txt");
    std::fs::write(&bad, "Nothing\n\nFunction\n\nNo URI here.\n").unwrap();
    let outcome = import_service(
        "otc_apig",
        &scratch.dir,
        &[bad.clone(), page("querying_vpc_channels")],
    )
    .unwrap();
    let _ = std::fs::remove_file(&bad);
    assert_eq!(outcome.failed.len(), 1, "{:?}", outcome.failed);
    assert!(
        outcome.failed[0].contains("does not look like an API reference page"),
        "{}",
        outcome.failed[0]
    );
    assert_eq!(outcome.counts.operations, 1);
}

/// `import --diff PAGE`, one page at a time, compares the page as its service holds it (shared types in
/// common.json, under the service's names): on every page of the first four services, and on every
/// eighth page of the cloud's services, it finds nothing (each page's import lowers the whole service
/// once, so all 1,450 would take minutes). Left out: the services where an import of one page repairs
/// the service differently from the import of all of them (the repair lowers only the files it
/// imports, so a field another page's file makes unlowerable is kept or left out differently).
#[test]
fn import_diff_on_every_page_reports_nothing() {
    const REPAIRED_APART: &[&str] = &[
        "otc_cce", "otc_ces", "otc_evs", "otc_iam", "otc_rds", "otc_vpc", "otc_vpn", "otc_wafd",
    ];
    const FIRST: &[&str] = &[
        "apig",
        "roma",
        "otc_apig",
        "otc_elb",
        "otc_ecs",
        "otc_modelarts",
    ];
    let spec = root().join("spec");
    let mut pages = 0;
    let mut services: Vec<_> = std::fs::read_dir(&spec)
        .expect("spec/ is readable")
        .map(|e| e.expect("entry").path())
        .filter(|dir| dir.join("pages").is_dir())
        .collect();
    services.sort();
    for dir in services {
        let service = dir.file_name().unwrap().to_string_lossy().into_owned();
        if REPAIRED_APART.contains(&service.as_str()) {
            continue;
        }
        let step = if FIRST.contains(&service.as_str()) {
            1
        } else {
            8
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir.join("pages"))
            .expect("pages/ is readable")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for page in paths.iter().step_by(step) {
            let outcome = codegen::internal::import::run(&spec, page, None, true)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                outcome.differences,
                Vec::<String>::new(),
                "{}",
                page.display()
            );
            pages += 1;
        }
    }
    assert!(pages > 180, "{pages}");
}

/// Real pages of five services, each with something the generator rejects as the page gives it (a
/// path parameter no table lists, a field listed twice, "Default Value: None" on an object, a
/// parameter in both the path and the query, two wire names with one Rust name, a table named
/// `Response`...), imported together into an empty folder: every page is an operation, the service
/// generates, its examples are checked, and each thing resolved or left out has its review line.
#[test]
fn pages_the_generator_would_reject_import_into_a_service_that_generates() {
    let scratch = Scratch::new("mixed");
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/mixed_service");
    let dir = scratch.dir.join("otc_mixed");
    let outcome = import_service("otc_mixed", &dir, &[pages]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome.failed, Vec::<String>::new());
    assert_eq!(outcome.counts.operations, 8);
    write(&outcome, &dir).unwrap_or_else(|e| panic!("{e}"));
    let rendered = codegen::Config::new(&scratch.dir)
        .layout(codegen::Layout::Crate)
        .rerun_if_changed(false)
        .render();
    assert!(
        rendered.is_ok(),
        "does not generate: {}",
        rendered.err().unwrap()
    );
    let lines: Vec<String> = outcome.report.iter().map(|l| l.to_string()).collect();
    assert!(
        !lines.iter().any(|l| l.contains("examples not checked")),
        "{lines:#?}"
    );
    let repaired = lines
        .iter()
        .filter(|l| l.contains("so that the service generates; the generator said: "))
        .count();
    assert!(repaired > 0, "{lines:#?}");
}
