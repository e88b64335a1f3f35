//! Responses are read leniently: every field of every type reached from a response body is optional
//! there, because the response tables have no Mandatory column and a newer service may leave any
//! field out.
//!
//! A type reached only from responses is made lenient in place. A type reached from both sides
//! keeps its strict form for requests and, when leniency changes it (it has a mandatory field, or
//! holds a type that has one), gets a response-side form beside it (`MicroserviceLabel` and
//! `MicroserviceLabelInResponse`); response types then hold the response-side forms. Absent
//! mandatory fields of a response-side form are still reported, as departures from the page.

use crate::ir::{self, Struct, TypeDef};
use crate::naming;
use std::collections::{BTreeMap, BTreeSet};

/// A response-side form whose name another type of the service already has.
pub struct Collision {
    /// The type the form is made from.
    pub original: String,
    /// The form's name.
    pub form: String,
}

/// What making the responses lenient added.
pub struct Leniency {
    /// The response-side forms, by the name of the type each is made from.
    pub forms: BTreeMap<String, String>,
    /// The forms whose names another type already has.
    pub collisions: Vec<Collision>,
}

/// Makes every type reached from a response lenient, adding response-side forms where a type is
/// shared with requests, and points the operations' responses at them.
pub fn read_leniently(
    types: &mut Vec<TypeDef>,
    operations: &mut [ir::Operation],
    request: &BTreeSet<String>,
) -> Leniency {
    let response = ir::reachable(
        types,
        operations
            .iter()
            .flat_map(|op| &op.responses)
            .filter_map(|r| r.body.as_ref()?.json()),
    );
    let forms: BTreeMap<String, String> = needing_forms(types, request, &response)
        .into_iter()
        .map(|name| {
            let form = naming::response_form(&name);
            (name, form)
        })
        .collect();
    let rename = |name: &str| forms.get(name).cloned();
    let mut collisions = Vec::new();
    let mut out = Vec::with_capacity(types.len() + forms.len());
    for t in types.drain(..) {
        let TypeDef::Struct(s) = t else {
            out.push(t);
            continue;
        };
        if !response.contains(&s.name) {
            out.push(TypeDef::Struct(s));
        } else if let Some(form) = forms.get(&s.name) {
            // Responses hold the form from here on; the type itself is read only in requests.
            let lenient = response_form(&s, form, &rename);
            out.push(TypeDef::Struct(s));
            out.push(TypeDef::Struct(lenient));
        } else if request.contains(&s.name) {
            // Shared, and leniency changes nothing: every field is already optional, and so is
            // every field of the types it holds.
            out.push(TypeDef::Struct(Struct {
                response: true,
                ..s
            }));
        } else {
            out.push(TypeDef::Struct(read_in_responses(&s, &rename)));
        }
    }
    for (original, form) in &forms {
        if out.iter().filter(|t| t.name() == form).count() > 1 {
            collisions.push(Collision {
                original: original.clone(),
                form: form.clone(),
            });
        }
    }
    *types = out;
    for response in operations.iter_mut().flat_map(|op| &mut op.responses) {
        if let Some(ir::Body::Json(ty)) = &mut response.body {
            *ty = ty.map_struct(&rename);
        }
    }
    Leniency { forms, collisions }
}

/// The shared types that leniency changes: those with a mandatory field, and those holding such a
/// type.
fn needing_forms(
    types: &[TypeDef],
    request: &BTreeSet<String>,
    response: &BTreeSet<String>,
) -> BTreeSet<String> {
    let shared: Vec<&Struct> = types
        .iter()
        .filter_map(|t| match t {
            TypeDef::Struct(s) if request.contains(&s.name) && response.contains(&s.name) => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    let mut needing: BTreeSet<String> = shared
        .iter()
        .filter(|s| s.fields.iter().any(|f| f.required))
        .map(|s| s.name.clone())
        .collect();
    loop {
        let more: Vec<String> = shared
            .iter()
            .filter(|s| {
                !needing.contains(&s.name)
                    && s.fields
                        .iter()
                        .any(|f| f.ty.named().is_some_and(|n| needing.contains(n)))
            })
            .map(|s| s.name.clone())
            .collect();
        if more.is_empty() {
            return needing;
        }
        needing.extend(more);
    }
}

fn response_form(s: &Struct, form: &str, rename: &impl Fn(&str) -> Option<String>) -> Struct {
    let mut lenient = read_in_responses(s, rename);
    lenient.name = form.to_owned();
    lenient.validated = false;
    lenient.docs.push(String::new());
    lenient.docs.push(format!(
        "The form of [`{}`] that responses are read into: every field is optional, and a missing field that requests must send is reported by `Response::parse_with_departures`.",
        s.name
    ));
    lenient
}

/// The struct as responses read it: lenient, and holding the response-side forms of the types it
/// holds.
fn read_in_responses(s: &Struct, rename: &impl Fn(&str) -> Option<String>) -> Struct {
    let mut lenient = s.lenient();
    for field in &mut lenient.fields {
        field.ty = field.ty.map_struct(rename);
    }
    lenient.response = true;
    lenient
}
