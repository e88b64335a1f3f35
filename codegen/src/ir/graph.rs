//! The graph of a service's types: which types an operation reaches, and so which Cargo features
//! compile each type.

use super::{Body, Operation, Service, Type, TypeDef};
use std::collections::{BTreeMap, BTreeSet};

impl Service {
    /// The names of the types `roots` refer to, directly or through other types' fields.
    pub fn reachable<'a>(&self, roots: impl IntoIterator<Item = &'a Type>) -> BTreeSet<String> {
        reachable(&self.types, roots)
    }
}

impl Operation {
    /// The types the operation names itself: its query and form fields', its body's and its
    /// responses'.
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

/// The names of the types among `types` that the types `roots` name (a body's struct, a map's
/// values), directly or through fields.
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
