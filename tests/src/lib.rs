//! Helpers for the tests of the generated crate: the spec files read as plain JSON, so that tests can
//! walk every documented constraint and example instead of listing them by hand.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the repository").to_path_buf()
}

/// One documented operation.
#[derive(Debug, Clone)]
pub struct Operation {
    pub service: String,
    pub name: String,
    pub body: Option<String>,
    pub value: Value,
}

impl Operation {
    /// `service/name`, as the generated crate's dispatcher and CLI know it.
    pub fn qualified(&self) -> String {
        format!("{}/{}", self.service, self.name)
    }

    /// The page's example requests, as (title, body).
    pub fn example_requests(&self) -> Vec<(String, Value)> {
        self.value["examples"]["requests"].as_array().into_iter().flatten().map(|e| (e["title"].as_str().unwrap_or_default().to_owned(), e["body"].clone())).collect()
    }

    /// The page's example responses, as (status, body).
    pub fn example_responses(&self) -> Vec<(u16, Value)> {
        self.value["examples"]["responses"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (u16::try_from(e["status"].as_u64().unwrap_or_default()).unwrap_or_default(), e["body"].clone()))
            .collect()
    }
}

/// Every spec file, read as JSON.
pub struct Spec {
    /// Objects and enums by service, then by name.
    pub objects: BTreeMap<String, Map<String, Value>>,
    pub enums: BTreeMap<String, Map<String, Value>>,
    pub operations: Vec<Operation>,
}

impl Spec {
    pub fn load() -> Spec {
        let mut spec = Spec { objects: BTreeMap::new(), enums: BTreeMap::new(), operations: Vec::new() };
        let mut files: Vec<PathBuf> = Vec::new();
        let mut pending = vec![root().join("spec")];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).expect("spec/ is readable") {
                let path = entry.expect("spec/ is readable").path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("spec.schema.json") && !path.to_string_lossy().ends_with(".overlay.json") {
                    files.push(path);
                }
            }
        }
        files.sort();
        for path in files {
            let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("spec file readable")).expect("spec file is JSON");
            let service = file["service"].as_str().expect("service").to_owned();
            for (key, target) in [("objects", &mut spec.objects), ("enums", &mut spec.enums)] {
                if let Some(entries) = file[key].as_object() {
                    target.entry(service.clone()).or_default().extend(entries.clone());
                }
            }
            if let Some(op) = file.get("operation") {
                spec.operations.push(Operation {
                    service: service.clone(),
                    name: op["name"].as_str().expect("operation name").to_owned(),
                    body: op["body"].as_str().map(str::to_owned),
                    value: op.clone(),
                });
            }
        }
        spec
    }

    pub fn object(&self, service: &str, name: &str) -> Option<&Value> {
        self.objects.get(service)?.get(name)
    }

    pub fn enumeration(&self, service: &str, name: &str) -> Option<&Value> {
        self.enums.get(service)?.get(name)
    }
}

/// Validates `body` as the request body of `operation` (`service/name`) through the generated dispatcher.
pub fn validate(operation: &str, body: &Value) -> Result<(), vpc_channel_models::BodyError> {
    let bytes = serde_json::to_vec(body).expect("a Value serializes");
    vpc_channel_models::validate_request_body(operation, &bytes).expect("the operation exists")
}

/// The violations as (path, rule code), empty when valid; panics on a JSON error, which a test that
/// builds bodies from the spec does not expect.
pub fn violations(operation: &str, body: &Value) -> Vec<(String, &'static str)> {
    match validate(operation, body) {
        Ok(()) => Vec::new(),
        Err(vpc_channel_models::BodyError::Invalid(errors)) => errors.violations().iter().map(|v| (v.path.clone(), v.rule.code())).collect(),
        Err(vpc_channel_models::BodyError::Json(error)) => panic!("{operation}: the body does not fit the type: {error}\n{body:#}"),
    }
}
