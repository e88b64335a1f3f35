//! Emits borrowed views of the request types (`apig::view::VpcCreate<'a>`): the same fields, with strings
//! borrowed from the input where the JSON has no escapes, and the same `validate`. Checking a request body
//! through its view applies every rule without building the owned model's Strings.

use super::{doc_line, docs, ident, rust_type_in, validate};
use crate::ir::{Field, Literal, Rule, Service, Struct, Type};
use std::collections::BTreeSet;
use crate::naming;
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit_views(service: &Service) -> TokenStream {
    let views: Vec<TokenStream> = service.views.iter().map(emit_view).collect();
    if views.is_empty() {
        return quote! {};
    }
    // The views name the service's enumerations (in fields and in rules' conditions) as the owned types
    // do; import exactly those, so that no import goes unused.
    let enums: BTreeSet<&str> = service
        .views
        .iter()
        .flat_map(|s| s.fields.iter().filter_map(|f| enum_of(&f.ty)).chain(s.rules.iter().filter_map(condition_enum)))
        .collect();
    let imports = if enums.is_empty() {
        quote! {}
    } else {
        let enums = enums.into_iter().map(ident);
        quote! { use super::{#(#enums),*}; }
    };
    quote! {
        /// Borrowed views of the request types, for checking a body without building the owned model:
        /// strings borrow from the input where the JSON has no escapes. Each has the same `validate` as
        /// the type of the same name in the parent module.
        pub mod view {
            use super::support;
            #imports
            #(#views)*
        }
    }
}

fn enum_of(ty: &Type) -> Option<&str> {
    match ty {
        Type::Enum(name) => Some(name),
        Type::Vec(inner) | Type::Map(inner) => enum_of(inner),
        _ => None,
    }
}

fn condition_enum(rule: &Rule) -> Option<&str> {
    match rule {
        Rule::Presence { condition, .. } => condition.values.iter().find_map(|v| match v {
            Literal::Variant(e, _) => Some(e.as_str()),
            _ => None,
        }),
        Rule::LessThan { .. } | Rule::AtLeastOneOf { .. } => None,
    }
}

/// Whether a value of this type borrows from the input (a map's keys do).
fn borrows(ty: &Type) -> bool {
    match ty {
        Type::String | Type::Struct(_) | Type::Map(_) => true,
        Type::Vec(inner) => borrows(inner),
        // A free-form object is read as the owned `serde_json::Map` it is in the owned model: the page
        // says nothing about its contents, so nothing in it is checked that borrowing would speed up.
        Type::I32 | Type::I64 | Type::F64 | Type::Bool | Type::Enum(_) | Type::JsonObject | Type::File => false,
    }
}

/// Where a view's type is written: how it names the views and the enumerations, and the lifetime of
/// what it borrows.
pub(crate) struct ViewScope {
    pub views: TokenStream,
    pub enums: TokenStream,
    pub lifetime: TokenStream,
}

impl ViewScope {
    /// Inside the `view` module, which imports the enumerations it uses.
    fn inside() -> ViewScope {
        ViewScope { views: TokenStream::new(), enums: TokenStream::new(), lifetime: quote! { 'a } }
    }
}

/// The view's type of a value.
pub(crate) fn view_type_in(ty: &Type, scope: &ViewScope) -> TokenStream {
    let lifetime = &scope.lifetime;
    match ty {
        Type::String => quote! { support::Str<#lifetime> },
        Type::Struct(name) => {
            let (views, name) = (&scope.views, ident(name));
            quote! { #views #name<#lifetime> }
        }
        Type::Vec(inner) => {
            let inner = view_type_in(inner, scope);
            quote! { ::std::vec::Vec<#inner> }
        }
        Type::Map(inner) => {
            let inner = view_type_in(inner, scope);
            quote! { ::std::collections::BTreeMap<support::Str<#lifetime>, #inner> }
        }
        Type::Enum(_) | Type::I32 | Type::I64 | Type::F64 | Type::Bool | Type::JsonObject | Type::File => rust_type_in(ty, &scope.enums),
    }
}

fn view_type(ty: &Type) -> TokenStream {
    view_type_in(ty, &ViewScope::inside())
}

fn emit_view_field(field: &Field) -> TokenStream {
    let name = ident(&field.ident);
    let mut ty = view_type(&field.ty);
    if field.boxed {
        ty = quote! { ::std::boxed::Box<#ty> };
    }
    if !field.required {
        ty = quote! { ::std::option::Option<#ty> };
    }
    let wire = &field.wire;
    let rename = if naming::unraw(&field.ident) == field.wire { quote! {} } else { quote! { #[serde(rename = #wire)] } };
    let optional = if field.required { quote! {} } else { quote! { #[serde(default)] } };
    let borrow = if borrows(&field.ty) { quote! { #[serde(borrow)] } } else { quote! {} };
    let doc = doc_line(&format!("`{wire}`."));
    quote! {
        #[doc = #doc]
        #rename
        #optional
        #borrow
        pub #name: #ty,
    }
}

fn emit_view(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let doc = docs(&[format!("A borrowed view of [`super::{}`], for checking without building it.", s.name)]);
    let fields = s.fields.iter().map(emit_view_field);
    // A view whose fields borrow nothing still takes the lifetime, so that every view is named alike.
    let marker = if s.fields.iter().any(|f| borrows(&f.ty)) {
        quote! {}
    } else {
        quote! {
            #[serde(skip)]
            _input: ::std::marker::PhantomData<&'a ()>,
        }
    };
    let validate = validate::emit_validate(s, quote! { #name<'_> }, true);
    quote! {
        #doc
        #[derive(Debug, ::serde::Deserialize)]
        pub struct #name<'a> {
            #(#fields)*
            #marker
        }
        #validate
    }
}
