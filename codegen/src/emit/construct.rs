//! Emits the constructors of a struct an SDK builds (a table's struct, an operation's `Request`):
//! `new` taking exactly the mandatory members in table order, and a `with_<field>` setter per
//! optional one. The structs are `#[non_exhaustive]`, so that a field the page adds is a minor
//! change: code outside the crate cannot use a struct literal, and builds through these instead.

use super::docs::{doc_line, docs};
use super::tokens::ident;
use crate::ir::{Field, Param, Type};
use crate::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// How a parameter's value becomes the stored one.
#[derive(Clone, Copy)]
enum Store {
    AsIs,
    /// A `String`: the caller passes anything that turns into one.
    Into,
    /// A value boxed to break a cycle: the caller passes it unboxed.
    Boxed,
}

/// One member of a struct as the constructors see it.
pub struct Member {
    /// The field's identifier, possibly raw.
    ident: String,
    /// The wire name, for the docs.
    wire: String,
    /// The parameter's type, as `new` or a setter takes it: an optional member's without `Option`.
    arg: TokenStream,
    store: Store,
    required: bool,
}

impl Member {
    /// A table's field (or a query parameter or form field), its types named through `ty`.
    pub fn field(field: &Field, ty: impl Fn(&Type) -> TokenStream) -> Member {
        let value = ty(&field.ty);
        // A nullable value is passed as it is stored, box included: `None` or `Nullable::Null` is
        // a value the caller chooses.
        let (arg, store) = if field.nullable {
            let value = if field.boxed {
                quote! { ::std::boxed::Box<#value> }
            } else {
                value
            };
            let arg = if field.required {
                quote! { ::std::option::Option<#value> }
            } else {
                quote! { support::Nullable<#value> }
            };
            (arg, Store::AsIs)
        } else if field.ty == Type::String {
            (
                quote! { impl ::std::convert::Into<::std::string::String> },
                Store::Into,
            )
        } else if field.boxed {
            (value, Store::Boxed)
        } else {
            (value, Store::AsIs)
        };
        Member {
            ident: field.ident.clone(),
            wire: field.wire.clone(),
            arg,
            store,
            required: field.required,
        }
    }

    /// A path parameter or header: a string.
    pub fn param(param: &Param) -> Member {
        Member {
            ident: param.ident.clone(),
            wire: param.wire.clone(),
            arg: quote! { impl ::std::convert::Into<::std::string::String> },
            store: Store::Into,
            required: param.required,
        }
    }

    /// A mandatory member of type `ty`, passed as it is stored (an operation's body).
    pub fn value(ident: &str, wire: &str, ty: TokenStream) -> Member {
        Member {
            ident: ident.to_owned(),
            wire: wire.to_owned(),
            arg: ty,
            store: Store::AsIs,
            required: true,
        }
    }

    /// The stored value made from the parameter `name`.
    fn stored(&self, name: &proc_macro2::Ident) -> TokenStream {
        match self.store {
            Store::AsIs => quote! { #name },
            Store::Into => quote! { #name.into() },
            Store::Boxed => quote! { ::std::boxed::Box::new(#name) },
        }
    }
}

/// What the constructors add to a struct.
pub struct Constructors {
    /// `Default,` for the struct's derive list, where every member is optional: `new` is then the
    /// default (clippy: new_without_default), else nothing.
    pub derive: TokenStream,
    /// `new` and the setters, for the struct's inherent impl.
    pub methods: TokenStream,
}

/// The constructors of a struct of `members`; `setters` for a struct an SDK builds (a response-only
/// type is built by tests alone, which assign its fields).
pub fn emit_constructors(members: &[Member], setters: bool) -> Constructors {
    let plain_default = members.iter().all(|m| !m.required);
    let new_doc = docs(&[
        "Creates a value from its mandatory fields, in the order the page lists them; the \
         optional ones are `None` until set."
            .to_owned(),
    ]);
    let mandatory: Vec<&Member> = members.iter().filter(|m| m.required).collect();
    let params = mandatory.iter().map(|m| {
        let (name, ty) = (ident(&m.ident), &m.arg);
        quote! { #name: #ty }
    });
    let body = if plain_default {
        quote! { ::std::default::Default::default() }
    } else {
        let inits = members.iter().map(|m| {
            let name = ident(&m.ident);
            if m.required {
                match m.store {
                    // The shorthand, as clippy prefers (redundant_field_names).
                    Store::AsIs => quote! { #name },
                    _ => {
                        let value = m.stored(&name);
                        quote! { #name: #value }
                    }
                }
            } else {
                quote! { #name: ::std::option::Option::None }
            }
        });
        quote! { Self { #(#inits),* } }
    };
    // The page decides how many values are mandatory and their names; each is a parameter named
    // after its field, in table order.
    let many = (mandatory.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let digits = mandatory
        .iter()
        .any(|m| m.ident.chars().all(|c| c == '_' || c.is_ascii_digit()))
        .then(|| quote! { #[allow(clippy::just_underscores_and_digits)] });
    let setters = members
        .iter()
        .filter(|m| setters && !m.required)
        .map(emit_setter);
    Constructors {
        derive: if plain_default {
            quote! { ::std::default::Default, }
        } else {
            quote! {}
        },
        methods: quote! {
            #new_doc
            #many
            #digits
            pub fn new(#(#params),*) -> Self { #body }
            #(#setters)*
        },
    }
}

/// `with_<field>`: the optional member set, for building in one expression.
fn emit_setter(member: &Member) -> TokenStream {
    let name = ident(&member.ident);
    let setter = ident(&naming::field_setter(&member.ident));
    let doc = doc_line(&format!("Sets `{}`.", member.wire));
    // One parameter, so one name for all: a field's own (`_42`) need not make a good one.
    let param = ident("value");
    let (ty, value) = (&member.arg, member.stored(&param));
    quote! {
        #[doc = #doc]
        pub fn #setter(mut self, #param: #ty) -> Self {
            self.#name = ::std::option::Option::Some(#value);
            self
        }
    }
}
