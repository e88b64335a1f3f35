//! The interpreter: checks a request body, as JSON, against a lowered service, finding the
//! violations the generated `check_body` would report for it (the same paths, codes, limits,
//! messages and order), without generated code. The importer uses it to check a page's example
//! requests against the tables it has just imported, when there is no generated crate yet.
//!
//! It reads the IR the emitters read: the request types' lenient forms (`Struct::lenient`: every
//! field optional, a mandatory one's absence reported, as the one-pass `check_body` reads them),
//! their fields' checks, and the rules as [`ir::rule_checks`] groups them. A body is read in three
//! steps, as the generated crate reads it: the JSON must fit the types (the strict reading; where
//! the generated crate stops at the first misfit, the interpreter reports each as a `type`
//! violation and checks the rest), then `validate` (`objects`, `rules`), then the fields the tables
//! do not document (`unknown`).

mod objects;
mod params;
mod rules;
mod unknown;
mod values;
mod violation;

#[cfg(test)]
mod tests;

pub use violation::{Checked, Rule, Violation};

use crate::ir::{self, Enum, Operation, Service, Struct};
use serde_json::Value;
use std::collections::HashMap;

/// A service's request types, by name, ready to check bodies: each read leniently (every field
/// optional, a mandatory one's absence reported), as the generated one-pass reader reads them.
#[derive(Debug)]
pub struct Interpreter<'a> {
    structs: HashMap<&'a str, Struct>,
    enums: HashMap<&'a str, &'a Enum>,
}

impl<'a> Interpreter<'a> {
    pub fn new(service: &'a Service) -> Interpreter<'a> {
        let structs = service
            .types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Struct(s) if s.validated => Some((s.name.as_str(), s.lenient())),
                _ => None,
            })
            .collect();
        let enums = service
            .types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Enum(e) => Some((e.name.as_str(), e)),
                ir::TypeDef::Struct(_) => None,
            })
            .collect();
        Interpreter { structs, enums }
    }

    /// Every violation of `body` as the request body of `operation`, in the generated
    /// `check_body`'s order (with the `type` misfits where the generated crate would stop); `None`
    /// when the operation has no request body.
    pub fn check_body(&self, operation: &Operation, body: &Value) -> Option<Vec<Violation>> {
        // The body is read as a value of its type at the root, with no checks of its own; the
        // fields the tables do not document come after every other violation, as the generated
        // check reports them.
        let ty = operation.body.as_ref()?;
        let mut out = Vec::new();
        self.check_value(&objects::unchecked(ty), ty, body, Place::At(""), &mut out);
        self.unknown_in(ty, body, Place::At(""), &mut out);
        Some(out)
    }

    fn structure(&self, name: &str) -> Option<&Struct> {
        self.structs.get(name)
    }

    fn enumeration(&self, name: &str) -> Option<&'a Enum> {
        self.enums.get(name).copied()
    }
}

/// Checks `body` as the request body of `operation` of `service`: [`Interpreter::check_body`].
pub fn check_body(
    service: &Service,
    operation: &Operation,
    body: &Value,
) -> Option<Vec<Violation>> {
    Interpreter::new(service).check_body(operation, body)
}

/// Where a value is in the body, as violations show it (`members[3].weight`): made into text only
/// when a violation names it, so that checking a valid body builds no path.
#[derive(Clone, Copy)]
enum Place<'a> {
    At(&'a str),
    Field(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl<'a> Place<'a> {
    /// Field `wire` of the object here.
    fn field(&'a self, wire: &'a str) -> Place<'a> {
        Place::Field(self, wire)
    }

    /// Item `index` of the array here.
    fn index(&'a self, index: usize) -> Place<'a> {
        Place::Index(self, index)
    }

    fn text(&self) -> String {
        match self {
            Place::At(path) => (*path).to_owned(),
            Place::Field(object, wire) => {
                let mut text = object.text();
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(wire);
                text
            }
            Place::Index(array, index) => format!("{}[{index}]", array.text()),
        }
    }
}
