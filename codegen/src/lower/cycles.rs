//! Cycles: a struct that holds itself by value, directly or through others, cannot be sized, so the
//! fields that close such a cycle are boxed.

use crate::ir::{self, Type};
use std::collections::{BTreeSet, HashMap};

/// Boxes by-value struct fields that lead back to their own struct, which Rust cannot size
/// otherwise.
pub fn box_cycles(types: &mut [ir::TypeDef]) {
    let edges: HashMap<String, Vec<String>> = types
        .iter()
        .filter_map(|t| match t {
            ir::TypeDef::Struct(s) => Some((
                s.name.clone(),
                s.fields
                    .iter()
                    .filter_map(|f| by_value_struct(&f.ty))
                    .collect(),
            )),
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

fn by_value_struct(ty: &Type) -> Option<String> {
    match ty {
        Type::Struct(name) => Some(name.clone()),
        _ => None,
    }
}
