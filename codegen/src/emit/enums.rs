//! Emits an enumeration: documented variants, a catch-all keeping undocumented values, and serde
//! impls that read and write exactly the wire form (JSON strings or JSON integers).

use super::docs::docs;
use super::tokens::ident;
use crate::ir::{Enum, EnumValue};
use crate::naming::UNKNOWN_VARIANT;
use proc_macro2::TokenStream;
use quote::quote;

fn literal(value: &EnumValue) -> TokenStream {
    match value {
        EnumValue::Str(s) => quote! { #s },
        EnumValue::Int(n) => quote! { #n },
    }
}

/// How an enumeration's values travel: as JSON integers or as JSON strings.
struct WireForm {
    /// The type an undocumented value is kept as.
    raw: TokenStream,
    value_fn: TokenStream,
    value_doc: &'static str,
    serialize: TokenStream,
    deserialize: TokenStream,
    display: TokenStream,
    value_ty: TokenStream,
    unknown_value: TokenStream,
}

fn wire_form(integer: bool, unknown: &proc_macro2::Ident) -> WireForm {
    if integer {
        WireForm {
            raw: quote! { i64 },
            value_fn: quote! { value },
            value_doc: " The wire value.",
            serialize: quote! { serializer.serialize_i64(self.value()) },
            deserialize: quote! {
                support::deserialize_int_enum(deserializer, Self::from_documented, Self::#unknown)
            },
            display: quote! { ::std::fmt::Display::fmt(&self.value(), f) },
            value_ty: quote! { i64 },
            unknown_value: quote! { *value },
        }
    } else {
        WireForm {
            raw: quote! { ::std::string::String },
            value_fn: quote! { as_str },
            value_doc: " The wire spelling.",
            serialize: quote! { serializer.serialize_str(self.as_str()) },
            deserialize: quote! {
                support::deserialize_str_enum(deserializer, Self::from_documented, Self::#unknown)
            },
            display: quote! { f.write_str(self.as_str()) },
            value_ty: quote! { &str },
            unknown_value: quote! { value.as_str() },
        }
    }
}

pub fn emit_enum(e: &Enum) -> TokenStream {
    let name = ident(&e.name);
    let doc = docs(&e.docs);
    let unknown = ident(UNKNOWN_VARIANT);
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.ident)).collect();
    let variant_docs = e.variants.iter().map(|v| docs(&v.docs));
    let values: Vec<_> = e.variants.iter().map(|v| literal(&v.value)).collect();
    let accepted = e.variants.iter().map(|v| {
        let spellings = std::iter::once(&v.value).chain(&v.aliases).map(literal);
        quote! { #(#spellings)|* }
    });
    let listed: Vec<String> = e.variants.iter().map(|v| v.value.text()).collect();
    let WireForm {
        raw,
        value_fn,
        value_doc,
        serialize,
        deserialize,
        display,
        value_ty,
        unknown_value,
    } = wire_form(e.integer, &unknown);
    let copy_unknown = quote! { Self::#unknown(value) => #unknown_value };
    let traits = text_traits(&name, display, serialize, deserialize);
    quote! {
        #doc
        // A value the page adds later is a new variant: a minor change only if matches have a
        // catch-all arm.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #( #variant_docs #variants, )*
            /// A value the page does not list, kept as received so that newer responses still
            /// parse; `validate` rejects it in requests.
            #unknown(#raw),
        }

        impl #name {
            /// The documented values, as written on the page.
            pub const DOCUMENTED: &'static [&'static str] = &[#(#listed),*];

            #[doc = #value_doc]
            pub fn #value_fn(&self) -> #value_ty {
                match self {
                    #( Self::#variants => #values, )*
                    #copy_unknown,
                }
            }

            /// Whether the value is one the page documents.
            pub fn is_documented(&self) -> bool {
                !matches!(self, Self::#unknown(_))
            }

            fn from_documented(value: #value_ty) -> ::std::option::Option<Self> {
                match value {
                    #( #accepted => ::std::option::Option::Some(Self::#variants), )*
                    _ => ::std::option::Option::None,
                }
            }
        }

        #traits

        impl support::Validate for #name {
            fn validate_at(
                &self,
                path: &support::Path<'_>,
                out: &mut ::std::vec::Vec<support::Violation>,
            ) {
                support::check_enum(out, path, self.is_documented(), Self::DOCUMENTED, self);
            }
        }
    }
}

/// `Display`, `Serialize` and `Deserialize` of the enumeration `name`: its wire form as text and as
/// JSON.
fn text_traits(
    name: &proc_macro2::Ident,
    display: TokenStream,
    serialize: TokenStream,
    deserialize: TokenStream,
) -> TokenStream {
    quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #display
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                #serialize
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                #deserialize
            }
        }
    }
}
