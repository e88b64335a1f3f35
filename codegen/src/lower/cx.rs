//! The lowering context: what every step of lowering reads (the service's named types and the file
//! being lowered) and where it reports, so that a check says only where in the file and what is
//! wrong.

use super::defs::Defs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::File;

/// The context of one step of lowering: the service's named types, the file whose entries are being
/// lowered, and the diagnostics of the whole run.
pub struct Cx<'c, 'a> {
    pub defs: &'c Defs<'a>,
    pub file: &'a File,
    diags: &'c mut Diagnostics,
}

impl<'c, 'a> Cx<'c, 'a> {
    pub fn new(defs: &'c Defs<'a>, file: &'a File, diags: &'c mut Diagnostics) -> Self {
        Cx { defs, file, diags }
    }

    /// Records a problem at the JSON path `path` of the current file.
    pub fn error(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.diags
            .error(&self.file.name, &self.file.spans, path, message)
    }

    /// The same context, reporting in `file` (a definition of another file of the service).
    pub fn in_file<'b>(&'b mut self, file: &'a File) -> Cx<'b, 'a> {
        Cx {
            defs: self.defs,
            file,
            diags: self.diags,
        }
    }
}
