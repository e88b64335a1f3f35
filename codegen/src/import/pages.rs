//! Reading a page and importing it with its overlays, and reading a spec file: what the one-page
//! command and the service import share.

use super::build::{import, Imported, Target};
use super::overlay::{Overlay, Overlays};
use super::{page, ImportError, PageError};
use crate::load;
use std::path::{Path, PathBuf};

/// The suffix of the service-wide overlay's name and of an operation's overlay.
const COMMON_OVERLAY: &str = "common.overlay.json";

/// A page imported with its overlays.
pub(super) struct PageImport {
    pub imported: Imported,
    /// Where the page's overlay would be, when there is none.
    pub overlay_missing: Option<PathBuf>,
}

/// The page at `path`, read and split; a page that does not have the expected shape is an error
/// naming the file and the line.
pub(super) fn read_page(path: &Path) -> Result<page::Page, ImportError> {
    let text = std::fs::read_to_string(path).map_err(ImportError::io(path))?;
    page::parse(&text).map_err(|error| ImportError::Page {
        file: path.display().to_string(),
        error,
    })
}

/// Imports `page` (read from `path`) as `target`, with the overlay `overlay`, else the one in `dir`
/// named after the operation, and `dir`'s `common.overlay.json`. A page from which no table was
/// imported is an error listing its tables.
pub(super) fn import_page(
    path: &Path,
    page: &page::Page,
    target: &Target,
    dir: &Path,
    overlay: Option<&Path>,
) -> Result<PageImport, ImportError> {
    let page_error = |error: PageError| ImportError::Page {
        file: path.display().to_string(),
        error,
    };
    let page_overlay = overlay
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.join(format!("{}{}", target.name, load::OVERLAY_SUFFIX)));
    let overlays = Overlays {
        page: load_if_present(&page_overlay, overlay.is_some())?,
        common: load_if_present(&dir.join(COMMON_OVERLAY), false)?,
    };
    let imported = import(page, target, &overlays);
    if nothing_imported(&imported) {
        let tables: Vec<String> = page
            .tables
            .iter()
            .map(|t| format!("{:?}", t.label()))
            .collect();
        let found = if tables.is_empty() {
            "the page has no table this importer reads".to_owned()
        } else {
            format!("its tables: {}", tables.join(", "))
        };
        let message = format!("no table of the page was imported ({found}); a page that gives nothing is not written as an empty spec");
        return Err(page_error(PageError {
            line: 1,
            table: None,
            row: None,
            message,
        }));
    }
    let overlay_missing = (!page_overlay.exists()).then_some(page_overlay);
    Ok(PageImport {
        imported,
        overlay_missing,
    })
}

/// Whether the import kept no table of the page: no object, enumeration or parameter.
fn nothing_imported(imported: &Imported) -> bool {
    let spec = &imported.spec;
    let no_parameters = spec.operation.as_ref().is_none_or(|o| {
        [&o.path_params, &o.query_params, &o.headers, &o.form_params]
            .iter()
            .all(|list| list.is_empty())
    });
    spec.objects.is_empty()
        && spec.enums.is_empty()
        && no_parameters
        && imported.common_objects.is_empty()
        && imported.common_enums.is_empty()
}

fn load_if_present(path: &Path, required: bool) -> Result<Overlay, ImportError> {
    if required || path.exists() {
        Overlay::load(path)
    } else {
        Ok(Overlay::default())
    }
}

/// A checked-in spec file, typed: what `--diff` compares the page's with.
pub(super) fn read_spec(path: &Path) -> Result<crate::spec::Document, ImportError> {
    let text = std::fs::read_to_string(path).map_err(ImportError::io(path))?;
    serde_json::from_str(&text)
        .map_err(|e| ImportError::NoSpec(format!("{}: not a spec file: {e}", path.display())))
}
