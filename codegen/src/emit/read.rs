//! Emits each table's one-pass reader (`support::Read`), for requests and responses alike (the
//! mode of the reading tells them apart): every field's value is read by a
//! support reader that checks it as it is read, the facts the object's rules need (whether a
//! condition holds, a number a `less_than` compares, which fields each nested object had) are noted
//! on the way, and the rules are applied at the end of the object, before the owned value is built
//! (when the mode builds). Each value's own checks are the struct's private function of them
//! (`validate::checker_call`), which `validate` calls too, so both report alike.

use super::rule_checks::{
    at_least_one_of_check, condition_test, less_than_check, presence_check, presence_report,
};
use super::tokens::{ident, rust_type_in};
use super::validate::checker_call;
use crate::ir::{rule_checks, Condition, Field, FieldPath, Presence, RuleCheck, Struct, Type};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};

/// What the object's rules need noted while its fields are read, by the fields' table positions.
struct Facts<'s> {
    checks: Vec<RuleCheck<'s>>,
    /// The fields a `less_than` compares.
    compared: BTreeSet<usize>,
    /// The fields whose presence in each nested object matters, by the field holding the objects:
    /// the nested table's positions as a mask.
    nested: BTreeMap<usize, u64>,
}

impl<'s> Facts<'s> {
    fn of(s: &'s Struct) -> Facts<'s> {
        let checks = rule_checks(&s.rules);
        let (mut compared, mut nested) = (BTreeSet::new(), BTreeMap::new());
        for check in &checks {
            match check {
                RuleCheck::Presence(p) if p.target.steps.len() == 2 => {
                    let mask = p.finals.iter().fold(0, |mask, f| mask | bit(f.position));
                    *nested.entry(p.target.steps[0].field.position).or_default() |= mask;
                }
                RuleCheck::LessThan { field, than } => {
                    compared.extend([field.position, than.position]);
                }
                _ => {}
            }
        }
        Facts {
            checks,
            compared,
            nested,
        }
    }

    /// What reading the value of the field at `position` notes: whether each condition on it holds,
    /// the number it compares.
    fn notes(&self, position: usize) -> TokenStream {
        let mut notes = TokenStream::new();
        for (k, check) in self.checks.iter().enumerate() {
            if let RuleCheck::Presence(Presence { condition, .. }) = check {
                if condition.field.position == position {
                    let (holds, test) = (holds(k), condition_test(condition, quote! { value }));
                    notes.extend(quote! { #holds = ::std::option::Option::Some(#test); });
                }
            }
        }
        if self.compared.contains(&position) {
            let number = number(position);
            notes.extend(quote! { #number = ::std::option::Option::Some(i64::from(*value)); });
        }
        notes
    }

    fn declarations(&self) -> TokenStream {
        let holds = self
            .checks
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, RuleCheck::Presence(_)))
            .map(|(k, _)| holds(k));
        let numbers = self.compared.iter().map(|&position| number(position));
        let seen = self.nested.keys().map(|&position| seen(position));
        quote! {
            #(let mut #holds: ::std::option::Option<bool> = ::std::option::Option::None;)*
            #(let mut #numbers: ::std::option::Option<i64> = ::std::option::Option::None;)*
            #(let mut #seen = support::Seen::default();)*
        }
    }
}

/// The bit of a table position in a mask of present fields (lowering keeps the positions a rule
/// reaches below 64).
fn bit(position: usize) -> u64 {
    u32::try_from(position)
        .ok()
        .and_then(|p| 1u64.checked_shl(p))
        .unwrap_or(0)
}

fn holds(k: usize) -> proc_macro2::Ident {
    format_ident!("holds_{}", k)
}

// The locals of a field are named by its table position: its identifier may be anything a wire name
// makes (`_2fa`), and two could make one local name.

/// The number a `less_than` compares, of the field at `position`.
fn number(position: usize) -> proc_macro2::Ident {
    format_ident!("number_{}", position)
}

/// The fields present in the objects the field at `position` holds.
fn seen(position: usize) -> proc_macro2::Ident {
    format_ident!("seen_{}", position)
}

/// The value read of the field at `position`.
fn slot(position: usize) -> proc_macro2::Ident {
    format_ident!("field_{}", position)
}

/// The `support::Read` impl of a table.
pub fn emit_read(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let name_text = &s.name;
    let wires: Vec<&String> = s.fields.iter().map(|f| &f.wire).collect();
    let positions = (0..s.fields.len()).map(proc_macro2::Literal::usize_unsuffixed);
    let keys = wires
        .iter()
        .map(|wire| proc_macro2::Literal::byte_string(wire.as_bytes()));
    let facts = Facts::of(s);
    let declarations = facts.declarations();
    let slots = (0..s.fields.len()).map(slot);
    let reads: Vec<TokenStream> = s
        .fields
        .iter()
        .enumerate()
        .map(|(position, field)| {
            let (slot, reader) = (slot(position), field_reader(position, field, &facts));
            let at = proc_macro2::Literal::usize_unsuffixed(position);
            quote! { fields.value(#at, &mut #slot, #reader)? }
        })
        .collect();
    let read_loop = read_loop(&reads);
    let end = object_end(s, &facts);
    let build = s.fields.iter().enumerate().map(|(position, f)| {
        let (field, slot) = (ident(&f.ident), slot(position));
        if f.required && f.nullable {
            quote! { #field: M::take(#slot?)?.into_option(), }
        } else if f.required {
            quote! { #field: M::take(#slot?)?, }
        } else {
            quote! { #field: M::optional(#slot)?, }
        }
    });
    // A table of no rows has no key to match (and clippy wants no `match` of one arm).
    let position = match s.fields.is_empty() {
        true => quote! { let _ = key; ::std::option::Option::None },
        false => quote! {
            match key {
                #(#keys => ::std::option::Option::Some(#positions),)*
                _ => ::std::option::Option::None,
            }
        },
    };
    quote! {
        impl support::Read for #name {
            const NAME: &'static str = #name_text;
            const FIELDS: &'static [&'static str] = &[#(#wires),*];

            fn position(key: &[u8]) -> ::std::option::Option<usize> {
                #position
            }

            fn read_fields<M: support::Mode>(mut fields: support::Fields<'_, '_, Self, M>) -> ::std::result::Result<M::Keep<Self>, support::DeError> {
                #(let mut #slots = ::std::option::Option::None;)*
                #declarations
                #read_loop
                #end
                ::std::result::Result::Ok(M::keep(|| ::std::option::Option::Some(Self { #(#build)* })))
            }
        }
    }
}

/// The loop over an object's keys, reading each documented field's value with its reader in
/// `reads`.
fn read_loop(reads: &[TokenStream]) -> TokenStream {
    match reads {
        [] => quote! { while fields.next_field()?.is_some() {} },
        // One field: every documented key is that field.
        [read] => quote! { while fields.next_field()?.is_some() { #read; } },
        [reads @ .., last] => {
            let positions = (0..reads.len()).map(proc_macro2::Literal::usize_unsuffixed);
            quote! {
                while let ::std::option::Option::Some(position) = fields.next_field()? {
                    match position {
                        #(#positions => #reads,)*
                        _ => #last,
                    }
                }
            }
        }
    }
}

/// The end of an object: its absent mandatory fields reported (those a response's form expects
/// too), then its rules.
fn object_end(s: &Struct, facts: &Facts<'_>) -> TokenStream {
    let mandatory = s
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.required || f.expected)
        .map(|(position, f)| {
            let (wire, slot) = (&f.wire, slot(position));
            quote! { (#wire, #slot.is_some()) }
        });
    let rules: Vec<TokenStream> = facts
        .checks
        .iter()
        .enumerate()
        .map(|(k, check)| emit_rule(k, check))
        .collect();
    if rules.is_empty() {
        quote! { fields.end(&[#(#mandatory),*]); }
    } else {
        quote! {
            let (out, path) = fields.end(&[#(#mandatory),*]);
            #(#rules)*
        }
    }
}

/// The reader of a field's value: its checks, what the rules note of it, its array or map, its box.
fn field_reader(position: usize, field: &Field, facts: &Facts<'_>) -> TokenStream {
    let own = checker_call(field);
    let mut reader = value_reader(
        field.ty.scalar(),
        &TokenStream::new(),
        own,
        facts.notes(position),
    );
    if field.boxed {
        reader = quote! { support::Boxed(#reader) };
    }
    if let Some(mask) = facts.nested.get(&position) {
        let seen = seen(position);
        reader = quote! { support::Tap { value: #reader, seen: &mut #seen, relevant: #mask } };
    }
    let reader = match &field.ty {
        Type::Vec(_) => {
            let to_usize =
                |n: Option<u64>| match n.map(|n| usize::try_from(n).unwrap_or(usize::MAX)) {
                    Some(n) => quote! { ::std::option::Option::Some(#n) },
                    None => quote! { ::std::option::Option::None },
                };
            let (min, max) = field.checks.items.map_or((None, None), |b| (b.min, b.max));
            let (min, max) = (to_usize(min), to_usize(max));
            quote! { support::Items { item: #reader, min: #min, max: #max } }
        }
        Type::Map(_) => quote! { support::Values(#reader) },
        _ => reader,
    };
    if field.nullable {
        quote! { support::OrNull(#reader) }
    } else {
        reader
    }
}

/// The reader of a request or response body of type `ty`, its types named through `scope`.
pub(crate) fn body_reader(ty: &Type, scope: &TokenStream) -> TokenStream {
    value_reader(ty, scope, None, TokenStream::new())
}

/// The reader of one value of type `ty` (its types named through `scope`): checked by `own` (a
/// function of the value's own checks), with `notes` made on it; an array's items and a map's
/// values (of a body) have neither.
fn value_reader(
    ty: &Type,
    scope: &TokenStream,
    own: Option<TokenStream>,
    notes: TokenStream,
) -> TokenStream {
    let check = match (own, notes.is_empty()) {
        // An enumeration of a body's item checks itself: it has no field to do it.
        (None, true) if matches!(ty, Type::Enum(_)) => quote! { support::check_value },
        (None, true) => quote! { support::unchecked },
        (Some(own), true) => own,
        (None, false) => quote! { |_, _, value| { #notes } },
        (Some(own), false) => quote! { |out, p, value| { #own(out, p, value); #notes } },
    };
    match ty {
        Type::String => quote! { support::text(#check) },
        Type::Struct(name) => {
            let name = ident(name);
            quote! { support::nested::<#scope #name>() }
        }
        // Lowering refuses files in tables and bodies; a free-form object is what is left of such a
        // value.
        Type::JsonObject | Type::File => quote! { support::FreeForm },
        Type::Any => quote! { support::AnyValue },
        Type::I32 | Type::I64 | Type::F64 | Type::Bool | Type::Enum(_) => {
            let rust = rust_type_in(ty, scope);
            quote! { support::scalar::<#rust, _>(#check) }
        }
        Type::Vec(inner) | Type::Map(inner) => {
            let inner = value_reader(inner, scope, None, TokenStream::new());
            if matches!(ty, Type::Vec(_)) {
                quote! { support::Items { item: #inner, min: ::std::option::Option::None, max: ::std::option::Option::None } }
            } else {
                quote! { support::Values(#inner) }
            }
        }
    }
}

fn emit_rule(k: usize, check: &RuleCheck<'_>) -> TokenStream {
    match check {
        RuleCheck::Presence(p) => {
            let (holds, absent) = (holds(k), p.condition.absent_holds);
            let walk = walk(p.target, &p.finals, p.required, p.condition);
            presence_check(p.required, quote! { #holds.unwrap_or(#absent) }, walk)
        }
        RuleCheck::LessThan { field, than } => {
            less_than_check(field, than, number(field.position), number(than.position))
        }
        RuleCheck::AtLeastOneOf { groups, text } => at_least_one_of_check(groups, text, |f| {
            let slot = slot(f.position);
            quote! { #slot.is_some() }
        }),
    }
}

/// Reports whether each of `finals` is present: fields of the object itself, or of the objects one
/// field holds (whose presence the field's reader noted in its `Seen`).
fn walk(
    target: &FieldPath,
    finals: &[&crate::ir::FieldRef],
    required: bool,
    condition: &Condition,
) -> TokenStream {
    let [first, ..] = target.steps.as_slice() else {
        return quote! {};
    };
    if target.steps.len() == 1 {
        let reports = finals.iter().map(|f| {
            let slot = slot(f.position);
            let present = quote! { #slot.is_some() };
            presence_report(required, &quote! { path }, &f.wire, present, condition)
        });
        return quote! { #(#reports)* };
    }
    let (wire, seen) = (&first.field.wire, seen(first.field.position));
    let at = if first.array {
        quote! { item }
    } else {
        quote! { holder }
    };
    let reports = finals.iter().map(|f| {
        let bit = bit(f.position);
        presence_report(
            required,
            &at,
            &f.wire,
            quote! { present & #bit != 0 },
            condition,
        )
    });
    let each = if first.array {
        quote! { (i, present) }
    } else {
        quote! { (_, present) }
    };
    let item = if first.array {
        quote! { let item = holder.index(i); }
    } else {
        quote! {}
    };
    quote! {
        let holder = path.field(#wire);
        for #each in #seen.present() {
            #item
            #(#reports)*
        }
    }
}
