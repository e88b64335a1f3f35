//! Check and lower: turn the loaded spec files into the IR, deciding every name and check, and report
//! every problem found (unknown types, impossible limits, bad defaults, name collisions...) at once.

use crate::diag::{closest, Diagnostics};
use crate::ir::{self, CharClass, CharRule, Checks, EnumValue, Literal, Type};
use crate::load::{self, File};
use crate::naming;
use crate::spec;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod responses;

/// A named type of a service before lowering: where it was defined and what it is.
#[derive(Clone)]
struct Def<'a> {
    file: &'a File,
    path: String,
    rust: String,
    kind: DefKind,
}

#[derive(Clone)]
enum DefKind {
    Struct(spec::Object),
    Enum(spec::Enum),
}

/// Lowers every file into the model, or returns `None` with the problems in `diags`. Files that did not
/// parse are already reported there; names they may have defined are then not reported as unknown.
pub fn lower(files: &[File], diags: &mut Diagnostics) -> Option<ir::Model> {
    let incomplete = !diags.is_empty();
    let mut by_service: BTreeMap<&str, Vec<&File>> = BTreeMap::new();
    for file in files {
        by_service.entry(file.spec.service.as_str()).or_default().push(file);
    }
    let mut modules: HashMap<String, &File> = HashMap::new();
    let mut services = Vec::new();
    for (service, files) in by_service {
        let module = naming::module_ident(service);
        if let Some(other) = modules.insert(module.clone(), files[0]) {
            diags
                .error(&files[0].name, &files[0].spans, "service", format!("service `{service}` maps to module `{module}`, as does `{}` in {}", other.spec.service, other.name))
                .help("rename one of the services");
        }
        if !module.is_ascii() {
            let message = format!("service `{service}` becomes the module `{module}`, which lives in a file of its own and so must be ASCII");
            diags.error(&files[0].name, &files[0].spans, "service", message).help("spell the service in ASCII letters, digits and underscores");
        }
        if naming::RESERVED_MODULES.contains(&module.as_str()) {
            diags.error(&files[0].name, &files[0].spans, "service", format!("the module `{module}` is the generated crate's own")).help("rename the service");
        }
        services.push(ServiceLowering::new(files, incomplete, diags).lower(module));
    }
    // An operation is known by its bare name too, unless two services share it.
    let mut bare: HashMap<String, usize> = HashMap::new();
    for name in services.iter().flat_map(|s| &s.operations).filter_map(|op| op.bare_name.clone()) {
        *bare.entry(name).or_default() += 1;
    }
    for op in services.iter_mut().flat_map(|s| &mut s.operations) {
        if op.bare_name.as_ref().is_some_and(|name| bare[name] > 1) {
            op.bare_name = None;
        }
    }
    diags.is_empty().then_some(ir::Model { services })
}

struct ServiceLowering<'a, 'd> {
    files: Vec<&'a File>,
    /// Some spec file did not parse, so a name it may define is not reported as unknown elsewhere.
    incomplete: bool,
    defs: BTreeMap<String, Def<'a>>,
    /// Spec order of the definitions, for stable output.
    order: Vec<String>,
    diags: &'d mut Diagnostics,
}

impl<'a, 'd> ServiceLowering<'a, 'd> {
    fn new(files: Vec<&'a File>, incomplete: bool, diags: &'d mut Diagnostics) -> Self {
        let mut this = ServiceLowering { files, incomplete, defs: BTreeMap::new(), order: Vec::new(), diags };
        this.collect_defs();
        this
    }

    fn collect_defs(&mut self) {
        let mut rust_names: HashMap<String, (String, &'a File, String)> = HashMap::new();
        for &file in &self.files.clone() {
            for (section, is_enum) in [("objects", false), ("enums", true)] {
                let Some(entries) = file.json.get(section).and_then(Value::as_object) else { continue };
                for (name, value) in entries {
                    let path = format!("{section}.{name}");
                    if let Some(previous) = self.defs.get(name) {
                        let same = previous.file.json.pointer(&json_pointer(&previous.path)) == Some(value);
                        let help = if same {
                            "both definitions are identical: keep one (in common.json when several operations use it) and reference it by name"
                        } else {
                            "the definitions differ: give one of them another name"
                        };
                        let message = format!("`{name}` is defined twice in service `{}`: here and at {} in {}", file.spec.service, previous.path, previous.file.name);
                        self.diags.error(&file.name, &file.spans, &path, message).help(help);
                        continue;
                    }
                    let rust = naming::type_ident(name);
                    if naming::RESERVED_TYPE_NAMES.contains(&rust.as_str()) {
                        self.diags
                            .error(&file.name, &file.spans, &path, format!("`{name}` is the name of a type every operation module defines"))
                            .help("choose another name for this table");
                    }
                    if let Some((other, other_file, other_path)) = rust_names.get(&rust) {
                        let message = format!("`{name}` and `{other}` (at {other_path} in {}) both become the Rust type `{rust}`", other_file.name);
                        self.diags.error(&file.name, &file.spans, &path, message).help("rename one of them");
                    } else {
                        rust_names.insert(rust.clone(), (name.clone(), file, path.clone()));
                    }
                    let kind = if is_enum {
                        load::entry::<spec::Enum>(file, &path, value, self.diags).map(DefKind::Enum)
                    } else {
                        load::entry::<spec::Object>(file, &path, value, self.diags).map(DefKind::Struct)
                    };
                    if let Some(kind) = kind {
                        self.order.push(name.clone());
                        self.defs.insert(name.clone(), Def { file, path, rust, kind });
                    }
                }
            }
        }
    }

    fn lower(mut self, module: String) -> ir::Service {
        let mut operations = Vec::new();
        let mut operation_modules: HashMap<String, String> = HashMap::new();
        for &file in &self.files.clone() {
            let Some(value) = file.json.get("operation") else { continue };
            let Some(op) = load::entry::<spec::Operation>(file, "operation", value, self.diags) else { continue };
            let op = self.lower_operation(file, op);
            if let Some((_, what)) = naming::SERVICE_MODULE_ITEMS.iter().find(|(name, _)| *name == op.module) {
                let message = format!("operation `{}` becomes the module `{}`, which is the name of {what}", op.bare_name.as_deref().unwrap_or_default(), op.module);
                self.diags.error(&file.name, &file.spans, "operation.name", message).help("rename the operation");
            }
            if let Some(other) = operation_modules.insert(op.module.clone(), file.name.clone()) {
                self.diags.error(&file.name, &file.spans, "operation.name", format!("operation module `{}` is also made from {other}", op.module));
            }
            operations.push(op);
        }
        operations.sort_by(|a, b| a.module.cmp(&b.module));
        let roots: Vec<String> = operations.iter().filter_map(|op| op.body.clone()).collect();
        let validated = self.reachable(&roots);
        let mut types = Vec::new();
        for name in self.order.clone() {
            let def = self.defs[&name].clone();
            let lowered = match &def.kind {
                DefKind::Struct(object) => ir::TypeDef::Struct(self.lower_struct(&def, object, validated.contains(&name))),
                DefKind::Enum(spec_enum) => ir::TypeDef::Enum(self.lower_enum(&def, spec_enum)),
            };
            types.push(lowered);
        }
        for collision in responses::read_leniently(&mut types, &mut operations) {
            let Some(spec_name) = self.spec_name_of(&collision.original) else { continue };
            let def = &self.defs[&spec_name];
            let message = format!("`{spec_name}` is read in responses and in requests, so it gets a response-side form `{}`, a name the service already has", collision.form);
            self.diags.error(&def.file.name, &def.file.spans, &def.path, message).help("rename the other type");
        }
        self.check_shape_names(&types);
        self.box_cycles(&mut types);
        ir::Service { module, files: self.files.iter().map(|f| f.name.clone()).collect(), types, operations }
    }

    /// Names of the objects reachable from `roots` through fields.
    fn reachable(&self, roots: &[String]) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut pending: Vec<String> = roots.iter().filter_map(|rust| self.spec_name_of(rust)).collect();
        while let Some(name) = pending.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if let Some(Def { kind: DefKind::Struct(object), .. }) = self.defs.get(&name) {
                for field in &object.fields {
                    for key in ["type", "items"] {
                        if let Some(target) = field.get(key).and_then(Value::as_str) {
                            if self.defs.contains_key(target) {
                                pending.push(target.to_owned());
                            }
                        }
                    }
                }
            }
        }
        seen
    }

    fn spec_name_of(&self, rust: &str) -> Option<String> {
        self.defs.iter().find(|(_, def)| def.rust == rust).map(|(name, _)| name.clone())
    }

    fn lower_type(&mut self, file: &File, path: &str, ty: &str, items: Option<&str>) -> Option<Type> {
        let ty = match ty {
            "string" => Type::String,
            "integer" => Type::I32,
            "long" => Type::I64,
            "boolean" => Type::Bool,
            "array" => {
                let Some(items) = items else {
                    self.diags.error(&file.name, &file.spans, path, "an array needs `items`: the element type");
                    return None;
                };
                let items_path = match path.strip_suffix(".type") {
                    Some(field) => format!("{field}.items"),
                    None => format!("{path}.items"),
                };
                if items == "array" {
                    self.diags.error(&file.name, &file.spans, &items_path, "arrays of arrays are not supported");
                    return None;
                }
                return self.lower_type(file, &items_path, items, None).map(|t| Type::Vec(Box::new(t)));
            }
            name => match self.defs.get(name) {
                Some(Def { kind: DefKind::Struct(_), rust, .. }) => Type::Struct(rust.clone()),
                Some(Def { kind: DefKind::Enum(_), rust, .. }) => Type::Enum(rust.clone()),
                None if self.incomplete => return None,
                None => {
                    let known = ["string", "integer", "long", "boolean", "array"].into_iter().chain(self.defs.keys().map(String::as_str));
                    let suggestion = closest(name, known).map(str::to_owned);
                    let diag = self.diags.error(&file.name, &file.spans, path, format!("unknown type `{name}`"));
                    match suggestion {
                        Some(s) => diag.help(format!("did you mean `{s}`?")),
                        None => diag.help("use string, integer, long, boolean, array, or an object or enumeration of this service"),
                    }
                    return None;
                }
            },
        };
        if items.is_some() {
            self.diags.error(&file.name, &file.spans, path, "`items` is only for arrays");
        }
        Some(ty)
    }

    fn lower_struct(&mut self, def: &Def<'_>, object: &spec::Object, validated: bool) -> ir::Struct {
        let file = def.file;
        let mut fields: Vec<ir::Field> = Vec::new();
        let mut wires: HashMap<String, String> = HashMap::new();
        let mut idents: HashMap<String, String> = HashMap::new();
        for (i, value) in object.fields.iter().enumerate() {
            let path = format!("{}.fields[{i}]", def.path);
            let Some(field) = load::entry::<spec::Field>(file, &path, value, self.diags) else { continue };
            if let Some(first) = wires.insert(field.name.clone(), path.clone()) {
                self.diags.error(&file.name, &file.spans, &format!("{path}.name"), format!("duplicate field `{}`: already defined at {first}", field.name));
                continue;
            }
            let ident = naming::field_ident(&field.name);
            if let Some(other) = idents.insert(ident.clone(), field.name.clone()) {
                let message = format!("fields `{other}` and `{}` both become the Rust field `{ident}`", field.name);
                self.diags.error(&file.name, &file.spans, &format!("{path}.name"), message).help("wire names that differ only in case or punctuation need distinct names: rename one");
                continue;
            }
            if let Some(lowered) = self.lower_field(file, &path, field, ident) {
                fields.push(lowered);
            }
        }
        let mut constants: HashMap<&str, &str> = HashMap::new();
        for field in &fields {
            let Some(default) = &field.default else { continue };
            if let Some(other) = constants.insert(&default.constant, &field.wire) {
                let at = object.fields.iter().position(|f| f.get("name").and_then(Value::as_str) == Some(&field.wire)).unwrap_or_default();
                let message = format!("the defaults of `{other}` and `{}` both become the constant `{}`", field.wire, default.constant);
                self.diags.error(&file.name, &file.spans, &format!("{}.fields[{at}].default", def.path), message).help("rename one of the fields");
            }
        }
        let mut rules = Vec::new();
        let (mut checked, mut unchecked) = (Vec::new(), Vec::new());
        for (i, value) in object.rules.iter().enumerate() {
            let path = format!("{}.rules[{i}]", def.path);
            let Some(rule) = load::entry::<spec::Rule>(file, &path, value, self.diags) else { continue };
            let source = format!("- {}", rule.source());
            if !rule.checked() {
                if rule.decision().is_none() {
                    self.diags.error(&file.name, &file.spans, &format!("{path}.checked"), "a rule that is not checked needs a `decision` saying why").help("say why the request cannot decide the rule");
                }
                // The rule's fields are still resolved, so that a misspelled one is reported.
                let _ = self.lower_rule(file, &path, object, &fields, rule.clone());
                let decision = rule.decision().map(|d| format!(" Decision: {d}")).unwrap_or_default();
                unchecked.push(format!("{source}{decision}"));
                continue;
            }
            checked.push(source);
            if let Some(rule) = self.lower_rule(file, &path, object, &fields, rule) {
                rules.push(rule);
            }
        }
        let mut docs = object.description.clone();
        if docs.is_empty() {
            docs.push(format!("The `{}` table.", def.path.trim_start_matches("objects.")));
        }
        let checked_heading = if validated { "Rules checked by `validate`:" } else { "Documented rules:" };
        for (heading, lines) in [(checked_heading, checked), ("Documented rules that are not checked:", unchecked)] {
            if !lines.is_empty() {
                docs.push(String::new());
                docs.push(heading.to_owned());
                docs.extend(lines);
            }
        }
        ir::Struct { name: def.rust.clone(), docs, fields, rules, validated, response: false, shape: naming::shape_static(&def.rust) }
    }

    fn lower_field(&mut self, file: &File, path: &str, field: spec::Field, ident: String) -> Option<ir::Field> {
        let ty = self.lower_type(file, &format!("{path}.type"), &field.ty, field.items.as_deref())?;
        let scalar = match &ty {
            Type::Vec(inner) => inner.as_ref(),
            other => other,
        };
        let mut checks = Checks::default();
        let integer = matches!(ty, Type::I32 | Type::I64);
        let string = ty == Type::String;
        let mut misplaced = |key: &str, present: bool, fits: bool, help: &str| {
            if present && !fits {
                self.diags.error(&file.name, &file.spans, &format!("{path}.{key}"), format!("`{key}` does not apply to a field of type `{}`", field.ty)).help(help.to_owned());
            }
        };
        misplaced("minimum", field.minimum.is_some(), integer, "string lengths are `min_length`/`max_length`; array sizes are `min_items`/`max_items`");
        misplaced("maximum", field.maximum.is_some(), integer, "string lengths are `min_length`/`max_length`; array sizes are `min_items`/`max_items`");
        misplaced("min_length", field.min_length.is_some(), string, "integer bounds are `minimum`/`maximum`");
        misplaced("max_length", field.max_length.is_some(), string, "integer bounds are `minimum`/`maximum`");
        misplaced("min_items", field.min_items.is_some(), matches!(ty, Type::Vec(_)), "only arrays have `min_items`");
        misplaced("max_items", field.max_items.is_some(), matches!(ty, Type::Vec(_)), "only arrays have `max_items`");
        misplaced("chars", field.chars.is_some(), string, "character rules apply to strings");
        misplaced("format", field.format.is_some(), string, "formats apply to strings");
        if integer && (field.minimum.is_some() || field.maximum.is_some()) {
            self.check_order(file, path, "minimum", field.minimum, field.maximum);
            let bits = ty.integer_bounds().unwrap_or((i64::MIN, i64::MAX));
            for (key, bound) in [("minimum", field.minimum), ("maximum", field.maximum)] {
                if bound.is_some_and(|b| b < bits.0 || b > bits.1) {
                    self.diags.error(&file.name, &file.spans, &format!("{path}.{key}"), format!("{key} does not fit a `{}`", field.ty)).help("an `integer` is 32-bit; use `long` for larger values");
                }
            }
            checks.range = Some((field.minimum, field.maximum));
        }
        if string && (field.min_length.is_some() || field.max_length.is_some()) {
            self.check_order(file, path, "min_length", field.min_length.map(|n| n as i64), field.max_length.map(|n| n as i64));
            checks.length = Some((field.min_length, field.max_length));
        }
        if field.min_items.is_some() || field.max_items.is_some() {
            self.check_order(file, path, "min_items", field.min_items.map(|n| n as i64), field.max_items.map(|n| n as i64));
            checks.items = Some((field.min_items, field.max_items));
        }
        if let Some(chars) = &field.chars {
            checks.chars = self.lower_chars(file, &format!("{path}.chars"), chars);
        }
        if let Some(spec::Format::IntegerList { minimum, maximum }) = field.format {
            self.check_order(file, &format!("{path}.format.integer_list"), "minimum", Some(minimum), Some(maximum));
            checks.integer_list = Some((minimum, maximum));
        }
        let default = field.default.as_ref().and_then(|value| self.lower_default(file, &format!("{path}.default"), value, scalar, &checks, &ty)).map(|value| ir::Default {
            value,
            constant: naming::default_const(&ident),
            getter: naming::default_getter(&ident),
        });
        let docs = field_docs(&field, &checks);
        Some(ir::Field { wire: field.name, ident, ty, required: field.required, expected: false, boxed: false, docs, checks, default })
    }

    fn check_order(&mut self, file: &File, path: &str, key: &str, min: Option<i64>, max: Option<i64>) {
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                let max_key = key.replace("min", "max");
                self.diags.error(&file.name, &file.spans, &format!("{path}.{key}"), format!("{key} {min} is above {max_key} {max}")).help("swap them, or check the page");
            }
        }
    }

    fn lower_chars(&mut self, file: &File, path: &str, chars: &spec::Chars) -> Option<CharRule> {
        let mut classes = |key: &str, names: &[String]| -> Vec<CharClass> {
            let mut out = Vec::new();
            for (i, name) in names.iter().enumerate() {
                out.push(match name.as_str() {
                    "letter" => CharClass::Letter,
                    "ascii_letter" => CharClass::AsciiLetter,
                    "ascii_lower" => CharClass::AsciiLower,
                    "han" => CharClass::Han,
                    "digit" => CharClass::Digit,
                    "" => {
                        self.diags.error(&file.name, &file.spans, &format!("{path}.{key}[{i}]"), "empty character class");
                        continue;
                    }
                    literal if literal.chars().any(char::is_alphanumeric) => {
                        let diag = self.diags.error(&file.name, &file.spans, &format!("{path}.{key}[{i}]"), format!("unknown character class `{literal}`"));
                        match closest(literal, ["letter", "ascii_letter", "ascii_lower", "han", "digit"]) {
                            Some(s) => diag.help(format!("did you mean `{s}`? Literal characters must be punctuation")),
                            None => diag.help("classes are letter, ascii_letter, ascii_lower, han and digit; other entries list literal punctuation"),
                        }
                        continue;
                    }
                    literal => CharClass::Literal(literal.chars().collect()),
                });
            }
            out
        };
        let rule = CharRule {
            first: classes("first", &chars.first),
            allowed: classes("allowed", &chars.allowed),
            last: classes("last", &chars.last),
            text: String::new(),
        };
        if rule.allowed.is_empty() && rule.first.is_empty() && rule.last.is_empty() {
            self.diags.error(&file.name, &file.spans, path, "a character rule needs `allowed`, `first` or `last`");
            return None;
        }
        let text = describe_chars(&rule);
        Some(CharRule { text, ..rule })
    }

    fn lower_default(&mut self, file: &File, path: &str, value: &Value, scalar: &Type, checks: &Checks, ty: &Type) -> Option<Literal> {
        match self.default_literal(value, scalar, checks, ty) {
            Ok(literal) => Some(literal),
            Err(message) => {
                self.diags.error(&file.name, &file.spans, path, message);
                None
            }
        }
    }

    /// `value` as a literal of the field's type, or why it is not one (wrong type, outside the range or
    /// length, not among the enumeration values).
    fn default_literal(&self, value: &Value, scalar: &Type, checks: &Checks, ty: &Type) -> Result<Literal, String> {
        if matches!(ty, Type::Vec(_)) {
            return Err("defaults of arrays are not supported".to_owned());
        }
        let literal = match (scalar, value) {
            (Type::String, Value::String(s)) => Literal::Str(s.clone()),
            (Type::I32 | Type::I64, Value::Number(n)) if n.as_i64().is_some() => Literal::Int(n.as_i64().unwrap_or_default()),
            (Type::Bool, Value::Bool(b)) => Literal::Bool(*b),
            (Type::Enum(name), value) => {
                let spec_name = self.spec_name_of(name).ok_or_else(|| format!("unknown enumeration `{name}`"))?;
                let Some(Def { kind: DefKind::Enum(e), .. }) = self.defs.get(&spec_name) else {
                    return Err(format!("unknown enumeration `{name}`"));
                };
                let matching = e.values.iter().find(|v| v.value == *value || v.aliases.contains(value));
                match matching {
                    Some(v) => Literal::Variant(name.clone(), enum_variant_ident(v)),
                    None => {
                        let listed: Vec<String> = e.values.iter().map(|v| v.value.to_string()).collect();
                        return Err(format!("{value} is not among the enumeration values of `{spec_name}` ({})", listed.join(", ")));
                    }
                }
            }
            (Type::Struct(_), _) => return Err("defaults of objects are not supported".to_owned()),
            (_, value) => return Err(format!("{value} is not a value of this field's type")),
        };
        match &literal {
            Literal::Int(n) => {
                if let Some((min, max)) = checks.range {
                    if min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m) {
                        return Err(format!("default {n} is outside the range {}", range_text(min, max, "")));
                    }
                }
                if scalar.integer_bounds().is_some_and(|(low, high)| *n < low || *n > high) {
                    return Err(format!("default {n} does not fit an `integer` (32-bit)"));
                }
            }
            Literal::Str(s) => {
                let len = s.chars().count() as u64;
                if let Some((min, max)) = checks.length {
                    if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                        return Err(format!("default {s:?} is {len} characters long, outside {}", range_text(min.map(|m| m as i64), max.map(|m| m as i64), " characters")));
                    }
                }
            }
            _ => {}
        }
        Ok(literal)
    }

    fn lower_enum(&mut self, def: &Def<'_>, spec_enum: &spec::Enum) -> ir::Enum {
        let file = def.file;
        let integer = match spec_enum.ty.as_str() {
            "integer" | "long" => true,
            "string" => false,
            other => {
                self.diags.error(&file.name, &file.spans, &format!("{}.type", def.path), format!("an enumeration is `string` or `integer`, not `{other}`"));
                false
            }
        };
        let mut variants = Vec::new();
        let mut seen_values: HashMap<String, String> = HashMap::new();
        let mut seen_idents: HashMap<String, String> = HashMap::new();
        if spec_enum.values.is_empty() {
            self.diags.error(&file.name, &file.spans, &format!("{}.values", def.path), "an enumeration needs at least one value");
        }
        for (i, value) in spec_enum.values.iter().enumerate() {
            let path = format!("{}.values[{i}]", def.path);
            let mut wire_values = Vec::new();
            for (j, raw) in std::iter::once(&value.value).chain(&value.aliases).enumerate() {
                let at = if j == 0 { format!("{path}.value") } else { format!("{path}.aliases[{}]", j - 1) };
                let lowered = match (integer, raw) {
                    (true, Value::Number(n)) if n.as_i64().is_some() => EnumValue::Int(n.as_i64().unwrap_or_default()),
                    (false, Value::String(s)) => EnumValue::Str(s.clone()),
                    _ => {
                        self.diags.error(&file.name, &file.spans, &at, format!("{raw} is not a{} value", if integer { "n integer" } else { " string" }));
                        continue;
                    }
                };
                if let Some(first) = seen_values.insert(raw.to_string(), at.clone()) {
                    self.diags.error(&file.name, &file.spans, &at, format!("duplicate enumeration value {raw}: already at {first}"));
                }
                wire_values.push(lowered);
            }
            let ident = enum_variant_ident(value);
            if ident == naming::UNKNOWN_VARIANT {
                self.diags.error(&file.name, &file.spans, &path, format!("variant name `{ident}` is the catch-all every enumeration gets")).help("set `name` to another variant name");
            } else if let Some(other) = seen_idents.insert(ident.clone(), path.clone()) {
                self.diags.error(&file.name, &file.spans, &path, format!("this value and the one at {other} both become the variant `{ident}`")).help("set `name` on one of them");
            }
            if wire_values.is_empty() {
                continue;
            }
            let value_wire = wire_values.remove(0);
            let mut docs: Vec<String> = value.meaning.iter().cloned().collect();
            docs.push(format!("Wire value: `{}`.", value_wire.text()));
            for alias in &wire_values {
                docs.push(format!("Also accepted as `{}`.", alias.text()));
            }
            variants.push(ir::Variant { ident, value: value_wire, aliases: wire_values, docs });
        }
        let mut docs = spec_enum.description.clone();
        if docs.is_empty() {
            docs.push(format!("The `{}` enumeration.", def.path.trim_start_matches("enums.")));
        }
        if let Some(decision) = &spec_enum.decision {
            docs.push(String::new());
            docs.push(format!("Decision: {decision}"));
        }
        ir::Enum { name: def.rust.clone(), docs, integer, variants }
    }

    fn field_ref(&mut self, file: &File, path: &str, object: &spec::Object, fields: &[ir::Field], name: &str) -> Option<(ir::FieldRef, Type)> {
        match fields.iter().find(|f| f.wire == name) {
            Some(field) => Some((ir::FieldRef { ident: field.ident.clone(), wire: field.wire.clone(), optional: !field.required }, field.ty.clone())),
            None => {
                let known: Vec<&str> = object.fields.iter().filter_map(|f| f.get("name").and_then(Value::as_str)).collect();
                let exists = known.contains(&name);
                let diag = self.diags.error(&file.name, &file.spans, path, format!("the rule names field `{name}`, which this object does not have"));
                if exists {
                    diag.help("that field has problems of its own, reported separately");
                } else if let Some(s) = closest(name, known) {
                    diag.help(format!("did you mean `{s}`?"));
                }
                None
            }
        }
    }

    /// Resolves `members[].host` from `object` to a chain of field steps through nested objects.
    fn field_path(&mut self, file: &File, path: &str, object: &spec::Object, fields: &[ir::Field], text: &str) -> Option<ir::FieldPath> {
        let mut steps = Vec::new();
        let mut current_object = object.clone();
        let mut current_fields: Vec<ir::Field> = fields.to_vec();
        let segments: Vec<&str> = text.split('.').collect();
        for (i, segment) in segments.iter().enumerate() {
            let (name, array) = match segment.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (*segment, false),
            };
            let (field, ty) = self.field_ref(file, path, &current_object, &current_fields, name)?;
            let element = match (&ty, array) {
                (Type::Vec(inner), true) => inner.as_ref().clone(),
                (Type::Vec(_), false) if i + 1 < segments.len() => {
                    self.diags.error(&file.name, &file.spans, path, format!("`{name}` is an array: write `{name}[]` to reach into its items"));
                    return None;
                }
                (_, true) => {
                    self.diags.error(&file.name, &file.spans, path, format!("`{name}` is not an array"));
                    return None;
                }
                (other, false) => other.clone(),
            };
            steps.push(ir::Step { field, array });
            if i + 1 < segments.len() {
                let Type::Struct(rust) = element else {
                    self.diags.error(&file.name, &file.spans, path, format!("`{name}` is not an object, so the path cannot go past it"));
                    return None;
                };
                let spec_name = self.spec_name_of(&rust)?;
                let Some(Def { kind: DefKind::Struct(next), file: next_file, path: next_path, .. }) = self.defs.get(&spec_name) else { return None };
                let (next, next_file, next_path) = (next.clone(), *next_file, next_path.clone());
                // The nested object's fields, lowered quietly: its own problems are reported at its definition.
                let mut quiet = Diagnostics::default();
                let mut nested = ServiceLowering { files: self.files.clone(), incomplete: self.incomplete, defs: BTreeMap::new(), order: Vec::new(), diags: &mut quiet };
                std::mem::swap(&mut nested.defs, &mut self.defs);
                let lowered: Vec<ir::Field> = next
                    .fields
                    .iter()
                    .enumerate()
                    .filter_map(|(j, v)| {
                        let field: spec::Field = serde_json::from_value(v.clone()).ok()?;
                        let ident = naming::field_ident(&field.name);
                        nested.lower_field(next_file, &format!("{next_path}.fields[{j}]"), field, ident)
                    })
                    .collect();
                std::mem::swap(&mut nested.defs, &mut self.defs);
                current_object = next;
                current_fields = lowered;
            }
        }
        Some(ir::FieldPath { steps })
    }

    fn lower_condition(&mut self, file: &File, path: &str, object: &spec::Object, fields: &[ir::Field], when: &spec::Condition) -> Option<ir::Condition> {
        let (field, ty) = self.field_ref(file, &format!("{path}.when.field"), object, fields, &when.field)?;
        let checks = Checks::default();
        let mut values = Vec::new();
        for (i, value) in when.values.iter().enumerate() {
            let at = format!("{path}.when.in[{i}]");
            values.extend(self.lower_default(file, &at, value, &ty, &checks, &ty));
        }
        if when.values.is_empty() {
            self.diags.error(&file.name, &file.spans, &format!("{path}.when.in"), "a condition needs at least one value");
        }
        let default = fields.iter().find(|f| f.wire == when.field).and_then(|f| f.default.as_ref()).map(|d| d.value.clone());
        let absent_holds = default.is_some_and(|d| values.contains(&d));
        let shown: Vec<String> = when.values.iter().map(|v| v.to_string().trim_matches('"').to_owned()).collect();
        let text = format!("{} is {}", when.field, shown.join(" or "));
        Some(ir::Condition { field, values, absent_holds, text })
    }

    fn lower_rule(&mut self, file: &File, path: &str, object: &spec::Object, fields: &[ir::Field], rule: spec::Rule) -> Option<ir::Rule> {
        match rule {
            spec::Rule::RequiredIf { field, when, .. } => {
                let target = self.field_path(file, &format!("{path}.field"), object, fields, &field);
                let condition = self.lower_condition(file, path, object, fields, &when);
                Some(ir::Rule::Presence { target: target?, condition: condition?, required: true })
            }
            spec::Rule::ForbiddenUnless { field, when, .. } => {
                let target = self.field_path(file, &format!("{path}.field"), object, fields, &field);
                let condition = self.lower_condition(file, path, object, fields, &when);
                Some(ir::Rule::Presence { target: target?, condition: condition?, required: false })
            }
            spec::Rule::LessThan { field, than, .. } => {
                let a = self.field_ref(file, &format!("{path}.field"), object, fields, &field);
                let b = self.field_ref(file, &format!("{path}.than"), object, fields, &than);
                let ((a, a_ty), (b, b_ty)) = (a?, b?);
                for (key, ty) in [("field", a_ty), ("than", b_ty)] {
                    if !matches!(ty, Type::I32 | Type::I64) {
                        self.diags.error(&file.name, &file.spans, &format!("{path}.{key}"), "`less_than` compares integer fields");
                        return None;
                    }
                }
                Some(ir::Rule::LessThan { field: a, than: b })
            }
            spec::Rule::AtLeastOneOf { groups, .. } => {
                let mut lowered = Vec::new();
                for (i, group) in groups.iter().enumerate() {
                    let mut refs = Vec::new();
                    for (j, name) in group.iter().enumerate() {
                        refs.push(self.field_ref(file, &format!("{path}.groups[{i}][{j}]"), object, fields, name)?.0);
                    }
                    lowered.push(refs);
                }
                if lowered.iter().any(Vec::is_empty) || lowered.is_empty() {
                    self.diags.error(&file.name, &file.spans, &format!("{path}.groups"), "every group needs at least one field");
                    return None;
                }
                let text = groups.iter().map(|g| g.join(" and ")).collect::<Vec<_>>().join("; or ");
                Some(ir::Rule::AtLeastOneOf { groups: lowered, text })
            }
        }
    }

    fn lower_operation(&mut self, file: &File, op: spec::Operation) -> ir::Operation {
        let module = naming::module_ident(&op.name);
        if !module.is_ascii() {
            self.diags.error(&file.name, &file.spans, "operation.name", format!("operation `{}` becomes a module in a file of its own, whose name must be ASCII", op.name));
        } else if naming::unraw(&naming::field_ident(&op.name)).trim_end_matches('_') != op.name.trim_end_matches('_') {
            self.diags.error(&file.name, &file.spans, "operation.name", format!("operation names are snake_case starting with a letter; `{}` would become `{module}`", op.name));
        }
        if !balanced_template(&op.path) {
            self.diags.error(&file.name, &file.spans, "operation.path", "unbalanced `{` or `}` in the path template").help("each parameter is written `{name}`");
        }
        let method = op.method.to_uppercase();
        if !spec::HTTP_METHODS.contains(&method.as_str()) {
            self.diags.error(&file.name, &file.spans, "operation.method", format!("unknown HTTP method `{}`", op.method));
        }
        let path_params = self.lower_params(file, "operation.path_params", &op.path_params, &[]);
        let headers = self.lower_params(file, "operation.headers", &op.headers, &path_params);
        let template_params: Vec<&str> = op.path.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
        for name in &template_params {
            if !path_params.iter().any(|p| p.wire == *name) {
                self.diags.error(&file.name, &file.spans, "operation.path", format!("the path uses `{{{name}}}`, which is not among path_params"));
            }
        }
        for (i, param) in path_params.iter().enumerate() {
            if !template_params.contains(&param.wire.as_str()) {
                self.diags.error(&file.name, &file.spans, &format!("operation.path_params[{i}]"), format!("path parameter `{}` does not appear in the path", param.wire));
            }
        }
        let body = op.body.as_deref().and_then(|name| self.struct_ref(file, "operation.body", name));
        let mut responses = Vec::new();
        let mut statuses: HashMap<u16, usize> = HashMap::new();
        let mut variants: HashMap<String, usize> = HashMap::new();
        for (i, response) in op.responses.iter().enumerate() {
            let path = format!("operation.responses[{i}]");
            if let Some(first) = statuses.insert(response.status, i) {
                self.diags.error(&file.name, &file.spans, &format!("{path}.status"), format!("status {} is documented twice (also at responses[{first}])", response.status));
            }
            let variant = naming::response_variant(&response.description, response.status);
            if variant == "Other" {
                self.diags.error(&file.name, &file.spans, &format!("{path}.description"), "`Other` is the variant for undocumented statuses");
            } else if let Some(first) = variants.insert(variant.clone(), i) {
                self.diags.error(&file.name, &file.spans, &format!("{path}.description"), format!("responses[{first}] and this one both become the variant `{variant}`"));
            }
            let body = response.body.as_deref().and_then(|name| self.struct_ref(file, &format!("{path}.body"), name));
            responses.push(ir::Response { status: response.status, variant, description: response.description.clone(), body });
        }
        responses.sort_by_key(|r| r.status);
        let mut docs = vec![op.summary.clone(), String::new()];
        docs.extend(op.description.iter().cloned());
        docs.push(String::new());
        docs.push(format!("`{method} {}`", op.path));
        ir::Operation { module, qualified_name: format!("{}/{}", file.spec.service, op.name), bare_name: Some(op.name), docs, method, path: op.path, path_params, headers, body, responses }
    }

    fn struct_ref(&mut self, file: &File, path: &str, name: &str) -> Option<String> {
        match self.defs.get(name) {
            Some(Def { kind: DefKind::Struct(_), rust, .. }) => Some(rust.clone()),
            Some(_) => {
                self.diags.error(&file.name, &file.spans, path, format!("`{name}` is an enumeration; a body is an object"));
                None
            }
            None if self.incomplete => None,
            None => {
                let suggestion = closest(name, self.defs.keys().map(String::as_str)).map(str::to_owned);
                let diag = self.diags.error(&file.name, &file.spans, path, format!("unknown object `{name}`"));
                if let Some(s) = suggestion {
                    diag.help(format!("did you mean `{s}`?"));
                }
                None
            }
        }
    }

    /// Lowers path parameters or headers, which become fields of the operation's `Request` beside `taken`
    /// (the path parameters, when lowering headers) and the body.
    fn lower_params(&mut self, file: &File, path: &str, params: &[Value], taken: &[ir::Param]) -> Vec<ir::Param> {
        let mut out: Vec<ir::Param> = Vec::new();
        for (i, value) in params.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Some(field) = load::entry::<spec::Field>(file, &at, value, self.diags) else { continue };
            if field.ty != "string" {
                self.diags.error(&file.name, &file.spans, &format!("{at}.type"), "path parameters and headers are strings");
            }
            let ident = naming::field_ident(&field.name);
            if ["body", "path"].contains(&ident.as_str()) {
                self.diags.error(&file.name, &file.spans, &format!("{at}.name"), format!("`{}` becomes the Rust field `{ident}`, which the request already has", field.name));
                continue;
            }
            if let Some(other) = taken.iter().chain(&out).find(|p| p.ident == ident) {
                let message = format!("`{}` becomes the Rust field `{ident}` of the request, as does `{}`", field.name, other.wire);
                self.diags.error(&file.name, &file.spans, &format!("{at}.name"), message).help("a path parameter and a header, or two headers, need names that differ beyond case and punctuation");
                continue;
            }
            let docs = if field.description.is_empty() { vec![format!("`{}`.", field.name)] } else { field.description.clone() };
            out.push(ir::Param { wire: field.name.clone(), ident, docs });
        }
        out
    }

    /// Reports two types whose field-list statics (`SHAPE_...`) would have the same name.
    fn check_shape_names(&mut self, types: &[ir::TypeDef]) {
        let mut shapes: HashMap<&str, &str> = HashMap::new();
        for s in types.iter().filter_map(|t| if let ir::TypeDef::Struct(s) = t { Some(s) } else { None }) {
            // Two types of one name are reported as such, not again through their statics.
            let Some(other) = shapes.insert(&s.shape, &s.name).filter(|other| *other != s.name) else { continue };
            let Some(def) = self.spec_name_of(&s.name).and_then(|name| self.defs.get(&name)) else { continue };
            let message = format!("`{}` and `{other}` both name the static `{}` that lists their fields", s.name, s.shape);
            self.diags.error(&def.file.name, &def.file.spans, &def.path, message).help("rename one of the types");
        }
    }

    /// Boxes by-value struct fields that lead back to their own struct, which Rust cannot size otherwise.
    fn box_cycles(&self, types: &mut [ir::TypeDef]) {
        let edges: HashMap<String, Vec<String>> = types
            .iter()
            .filter_map(|t| match t {
                ir::TypeDef::Struct(s) => Some((s.name.clone(), s.fields.iter().filter_map(|f| by_value_struct(&f.ty)).collect())),
                ir::TypeDef::Enum(_) => None,
            })
            .collect();
        let reaches = |from: &str, to: &str| {
            let mut seen = BTreeSet::new();
            let mut pending = vec![from.to_owned()];
            while let Some(current) = pending.pop() {
                if current == to {
                    return true;
                }
                if seen.insert(current.clone()) {
                    pending.extend(edges.get(&current).into_iter().flatten().cloned());
                }
            }
            false
        };
        for t in types.iter_mut() {
            if let ir::TypeDef::Struct(s) = t {
                let name = s.name.clone();
                for field in &mut s.fields {
                    if let Some(target) = by_value_struct(&field.ty) {
                        field.boxed = reaches(&target, &name);
                    }
                }
            }
        }
    }
}

/// Whether every `{` of a path template is closed by a `}` before the next `{`.
fn balanced_template(path: &str) -> bool {
    let mut open = false;
    for c in path.chars() {
        match (c, open) {
            ('{', false) => open = true,
            ('}', true) => open = false,
            ('{', true) | ('}', false) => return false,
            _ => {}
        }
    }
    !open
}

fn by_value_struct(ty: &Type) -> Option<String> {
    match ty {
        Type::Struct(name) => Some(name.clone()),
        _ => None,
    }
}

fn json_pointer(path: &str) -> String {
    path.split('.').map(|segment| format!("/{}", segment.replace('~', "~0").replace('/', "~1"))).collect()
}

fn enum_variant_ident(value: &spec::EnumValue) -> String {
    match &value.name {
        Some(name) => naming::type_ident(name),
        None => naming::variant_ident(value.meaning.as_deref(), value.value.as_str().map_or_else(|| value.value.to_string(), str::to_owned).as_str()),
    }
}

fn range_text(min: Option<i64>, max: Option<i64>, unit: &str) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{min} to {max}{unit}"),
        (Some(min), None) => format!("at least {min}{unit}"),
        (None, Some(max)) => format!("at most {max}{unit}"),
        (None, None) => "unbounded".to_owned(),
    }
}

/// The character rule in words, for messages and docs: "must start with a letter; may contain only
/// letters, digits, `-`, `_` and `.`".
fn describe_chars(rule: &CharRule) -> String {
    let list = |classes: &[CharClass], plural: bool, last_word: &str| -> String {
        let mut names: Vec<String> = Vec::new();
        for class in classes {
            match class {
                CharClass::Letter => names.push(if plural { "letters" } else { "a letter" }.to_owned()),
                CharClass::AsciiLetter => names.push(if plural { "English letters" } else { "an English letter" }.to_owned()),
                CharClass::AsciiLower => names.push(if plural { "lowercase letters a-z" } else { "a lowercase letter a-z" }.to_owned()),
                CharClass::Han => names.push(if plural { "Chinese characters" } else { "a Chinese character" }.to_owned()),
                CharClass::Digit => names.push(if plural { "digits" } else { "a digit" }.to_owned()),
                CharClass::Literal(chars) => names.extend(chars.iter().map(|c| format!("`{c}`"))),
            }
        }
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {last_word} {last}", rest.join(", ")),
            Some((last, _)) => last.clone(),
            None => String::new(),
        }
    };
    let mut parts = Vec::new();
    if !rule.first.is_empty() {
        parts.push(format!("must start with {}", list(&rule.first, false, "or")));
    }
    if !rule.last.is_empty() {
        parts.push(format!("must end with {}", list(&rule.last, false, "or")));
    }
    if !rule.allowed.is_empty() {
        parts.push(format!("may contain only {}", list(&rule.allowed, true, "and")));
    }
    parts.join("; ")
}

/// The field's doc comment: the page's description, then the limits and decisions as sentences.
fn field_docs(field: &spec::Field, checks: &Checks) -> Vec<String> {
    let mut docs = field.description.clone();
    if docs.is_empty() {
        docs.push(format!("`{}`.", field.name));
    }
    let mut facts = Vec::new();
    if let Some((min, max)) = checks.range {
        facts.push(format!("Range: {}.", range_text(min, max, "")));
    }
    if let Some((min, max)) = checks.length {
        facts.push(format!("Length: {}.", range_text(min.map(|m| m as i64), max.map(|m| m as i64), " characters")));
    }
    if let Some((min, max)) = checks.items {
        facts.push(format!("Items: {}.", range_text(min.map(|m| m as i64), max.map(|m| m as i64), "")));
    }
    if let Some(chars) = &checks.chars {
        facts.push(format!("Characters: {}.", chars.text));
    }
    if let Some((min, max)) = checks.integer_list {
        facts.push(format!("Format: comma-separated integers and ranges within {min}-{max}."));
    }
    if let Some(default) = &field.default {
        facts.push(format!("Default: `{default}`."));
    }
    for note in &field.notes {
        facts.push(format!("Note: {note}"));
    }
    if let Some(decision) = &field.decision {
        facts.push(format!("Decision: {decision}"));
    }
    if !facts.is_empty() && !docs.is_empty() {
        docs.push(String::new());
    }
    docs.extend(facts);
    docs
}
