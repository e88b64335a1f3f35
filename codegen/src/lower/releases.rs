//! Each service's release history joined to its lowered service: the crate's version and changelog
//! come from it. A history for a service the spec does not have, a second history for one service,
//! or a version that is not `MAJOR.MINOR.PATCH` is an error at the file.

use crate::diag::{Diagnostic, Diagnostics};
use crate::{ir, spec};

/// Gives each service of `model` the releases of its history among `histories` (file name, history).
pub fn attach(
    model: &mut ir::Model,
    histories: Vec<(String, spec::Releases)>,
    diags: &mut Diagnostics,
) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (file, history) in histories {
        let problem = |message: String| Diagnostic {
            file: file.clone(),
            line: 0,
            column: 0,
            path: String::new(),
            message,
            help: None,
        };
        if let Some((_, first)) = seen.iter().find(|(service, _)| *service == history.service) {
            diags.push(problem(format!(
                "a second release history of `{}` (the first is {first})",
                history.service
            )));
            continue;
        }
        seen.push((history.service.clone(), file.clone()));
        for (index, release) in history.releases.iter().enumerate() {
            if parse_version(&release.version).is_none() {
                let mut diagnostic = problem(format!(
                    "`{}` is not a version MAJOR.MINOR.PATCH",
                    release.version
                ));
                diagnostic.path = format!("releases[{index}].version");
                diags.push(diagnostic);
            }
        }
        match (model.services.iter_mut()).find(|s| s.module == history.service) {
            Some(service) => {
                service.releases = history.releases;
                service.history_file = Some(file);
            }
            None => diags.push(problem(format!(
                "a release history of `{}`, which no spec file has",
                history.service
            ))),
        }
    }
}

/// `MAJOR.MINOR.PATCH` as numbers.
pub fn parse_version(version: &str) -> Option<[u64; 3]> {
    let mut parts = version.split('.').map(|part| {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u64>().ok())
            .flatten()
    });
    let version = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(version)
}

#[cfg(test)]
mod tests {
    use super::parse_version;

    #[test]
    fn versions_are_three_numbers() {
        assert_eq!(parse_version("0.12.3"), Some([0, 12, 3]));
        for bad in [
            "",
            "1",
            "1.2",
            "1.2.3.4",
            "1.x.3",
            "1..3",
            "1.2.3-rc1",
            "+1.2.3",
        ] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }
}
