//! Emits `validate`: per-field checks (ranges, lengths, characters, formats, enumerations, nested
//! objects) and the object's cross-field and conditional rules. Paths are built on the stack and
//! rendered only when a violation is found, so a valid value allocates nothing.

use super::tokens::ident;
use crate::ir::{
    rule_checks, Bounds, CharClass, Checks, Condition, Field, FieldPath, FieldRef, Literal,
    NamedClass, Rule, RuleCheck, Struct, Type,
};
use crate::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// A struct's checks: the items of its inherent impl, and its `support::Validate` impl.
pub struct ValidateItems {
    /// `validate` (on request types) and the functions of the fields' own checks.
    pub inherent: TokenStream,
    pub trait_impl: TokenStream,
}

/// The checks of a struct as `support::Validate` for `self_ty`. Request types also get an inherent
/// `validate` (`public`); response types are checked only for departures from the page.
pub fn emit_validate(s: &Struct, self_ty: TokenStream, public: bool) -> ValidateItems {
    let name = self_ty;
    let presence = s.fields.iter().filter(|f| f.expected).map(|f| {
        let (field, wire) = (ident(&f.ident), &f.wire);
        quote! { support::check_present(out, &path.field(#wire), self.#field.is_some()); }
    });
    let checkers = emit_checkers(s);
    let fields = s.fields.iter().map(|field| {
        let own = checker_call(field);
        emit_field_checks(field, own.as_ref())
    });
    let rules = emit_rules(&s.rules);
    let checks = quote! { #(#presence)* #(#fields)* #(#rules)* };
    // A table with nothing to check still implements the trait, without unused parameters.
    let checks = if checks.is_empty() {
        quote! { let _ = (path, out); }
    } else {
        checks
    };
    let validate = if public {
        quote! {
            /// Checks every documented rule of this value and of everything in it, and returns all
            /// violations at once, each with its JSON path.
            pub fn validate(&self) -> ::std::result::Result<(), support::ValidationErrors> {
                support::Validate::validate(self)
            }
        }
    } else {
        quote! {}
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

/// The object's rules, grouped as [`rule_checks`] says.
fn emit_rules(rules: &[Rule]) -> Vec<TokenStream> {
    rule_checks(rules).iter().map(emit_rule).collect()
}

fn emit_rule(check: &RuleCheck<'_>) -> TokenStream {
    match check {
        RuleCheck::Presence {
            target,
            finals,
            condition,
            required,
        } => {
            let walk = walk_path(
                target,
                finals,
                quote! { self },
                quote! { path },
                0,
                condition,
                *required,
            );
            presence_check(*required, condition_expr(condition), walk)
        }
        RuleCheck::LessThan { field, than } => {
            less_than_check(field, than, number(field), number(than))
        }
        RuleCheck::AtLeastOneOf { groups, text } => {
            at_least_one_of_check(groups, text, |f| present(quote! { self }, f))
        }
    }
}

// One function per rule kind prints what `validate` and the one-pass reader both check of it; each
// side gives the values, which `validate` reads from the owned object and the reader from what it
// noted.

/// A presence rule (`required_if` while `holds`, `forbidden_unless` while it does not): `walk`
/// reports its fields ([`presence_report`]) where the rule applies.
pub(crate) fn presence_check(required: bool, holds: TokenStream, walk: TokenStream) -> TokenStream {
    if required {
        return quote! { if #holds { #walk } };
    }
    // A method call or a name needs no parentheses after `!`; a block or a `match` does.
    let plain = matches!(
        syn::parse2::<syn::Expr>(holds.clone()),
        Ok(syn::Expr::MethodCall(_) | syn::Expr::Path(_) | syn::Expr::Call(_))
    );
    if plain {
        quote! { if !#holds { #walk } }
    } else {
        quote! { if !(#holds) { #walk } }
    }
}

/// Reports whether one field of a presence rule, `wire` of the object at `at` (a `Path`), is
/// present as the rule wants, `present` saying whether it is.
pub(crate) fn presence_report(
    required: bool,
    at: &TokenStream,
    wire: &str,
    present: TokenStream,
    condition: &Condition,
) -> TokenStream {
    let report = if required {
        quote! { support::require }
    } else {
        quote! { support::forbid }
    };
    let text = &condition.text;
    quote! { #report(out, &#at.field(#wire), #present, #text); }
}

/// A `less_than` rule: `value` and `limit` are the two fields' values as `Option<i64>`s.
pub(crate) fn less_than_check(
    field: &FieldRef,
    than: &FieldRef,
    value: impl quote::ToTokens,
    limit: impl quote::ToTokens,
) -> TokenStream {
    let (wire, other) = (&field.wire, &than.wire);
    quote! { support::check_less_than(out, &path.field(#wire), #value, #other, #limit); }
}

/// An `at_least_one_of` rule: `present` says whether a field of a group is present.
pub(crate) fn at_least_one_of_check(
    groups: &[Vec<FieldRef>],
    text: &str,
    present: impl Fn(&FieldRef) -> TokenStream,
) -> TokenStream {
    let groups = groups.iter().map(|group| {
        let present = group.iter().map(&present);
        quote! { (#(#present)&&*) }
    });
    quote! { support::require_one_group(out, path, #(#groups)||*, #text); }
}

fn number(field: &FieldRef) -> TokenStream {
    let name = ident(&field.ident);
    if field.optional {
        quote! { self.#name.map(i64::from) }
    } else {
        quote! { ::std::option::Option::Some(i64::from(self.#name)) }
    }
}

fn present(owner: TokenStream, field: &FieldRef) -> TokenStream {
    let name = ident(&field.ident);
    if field.optional {
        quote! { #owner.#name.is_some() }
    } else {
        quote! { true }
    }
}

/// Walks `path` from `owner` (at JSON path `at`) through optional objects and arrays to the object
/// that holds its last field, reporting there whether each of `finals` is present.
fn walk_path(
    path: &FieldPath,
    finals: &[&FieldRef],
    owner: TokenStream,
    at: TokenStream,
    step: usize,
    condition: &Condition,
    required: bool,
) -> TokenStream {
    if step + 1 == path.steps.len() {
        let reports = finals.iter().map(|field| {
            let present = present(owner.clone(), field);
            presence_report(required, &at, &field.wire, present, condition)
        });
        return quote! { #(#reports)* };
    }
    let current = &path.steps[step];
    let wire = &current.field.wire;
    let name = ident(&current.field.ident);
    let depth = proc_macro2::Literal::usize_unsuffixed(step);
    let value = quote::format_ident!("value{}", depth.to_string());
    let here = quote::format_ident!("at{}", depth.to_string());
    let inner_at = quote::format_ident!("item{}", depth.to_string());
    let inner = if current.array {
        let inner = walk_path(
            path,
            finals,
            quote! { item },
            quote! { #inner_at },
            step + 1,
            condition,
            required,
        );
        quote! {
            for (i, item) in #value.iter().enumerate() {
                let #inner_at = #here.index(i);
                #inner
            }
        }
    } else {
        walk_path(
            path,
            finals,
            quote! { #value },
            quote! { #here },
            step + 1,
            condition,
            required,
        )
    };
    let bind = quote! { let #here = #at.field(#wire); };
    if current.field.optional {
        quote! { if let ::std::option::Option::Some(#value) = &#owner.#name { #bind #inner } }
    } else {
        quote! { { let #value = &#owner.#name; #bind #inner } }
    }
}

fn condition_expr(condition: &Condition) -> TokenStream {
    let name = ident(&condition.field.ident);
    // `&**value` is the `&str` of a `String`.
    let test = condition_test(condition, quote! { &**value });
    if condition.field.optional {
        let absent = condition.absent_holds;
        quote! {
            match &self.#name {
                ::std::option::Option::Some(value) => #test,
                ::std::option::Option::None => #absent,
            }
        }
    } else if let Some(test) = bool_test(&condition.values, quote! { self.#name }) {
        test
    } else {
        quote! { { let value = &self.#name; #test } }
    }
}

/// Whether the condition's field, bound to `value` (a reference), has one of its values; a string
/// is tested as `string` (a `&str`).
pub(crate) fn condition_test(condition: &Condition, string: TokenStream) -> TokenStream {
    if let Some(test) = bool_test(&condition.values, quote! { *value }) {
        return test;
    }
    let patterns = condition.values.iter().map(|value| match value {
        Literal::Str(s) => quote! { #s },
        Literal::Int(n) => {
            let n = proc_macro2::Literal::i64_unsuffixed(*n);
            quote! { #n }
        }
        // Lowering refuses conditions on floats (an exact float is no condition a page means).
        Literal::Float(x) => {
            let x = proc_macro2::Literal::f64_unsuffixed(*x);
            quote! { #x }
        }
        Literal::Bool(b) => quote! { #b },
        Literal::Variant(e, v) => {
            let (e, v) = (ident(e), ident(v));
            quote! { #e::#v }
        }
    });
    let is_string = condition
        .values
        .iter()
        .any(|v| matches!(v, Literal::Str(_)));
    let scrutinee = if is_string {
        string
    } else {
        quote! { value }
    };
    quote! { matches!(#scrutinee, #(#patterns)|*) }
}

/// A condition on a boolean as the boolean itself (`flag`, a `bool` expression): `matches!` on a
/// bool, or a block in an `if`, is what clippy asks generated code not to write.
fn bool_test(values: &[Literal], flag: TokenStream) -> Option<TokenStream> {
    let bools: Vec<bool> = values
        .iter()
        .map(|v| match v {
            Literal::Bool(b) => Some(*b),
            _ => None,
        })
        .collect::<Option<_>>()
        .filter(|b: &Vec<bool>| !b.is_empty())?;
    Some(match (bools.contains(&true), bools.contains(&false)) {
        (true, true) => quote! { { let _ = #flag; true } },
        (true, false) => flag,
        (false, _) => quote! { !#flag },
    })
}
