//! Import: read an API reference page (its text, as the site renders it) and write the spec file it
//! documents, applying the reviewed decisions of an overlay; or compare the page with the
//! checked-in spec.
//!
//! Phases, each in its own module: [`page`] splits the text into title, method and path, tables and
//! examples; [`rules`] turns the prose of a row into data (lengths, ranges, character rules,
//! conditions); [`build`] assembles the spec file, naming what the page leaves unnamed from the
//! [`overlay`]; [`diff`] compares two spec files field by field; [`examples`] checks the page's
//! example requests against the tables just imported; [`command`] finds the checked-in spec and
//! overlay a page matches, and [`service`] imports a service's pages together (both read and import
//! a page through `pages`). What an import cannot decide goes to the review list, whose lines
//! ([`review`]) say what they are about and where.

pub mod build;
pub mod command;
pub mod diff;
pub mod examples;
pub mod overlay;
pub mod page;
mod pages;
pub mod review;
pub mod rules;
pub mod service;

pub use build::{import, Imported, Target};
pub use command::{run, Outcome};
pub use overlay::Overlay;
pub use page::Page;

use std::fmt;
use std::path::{Path, PathBuf};

/// Why an import stopped. Problems that still let the import finish (a sentence not recognized, the
/// table and the prose disagreeing) are not errors: they go to the report.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The page's text does not have the expected shape.
    #[error("{file}:{error}")]
    Page { file: String, error: PageError },
    /// An overlay is not valid JSON or not in the overlay format.
    #[error("{}: {message}", .path.display())]
    Overlay { path: PathBuf, message: String },
    /// A file could not be read.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `--diff` needs a checked-in spec and none matches the page.
    #[error("{0}")]
    NoSpec(String),
}

impl ImportError {
    /// The error for a failed read or write of `path`, for `map_err`.
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
        move |source| ImportError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// A problem in a page, with the line and, where it is inside a table, the table and the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// 1-based line of the page text.
    pub line: usize,
    /// `Table 4 MemberGroupCreate`.
    pub table: Option<String>,
    /// The row's parameter name.
    pub row: Option<String>,
    pub message: String,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.line)?;
        if let Some(table) = &self.table {
            write!(f, "{table}")?;
            if let Some(row) = &self.row {
                write!(f, ", row {row}")?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for PageError {}

/// A spec file's text as the importer writes it: pretty JSON ending with a newline.
pub fn spec_text(value: &impl serde::Serialize) -> String {
    // A `Value` and the spec's types always serialize: their keys are strings.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
