//! Shared by the fixture tests: where the fixtures are, and comparing output with an expected file that
//! is rewritten only when `UPDATE_EXPECTED=1` is set.

use std::path::{Path, PathBuf};

/// `codegen/tests/fixtures/<kind>`.
pub fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

/// Fails unless `expected` holds exactly `actual`; with `UPDATE_EXPECTED=1`, writes `actual` there instead.
pub fn assert_expected(expected: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1") {
        let unchanged = std::fs::read_to_string(expected).is_ok_and(|old| old == actual);
        if !unchanged {
            std::fs::write(expected, actual)
                .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
            eprintln!("updated {}", expected.display());
        }
        return;
    }
    let Ok(wanted) = std::fs::read_to_string(expected) else {
        panic!("{} is missing; run with UPDATE_EXPECTED=1 to create it, then review it\n--- actual ---\n{actual}", expected.display());
    };
    if wanted != actual {
        let line = wanted
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| wanted.lines().count().min(actual.lines().count()))
            + 1;
        panic!(
            "{} differs from the output, first at line {line}; if the change is intended, run with UPDATE_EXPECTED=1 and review the diff\n--- expected ---\n{wanted}\n--- actual ---\n{actual}",
            expected.display()
        );
    }
}

/// Fails unless the fixture directories under `fixtures/<kind>` are exactly `cases`, so that no fixture
/// sits there untested.
pub fn assert_every_fixture_is_a_case(kind: &str, cases: &[&str]) {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures(kind))
        .unwrap_or_else(|e| panic!("fixtures/{kind}: {e}"))
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.is_dir())
        .map(|path| {
            path.file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = cases.to_vec();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "each directory under fixtures/{kind} needs an entry in `cases!`"
    );
}
