//! What a message may carry, compared place by place: fields by wire name, their presence, types
//! (followed into the structs, enumerations, arrays and maps they name), checks, defaults and docs.

use super::catalogue::find;
use super::values::{self, Record};
use super::{Change, Direction};
use crate::ir::{self, Field, Type, TypeDef};
use std::collections::HashMap;

/// A service's named types, by Rust name.
pub type Types<'a> = HashMap<&'a str, &'a TypeDef>;

/// The types of a service, by name.
pub fn index(service: &ir::Service) -> Types<'_> {
    service.types.iter().map(|t| (t.name(), t)).collect()
}

/// The comparison of one operation's messages, collecting its changes.
pub struct Walk<'a> {
    pub out: &'a mut Vec<Change>,
    pub operation: &'a str,
    pub old: &'a Types<'a>,
    pub new: &'a Types<'a>,
    /// The pairs of named types being compared further up, so that a recursive type is compared
    /// once.
    stack: Vec<(String, String)>,
}

impl values::Record for Walk<'_> {
    fn push(
        &mut self,
        id: &str,
        path: &str,
        direction: Direction,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.out.push(Change::new(
            find(id),
            self.operation,
            path,
            direction,
            old,
            new,
        ));
    }
}

impl<'a> Walk<'a> {
    pub fn new(
        out: &'a mut Vec<Change>,
        operation: &'a str,
        old: &'a Types<'a>,
        new: &'a Types<'a>,
    ) -> Walk<'a> {
        Walk {
            out,
            operation,
            old,
            new,
            stack: Vec::new(),
        }
    }

    /// Two lists of fields (a table's, an operation's query parameters), matched by wire name.
    pub fn fields(&mut self, path: &str, direction: Direction, old: &[Field], new: &[Field]) {
        for before in old {
            let place = join(path, &before.wire);
            match new.iter().find(|f| f.wire == before.wire) {
                Some(after) => self.field(&place, direction, before, after),
                None => self.push(
                    "field-removed",
                    &place,
                    direction,
                    Some(type_text(&before.ty)),
                    None,
                ),
            }
        }
        for after in new.iter().filter(|f| !old.iter().any(|o| o.wire == f.wire)) {
            let id = if mandatory(after) {
                "field-added-mandatory"
            } else {
                "field-added-optional"
            };
            let place = join(path, &after.wire);
            self.push(id, &place, direction, None, Some(type_text(&after.ty)));
        }
    }

    /// One field in both versions.
    fn field(&mut self, path: &str, direction: Direction, old: &Field, new: &Field) {
        let text = |field: &Field| Some(presence_text(field));
        match (mandatory(old), mandatory(new)) {
            (false, true) => self.push(
                "field-became-mandatory",
                path,
                direction,
                text(old),
                text(new),
            ),
            (true, false) => self.push(
                "field-became-optional",
                path,
                direction,
                text(old),
                text(new),
            ),
            _ => {}
        }
        match (old.nullable, new.nullable) {
            (false, true) => self.push(
                "field-became-nullable",
                path,
                direction,
                text(old),
                text(new),
            ),
            (true, false) => self.push(
                "field-became-not-nullable",
                path,
                direction,
                text(old),
                text(new),
            ),
            _ => {}
        }
        self.ty(path, direction, &old.ty, &new.ty);
        values::checks(self, path, direction, &old.checks, &new.checks);
        values::default(
            self,
            path,
            direction,
            old.default.as_ref(),
            new.default.as_ref(),
        );
        let (before, after) = (description(&old.docs), description(&new.docs));
        if before != after {
            let text = |lines: Vec<&str>| Some(lines.join(" "));
            self.push(
                "description-changed",
                path,
                direction,
                text(before),
                text(after),
            );
        }
    }

    /// Two types at the same place: the same shape is followed further; a renamed struct or
    /// enumeration is reported and still followed, since its wire form may be the same.
    pub fn ty(&mut self, path: &str, direction: Direction, old: &Type, new: &Type) {
        match (old, new) {
            (Type::Vec(a), Type::Vec(b)) => self.ty(&format!("{path}[]"), direction, a, b),
            (Type::Map(a), Type::Map(b)) => self.ty(&format!("{path}.*"), direction, a, b),
            (Type::Struct(a), Type::Struct(b)) | (Type::Enum(a), Type::Enum(b)) => {
                if a != b {
                    self.push(
                        "type-renamed",
                        path,
                        direction,
                        Some(a.clone()),
                        Some(b.clone()),
                    );
                }
                self.named(path, direction, a, b);
            }
            (Type::I32, Type::I64) => self.type_change("type-widened", path, direction, old, new),
            (Type::Enum(_), Type::String) => {
                self.type_change("type-enum-to-string", path, direction, old, new)
            }
            (Type::String, Type::Enum(_)) => {
                self.type_change("type-string-to-enum", path, direction, old, new)
            }
            _ if old != new => self.type_change("type-changed", path, direction, old, new),
            _ => {}
        }
    }

    fn type_change(&mut self, id: &str, path: &str, direction: Direction, old: &Type, new: &Type) {
        self.push(
            id,
            path,
            direction,
            Some(type_text(old)),
            Some(type_text(new)),
        );
    }

    /// The named types `old` and `new` (a struct each or an enumeration each) at `path`.
    fn named(&mut self, path: &str, direction: Direction, old: &str, new: &str) {
        let pair = (old.to_owned(), new.to_owned());
        if self.stack.contains(&pair) {
            return;
        }
        let (Some(before), Some(after)) = (self.old.get(old), self.new.get(new)) else {
            return;
        };
        self.stack.push(pair);
        match (before, after) {
            (TypeDef::Struct(a), TypeDef::Struct(b)) => {
                self.fields(path, direction, &a.fields, &b.fields);
                values::rules(self, path, direction, &a.rules, &b.rules);
            }
            (TypeDef::Enum(a), TypeDef::Enum(b)) => values::variants(self, path, direction, a, b),
            _ => {}
        }
        self.stack.pop();
    }
}

/// Whether the page says the field must be there: a request's mandatory field, or a response
/// form's field whose absence is reported (every response field is optional in Rust).
fn mandatory(field: &Field) -> bool {
    field.required || field.expected
}

fn presence_text(field: &Field) -> String {
    let presence = if mandatory(field) {
        "mandatory"
    } else {
        "optional"
    };
    if field.nullable {
        format!("{presence}, nullable")
    } else {
        presence.to_owned()
    }
}

/// `parent.child`, or `child` at the top.
pub fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// The sentences lowering adds to a field's docs from its checks and default: the checks are
/// compared on their own, so their sentences are left out of the description.
const FACTS: &[&str] = &[
    "Range: ",
    "Length: ",
    "Items: ",
    "Characters: ",
    "Format: ",
    "May be `null`",
    "Default: ",
];

/// A field's description: its docs without the sentences made from its checks.
fn description(docs: &[String]) -> Vec<&str> {
    let mut lines: Vec<&str> = docs
        .iter()
        .map(String::as_str)
        .filter(|line| !FACTS.iter().any(|fact| line.starts_with(fact)))
        .collect();
    while lines.last().is_some_and(|line| line.is_empty()) {
        lines.pop();
    }
    lines
}

/// A type as the spec names it: `string`, `integer`, `long`, `VpcCreate`, `array of MemberInfo`.
pub fn type_text(ty: &Type) -> String {
    match ty {
        Type::String => "string".to_owned(),
        Type::I32 => "integer".to_owned(),
        Type::I64 => "long".to_owned(),
        Type::F64 => "number".to_owned(),
        Type::Bool => "boolean".to_owned(),
        Type::Struct(name) | Type::Enum(name) => name.clone(),
        Type::Vec(inner) => format!("array of {}", type_text(inner)),
        Type::Map(inner) => format!("map of {}", type_text(inner)),
        Type::JsonObject => "object".to_owned(),
        Type::Any => "any".to_owned(),
        Type::File => "file".to_owned(),
    }
}
