//! The resolved model the emitters read: every name, type and check is decided here, so emitters only
//! print. Wire names and Rust names sit side by side.

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
    /// The types a crate per service compiles only when some operations' features are on: for each, the
    /// operations (by module) whose parameters, body or responses reach it. The others are compiled
    /// always: those every operation reaches, those none does, and every type these refer to.
    pub feature_gates: BTreeMap<String, BTreeSet<String>>,
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
    /// Whether the type is reachable from a request body, and so gets `validate` and a one-pass reader.
    pub validated: bool,
    /// Whether the type is reachable from a response body, and so gets the checks that report where a
    /// response departs from the page.
    pub response: bool,
    /// The static listing the documented fields (`SHAPE_VPC_CREATE`), for undocumented-field reports.
    pub shape: String,
}

impl Struct {
    /// The struct with every field optional, for reading input that may leave any field out: a
    /// mandatory field becomes `expected`, so that its absence is still reported, and every rule's field
    /// references are optional to match.
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

impl Service {
    /// The names of the types `roots` refer to, directly or through other types' fields.
    pub fn reachable<'a>(&self, roots: impl IntoIterator<Item = &'a Type>) -> BTreeSet<String> {
        reachable(&self.types, roots)
    }
}

impl Operation {
    /// The types the operation names itself: its query and form fields', its body's and its responses'.
    pub fn roots(&self) -> impl Iterator<Item = &Type> {
        let fields = self.query.iter().chain(&self.form).map(|f| &f.ty);
        let responses = self
            .responses
            .iter()
            .filter_map(|r| r.body.as_ref().and_then(Body::json));
        fields.chain(self.body.as_ref()).chain(responses)
    }
}

/// The types only some operations reach, with those operations (see [`Service::feature_gates`]).
pub fn feature_gates(
    types: &[TypeDef],
    operations: &[Operation],
) -> BTreeMap<String, BTreeSet<String>> {
    let index = field_types(types);
    let mut reached: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for op in operations {
        for name in closure(&index, op.roots().filter_map(Type::named)) {
            reached
                .entry(name.to_owned())
                .or_default()
                .insert(op.module.clone());
        }
    }
    let by_all_or_none = index.keys().copied().filter(|name| {
        reached
            .get(*name)
            .is_none_or(|ops| ops.len() == operations.len())
    });
    for name in closure(&index, by_all_or_none) {
        reached.remove(name);
    }
    reached
}

/// The names of the types among `types` that the types `roots` name (a body's struct, a map's values),
/// directly or through fields.
pub fn reachable<'a>(
    types: &[TypeDef],
    roots: impl IntoIterator<Item = &'a Type>,
) -> BTreeSet<String> {
    let index = field_types(types);
    let roots: Vec<&str> = roots.into_iter().filter_map(Type::named).collect();
    closure(&index, roots.into_iter())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Each type's name, with the names of the types its fields hold.
fn field_types(types: &[TypeDef]) -> BTreeMap<&str, Vec<&str>> {
    types
        .iter()
        .map(|t| match t {
            TypeDef::Struct(s) => (
                s.name.as_str(),
                s.fields.iter().filter_map(|f| f.ty.named()).collect(),
            ),
            TypeDef::Enum(e) => (e.name.as_str(), Vec::new()),
        })
        .collect()
}

/// `roots` and every type they reach through `index`.
fn closure<'a>(
    index: &BTreeMap<&'a str, Vec<&'a str>>,
    roots: impl Iterator<Item = &'a str>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut pending: Vec<&str> = roots.collect();
    while let Some(name) = pending.pop() {
        if seen.insert(name) {
            pending.extend(index.get(name).into_iter().flatten());
        }
    }
    seen
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
    /// Optional in Rust, but its absence is reported: a mandatory field read leniently (a response-side
    /// form, a request table as the one-pass reader and the interpreter read it).
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

/// The per-value checks of a field.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// An integer's documented minimum and maximum.
    pub range: Option<Bounds<i64>>,
    /// A string's length in characters.
    pub length: Option<Bounds<u64>>,
    /// An array's number of items.
    pub items: Option<Bounds<u64>>,
    pub chars: Option<CharRule>,
    /// A comma-separated list of integers and ranges, each within these bounds.
    pub integer_list: Option<IntegerList>,
}

/// Inclusive bounds, either of which may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

/// The bounds of each integer of an integer list (`200,201,210-299` within 100 to 599).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntegerList {
    pub minimum: i64,
    pub maximum: i64,
}

impl IntegerList {
    /// The format in words, for messages.
    pub fn text(&self) -> String {
        format!(
            "a comma-separated list of integers and ranges (such as 200,201,210-299) within {}-{}",
            self.minimum, self.maximum
        )
    }
}

/// A character rule compiled to character classes.
#[derive(Debug, Clone, PartialEq)]
pub struct CharRule {
    pub first: Vec<CharClass>,
    pub allowed: Vec<CharClass>,
    pub last: Vec<CharClass>,
    /// The rule in words, for messages.
    pub text: String,
}

/// A class of characters a rule allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharClass {
    /// Any alphabetic character, in any script.
    Letter,
    AsciiLetter,
    AsciiLower,
    /// Chinese characters: the CJK ideographs, [`HAN_RANGES`].
    Han,
    Digit,
    Literal(Vec<char>),
}

impl CharClass {
    /// Whether the class holds `c`: what the predicate the emitter prints for it tests (`emit/validate.rs`),
    /// for the interpreter, whose differential test holds the two equal.
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_alphabetic(),
            CharClass::AsciiLetter => c.is_ascii_alphabetic(),
            CharClass::AsciiLower => c.is_ascii_lowercase(),
            CharClass::Han => HAN_RANGES
                .iter()
                .any(|&(low, high)| (low..=high).contains(&c)),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Literal(chars) => chars.contains(&c),
        }
    }
}

/// The characters of the `han` class: the CJK Unified Ideographs and all their extensions, the
/// Compatibility Ideographs, and the ideographic iteration mark and zero (々, 〇). Both the validators and
/// the JSON Schema emitter are made from this one table.
pub const HAN_RANGES: &[(char, char)] = &[
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FAFF}'),
    ('\u{20000}', '\u{2FA1F}'),
    ('\u{30000}', '\u{323AF}'),
];

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

/// A cross-field or conditional rule, resolved to field paths.
#[derive(Debug, Clone)]
pub enum Rule {
    /// The target must be present (`required`) or absent (`!required`) when the condition holds / does not.
    Presence {
        target: FieldPath,
        condition: Condition,
        required: bool,
    },
    LessThan {
        field: FieldRef,
        than: FieldRef,
    },
    AtLeastOneOf {
        groups: Vec<Vec<FieldRef>>,
        text: String,
    },
}

/// One check of an object's rules, in the order `validate` makes them.
#[derive(Debug, Clone)]
pub enum RuleCheck<'a> {
    /// Whether each of `finals`, fields of the object `target` leads to, is present, while `condition` holds
    /// (`required`) or does not.
    Presence {
        target: &'a FieldPath,
        finals: Vec<&'a FieldRef>,
        condition: &'a Condition,
        required: bool,
    },
    LessThan {
        field: &'a FieldRef,
        than: &'a FieldRef,
    },
    AtLeastOneOf {
        groups: &'a [Vec<FieldRef>],
        text: &'a str,
    },
}

/// The checks of `rules`, in order: consecutive presence rules with one condition over fields of the same
/// place (`members[].ecs_id` and `members[].ecs_name` when `member_type` is ecs) share one test of the
/// condition and one walk of the arrays, so that their violations come item by item. The emitter prints
/// these and the interpreter follows them, so both report in the same order.
pub fn rule_checks(rules: &[Rule]) -> Vec<RuleCheck<'_>> {
    let mut out = Vec::new();
    let mut rest = rules;
    while let Some((first, after)) = rest.split_first() {
        let (target, condition, required) = match first {
            Rule::Presence {
                target,
                condition,
                required,
            } => (target, condition, *required),
            Rule::LessThan { field, than } => {
                out.push(RuleCheck::LessThan { field, than });
                rest = after;
                continue;
            }
            Rule::AtLeastOneOf { groups, text } => {
                out.push(RuleCheck::AtLeastOneOf { groups, text });
                rest = after;
                continue;
            }
        };
        let shared = after
            .iter()
            .take_while(|rule| matches!(rule, Rule::Presence { target: t, condition: c, required: r } if *r == required && c.text == condition.text && same_place(t, target)))
            .count();
        let finals = std::iter::once(first)
            .chain(&after[..shared])
            .filter_map(|rule| match rule {
                Rule::Presence { target, .. } => target.steps.last().map(|step| &step.field),
                _ => None,
            })
            .collect();
        out.push(RuleCheck::Presence {
            target,
            finals,
            condition,
            required,
        });
        rest = &after[shared..];
    }
    out
}

/// Whether two paths lead to fields of the same object: the same steps but for the last.
fn same_place(a: &FieldPath, b: &FieldPath) -> bool {
    let steps = |p: &FieldPath| {
        p.steps[..p.steps.len().saturating_sub(1)]
            .iter()
            .map(|s| (s.field.wire.clone(), s.array))
            .collect::<Vec<_>>()
    };
    a.steps.len() == b.steps.len() && steps(a) == steps(b)
}

/// A field of the object a rule belongs to.
#[derive(Debug, Clone)]
pub struct FieldRef {
    pub ident: String,
    pub wire: String,
    pub optional: bool,
    /// Its position in its table, which the one-pass reader reports a nested object's fields by.
    pub position: usize,
}

/// A path from an object to a field nested in objects and arrays (`members[].host`).
#[derive(Debug, Clone)]
pub struct FieldPath {
    pub steps: Vec<Step>,
}

/// One step of a field path.
#[derive(Debug, Clone)]
pub struct Step {
    pub field: FieldRef,
    pub array: bool,
}

/// `field` has one of `values`; an absent field counts as its documented default.
#[derive(Debug, Clone)]
pub struct Condition {
    pub field: FieldRef,
    pub values: Vec<Literal>,
    /// Whether the condition holds when the field is absent (its default is among `values`).
    pub absent_holds: bool,
    /// The condition in words, e.g. `type is 3`.
    pub text: String,
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
    /// The path template in order: literal text and the fields of the path parameters filling it in.
    pub path_pieces: Vec<PathPiece>,
    pub path_params: Vec<Param>,
    /// Query parameters: typed and checked like the fields of a table.
    pub query: Vec<Field>,
    pub headers: Vec<Param>,
    /// The fields of a multipart/form-data request body: typed and checked like a table's, files as
    /// [`Type::File`]. An operation has a form or a JSON `body`, not both.
    pub form: Vec<Field>,
    /// The type of the JSON request body: an object ([`Type::Struct`]), a map or a free-form object.
    pub body: Option<Type>,
    pub responses: Vec<Response>,
}

impl Operation {
    /// Every name the operation is known by: the qualified one, then the bare one where it is unique.
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
    /// Whether the `Response` variant boxes the body: an object is boxed, so that the enum is as small as
    /// its smallest variant; a map, a free-form object and a file's bytes already live on the heap.
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
