//! The enumerations rows make: from an "Enumeration values:" block, or from `value: meaning`
//! bullets of an integer row; named by the overlay or after the row, their values named by the
//! overlay or by [`naming::spec_variant_name`].

use super::{Builder, EnumDef};
use crate::import::page::{Paragraph, Row, Type};
use crate::import::review::{Kind, Review};
use crate::import::rules::{self, Listed, Stated};
use crate::naming;
use crate::spec::{self, Literal};
use heck::ToUpperCamelCase;
use std::collections::{BTreeSet, HashMap};

impl Builder<'_> {
    /// The enumeration a row makes, if any, and the description paragraphs it consumed (the bullets
    /// giving its values' meanings). A row enumerates values when it has an "Enumeration values:"
    /// block, or when it is an integer whose bullets all read `value: meaning`.
    pub(super) fn enumeration(
        &mut self,
        object: &str,
        row: &Row,
    ) -> (Option<String>, BTreeSet<usize>) {
        let place = format!("{object}.{}", row.name);
        let bullets: Vec<(usize, &str)> = row
            .description
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                if let Paragraph::Bullet(b) = p {
                    Some((i, b.as_str()))
                } else {
                    None
                }
            })
            .collect();
        let integer = matches!(row.ty, Type::Integer | Type::Long);
        let meanings_only = integer
            && !bullets.is_empty()
            && bullets.iter().all(|(_, b)| {
                b.split_once(':')
                    .is_some_and(|(v, _)| v.trim().parse::<i64>().is_ok())
            });
        let values: Vec<String> = match (&row.enumeration, meanings_only) {
            (Some(values), _) if !values.is_empty() => values.clone(),
            (_, true) => {
                let text = format!(
                    "{place}: an enumeration made from the description's `value: meaning` bullets (the row has no \"Enumeration values:\" block)"
                );
                self.review_row(row, Kind::EnumFromBullets, text);
                bullets
                    .iter()
                    .filter_map(|(_, b)| b.split_once(':'))
                    .map(|(v, _)| v.trim().to_owned())
                    .collect()
            }
            _ => return (None, BTreeSet::new()),
        };
        if !matches!(row.ty, Type::String | Type::Integer | Type::Long) {
            let text = format!(
                "{place}: enumeration values on a {} row are ignored",
                row.ty.spec_name()
            );
            self.review_row(row, Kind::EnumIgnored, text);
            return (None, BTreeSet::new());
        }
        let mut consumed = BTreeSet::new();
        let mut meanings: HashMap<&str, String> = HashMap::new();
        for &(i, bullet) in &bullets {
            if values.iter().any(|v| v == bullet.trim()) {
                consumed.insert(i);
            } else if let Some((value, meaning)) = bullet
                .split_once(':')
                .filter(|(v, _)| values.iter().any(|x| x == v.trim()))
            {
                consumed.insert(i);
                meanings.insert(value.trim(), meaning.trim().to_owned());
            }
        }
        let listed: Vec<(String, Option<String>)> = values
            .iter()
            .map(|v| (v.clone(), meanings.get(v.as_str()).cloned()))
            .collect();
        (Some(self.define_enum(object, row, &listed)), consumed)
    }

    /// The enumeration a closed list of the row's prose makes ("The value can be TCP, UDP_CONNECT,
    /// HTTP, HTTPS, or PING."), for a string or integer row without an "Enumeration values:" block.
    pub(super) fn prose_enumeration(
        &mut self,
        object: &str,
        row: &Row,
        values: &Stated<Vec<Listed>>,
    ) -> Option<String> {
        if !matches!(row.ty, Type::String | Type::Integer | Type::Long) {
            return None;
        }
        let text = format!(
            "{object}.{}: an enumeration made from the sentence {:?}",
            row.name, values.sentence
        );
        self.review_row(row, Kind::EnumFromSentence, text);
        let listed: Vec<(String, Option<String>)> = values
            .value
            .iter()
            .map(|l| (l.value.clone(), l.meaning.clone()))
            .collect();
        Some(self.define_enum(object, row, &listed))
    }

    /// Defines (or finds) the enumeration of a row from its values and their meanings, named by the
    /// overlay or after the row.
    fn define_enum(
        &mut self,
        object: &str,
        row: &Row,
        values: &[(String, Option<String>)],
    ) -> String {
        let place = format!("{object}.{}", row.name);
        let integer = matches!(row.ty, Type::Integer | Type::Long);
        let name = self
            .overlays
            .enum_name(object, &row.name)
            .unwrap_or_else(|| row.name.to_upper_camel_case());
        let ty = if integer { "integer" } else { "string" };
        let mut parsed = Vec::new();
        for (value, meaning) in values {
            let wire = if integer {
                match value.parse::<i64>() {
                    Ok(n) => Literal::Integer(n),
                    Err(_) => {
                        let text = format!(
                            "{place}: enumeration value {value:?} is not an integer; skipped"
                        );
                        self.review_row(row, Kind::EnumIgnored, text);
                        continue;
                    }
                }
            } else {
                Literal::String(value.clone())
            };
            parsed.push((wire, meaning.clone()));
        }
        let same = |e: &EnumDef| e.values == parsed && e.ty == ty;
        let name = match self.enums.iter().find(|e| e.name == name) {
            Some(existing) if !same(existing) => {
                // Another row of the page enumerates other values under this name: this row's
                // enumeration is named after its object too.
                let apart = format!("{}{name}", object.to_upper_camel_case());
                let from = existing.from.clone();
                let text = format!("{place}: the enumeration {name} differs from the one {from} makes; this one is named {apart}");
                self.review_row(row, Kind::EnumNameTaken, text);
                apart
            }
            _ => name,
        };
        match self.enums.iter().find(|e| e.name == name) {
            Some(existing) if !same(existing) => {
                let from = existing.from.clone();
                let text = format!("{place}: the enumeration {name} differs from the one {from} makes; the first is kept (name this one apart in the overlay)");
                self.review_row(row, Kind::EnumNameTaken, text);
            }
            Some(_) => {}
            None => self.enums.push(EnumDef {
                name: name.clone(),
                ty,
                description: first_sentence(row),
                values: parsed,
                from: place,
            }),
        }
        name
    }

    /// Reports where the prose lists other values than the row's "Enumeration values:" block (the
    /// block's are used).
    pub(super) fn compare_listed(
        &mut self,
        place: &str,
        row: &Row,
        name: &str,
        listed: &Stated<Vec<Listed>>,
    ) {
        let Some(e) = self.enums.iter().find(|e| e.name == name) else {
            return;
        };
        let mut block: Vec<String> = e.values.iter().map(|(v, _)| wire_text(v)).collect();
        let mut prose: Vec<String> = listed.value.iter().map(|l| l.value.clone()).collect();
        block.sort();
        prose.sort();
        if block != prose {
            let text = format!(
                "{place}: the prose lists {} ({:?}) but the enumeration {name} has {}; the enumeration's values are used",
                prose.join(", "),
                listed.sentence,
                block.join(", ")
            );
            self.review_row(row, Kind::TableProseDisagree, text);
        }
    }

    /// Whether `value` (a default as the page writes it) is a value of the enumeration `name`, or
    /// one of the overlay's aliases of one.
    pub(super) fn enum_has(&self, name: &str, value: &Literal) -> bool {
        let Some(e) = self.enums.iter().find(|e| e.name == name) else {
            return true;
        };
        let aliases = self
            .overlays
            .enum_patches(name)
            .iter()
            .flat_map(|p| p.aliases.values().flatten().cloned().collect::<Vec<_>>())
            .collect::<Vec<_>>();
        e.values.iter().any(|(v, _)| v == value) || aliases.contains(value)
    }

    /// A variant's name: the overlay's, else the one [`naming::spec_variant_name`] makes.
    pub(super) fn variant_name(
        &self,
        e: &EnumDef,
        value: &Literal,
        meaning: Option<&str>,
    ) -> String {
        let wire = wire_text(value);
        if let Some(name) = self
            .overlays
            .enum_patches(&e.name)
            .iter()
            .rev()
            .find_map(|p| p.variants.get(&wire))
        {
            return name.clone();
        }
        naming::spec_variant_name(&wire, value.as_str().is_some(), meaning)
    }

    /// The enumeration as the spec writes it, with the overlay's names, aliases, description and
    /// decision; and a review line for each value whose name another value already has (`reqPath`
    /// and `req_path` are both `ReqPath`): it gets a number (`ReqPath2`).
    pub(super) fn enum_spec(&self, e: &EnumDef) -> (spec::Enum, Vec<Review>) {
        let patches = self.overlays.enum_patches(&e.name);
        let mut review = Vec::new();
        let mut used: BTreeSet<String> = BTreeSet::new();
        let values = e
            .values
            .iter()
            .map(|(value, meaning)| {
                let named = self.variant_name(e, value, meaning.as_deref());
                let name = (1..).map(|n| if n == 1 { named.clone() } else { format!("{named}{n}") }).find(|n| !used.contains(n)).unwrap_or_default();
                if name != named {
                    let text = format!("{}: the value {value} would be named {named} like another value; it is named {name}", e.name);
                    review.push(Review::new(Kind::VariantNamesCollide, text));
                }
                used.insert(name.clone());
                spec::EnumValue {
                    value: value.clone(),
                    name: Some(name),
                    meaning: meaning.clone(),
                    aliases: patches.iter().rev().find_map(|p| p.aliases.get(&wire_text(value))).into_iter().flatten().cloned().collect(),
                }
            })
            .collect();
        let spec = spec::Enum {
            ty: e.ty.to_owned(),
            description: patches
                .iter()
                .rev()
                .find_map(|p| p.description.clone())
                .unwrap_or_else(|| e.description.clone()),
            values,
            decision: patches.iter().rev().find_map(|p| p.decision.clone()),
        };
        (spec, review)
    }
}

/// A wire value as the overlay's keys write it: a string as itself, an integer in decimal.
pub(super) fn wire_text(value: &Literal) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// The first sentence of a row's first paragraph: an enumeration's description.
fn first_sentence(row: &Row) -> Vec<String> {
    row.description
        .iter()
        .find_map(|p| match p {
            Paragraph::Text(text) => rules::sentences(text).first().map(|s| (*s).to_owned()),
            Paragraph::Bullet(_) => None,
        })
        .into_iter()
        .collect()
}
