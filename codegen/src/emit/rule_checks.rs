//! Prints an object's cross-field and conditional rules (presence under a condition, `less_than`,
//! at least one of): one function per rule kind, which `validate` and the one-pass reader both
//! call, each giving the values from where it keeps them.

use super::tokens::ident;
use crate::ir::{rule_checks, Condition, FieldRef, Literal, Presence, Rule, RuleCheck};
use proc_macro2::TokenStream;
use quote::quote;

/// The object's rules, grouped as [`rule_checks`] says.
pub(super) fn emit_rules(rules: &[Rule]) -> Vec<TokenStream> {
    rule_checks(rules).iter().map(emit_rule).collect()
}

fn emit_rule(check: &RuleCheck<'_>) -> TokenStream {
    match check {
        RuleCheck::Presence(p) => {
            let walk = walk_path(p, quote! { self }, quote! { path }, 0);
            presence_check(p.required, condition_expr(p.condition), walk)
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

/// Walks the rule's target path from `owner` (at JSON path `at`) through optional objects and
/// arrays to the object that holds its last field, reporting there whether each of its finals is
/// present.
fn walk_path(rule: &Presence<'_>, owner: TokenStream, at: TokenStream, step: usize) -> TokenStream {
    let steps = &rule.target.steps;
    if step + 1 == steps.len() {
        let reports = rule.finals.iter().map(|field| {
            let present = present(owner.clone(), field);
            presence_report(rule.required, &at, &field.wire, present, rule.condition)
        });
        return quote! { #(#reports)* };
    }
    let current = &steps[step];
    let wire = &current.field.wire;
    let name = ident(&current.field.ident);
    let depth = proc_macro2::Literal::usize_unsuffixed(step);
    let value = quote::format_ident!("value{}", depth.to_string());
    let here = quote::format_ident!("at{}", depth.to_string());
    let inner_at = quote::format_ident!("item{}", depth.to_string());
    let inner = if current.array {
        let inner = walk_path(rule, quote! { item }, quote! { #inner_at }, step + 1);
        quote! {
            for (i, item) in #value.iter().enumerate() {
                let #inner_at = #here.index(i);
                #inner
            }
        }
    } else {
        walk_path(rule, quote! { #value }, quote! { #here }, step + 1)
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
