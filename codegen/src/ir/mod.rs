//! The resolved model the emitters read: every name, type and check is decided here, so emitters
//! only print. Wire names and Rust names sit side by side.

mod checks;
mod graph;
mod rules;

pub use checks::{
    Bounds, CharClass, CharRule, Checks, ClassRegex, IntegerList, NamedClass, ASCII_LETTER,
    ASCII_LOWER, CLASSES, DIGIT, HAN, LETTER,
};
pub use graph::{feature_gates, reachable};
pub use rules::{rule_checks, Condition, FieldPath, FieldRef, Presence, Rule, RuleCheck, Step};

use std::collections::{BTreeMap, BTreeSet};

/// Everything to generate.
#[derive(Debug, Clone)]
pub struct Model {
    /// Services in name order.
    pub services: Vec<Service>,
}

/// A service (`apig`, `roma`): one module of types and one submodule per operation.
#[derive(Debug, Clone)]
pub struct Service {
    /// The module name.
    pub module: String,
    /// Spec files the module is generated from, relative to the spec directory.
    pub files: Vec<String>,
    /// Structs and enums, in spec order; a response-side form follows the type it is the form of.
    pub types: Vec<TypeDef>,
    /// Operations, in name order.
    pub operations: Vec<Operation>,
    /// The types a crate per service compiles only when some operations' features are on: for each,
    /// the operations (by module) whose parameters, body or responses reach it. The others are
    /// compiled always: those every operation reaches, those none does, and every type these refer
    /// to.
    pub feature_gates: BTreeMap<String, BTreeSet<String>>,
    /// The spec file (relative to the spec directory) that documents each type: the file of its
    /// table, and for a response-side form the file of the type it is the form of. A type's page
    /// changes only when its table moves, so the layouts place types by it.
    pub documented_on: BTreeMap<String, String>,
    /// The crate's releases, newest first (`releases.json`; none recorded: version 0.1.0).
    pub releases: Vec<crate::spec::Release>,
    /// The file the releases come from, relative to the spec directory.
    pub history_file: Option<String>,
}

impl Service {
    /// The generated crate's version: its newest release's.
    pub fn version(&self) -> &str {
        (self.releases.first()).map_or(crate::spec::FIRST_VERSION, |r| r.version.as_str())
    }
}

/// A named type.
#[derive(Debug, Clone)]
pub enum TypeDef {
    Struct(Struct),
    Enum(Enum),
}

/// An object table.
#[derive(Debug, Clone)]
pub struct Struct {
    pub name: String,
    pub docs: Vec<String>,
    pub fields: Vec<Field>,
    pub rules: Vec<Rule>,
    /// Whether the type is reachable from a request body, and so gets `validate` and a one-pass
    /// reader.
    pub validated: bool,
    /// Whether the type is reachable from a response body, and so gets the checks that report where
    /// a response departs from the page.
    pub response: bool,
}

impl Struct {
    /// Whether the type has a one-pass reader, which its `Deserialize` goes through rather than a
    /// derived impl: every table a request or a response reaches.
    pub fn reads_by_own_reader(&self) -> bool {
        self.validated || self.response
    }

    /// Whether the type is read leniently, as responses are: a type a response holds.
    pub fn reads_leniently(&self) -> bool {
        self.response
    }

    /// The struct with every field optional, for reading input that may leave any field out: a
    /// mandatory field becomes `expected`, so that its absence is still reported, and every rule's
    /// field references are optional to match.
    pub fn lenient(&self) -> Struct {
        let loosen = |f: &mut FieldRef| f.optional = true;
        let mut lenient = self.clone();
        for field in &mut lenient.fields {
            field.expected |= field.required;
            field.required = false;
        }
        for rule in &mut lenient.rules {
            match rule {
                Rule::Presence {
                    target, condition, ..
                } => {
                    target
                        .steps
                        .iter_mut()
                        .for_each(|step| loosen(&mut step.field));
                    loosen(&mut condition.field);
                }
                Rule::LessThan { field, than } => {
                    loosen(field);
                    loosen(than);
                }
                Rule::AtLeastOneOf { groups, .. } => groups.iter_mut().flatten().for_each(loosen),
            }
        }
        lenient
    }
}

impl TypeDef {
    /// The Rust name of the type.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
        }
    }
}

impl Type {
    /// The struct or enumeration the value is, or holds in arrays or as a map's values.
    pub fn named(&self) -> Option<&str> {
        match self {
            Type::Struct(name) | Type::Enum(name) => Some(name),
            Type::Vec(inner) | Type::Map(inner) => inner.named(),
            Type::String
            | Type::I32
            | Type::I64
            | Type::F64
            | Type::Bool
            | Type::JsonObject
            | Type::Any
            | Type::File => None,
        }
    }

    /// The type of one value: an array's items, a map's values, or the type itself.
    pub fn scalar(&self) -> &Type {
        match self {
            Type::Vec(inner) | Type::Map(inner) => inner,
            other => other,
        }
    }

    /// Whether the value is, or holds, a file (which only a form sends).
    pub fn holds_file(&self) -> bool {
        match self {
            Type::File => true,
            Type::Vec(inner) | Type::Map(inner) => inner.holds_file(),
            _ => false,
        }
    }

    /// Whether a form field of this type is a file part: a file or a list of files.
    pub fn is_file_part(&self) -> bool {
        match self {
            Type::File => true,
            Type::Vec(inner) => **inner == Type::File,
            _ => false,
        }
    }

    /// The smallest and largest value of an integer type.
    pub fn integer_bounds(&self) -> Option<(i64, i64)> {
        match self {
            Type::I32 => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
            Type::I64 => Some((i64::MIN, i64::MAX)),
            _ => None,
        }
    }

    /// The same type with every struct name mapped by `rename` (arrays and maps keep their shape).
    pub fn map_struct(&self, rename: &impl Fn(&str) -> Option<String>) -> Type {
        match self {
            Type::Struct(name) => Type::Struct(rename(name).unwrap_or_else(|| name.clone())),
            Type::Vec(inner) => Type::Vec(Box::new(inner.map_struct(rename))),
            Type::Map(inner) => Type::Map(Box::new(inner.map_struct(rename))),
            other => other.clone(),
        }
    }
}

/// A row of an object table.
#[derive(Debug, Clone)]
pub struct Field {
    pub wire: String,
    /// The Rust identifier, possibly raw (`r#type`).
    pub ident: String,
    pub ty: Type,
    pub required: bool,
    /// May be JSON `null` (the page documents it): a mandatory one is `Option<T>` (`None` is the
    /// null), an optional one `Option<support::Nullable<T>>`, so that absent and null differ; a
    /// null has no checks.
    pub nullable: bool,
    /// Optional in Rust, but its absence is reported: a mandatory field read leniently (a
    /// response-side form, a request table as the one-pass reader and the interpreter read it).
    pub expected: bool,
    /// Boxed to break a cycle of by-value references.
    pub boxed: bool,
    pub docs: Vec<String>,
    pub checks: Checks,
    pub default: Option<Default>,
}

/// A documented default and the names of the items that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct Default {
    pub value: Literal,
    /// The associated constant holding it (`DEFAULT_BALANCE_STRATEGY`).
    pub constant: String,
    /// The accessor applying it to an absent optional field (`balance_strategy_or_default`).
    pub getter: String,
}

/// The Rust type of a field, before `Option`/`Box` wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    String,
    I32,
    I64,
    /// A JSON number with a fraction (the pages' Float, Double, Number).
    F64,
    Bool,
    Struct(String),
    Enum(String),
    Vec(Box<Type>),
    /// A JSON object whose values are of this type, by key (`BTreeMap<String, T>`).
    Map(Box<Type>),
    /// A free-form JSON object, whose keys the page does not list (`serde_json::Map`).
    JsonObject,
    /// A JSON value of any kind, `null` included, that the page does not describe
    /// (`serde_json::Value`): checked only for being there.
    Any,
    /// A file sent as a part of a multipart/form-data request: its bytes and file name.
    File,
}

/// A documented default, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An enumeration variant: (enum, variant).
    Variant(String, String),
}

/// An enumeration.
#[derive(Debug, Clone)]
pub struct Enum {
    pub name: String,
    pub docs: Vec<String>,
    pub integer: bool,
    pub variants: Vec<Variant>,
}

/// One documented value.
#[derive(Debug, Clone)]
pub struct Variant {
    pub ident: String,
    pub value: EnumValue,
    pub aliases: Vec<EnumValue>,
    pub docs: Vec<String>,
}

/// A wire value of an enumeration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    Str(String),
    Int(i64),
}

impl EnumValue {
    /// The value as the page writes it.
    pub fn text(&self) -> String {
        match self {
            EnumValue::Str(s) => s.clone(),
            EnumValue::Int(n) => n.to_string(),
        }
    }
}

/// An operation.
#[derive(Debug, Clone)]
pub struct Operation {
    pub module: String,
    /// The spec file the operation is documented in, relative to the spec directory.
    pub spec_file: String,
    /// The name the validate CLI and the schema know it by: `service/name`.
    pub qualified_name: String,
    /// The operation's name alone, which they also accept when no other service has it.
    pub bare_name: Option<String>,
    pub docs: Vec<String>,
    pub method: String,
    pub path: String,
    /// The path template in order: literal text and the fields of the path parameters filling it
    /// in.
    pub path_pieces: Vec<PathPiece>,
    pub path_params: Vec<Param>,
    /// Query parameters: typed and checked like the fields of a table.
    pub query: Vec<Field>,
    pub headers: Vec<Param>,
    /// The fields of a multipart/form-data request body: typed and checked like a table's, files as
    /// [`Type::File`]. An operation has a form or a JSON `body`, not both.
    pub form: Vec<Field>,
    /// The type of the JSON request body: an object ([`Type::Struct`]), a map or a free-form
    /// object.
    pub body: Option<Type>,
    pub responses: Vec<Response>,
    /// The page's example requests and responses (those a person marked wrong say so): the mock
    /// server answers with them and the OpenAPI document shows them; the Rust code has none.
    pub examples: crate::spec::Examples,
}

impl Operation {
    /// Every name the operation is known by: the qualified one, then the bare one where it is
    /// unique.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.qualified_name.as_str()).chain(self.bare_name.as_deref())
    }
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPiece {
    Literal(String),
    /// A path parameter, by its Rust field.
    Param(String),
}

/// A path parameter or header.
#[derive(Debug, Clone)]
pub struct Param {
    pub wire: String,
    pub ident: String,
    pub docs: Vec<String>,
    /// Whether a request must carry it: a path parameter always, a header where the page says so
    /// (an optional one is an `Option` of `Request`, so that a page adding one is a minor change).
    pub required: bool,
}

/// A documented response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub variant: String,
    pub description: String,
    pub body: Option<Body>,
    /// The headers the page documents for this status.
    pub headers: Vec<Param>,
}

/// What a response body is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// JSON of this type: an object ([`Type::Struct`]), a map or a free-form object.
    Json(Type),
    /// A file: the bytes as they come, not JSON.
    File,
}

impl Body {
    /// Whether the `Response` variant boxes the body: an object is boxed, so that the enum is as
    /// small as its smallest variant; a map, a free-form object and a file's bytes already live on
    /// the heap.
    pub fn boxed(&self) -> bool {
        matches!(self, Body::Json(Type::Struct(_)))
    }

    /// The type of a JSON body.
    pub fn json(&self) -> Option<&Type> {
        match self {
            Body::Json(ty) => Some(ty),
            Body::File => None,
        }
    }
}
