//! Scratch folders for the tests that write files: each a fresh folder of its own under the system's
//! temporary folder, removed when the test drops it (`tempfile::TempDir`), so that a run leaves
//! nothing behind and two runs at once do not share one.

// Each test file takes what it needs of this one.
#![allow(dead_code)]

use std::path::Path;
pub use tempfile::TempDir;

/// A fresh, empty folder whose name starts with `codegen-<label>-`.
pub fn scratch(label: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("codegen-{label}-"))
        .tempdir()
        .expect("a scratch folder")
}

/// Rewrites the JSON file at `path` with `edit` applied to its value.
pub fn edit_json(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    edit(&mut json);
    std::fs::write(path, serde_json::to_string_pretty(&json).expect("json")).expect("write");
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}
