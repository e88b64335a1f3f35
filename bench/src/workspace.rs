//! Scratch cargo workspaces for the build-cost benchmark: a manifest listing the member crates, with the
//! repository's lock file beside it, so that `cargo check --offline` takes the dependency versions the
//! repository builds with and never needs the network.

use std::io;
use std::path::{Path, PathBuf};

/// The `[workspace.package]` and `[workspace.dependencies]` tables of the repository's own manifest, for a
/// workspace around crates whose manifests inherit from them (`edition.workspace = true`, as `generated/`'s
/// does); manifests that inherit nothing are unaffected.
pub const INHERITABLE: &str = "\n[workspace.package]\nedition = \"2021\"\nlicense = \"MIT OR Apache-2.0\"\npublish = false\n\n\
                               [workspace.dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n";

/// Writes `root/Cargo.toml`, a workspace of `members` (crate directories below `root`) followed by `extra`
/// tables, and copies the repository's `Cargo.lock` beside it.
pub fn write_workspace(root: &Path, members: &[PathBuf], extra: &str) -> io::Result<()> {
    let mut listed = Vec::new();
    for member in members {
        let relative = member.strip_prefix(root).map_err(|_| {
            io::Error::other(format!(
                "{} is not below {}",
                member.display(),
                root.display()
            ))
        })?;
        let relative = if relative.as_os_str().is_empty() {
            Path::new(".")
        } else {
            relative
        };
        listed.push(format!("    {:?},\n", relative.to_string_lossy()));
    }
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n{extra}",
        listed.concat()
    );
    std::fs::create_dir_all(root)?;
    std::fs::write(root.join("Cargo.toml"), manifest)?;
    std::fs::copy(repository_lock(), root.join("Cargo.lock")).map(drop)
}

/// Wraps every crate below `root` (each directory holding a `Cargo.toml`, other than `root` itself) in a
/// workspace at `root`, whatever layout wrote them; returns `root`.
pub fn workspace_around(root: &Path) -> io::Result<PathBuf> {
    let members: Vec<PathBuf> = crates_below(root)?
        .into_iter()
        .filter(|dir| dir != root)
        .collect();
    write_workspace(root, &members, INHERITABLE)?;
    Ok(root.to_path_buf())
}

/// Every directory under `dir`, at any depth and `dir` included, that holds a `Cargo.toml`, sorted; cargo's
/// `target` directories are skipped.
pub fn crates_below(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut crates = Vec::new();
    for file in codegen::internal::load::files_under(dir)? {
        let in_target = file
            .strip_prefix(dir)
            .is_ok_and(|p| p.components().any(|c| c.as_os_str() == "target"));
        if file.file_name().is_some_and(|n| n == "Cargo.toml") && !in_target {
            crates.extend(file.parent().map(Path::to_path_buf));
        }
    }
    crates.sort();
    Ok(crates)
}

/// Copies the tree `from` to `to`, leaving out cargo's `target` directories.
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default();
        if path.is_dir() && name != "target" {
            copy_dir(&path, &to.join(name))?;
        } else if path.is_file() {
            std::fs::copy(&path, to.join(name))?;
        }
    }
    Ok(())
}

fn repository_lock() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock")
}
