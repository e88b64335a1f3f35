//! The Cargo feature of each operation, and the `#[cfg(feature)]` gates that compile a type only
//! when an operation reaching it is on (lowering decided which operations reach which types).

use super::tokens::EmitBug;
use crate::ir::{Operation, Service};

/// The Cargo feature of an operation: its module's name (`r#type` is `type`), and
/// `default_operation` for an operation named `default`, the name Cargo keeps for the default
/// features.
pub fn feature(op: &Operation) -> String {
    feature_of_module(&op.module)
}

/// [`feature`] from the operation's module name.
pub fn feature_of_module(module: &str) -> String {
    match module.trim_start_matches("r#") {
        "default" => "default_operation".to_owned(),
        name => name.to_owned(),
    }
}

/// `#[cfg(feature = "a")]`, or `#[cfg(any(feature = "a", feature = "b"))]` for more than one, from
/// the operations' modules; `None` for none.
pub fn gate<'a>(modules: impl IntoIterator<Item = &'a String>) -> Option<syn::Attribute> {
    let features: Vec<String> = modules.into_iter().map(|m| feature_of_module(m)).collect();
    match features.as_slice() {
        [] => None,
        [one] => Some(syn::parse_quote! { #[cfg(feature = #one)] }),
        many => Some(syn::parse_quote! { #[cfg(any(#(feature = #many),*))] }),
    }
}

/// The gate of the type `name`: `None` when every operation reaches it, or none.
pub fn type_gate(service: &Service, name: &str) -> Option<syn::Attribute> {
    service.feature_gates.get(name).and_then(gate)
}

/// `items` (of the type `name`, in `file`) each behind the type's gate.
pub fn gate_items(
    service: &Service,
    name: &str,
    file: &str,
    mut items: Vec<syn::Item>,
) -> Result<Vec<syn::Item>, EmitBug> {
    if let Some(gate) = type_gate(service, name) {
        for item in &mut items {
            let attrs = item_attrs(item).ok_or_else(|| EmitBug {
                file: file.to_owned(),
                error: format!("an item of `{name}` takes no attributes"),
            })?;
            attrs.insert(0, gate.clone());
        }
    }
    Ok(items)
}

/// The attributes of an item the emitters make (structs, enums, impls, statics and constants).
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Static(i) => &mut i.attrs,
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Mod(i) => &mut i.attrs,
        syn::Item::Use(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        _ => return None,
    })
}
