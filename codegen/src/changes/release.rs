//! `codegen release`: each service whose spec changed since a base version gets a release in its
//! history (`releases.json`): the next version by the largest semver impact of its changes, the
//! date, the base, and the changes. Run again against the same base, it replaces the release it
//! recorded, so recording is idempotent until the base moves on (a commit).

use super::{Change, Semver};
use crate::lower::releases::parse_version;
use crate::spec::{Release, ReleaseChange, Releases, FIRST_VERSION};
use crate::{ir, load};

/// A service's history as it is to be written.
#[derive(Debug)]
pub struct Recorded {
    pub service: String,
    /// The history file, relative to the spec directory.
    pub file: String,
    /// The version before the new release.
    pub previous: String,
    pub history: Releases,
}

impl Recorded {
    /// The new release.
    pub fn release(&self) -> &Release {
        &self.history.releases[0]
    }

    /// The history as the file holds it, pretty-printed with a trailing newline.
    pub fn text(&self) -> String {
        // Plain structs of strings always serialize.
        serde_json::to_string_pretty(&self.history).unwrap_or_default() + "\n"
    }
}

/// The next version after `previous` for changes of impact `semver`. Before 1.0.0 the minor number
/// is the breaking one (Cargo's rule), so a major change moves it and any other change the patch
/// number; from 1.0.0 on each impact moves its own number. A version that does not parse starts
/// over from 0.1.0.
pub fn next_version(previous: &str, semver: Semver) -> String {
    let Some([major, minor, patch]) = parse_version(previous) else {
        return FIRST_VERSION.to_owned();
    };
    let [major, minor, patch] = match (major, semver) {
        (0, Semver::Major) => [0, minor + 1, 0],
        (0, _) => [0, minor, patch + 1],
        (_, Semver::Major) => [major + 1, 0, 0],
        (_, Semver::Minor) => [major, minor + 1, 0],
        (_, Semver::Patch) => [major, minor, patch + 1],
    };
    format!("{major}.{minor}.{patch}")
}

/// The histories to write: for each service of `new` with changes since `old` (the version named
/// `base`), its history with a new release on top. A release recorded before against the same
/// base is replaced (and dropped when the changes are gone). A service `old` lacks starts at 0.1.0.
pub fn record(
    old: &ir::Model,
    new: &ir::Model,
    changes: &[Change],
    base: &str,
    date: &str,
) -> Vec<Recorded> {
    let mut recorded = Vec::new();
    for service in &new.services {
        let mut releases = service.releases.clone();
        let replaced = releases
            .first()
            .is_some_and(|r| r.base.as_deref() == Some(base));
        if replaced {
            releases.remove(0);
        }
        let own: Vec<&Change> = (changes.iter())
            .filter(|c| c.service() == service.module)
            .collect();
        if own.is_empty() && !replaced {
            continue;
        }
        let previous = (releases.first()).map_or(FIRST_VERSION, |r| r.version.as_str());
        let previous = previous.to_owned();
        if !own.is_empty() {
            let semver = own.iter().map(|c| c.semver).max().unwrap_or(Semver::Patch);
            let is_new = !old.services.iter().any(|s| s.module == service.module);
            let version = if is_new && releases.is_empty() {
                FIRST_VERSION.to_owned()
            } else {
                next_version(&previous, semver)
            };
            releases.insert(
                0,
                Release {
                    version,
                    date: date.to_owned(),
                    base: Some(base.to_owned()),
                    semver: semver.as_str().to_owned(),
                    changes: own.into_iter().map(ReleaseChange::from).collect(),
                },
            );
        }
        recorded.push(Recorded {
            service: service.module.clone(),
            file: history_file(service),
            previous,
            history: Releases {
                schema: None,
                service: service.module.clone(),
                releases,
            },
        });
    }
    recorded
}

/// Where a service's history is: its file, or `releases.json` in the folder of its spec files (at
/// the top of the spec folder, where services may share it, `<service>.releases.json`).
fn history_file(service: &ir::Service) -> String {
    if let Some(file) = &service.history_file {
        return file.clone();
    }
    let first = service
        .files
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    match first.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{}", load::RELEASES_FILE),
        None => format!("{}.{}", service.module, load::RELEASES_FILE),
    }
}

impl From<&Change> for ReleaseChange {
    fn from(change: &Change) -> ReleaseChange {
        ReleaseChange {
            check: change.check.clone(),
            operation: change.operation.clone(),
            path: change.path.clone(),
            level: change.level.as_str().to_owned(),
            semver: change.semver.as_str().to_owned(),
            old: change.old.clone(),
            new: change.new.clone(),
        }
    }
}

/// Today's date, `YYYY-MM-DD`, in UTC (the civil date of the days since 1970-01-01).
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let [year, month, day] = civil_date(seconds / 86_400);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> [u64; 3] {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    [year, month, day]
}

#[cfg(test)]
mod tests {
    use super::{civil_date, next_version, Semver};

    #[test]
    fn before_one_a_major_change_moves_the_minor_number() {
        assert_eq!(next_version("0.1.0", Semver::Major), "0.2.0");
        assert_eq!(next_version("0.1.3", Semver::Minor), "0.1.4");
        assert_eq!(next_version("0.1.3", Semver::Patch), "0.1.4");
        assert_eq!(next_version("1.2.3", Semver::Major), "2.0.0");
        assert_eq!(next_version("1.2.3", Semver::Minor), "1.3.0");
        assert_eq!(next_version("1.2.3", Semver::Patch), "1.2.4");
        assert_eq!(next_version("not a version", Semver::Minor), "0.1.0");
    }

    #[test]
    fn days_are_civil_dates() {
        assert_eq!(civil_date(0), [1970, 1, 1]);
        assert_eq!(civil_date(11_016), [2000, 2, 29]);
        assert_eq!(civil_date(20_791), [2026, 12, 4]);
        assert_eq!(civil_date(20_819), [2027, 1, 1]);
    }
}
