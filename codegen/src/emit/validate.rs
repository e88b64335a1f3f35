//! Emits `validate`: per-field checks (ranges, lengths, characters, formats, enumerations, nested
//! objects), then the object's cross-field and conditional rules (`rule_checks` prints them). Paths
//! are built on the stack and rendered only when a violation is found, so a valid value allocates
//! nothing.

use super::rule_checks::emit_rules;
use super::tokens::ident;
use crate::ir::{Bounds, CharClass, Checks, Field, NamedClass, Struct, Type};
use crate::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// A struct's checks: the items of its inherent impl, and its `support::Validate` impl.
pub struct ValidateItems {
    /// `validate` (on request types) and the functions of the fields' own checks.
    pub inherent: TokenStream,
    pub trait_impl: TokenStream,
}

/// The checks of a struct: the functions of its fields' own checks, which its one-pass reader calls,
/// and for a type requests hold (`validated`) `support::Validate` for `self_ty` with an inherent
/// `validate`. A type only responses hold has no `validate`: its departures from the page are found
/// as it is read.
pub fn emit_validate(s: &Struct, self_ty: TokenStream, validated: bool) -> ValidateItems {
    let checkers = emit_checkers(s);
    if !validated {
        return ValidateItems {
            inherent: checkers,
            trait_impl: quote! {},
        };
    }
    let name = self_ty;
    let fields = s.fields.iter().map(|field| {
        let own = checker_call(field);
        emit_field_checks(field, own.as_ref())
    });
    let rules = emit_rules(&s.rules);
    let checks = quote! { #(#fields)* #(#rules)* };
    // A table with nothing to check still implements the trait, without unused parameters.
    let checks = if checks.is_empty() {
        quote! { let _ = (path, out); }
    } else {
        checks
    };
    let validate = quote! {
        /// Checks every documented rule of this value and of everything in it, and returns all
        /// violations at once, each with its JSON path.
        pub fn validate(&self) -> ::std::result::Result<(), support::ValidationErrors> {
            support::Validate::validate(self)
        }
    };
    ValidateItems {
        inherent: quote! { #validate #checkers },
        trait_impl: quote! {
            impl support::Validate for #name {
                fn validate_at(&self, path: &support::Path<'_>, out: &mut ::std::vec::Vec<support::Violation>) {
                    #checks
                }
            }
        },
    }
}

fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => quote! { ::std::option::Option::Some(#v) },
        None => quote! { ::std::option::Option::None },
    }
}

/// The field's own checks on one value (bound to `value`, a reference) at path `at` (a `&Path`):
/// ranges, lengths, characters and formats. What a nested table or an enumeration checks of itself
/// is not here.
pub(crate) fn value_checks(field: &Field, at: TokenStream) -> TokenStream {
    // Destructured, so that a new kind of check does not compile until it is emitted here (`items`
    // is the array's own check, emitted by `emit_field_checks`).
    let Checks {
        range,
        length,
        items: _,
        chars,
        integer_list,
    } = &field.checks;
    let mut out = TokenStream::new();
    if let Some(Bounds { min, max }) = *range {
        let (min, max) = (option(min), option(max));
        // A `long` is an `i64` already.
        let number = match field.ty.scalar() {
            Type::I64 => quote! { *value },
            _ => quote! { i64::from(*value) },
        };
        out.extend(quote! { support::check_range(out, #at, #number, #min, #max); });
    }
    if let Some(Bounds { min, max }) = *length {
        let to_usize = |n: Option<u64>| option(n.map(|n| usize::try_from(n).unwrap_or(usize::MAX)));
        let (min, max) = (to_usize(min), to_usize(max));
        out.extend(quote! { support::check_length(out, #at, value, #min, #max); });
    }
    if let Some(rule) = chars {
        let text = &rule.text;
        let (first, allowed, last) = (
            predicate(&rule.first),
            predicate(&rule.allowed),
            predicate(&rule.last),
        );
        out.extend(
            quote! { support::check_chars(out, #at, value, #text, #first, #allowed, #last); },
        );
    }
    if let Some(list) = integer_list {
        let (text, min, max) = (list.text(), list.minimum, list.maximum);
        out.extend(quote! { support::check_integer_list(out, #at, value, #text, #min, #max); });
    }
    out
}

/// A field's own checks on one value, bound to `value` (a reference) at path `p` (a `&Path`): its
/// documented rules, and an enumeration's check of itself. `validate` and the one-pass reader both
/// call them, from the struct's private function of the field ([`checker`]).
fn own_checks(field: &Field) -> TokenStream {
    let mut out = value_checks(field, quote! { p });
    if let Type::Enum(_) = field.ty.scalar() {
        out.extend(quote! { support::Validate::validate_at(value, p, out); });
    }
    out
}

/// The struct's private function holding the own checks of `field`, named after it.
fn checker(field: &Field) -> proc_macro2::Ident {
    ident(&naming::field_checker(&field.ident))
}

/// How a struct's code calls the own checks of `field` (`Self::check_weight`), when it has any:
/// `validate` and the one-pass reader both call them so.
pub(crate) fn checker_call(field: &Field) -> Option<TokenStream> {
    let checker = checker(field);
    (!own_checks(field).is_empty()).then(|| quote! { Self::#checker })
}

/// The private functions of a struct's fields' own checks, one for each field that has any.
fn emit_checkers(s: &Struct) -> TokenStream {
    let functions: Vec<TokenStream> = s
        .fields
        .iter()
        .filter_map(|field| {
            let checks = own_checks(field);
            if checks.is_empty() {
                return None;
            }
            let checker = checker(field);
            let value = match field.ty.scalar() {
                Type::String => quote! { str },
                scalar => super::tokens::rust_type(scalar),
            };
            Some(quote! {
                fn #checker(out: &mut ::std::vec::Vec<support::Violation>, p: &support::Path<'_>, value: &#value) {
                    #checks
                }
            })
        })
        .collect();
    quote! { #(#functions)* }
}

/// Checks on one value of the field's scalar type, bound to `value` (a reference) at path `p` (a
/// `Path`): its own (through `own`, the struct's function of them, or inline), then a nested
/// table's.
fn scalar_checks(field: &Field, own: Option<&TokenStream>) -> TokenStream {
    let mut out = match own {
        Some(checker) => quote! { #checker(out, &p, value); },
        None => {
            let checks = own_checks(field);
            if checks.is_empty() {
                checks
            } else {
                quote! { { let p = &p; #checks } }
            }
        }
    };
    if let Type::Struct(_) = field.ty.scalar() {
        out.extend(quote! { support::Validate::validate_at(value, &p, out); });
    }
    out
}

/// A character predicate for a list of classes; an empty list allows everything.
fn predicate(classes: &[CharClass]) -> TokenStream {
    let named = |class: &NamedClass| {
        let predicate = quote::format_ident!("{}", class.predicate);
        quote! { support::#predicate }
    };
    match classes {
        [] => return quote! { |_: char| true },
        // One class is its predicate itself, not a closure calling it.
        [CharClass::Named(class)] => return named(class),
        _ => {}
    }
    let tests = classes.iter().map(|class| match class {
        CharClass::Named(class) => {
            let predicate = named(class);
            quote! { #predicate(c) }
        }
        CharClass::Literal(chars) => quote! { matches!(c, #(#chars)|*) },
    });
    quote! { |c: char| #(#tests)||* }
}

/// The checks of a field of `self` (its own through `own` where the struct has a function of them):
/// each value's, an array's number of items.
pub(crate) fn emit_field_checks(field: &Field, own: Option<&TokenStream>) -> TokenStream {
    let name = ident(&field.ident);
    let wire = &field.wire;
    let checks = scalar_checks(field, own);
    let items = field.checks.items.map(|Bounds { min, max }| {
        let to_usize = |n: Option<u64>| option(n.map(|n| usize::try_from(n).unwrap_or(usize::MAX)));
        let (min, max) = (to_usize(min), to_usize(max));
        quote! { support::check_items(out, &p, value.len(), #min, #max); }
    });
    if checks.is_empty() && items.is_none() {
        return quote! {};
    }
    let per_value = match field.ty {
        // Cheap aggregate limits first, then the items.
        Type::Vec(_) if !checks.is_empty() => quote! {
            #items
            for (i, value) in value.iter().enumerate() {
                let p = p.index(i);
                #checks
            }
        },
        Type::Vec(_) => quote! { #items },
        // A map's values sit at their keys: `responses.AUTH_FAILURE.status`.
        Type::Map(_) => quote! {
            for (key, value) in value {
                let p = p.key(key);
                #checks
            }
        },
        _ => checks,
    };
    let body = quote! {
        let p = path.field(#wire);
        #per_value
    };
    // A null has no checks.
    match (field.required, field.nullable) {
        (true, false) => quote! { { let value = &self.#name; #body } },
        (false, true) => {
            quote! { if let ::std::option::Option::Some(support::Nullable::Value(value)) = &self.#name { #body } }
        }
        _ => quote! { if let ::std::option::Option::Some(value) = &self.#name { #body } },
    }
}
