//! From a diagnostic's JSON path to the smallest unit of its spec file that the repair can resolve
//! or leave out: a key of a field whose absence only widens it, an element of a list (a field, a
//! parameter, a rule, an enumeration value, a response, an example), a body, a named type, or, where
//! the path leads to none of these, the whole operation.

use serde_json::Value;

/// One step of a JSON path: a key of an object or an index of a list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// What the repair does about one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A key of a field or parameter whose absence only widens what it accepts (a default, a
    /// limit), or that is prose: left out.
    Key { entry: Vec<Step>, key: String },
    /// An element of a list: left out.
    Element { list: Vec<Step>, index: usize },
    /// The path template names parameters no table lists: added as string path parameters.
    PathParams,
    /// A request or response body whose type does not lower: a free-form object, else left out.
    Body { at: Vec<Step> },
    /// The `Response` variant of the response at this index: named after its status.
    Variant { response: usize },
    /// A named type: renamed where the problem is the type itself (`at_type`: its name collides),
    /// else left out.
    Def {
        section: String,
        name: String,
        at_type: bool,
    },
    /// The whole operation: the last resort.
    Operation,
}

/// Whether leaving the key `key` out of a field or parameter only widens what it accepts, or only
/// drops prose or a key the format does not have: every key but those that say what the field is
/// (`name`, `type`, `items`). (A key whose presence allowed more would narrow it; the format has
/// none.)
fn widens(key: &str) -> bool {
    !["name", "type", "items"].contains(&key)
}

/// The operation's lists of fields.
const PARAM_LISTS: &[&str] = &["path_params", "query_params", "headers", "form_params"];

/// The steps of `path` (`objects.VpcCreate.fields[2].default`) in `file`, whose definitions' names
/// are read whole (a name is whatever key of `objects` or `enums` the path starts with).
pub fn steps(path: &str, file: &Value) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rest = path;
    for section in ["objects", "enums"] {
        let Some(after) = rest.strip_prefix(section).and_then(|r| r.strip_prefix('.')) else {
            continue;
        };
        let names = file.get(section).and_then(Value::as_object);
        let name = names
            .into_iter()
            .flat_map(|names| names.keys())
            .filter(|name| {
                after.strip_prefix(name.as_str()).is_some_and(|tail| {
                    tail.is_empty() || tail.starts_with('.') || tail.starts_with('[')
                })
            })
            .max_by_key(|name| name.len());
        let name = name.map_or_else(
            || {
                after
                    .split(['.', '['])
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            },
            String::clone,
        );
        rest = after[name.len()..].trim_start_matches('.');
        steps.push(Step::Key(section.to_owned()));
        steps.push(Step::Key(name));
        break;
    }
    for piece in rest.split('.').filter(|p| !p.is_empty()) {
        let mut parts = piece.split('[');
        if let Some(key) = parts.next().filter(|k| !k.is_empty()) {
            steps.push(Step::Key(key.to_owned()));
        }
        for index in parts {
            let index = index.trim_end_matches(']').parse().unwrap_or(usize::MAX);
            steps.push(Step::Index(index));
        }
    }
    steps
}

/// The unit a problem at `steps` is resolved in.
pub fn unit(steps: &[Step]) -> Unit {
    let key = |at: usize| match steps.get(at) {
        Some(Step::Key(key)) => Some(key.as_str()),
        _ => None,
    };
    let index = |at: usize| match steps.get(at) {
        Some(Step::Index(index)) => Some(*index),
        _ => None,
    };
    match (key(0), key(1)) {
        (Some(section @ ("objects" | "enums")), Some(name)) => {
            def_unit(steps, section, name, key(2), index(3))
        }
        (Some("operation"), Some("path")) if steps.len() == 2 => Unit::PathParams,
        (Some("operation"), Some("body")) => Unit::Body {
            at: steps[..2].to_vec(),
        },
        (Some("operation"), Some(list)) if PARAM_LISTS.contains(&list) && index(2).is_some() => {
            entry_unit(steps, 3)
        }
        (Some("operation"), Some("responses")) => match (index(2), key(3)) {
            (Some(_), Some("body")) => Unit::Body {
                at: steps[..4].to_vec(),
            },
            (Some(_), Some("headers")) if index(4).is_some() => entry_unit(steps, 5),
            (Some(response), Some("name" | "description")) if steps.len() == 4 => {
                Unit::Variant { response }
            }
            (Some(_), _) => element(steps, 3),
            (None, _) => Unit::Operation,
        },
        (Some("operation"), Some("examples")) if index(3).is_some() => element(steps, 4),
        _ => Unit::Operation,
    }
}

/// The unit of a problem inside the definition `section.name`: a field's key or the field, a rule,
/// an enumeration value, else the definition.
fn def_unit(
    steps: &[Step],
    section: &str,
    name: &str,
    list: Option<&str>,
    index: Option<usize>,
) -> Unit {
    match (section, list, index) {
        ("objects", Some("fields"), Some(_)) => entry_unit(steps, 4),
        ("objects", Some("rules"), Some(_)) | ("enums", Some("values"), Some(_)) => {
            element(steps, 4)
        }
        _ => Unit::Def {
            section: section.to_owned(),
            name: name.to_owned(),
            at_type: steps.len() == 2,
        },
    }
}

/// The unit of a problem in the field or parameter of the first `len` steps: the key after them
/// where leaving it out widens the entry, else the entry.
fn entry_unit(steps: &[Step], len: usize) -> Unit {
    match steps.get(len) {
        Some(Step::Key(key)) if widens(key) => Unit::Key {
            entry: steps[..len].to_vec(),
            key: key.clone(),
        },
        _ => element(steps, len),
    }
}

/// The element of the first `len` steps, whose last is its index in its list.
fn element(steps: &[Step], len: usize) -> Unit {
    match steps.get(len - 1) {
        Some(Step::Index(index)) => Unit::Element {
            list: steps[..len - 1].to_vec(),
            index: *index,
        },
        _ => Unit::Operation,
    }
}

/// The JSON pointer of `steps` (`/objects/VpcCreate/fields/2`).
pub fn pointer(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|step| match step {
            Step::Key(key) => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
            Step::Index(index) => format!("/{index}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn unit_of(path: &str) -> Unit {
        let file = json!({ "objects": { "Vpc": {}, "Vpc.Create": {} }, "enums": { "Kind": {} } });
        unit(&steps(path, &file))
    }

    fn at(steps: &[&str]) -> Vec<Step> {
        steps
            .iter()
            .map(|s| match s.parse() {
                Ok(index) => Step::Index(index),
                Err(_) => Step::Key((*s).to_owned()),
            })
            .collect()
    }

    #[test]
    fn a_default_or_limit_is_left_out_before_its_field() {
        assert_eq!(
            unit_of("objects.Vpc.fields[18].default"),
            Unit::Key {
                entry: at(&["objects", "Vpc", "fields", "18"]),
                key: "default".to_owned()
            }
        );
        assert_eq!(
            unit_of("operation.query_params[1].maximum"),
            Unit::Key {
                entry: at(&["operation", "query_params", "1"]),
                key: "maximum".to_owned()
            }
        );
    }

    #[test]
    fn a_key_the_format_does_not_have_is_left_out_before_its_field() {
        assert_eq!(
            unit_of("objects.Vpc.fields[1].maxmum"),
            Unit::Key {
                entry: at(&["objects", "Vpc", "fields", "1"]),
                key: "maxmum".to_owned()
            }
        );
    }

    #[test]
    fn a_field_whose_name_or_type_fails_is_left_out_whole() {
        for path in ["objects.Vpc.fields[21].name", "objects.Vpc.fields[2].items"] {
            let Unit::Element { list, .. } = unit_of(path) else {
                panic!("{path}");
            };
            assert_eq!(list, at(&["objects", "Vpc", "fields"]));
        }
        assert_eq!(
            unit_of("objects.Vpc.Create.rules[0].when.field"),
            Unit::Element {
                list: at(&["objects", "Vpc.Create", "rules"]),
                index: 0
            }
        );
        assert_eq!(
            unit_of("enums.Kind.values[3].value"),
            Unit::Element {
                list: at(&["enums", "Kind", "values"]),
                index: 3
            }
        );
    }

    #[test]
    fn the_operation_s_own_entries() {
        assert_eq!(unit_of("operation.path"), Unit::PathParams);
        assert_eq!(
            unit_of("operation.responses[1].body"),
            Unit::Body {
                at: at(&["operation", "responses", "1", "body"])
            }
        );
        assert_eq!(
            unit_of("operation.responses[1].description"),
            Unit::Variant { response: 1 }
        );
        assert_eq!(unit_of("operation.name"), Unit::Operation);
        assert_eq!(unit_of(""), Unit::Operation);
    }

    #[test]
    fn a_problem_of_a_type_itself_names_the_type() {
        assert_eq!(
            unit_of("objects.Vpc"),
            Unit::Def {
                section: "objects".to_owned(),
                name: "Vpc".to_owned(),
                at_type: true
            }
        );
        assert!(matches!(
            unit_of("enums.Kind.type"),
            Unit::Def { at_type: false, .. }
        ));
    }

    #[test]
    fn a_pointer_escapes_its_keys() {
        assert_eq!(
            pointer(&at(&["objects", "a/b", "fields", "2"])),
            "/objects/a~1b/fields/2"
        );
    }
}
