//! Puts the rules the prose of request-side rows states on the objects they concern: a comparison
//! on the row's object, an alternative on the object that holds all its fields, a condition on the
//! object that holds the field it tests (the row's, or one that contains it), with its phrases
//! resolved to that field's values.

use super::enums::wire_text;
use super::fields::typed_literal;
use super::{Builder, Object, PlacedRule};
use crate::import::page::Type;
use crate::import::review::Kind;
use crate::import::rules::{self, ConditionKind};
use crate::spec;
use std::collections::BTreeSet;

impl Builder<'_> {
    /// Places the rules the prose of request-side rows states on the objects they concern.
    pub(super) fn build_rules(&mut self) {
        let parents = self.request_parents();
        for i in 0..self.objects.len() {
            if !self.objects[i].request_side() {
                continue;
            }
            for r in 0..self.objects[i].facts.len() {
                let facts = self.objects[i].facts[r].clone();
                let row = self.objects[i].table().rows[r].name.clone();
                let place = format!("{}.{row}", self.objects[i].name);
                for condition in &facts.conditions {
                    self.place_condition(i, &row, &place, condition, &parents);
                }
                for comparison in &facts.comparisons {
                    if self.objects[i].row(&comparison.other).is_none() {
                        let text = format!(
                            "{place}: not resolved: {:?}: no field {} in {}",
                            comparison.source, comparison.other, self.objects[i].name
                        );
                        let review = self.object_row_review(i, &row, Kind::Unresolved, text);
                        self.report.push(review);
                        continue;
                    }
                    let (field, than) = if comparison.less_than {
                        (row.clone(), comparison.other.clone())
                    } else {
                        (comparison.other.clone(), row.clone())
                    };
                    let rule = spec::Rule::LessThan {
                        field,
                        than,
                        source: comparison.source.clone(),
                        decision: None,
                        checked: true,
                    };
                    self.objects[i].rules.push(PlacedRule {
                        rule,
                        mirrored: !comparison.less_than,
                    });
                }
                for alternative in &facts.at_least_one_of {
                    let names: Vec<&String> = alternative.groups.iter().flatten().collect();
                    let holds = |o: &Object<'_>| names.iter().all(|n| o.row(n).is_some());
                    let target = if holds(&self.objects[i]) {
                        Some(i)
                    } else {
                        self.row_object(i, r).filter(|&t| holds(&self.objects[t]))
                    };
                    let Some(target) = target else {
                        let text = format!(
                            "{place}: not resolved: {:?}: the fields are not in one table",
                            alternative.source
                        );
                        let review = self.object_row_review(i, &row, Kind::Unresolved, text);
                        self.report.push(review);
                        continue;
                    };
                    let rule = spec::Rule::AtLeastOneOf {
                        groups: alternative.groups.clone(),
                        source: alternative.source.clone(),
                        decision: None,
                        checked: true,
                    };
                    self.objects[target].rules.push(PlacedRule {
                        rule,
                        mirrored: false,
                    });
                }
            }
        }
    }

    /// The object a row's type names, if it is on the page.
    fn row_object(&self, object: usize, row: usize) -> Option<usize> {
        match &self.objects[object].table().rows[row].ty {
            Type::Object(name) => self.index.get(name).copied(),
            Type::Array(items) => match items.as_ref() {
                Type::Object(name) => self.index.get(name).copied(),
                _ => None,
            },
            _ => None,
        }
    }

    /// For each request-side object, the request-side objects with a row of its type: (parent, row
    /// name, whether the row is an array).
    fn request_parents(&self) -> Vec<Vec<(usize, String, bool)>> {
        let mut parents = vec![Vec::new(); self.objects.len()];
        for (p, object) in self
            .objects
            .iter()
            .enumerate()
            .filter(|(_, o)| o.request_side())
        {
            for (r, row) in object.table().rows.iter().enumerate() {
                if let Some(child) = self
                    .row_object(p, r)
                    .filter(|&c| self.objects[c].request_side())
                {
                    parents[child].push((p, row.name.clone(), matches!(row.ty, Type::Array(_))));
                }
            }
        }
        parents
    }

    /// The objects, nearest first, that hold a field named one of `candidates`: the row's object,
    /// else the objects that contain it, level by level; each with the path from it to the row's
    /// object and the field's name.
    fn condition_hosts(
        &self,
        object: usize,
        candidates: &[String],
        parents: &[Vec<(usize, String, bool)>],
    ) -> Vec<(usize, String, String)> {
        let mut level = vec![(object, String::new())];
        let mut seen = BTreeSet::from([object]);
        let mut hosts = Vec::new();
        for _ in 0..8 {
            hosts = level
                .iter()
                .filter_map(|(o, prefix)| {
                    candidates
                        .iter()
                        .find(|c| self.objects[*o].row(c).is_some())
                        .map(|c| (*o, prefix.clone(), c.clone()))
                })
                .collect();
            if !hosts.is_empty() || level.is_empty() {
                break;
            }
            level = level
                .iter()
                .flat_map(|(o, prefix)| {
                    parents[*o].iter().map(move |(p, name, array)| {
                        (
                            *p,
                            format!("{name}{}.{prefix}", if *array { "[]" } else { "" }),
                        )
                    })
                })
                .filter(|(p, _)| seen.insert(*p))
                .collect();
        }
        hosts
    }

    /// Resolves a condition's subject to a field of the row's object or, nearest first, of an
    /// object that contains it, and its values to that field's values; the rule goes on that
    /// object.
    fn place_condition(
        &mut self,
        object: usize,
        row: &str,
        place: &str,
        condition: &rules::Condition,
        parents: &[Vec<(usize, String, bool)>],
    ) {
        let mut candidates = vec![condition.subject.replace(' ', "_").to_ascii_lowercase()];
        if let Some(term) = self.overlays.term(&condition.subject) {
            candidates.insert(0, term.to_owned());
        }
        let hosts = self.condition_hosts(object, &candidates, parents);
        if hosts.is_empty() {
            let candidates = candidates.join("` or `");
            let help = "name it in the overlay's terms, or list the sentence as a note";
            let text = format!("{place}: not resolved: {:?}: no field `{candidates}` in this table or one that contains it ({help})", condition.source);
            let review = self.object_row_review(object, row, Kind::Unresolved, text);
            self.report.push(review);
            return;
        }
        for (host, prefix, field) in hosts {
            let Some(values) = self.condition_values(host, &field, &condition.values) else {
                let text = format!(
                    "{place}: not resolved: {:?}: {:?} are not values of {}.{field}",
                    condition.source, condition.values, self.objects[host].name
                );
                let review = self.object_row_review(object, row, Kind::Unresolved, text);
                self.report.push(review);
                continue;
            };
            let when = spec::Condition { field, values };
            let (field, source) = (format!("{prefix}{row}"), condition.source.clone());
            let rule = match condition.kind {
                ConditionKind::RequiredIf => spec::Rule::RequiredIf {
                    field,
                    when,
                    source,
                    decision: None,
                    checked: true,
                },
                ConditionKind::ForbiddenUnless => spec::Rule::ForbiddenUnless {
                    field,
                    when,
                    source,
                    decision: None,
                    checked: true,
                },
            };
            self.objects[host].rules.push(PlacedRule {
                rule,
                mirrored: false,
            });
        }
    }

    /// The values of `field` (a row of `object`) that phrases name: an enumeration's value, variant
    /// name or meaning, ignoring case, or what the overlay's terms say the phrase means.
    fn condition_values(
        &self,
        object: usize,
        field: &str,
        phrases: &[String],
    ) -> Option<Vec<spec::Literal>> {
        let o = &self.objects[object];
        let r = o.row(field)?;
        let row = &o.table().rows[r];
        let enumeration = o.row_enums[r]
            .as_ref()
            .and_then(|name| self.enums.iter().find(|e| &e.name == name));
        let resolve = |phrase: &str| -> Option<spec::Literal> {
            match enumeration {
                Some(e) => e.values.iter().find_map(|(value, meaning)| {
                    let wire = wire_text(value);
                    let variant = self.variant_name(e, value, meaning.as_deref());
                    let meaning = meaning.as_deref().unwrap_or_default().trim_end_matches('.');
                    [wire.as_str(), variant.as_str(), meaning]
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(phrase))
                        .then(|| value.clone())
                }),
                // A condition compares a string, integer or boolean field: "func_mounts is not
                // empty" of an array names no value of it.
                None if matches!(
                    row.ty,
                    Type::String | Type::Integer | Type::Long | Type::Boolean
                ) =>
                {
                    typed_literal(
                        phrase,
                        &row.ty,
                        matches!(row.ty, Type::Integer | Type::Long),
                    )
                }
                None => None,
            }
        };
        phrases
            .iter()
            .map(|p| resolve(p).or_else(|| self.overlays.term(p).and_then(resolve)))
            .collect()
    }
}
