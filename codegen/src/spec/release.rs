//! A service's release history (`spec/<service>/releases.json`): each release of its generated crate,
//! newest first, with the version, the date, what it was compared with and the changes the report
//! found. `codegen release` writes it; `generate` takes the crate's version from its first release
//! and writes the crate's `CHANGELOG.md` from all of them.

use serde::{Deserialize, Serialize};

/// The file's top level.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Releases {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub service: String,
    /// Newest first.
    pub releases: Vec<Release>,
}

/// One release of a service's crate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// `0.2.0`.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The version of the spec the changes are counted from: a git commit or a folder; none for a
    /// service's first release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// The largest semver impact of the changes: `major`, `minor` or `patch`.
    pub semver: String,
    #[serde(default)]
    pub changes: Vec<ReleaseChange>,
}

/// One change of a release, as the change report gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseChange {
    pub check: String,
    pub operation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// `breaking`, `warning` or `compatible`.
    pub level: String,
    /// `major`, `minor` or `patch`.
    pub semver: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// The version of a crate none of whose releases is recorded.
pub const FIRST_VERSION: &str = "0.1.0";
