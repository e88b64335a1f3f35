//! The layout of one file, `models.rs`, with every module inline, for `include!` from a build
//! script. Its types stay in their services' modules: one file has no files to put them in.

use super::crate_layout::Run;
use crate::emit::crate_root::emit_lib;
use crate::emit::parallel::Rendered;
use crate::emit::runtime::support_tokens;
use crate::emit::tokens::{format_file, EmitBug};
use crate::ir::Model;
use quote::quote;

/// The one file, rendered.
pub(in crate::emit) fn render(model: &Model, run: Run<'_>) -> Result<Rendered, EmitBug> {
    let support = support_tokens()?;
    let lib = emit_lib(model, true);
    // The support module documents itself with inner attributes.
    let tokens = quote! {
        #lib
        pub mod support { #support }
    };
    let mut rendered = Rendered::default();
    let text = format_file("models.rs", run.all_specs, run.command, tokens)?;
    rendered.files.insert("models.rs".to_owned(), text);
    Ok(rendered)
}
