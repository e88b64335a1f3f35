//! The commands of the `codegen` binary that have grown past a few lines, one file each.

pub mod changes;
pub mod import;
pub mod release;
