//! The change report between two versions of the spec: each change with a stable check id, the
//! operation, the JSON path of the place, old and new value, its level for a client of the service
//! (decided by the direction of the place, `catalogue`) and its semver impact on the generated crate.
//! It compares the lowered models (`ir`), where every type is resolved and each type's request and
//! response forms are known, operation by operation: `operations` walks what an operation is, and
//! `types` and `values` what its messages may carry; `source` loads a version from a folder or a git
//! revision, `render` prints the report; `imported` compares the spec an import would write with
//! the checked-in one.

pub mod catalogue;
#[cfg(feature = "import")]
pub mod imported;
mod operations;
pub mod release;
pub mod render;
pub mod source;
mod types;
mod values;

use crate::ir;
use catalogue::Kind;
use serde::Serialize;

/// Which message a place is in: what the client sends, or what it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Request,
    Response,
}

/// What a change means for a client of the service written against the old version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Compatible,
    Warning,
    Breaking,
}

/// What a change means for the generated crate's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Semver {
    Patch,
    Minor,
    Major,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Compatible => "compatible",
            Level::Warning => "warning",
            Level::Breaking => "breaking",
        }
    }
}

impl Semver {
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The stable check id (`request-max-length-decreased`).
    pub check: String,
    /// `service/operation`.
    pub operation: String,
    /// The place: `request.body.members[].weight`, `request.query.limit`,
    /// `response.200.body.name`, `response.200.header.X-Request-Id`; empty for the operation itself.
    pub path: String,
    pub direction: Direction,
    pub level: Level,
    pub semver: Semver,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The ids whose kind is about the operation as a whole, not a place in a message: they carry no
/// direction in their check id.
const OPERATION_KINDS: &[&str] = &[
    "operation-added",
    "operation-removed",
    "operation-renamed",
    "method-changed",
    "path-changed",
];

impl Change {
    fn new(
        kind: &Kind,
        operation: &str,
        path: &str,
        direction: Direction,
        old: Option<String>,
        new: Option<String>,
    ) -> Change {
        let check = if OPERATION_KINDS.contains(&kind.id) {
            kind.id.to_owned()
        } else {
            let side = match direction {
                Direction::Request => "request",
                Direction::Response => "response",
            };
            format!("{side}-{}", kind.id)
        };
        Change {
            check,
            operation: operation.to_owned(),
            path: path.to_owned(),
            direction,
            level: kind.effect.level(direction),
            semver: kind.semver(direction),
            old,
            new,
        }
    }

    /// The service the change is in (`otc_apig` of `otc_apig/creating_an_api`).
    pub fn service(&self) -> &str {
        self.operation.split('/').next().unwrap_or_default()
    }
}

/// Every change from `old` to `new`, operation by operation in name order, each operation's
/// changes in the order of its messages.
pub fn compare(old: &ir::Model, new: &ir::Model) -> Vec<Change> {
    operations::compare_models(old, new)
}

/// The semver impact on each service's crate: the largest of its changes', by service.
pub fn semver_by_service(changes: &[Change]) -> std::collections::BTreeMap<String, Semver> {
    let mut out = std::collections::BTreeMap::new();
    for change in changes {
        let entry = out
            .entry(change.service().to_owned())
            .or_insert(Semver::Patch);
        *entry = (*entry).max(change.semver);
    }
    out
}

#[cfg(test)]
mod tests;
