//! Writing output: only files whose content changed, each atomically (a temporary file, then a
//! rename), so unchanged files keep their mtimes and a failed run never leaves half a file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` unless it already holds exactly that; returns whether it wrote.
pub fn write_if_changed(path: &Path, content: &str) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(content.as_bytes())?;
        // No fsync: the rename already keeps a reader from ever seeing half a file, and syncing
        // each of thousands of generated files dominated the write phase.
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map(|()| true)
}

/// Rust files in the generated crates' source directories under `root` (`src/`, `support/`,
/// `services/`) that the generator did not produce (left over from a removed spec), relative to
/// `root`.
pub fn stray_rust_files(root: &Path, files: &BTreeMap<String, String>) -> Vec<String> {
    let mut stray: Vec<String> = ["src", "support", "services"]
        .iter()
        .flat_map(|dir| crate::load::files_under(&root.join(dir)).unwrap_or_default())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| crate::load::relative_name(&path, root))
        .filter(|name| !files.contains_key(name) && !name.split('/').any(|part| part == "target"))
        .collect();
    stray.sort();
    stray
}
