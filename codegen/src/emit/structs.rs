//! Emits an object table as a serde struct, its default constants and accessors, and its validator.

use super::construct::{emit_constructors, Constructors, Member};
use super::docs::{doc_line, docs};
use super::read;
use super::tokens::{ident, rust_type};
use super::validate::{self, ValidateItems};
use crate::ir::{Field, Literal, Struct, Type};
use crate::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// The struct `s` with its items in one place, one impl block per concern: the inherent impl (the
/// constructors, the defaults and their accessors, `validate`, the fields' own checks), then the
/// checks, the one-pass reader and the `Deserialize` made by it.
pub fn emit_struct(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let doc = docs(&s.docs);
    let defaults = s.fields.iter().filter_map(emit_default);
    let checked = s.validated || s.response;
    let ValidateItems {
        inherent: checks,
        trait_impl: validate,
    } = if checked {
        validate::emit_validate(s, quote! { #name }, s.validated)
    } else {
        ValidateItems {
            inherent: quote! {},
            trait_impl: quote! {},
        }
    };
    let members: Vec<Member> = s
        .fields
        .iter()
        .map(|f| Member::field(f, rust_type))
        .collect();
    let Constructors {
        derive: derive_default,
        methods: constructors,
    } = emit_constructors(&members, s.validated);
    let derived_read = !s.reads_by_own_reader();
    let (derive_deserialize, reader, deserialize) = if derived_read {
        (quote! { ::serde::Deserialize }, quote! {}, quote! {})
    } else {
        let deserialize = emit_deserialize(&name, s.reads_leniently());
        (quote! {}, read::emit_read(s), deserialize)
    };
    let fields = s.fields.iter().map(|field| emit_field(field, derived_read));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, #derive_default ::serde::Serialize, #derive_deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }
        impl #name {
            #constructors
            #(#defaults)*
            #checks
        }
        #validate
        #reader
        #deserialize
    }
}

/// `Deserialize` by the type's one-pass reader: `support::deserialize_response` when `lenient`,
/// `support::deserialize_request` when not.
fn emit_deserialize(name: &proc_macro2::Ident, lenient: bool) -> TokenStream {
    let reading = if lenient {
        quote! { support::deserialize_response }
    } else {
        quote! { support::deserialize_request }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                #reading(deserializer)
            }
        }
    }
}

/// The field's full type: `Option` when not mandatory, `Box` when it closes a cycle; a nullable
/// one is `Option<T>` when mandatory (`None` is the null) and `Option<support::Nullable<T>>` when
/// not, so that an absent field and a null differ.
pub fn field_type(field: &Field) -> TokenStream {
    let mut ty = rust_type(&field.ty);
    if field.boxed {
        ty = quote! { ::std::boxed::Box<#ty> };
    }
    if field.nullable && !field.required {
        ty = quote! { support::Nullable<#ty> };
    }
    if !field.required || field.nullable {
        ty = quote! { ::std::option::Option<#ty> };
    }
    ty
}

/// A field with its serde attributes; those of reading only where `derived_read` (the type derives
/// `Deserialize`).
fn emit_field(field: &Field, derived_read: bool) -> TokenStream {
    let name = ident(&field.ident);
    let doc = docs(&field.docs);
    let ty = field_type(field);
    let wire = &field.wire;
    let rename = if naming::unraw(&field.ident) == field.wire {
        quote! {}
    } else {
        quote! { #[serde(rename = #wire)] }
    };
    // serde reads an absent `Option` field as `None` by itself; `default` would only add code to
    // compile. It reads a null one as `None` too, so where a null is a value (a nullable field, an
    // `any` one) the field is read as present whatever it holds, and a mandatory nullable field's
    // null is its `None`. The reading attributes are for a derived `Deserialize` only.
    let read_null_as_present =
        derived_read && !field.required && (field.nullable || field.ty == Type::Any);
    let read_null_as_none = derived_read && field.required && field.nullable;
    let mut args = Vec::new();
    if read_null_as_present {
        args.push(quote! { default });
    }
    if !field.required {
        args.push(quote! { skip_serializing_if = "::std::option::Option::is_none" });
    }
    if read_null_as_present {
        args.push(quote! { deserialize_with = "support::present" });
    } else if read_null_as_none {
        args.push(quote! { deserialize_with = "support::null_or" });
    }
    let optional = if args.is_empty() {
        quote! {}
    } else {
        quote! { #[serde(#(#args),*)] }
    };
    quote! {
        #doc
        #rename
        #optional
        pub #name: #ty,
    }
}

/// The documented default as a constant, plus an accessor applying it when the field is optional.
fn emit_default(field: &Field) -> Option<TokenStream> {
    let default = field.default.as_ref()?;
    let constant = ident(&default.constant);
    let getter = ident(&default.getter);
    let name = ident(&field.ident);
    let wire = &field.wire;
    let (const_ty, value, getter_ty, get) = match &default.value {
        Literal::Str(s) => (
            quote! { &'static str },
            quote! { #s },
            quote! { &str },
            quote! { self.#name.as_deref().unwrap_or(Self::#constant) },
        ),
        Literal::Int(n) => {
            // Lowering checked that the value fits the field's type, which the constant's type
            // gives it.
            let ty = if field.ty == Type::I64 {
                quote! { i64 }
            } else {
                quote! { i32 }
            };
            let n = proc_macro2::Literal::i64_unsuffixed(*n);
            (
                ty.clone(),
                quote! { #n },
                ty,
                quote! { self.#name.unwrap_or(Self::#constant) },
            )
        }
        Literal::Float(x) => {
            let x = proc_macro2::Literal::f64_unsuffixed(*x);
            (
                quote! { f64 },
                quote! { #x },
                quote! { f64 },
                quote! { self.#name.unwrap_or(Self::#constant) },
            )
        }
        Literal::Bool(b) => (
            quote! { bool },
            quote! { #b },
            quote! { bool },
            quote! { self.#name.unwrap_or(Self::#constant) },
        ),
        Literal::Variant(e, v) => {
            let (e, v) = (ident(e), ident(v));
            (
                quote! { #e },
                quote! { #e::#v },
                quote! { #e },
                quote! { self.#name.clone().unwrap_or(Self::#constant) },
            )
        }
    };
    let const_doc = doc_line(&format!("The documented default of `{wire}`."));
    let getter_doc = doc_line(&format!("`{wire}`, or its documented default when absent."));
    // A nullable field's accessor would have to say what its null means: the constant is all.
    let accessor = if field.required || field.nullable {
        quote! {}
    } else {
        quote! {
            #[doc = #getter_doc]
            pub fn #getter(&self) -> #getter_ty { #get }
        }
    };
    Some(quote! {
        #[doc = #const_doc]
        pub const #constant: #const_ty = #value;
        #accessor
    })
}
