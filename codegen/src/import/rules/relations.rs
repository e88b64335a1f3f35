//! Rules between fields, still as the page writes them: conditions ("This parameter is required if
//! protocol is set to http"), comparisons ("must be less than the value of time_interval") and
//! alternatives ("Either app_name or any of label_key and label_value must be set").

use super::{Comparison, Condition, ConditionKind};

const REQUIRED_IF: &[&str] = &[
    " is required if ",
    " is required when ",
    " is required only if ",
    " is required only when ",
    " is mandatory if ",
    " is mandatory when ",
    " is mandatory only when ",
];

const FORBIDDEN_UNLESS: &[&str] = &[
    " is supported only when ",
    " is supported only if ",
    " is valid only when ",
    " is valid only if ",
    " takes effect only when ",
    " takes effect only if ",
    " is available only when ",
    " can be used only when ",
];

/// "This parameter is required if protocol is set to http or https.", "This parameter is supported
/// only when the VPC channel type is microservice."
pub(super) fn condition(sentence: &str, lower: &str) -> Option<Condition> {
    let find = |phrases: &[&str], kind| {
        phrases
            .iter()
            .filter_map(|p| lower.find(p).map(|at| (at + p.len(), kind)))
            .min()
    };
    let (at, kind) = find(REQUIRED_IF, ConditionKind::RequiredIf)
        .into_iter()
        .chain(find(FORBIDDEN_UNLESS, ConditionKind::ForbiddenUnless))
        .min()?;
    let rest = sentence.get(at..)?.trim().trim_end_matches('.');
    let rest_lower = rest.to_ascii_lowercase();
    let (subject, values) = [" is set to ", " is ", " = "].iter().find_map(|sep| {
        rest_lower
            .find(sep)
            .map(|i| (&rest[..i], &rest[i + sep.len()..]))
    })?;
    let subject = subject.trim();
    let subject = subject
        .strip_prefix("the ")
        .or_else(|| subject.strip_prefix("The "))
        .unwrap_or(subject);
    let values: Vec<String> = values
        .split(" or ")
        .flat_map(|v| v.split(", "))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    (!subject.is_empty() && !values.is_empty()).then(|| Condition {
        kind,
        subject: subject.to_owned(),
        values,
        source: sentence.to_owned(),
    })
}

/// "The value must be less than the value of time_interval."
pub(super) fn comparison(sentence: &str, lower: &str) -> Option<Comparison> {
    const PHRASES: &[(&str, bool)] = &[
        ("must be less than the value of ", true),
        ("must be greater than the value of ", false),
        ("must be smaller than the value of ", true),
        ("must be larger than the value of ", false),
        ("must be less than ", true),
        ("must be greater than ", false),
    ];
    PHRASES.iter().find_map(|&(phrase, less_than)| {
        let at = lower.find(phrase)? + phrase.len();
        let other = sentence.get(at..)?.trim().trim_end_matches('.');
        // A field's name; "greater than 0" is a bound, which `numbers` reads.
        let is_name = other.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && other.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        is_name.then(|| Comparison {
            less_than,
            other: other.to_owned(),
            source: sentence.to_owned(),
        })
    })
}

/// "Either app_name or any of label_key and label_value must be set." as [["app_name"],
/// ["label_key", "label_value"]].
pub(super) fn at_least_one_of(sentence: &str) -> Option<Vec<Vec<String>>> {
    let lower = sentence.to_ascii_lowercase();
    let body = lower.strip_prefix("either ")?;
    let end = [
        " must be set",
        " must be specified",
        " must be provided",
        " is required",
    ]
    .iter()
    .filter_map(|p| body.find(p))
    .min()?;
    let start = "either ".len();
    let body = sentence.get(start..start + end)?;
    let name = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    body.split(" or ")
        .map(|alternative| {
            let alternative = ["any of ", "all of ", "both "]
                .iter()
                .find_map(|p| alternative.strip_prefix(p))
                .unwrap_or(alternative);
            let names: Vec<String> = alternative
                .split(" and ")
                .flat_map(|n| n.split(", "))
                .map(|n| n.trim().to_owned())
                .collect();
            names.iter().all(|n| name(n)).then_some(names)
        })
        .collect::<Option<Vec<_>>>()
        .filter(|groups| groups.len() >= 2)
}
