//! What `generate` last wrote, so that the next run skips the files whose inputs did not change:
//! for each file, a hash of the part of the model it is made from (its key) and a hash of the text
//! written. A file is skipped only when its key is the same, the generator and its settings are the
//! same (the stamp), and the file on disk still holds what was written. The cache lives beside the
//! output (`.codegen-cache`, not meant to be committed); a missing or unreadable cache only costs a
//! full run.

use std::collections::BTreeMap;
use std::fmt::{Debug, Write as _};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The cache file's name in the output directory.
pub const FILE: &str = ".codegen-cache";

const FORMAT: &str = "codegen-cache 1";

/// A file's key and the hash of its text, as last written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub key: u64,
    pub content: u64,
}

/// The entries of the last run, when its stamp matches this run's.
#[derive(Debug, Default)]
pub struct Cache {
    out_dir: PathBuf,
    entries: BTreeMap<String, Entry>,
}

impl Cache {
    /// The cache in `out_dir`, empty unless it was written with the same `stamp`.
    pub fn load(out_dir: &Path, stamp: u64) -> Cache {
        let text = std::fs::read_to_string(out_dir.join(FILE)).unwrap_or_default();
        let mut lines = text.lines();
        let entries = if lines.next() == Some(&stamp_line(stamp)) {
            lines.filter_map(parse_entry).collect()
        } else {
            BTreeMap::new()
        };
        Cache {
            out_dir: out_dir.to_path_buf(),
            entries,
        }
    }

    /// Whether the file at `path` (relative to the output directory) was made from inputs with this
    /// key and still holds what was written.
    pub fn fresh(&self, path: &str, key: u64) -> bool {
        self.entries.get(path).is_some_and(|entry| {
            entry.key == key
                && std::fs::read(self.out_dir.join(path))
                    .is_ok_and(|bytes| content_hash(&bytes) == entry.content)
        })
    }

    /// The entry of a file left as it was.
    pub fn entry(&self, path: &str) -> Option<Entry> {
        self.entries.get(path).copied()
    }

    /// Writes the entries of this run.
    pub fn save(
        out_dir: &Path,
        stamp: u64,
        entries: &BTreeMap<String, Entry>,
    ) -> std::io::Result<()> {
        let mut text = stamp_line(stamp) + "\n";
        for (path, entry) in entries {
            let _ = writeln!(text, "{:016x} {:016x} {path}", entry.key, entry.content);
        }
        crate::write::write_if_changed(&out_dir.join(FILE), &text).map(drop)
    }
}

fn stamp_line(stamp: u64) -> String {
    format!("{FORMAT} {stamp:016x}")
}

fn parse_entry(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.splitn(3, ' ');
    let key = u64::from_str_radix(parts.next()?, 16).ok()?;
    let content = u64::from_str_radix(parts.next()?, 16).ok()?;
    Some((parts.next()?.to_owned(), Entry { key, content }))
}

/// The hash of a file's text.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The key of a part of the model: the hash of its `Debug` form, which shows every field.
pub fn key(part: &dyn Debug) -> u64 {
    struct Hashing(DefaultHasher);
    impl std::fmt::Write for Hashing {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hashing = Hashing(DefaultHasher::new());
    let _ = write!(hashing, "{part:?}");
    hashing.0.finish()
}

/// What makes this run's output differ from another's for the same model: the generator itself (its
/// version and its executable's size and modification time, so a rebuilt generator misses the
/// cache) and the settings that reach every file.
pub fn stamp(settings: &dyn Debug) -> u64 {
    let exe = std::env::current_exe().and_then(std::fs::metadata).ok();
    let built = exe.as_ref().map(|m| (m.len(), m.modified().ok()));
    key(&(env!("CARGO_PKG_VERSION"), built, settings))
}
