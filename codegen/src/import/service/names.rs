//! Which definitions of a service's pages are one type, where each lives and what it is called.
//!
//! The rule (spec/README.md, "Importing a service"): definitions with the same name and the same
//! shape ([`super::shapes`]) on two or more pages are one type in `common.json`; one on a single
//! page stays in that page's file. A table without a Mandatory column (a response's) says nothing
//! about which fields are mandatory: it is the same type as the one table of that name and shape
//! that does say (the generator makes every field optional where a response reads it). Where pages
//! give one name different shapes, the shape on the most pages keeps the name (on a tie, the one
//! whose first operation sorts first) and every other shape is named `{Operation}{Name}` after the
//! first operation that has it (`CreatingAnApiStatus`), with a number appended while that is taken;
//! so is every shape of a name the generator gives a type of every operation module (`Response`).
//! `common.json` entries that files outside this import use are kept as they are, and a page's
//! definition with the same name and shape (or a name ending with it) reuses them.

use super::shapes::{references, retarget_references, Def, Defs, Scope, Shapes};
use crate::import::review::{Kind, Review};
use heck::ToUpperCamelCase;
use std::collections::{BTreeMap, BTreeSet};

/// An imported page: its operation's name and definitions.
pub struct PageDefs {
    pub op: String,
    pub defs: Defs,
    /// The objects from tables without a Mandatory column.
    pub silent_on_presence: BTreeSet<String>,
}

/// Where every definition of the imported pages goes.
#[derive(Default)]
pub struct Plan {
    /// By operation: a definition's name on the page, its name in the service, and whether it is in
    /// `common.json`.
    pub names: BTreeMap<String, BTreeMap<String, (String, bool)>>,
    /// The service's `common.json` definitions, by name.
    pub common: Defs,
    pub report: Vec<Review>,
}

/// One shape of a name, with the pages that give it.
struct Group<'a> {
    shape: String,
    /// The shape without which fields are mandatory, and whether every page has it from a table
    /// without a Mandatory column (then it is the same type as one with that loose shape).
    loose: String,
    silent: bool,
    /// The pages that have it; the first is the one whose definition is used.
    ops: Vec<&'a PageDefs>,
    name: Option<String>,
    /// Whether the type is in `common.json`.
    common: bool,
}

impl<'a> Group<'a> {
    /// The group an occurrence starts: its page alone, not yet named.
    fn of(o: Occurrence<'a>) -> Self {
        Group {
            shape: o.full,
            loose: o.loose,
            silent: o.silent,
            ops: vec![o.page],
            name: None,
            common: false,
        }
    }
}

/// Plans `pages` (sorted by operation) into a service whose `common.json` has `kept` (the entries
/// other files use) and whose other files define `taken`.
pub fn plan(pages: &[PageDefs], kept: &Defs, taken: &BTreeSet<String>) -> Plan {
    let kept_shape = kept_shapes(kept);
    let mut by_name: BTreeMap<&str, Vec<Group<'_>>> = occurrences(pages, kept)
        .into_iter()
        .map(|(name, found)| (name, groups(found)))
        .collect();
    name_groups(&mut by_name, &kept_shape, kept, taken);
    let mut plan = Plan {
        common: kept.clone(),
        ..Plan::default()
    };
    for (name, groups) in &mut by_name {
        for group in groups.iter_mut() {
            group.common |= group.ops.len() > 1;
            let final_name = group.name.clone().unwrap_or_default();
            for page in &group.ops {
                plan.names
                    .entry(page.op.clone())
                    .or_default()
                    .insert((*name).to_owned(), (final_name.clone(), group.common));
            }
        }
        plan.report_names(name, groups);
    }
    for (name, groups) in &by_name {
        for group in groups
            .iter()
            .filter(|g| g.common && !kept.contains_key(g.name.as_deref().unwrap_or_default()))
        {
            let first = group.ops[0];
            let def = rename_references(&first.defs[*name], &plan.names[&first.op]);
            let entry = shared_description(def, &group.ops);
            plan.report_prose(name, group);
            plan.common
                .insert(group.name.clone().unwrap_or_default(), entry);
        }
    }
    plan
}

/// The shape, and the shape without which fields are mandatory, of each `common.json` entry kept.
fn kept_shapes(kept: &Defs) -> BTreeMap<&str, (String, String)> {
    let empty = Defs::new();
    let mut kept_shapes = Shapes::default();
    let kept_scope = Scope {
        own: kept,
        common: &empty,
    };
    let mut kept_loose = Shapes::loose();
    kept.keys()
        .map(|n| {
            (
                n.as_str(),
                (
                    kept_shapes.of(&kept_scope, n),
                    kept_loose.of(&kept_scope, n),
                ),
            )
        })
        .collect()
}

/// Each name the pages define, with its definition on each page.
fn occurrences<'a>(pages: &'a [PageDefs], kept: &Defs) -> BTreeMap<&'a str, Vec<Occurrence<'a>>> {
    let mut occurrences: BTreeMap<&str, Vec<Occurrence<'_>>> = BTreeMap::new();
    for page in pages {
        let scope = Scope {
            own: &page.defs,
            common: kept,
        };
        let (mut full, mut loose) = (Shapes::default(), Shapes::loose());
        for name in page.defs.keys() {
            let silent = page.silent_on_presence.contains(name);
            occurrences.entry(name).or_default().push(Occurrence {
                page,
                full: full.of(&scope, name),
                loose: loose.of(&scope, name),
                silent,
            });
        }
    }
    occurrences
}

/// Names each group of each name: a kept `common.json` entry of its shape, else the name itself for
/// the shape on the most pages, else `{Operation}{Name}` (numbered while taken). `taken` are the
/// names other files define.
fn name_groups(
    by_name: &mut BTreeMap<&str, Vec<Group<'_>>>,
    kept_shape: &BTreeMap<&str, (String, String)>,
    kept: &Defs,
    taken: &BTreeSet<String>,
) {
    let mut taken: BTreeSet<String> = taken.iter().chain(kept.keys()).cloned().collect();
    for (name, groups) in by_name.iter_mut() {
        groups.sort_by(|a, b| {
            b.ops
                .len()
                .cmp(&a.ops.len())
                .then_with(|| first_op(a).cmp(first_op(b)))
        });
        for group in groups.iter_mut() {
            let same = |(full, loose): &(String, String)| {
                *full == group.shape || (group.silent && *loose == group.loose)
            };
            let reuse = kept_shape
                .iter()
                .filter(|(k, s)| k.ends_with(*name) && same(s))
                .map(|(k, _)| *k)
                .min_by_key(|k| (k != name, *k));
            if let Some(existing) = reuse {
                (group.name, group.common) = (Some(existing.to_owned()), true);
            }
        }
        if let Some(first) = groups
            .iter_mut()
            .find(|g| g.name.is_none())
            .filter(|_| !taken.contains(*name) && !generated_name(name))
        {
            first.name = Some((*name).to_owned());
            taken.insert((*name).to_owned());
        }
    }
    for (name, groups) in by_name.iter_mut() {
        for group in groups.iter_mut().filter(|g| g.name.is_none()) {
            let base = format!("{}{name}", first_op(group).to_upper_camel_case());
            let free = (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}{n}")
                    }
                })
                .find(|n| !taken.contains(n))
                .unwrap_or(base);
            taken.insert(free.clone());
            group.name = Some(free);
        }
    }
}

/// Whether the type `name` would become is one the generator defines in every operation module
/// (`Response`): a table of that name is named after its operation instead.
fn generated_name(name: &str) -> bool {
    crate::naming::RESERVED_TYPE_NAMES.contains(&crate::naming::type_ident(name).as_str())
}

/// A definition of a name on one page.
struct Occurrence<'a> {
    page: &'a PageDefs,
    full: String,
    loose: String,
    silent: bool,
}

/// The occurrences of one name grouped into types: by shape, a table without a Mandatory column
/// joining the one shape of those with it that is the same but for `required` (where there are
/// several, it stays apart).
fn groups(found: Vec<Occurrence<'_>>) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut loose_of: Vec<String> = Vec::new();
    let (said, silent): (Vec<_>, Vec<_>) = found.into_iter().partition(|o| !o.silent);
    for o in said {
        match groups.iter_mut().find(|g| g.shape == o.full) {
            Some(group) => group.ops.push(o.page),
            None => {
                loose_of.push(o.loose.clone());
                groups.push(Group::of(o));
            }
        }
    }
    for o in silent {
        let same: Vec<usize> = (0..groups.len())
            .filter(|&i| loose_of[i] == o.loose)
            .collect();
        let joins = match same.as_slice() {
            [one] => Some(*one),
            _ => groups.iter().position(|g| g.shape == o.full),
        };
        match joins {
            Some(i) => groups[i].ops.push(o.page),
            None => {
                loose_of.push(o.loose.clone());
                groups.push(Group::of(o));
            }
        }
    }
    for group in &mut groups {
        let first = group.ops[0];
        group.ops.sort_by(|a, b| a.op.cmp(&b.op));
        // The definition used is one that says which fields are mandatory: keep it first.
        if let Some(at) = group.ops.iter().position(|p| std::ptr::eq(*p, first)) {
            let rep = group.ops.remove(at);
            group.ops.insert(0, rep);
        }
    }
    groups
}

impl Plan {
    /// One review line for a name the pages give more than one shape, or that had to be renamed.
    fn report_names(&mut self, name: &str, groups: &[Group<'_>]) {
        if groups.len() == 1 && groups[0].name.as_deref() == Some(name) {
            return;
        }
        let shapes: Vec<String> = groups
            .iter()
            .map(|g| {
                let ops: Vec<&str> = g.ops.iter().map(|p| p.op.as_str()).collect();
                format!(
                    "{} on {}",
                    g.name.as_deref().unwrap_or_default(),
                    ops.join(", ")
                )
            })
            .collect();
        let what = if generated_name(name) {
            "is the name of a type every operation module defines".to_owned()
        } else if groups.len() == 1 {
            "is taken by a file outside this import".to_owned()
        } else {
            format!("has {} shapes", groups.len())
        };
        let text = format!(
            "{name} {what}: {}; review the names in the overlays (`bodies`, `fields.X.enum`)",
            shapes.join("; ")
        );
        self.report.push(Review::new(Kind::NameShapes, text));
    }

    /// A review line where the pages sharing a type describe it differently: the first page's prose
    /// is kept.
    fn report_prose(&mut self, name: &str, group: &Group<'_>) {
        let first = &group.ops[0].defs[name];
        let differ: Vec<&str> = group.ops[1..]
            .iter()
            .filter(|p| p.defs[name] != *first)
            .map(|p| p.op.as_str())
            .collect();
        if !differ.is_empty() {
            let final_name = group.name.as_deref().unwrap_or_default();
            let text = format!(
                "{final_name}: the same type is described differently on {}; common.json has the descriptions of {}",
                differ.join(", "),
                group.ops[0].op
            );
            self.report
                .push(Review::new(Kind::SharedProseDiffers, text));
        }
    }
}

/// The first operation, by name, that has the group's type.
fn first_op<'a>(group: &Group<'a>) -> &'a str {
    group
        .ops
        .iter()
        .map(|p| p.op.as_str())
        .min()
        .unwrap_or_default()
}

/// The definition with its references renamed as `names` says.
pub fn rename_references(def: &Def, names: &BTreeMap<String, (String, bool)>) -> Def {
    let mut def = def.clone();
    retarget_references(&mut def, |target| names.get(target).map(|(n, _)| n.clone()));
    def
}

/// A shared type's entry: the first page's, with a paragraph naming the operations that use it.
fn shared_description(mut def: Def, pages: &[&PageDefs]) -> Def {
    let ops: Vec<String> = pages.iter().map(|p| format!("`{}`", p.op)).collect();
    let line = format!("Shared by {} operations: {}.", ops.len(), ops.join(", "));
    def.description_mut().push(line);
    def
}

/// The `common.json` entries that other operations use (`files`, their definitions, and `bodies`,
/// the types their bodies name), with what those entries use in turn.
pub fn used_by(files: &[&Defs], bodies: &[&str], common: &Defs) -> Defs {
    let mut open: Vec<&str> = files
        .iter()
        .flat_map(|defs| defs.values().flat_map(references))
        .chain(bodies.iter().copied())
        .collect();
    let mut used = Defs::new();
    while let Some(name) = open.pop() {
        if used.contains_key(name) {
            continue;
        }
        if let Some(def) = common.get(name) {
            used.insert(name.to_owned(), def.clone());
            open.extend(references(def));
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn page(op: &str, defs: Value) -> PageDefs {
        PageDefs {
            op: op.to_owned(),
            silent_on_presence: BTreeSet::new(),
            defs: serde_json::from_value(defs).unwrap(),
        }
    }

    fn def(value: Value) -> Def {
        serde_json::from_value(value).unwrap()
    }

    fn status(values: &[i64]) -> Value {
        json!({ "type": "integer", "values": values.iter().map(|v| json!({ "value": v, "name": format!("V{v}") })).collect::<Vec<_>>() })
    }

    #[test]
    fn shared_shapes_go_to_common_and_others_are_named_after_their_first_operation() {
        let pages = [
            page("a_op", json!({ "Status": status(&[1, 2]) })),
            page("b_op", json!({ "Status": status(&[1, 2]) })),
            page("c_op", json!({ "Status": status(&[3]) })),
            page("d_op", json!({ "Local": status(&[1]) })),
        ];
        let plan = plan(&pages, &Defs::new(), &BTreeSet::new());
        assert_eq!(plan.names["a_op"]["Status"], ("Status".to_owned(), true));
        assert_eq!(plan.names["b_op"]["Status"], ("Status".to_owned(), true));
        assert_eq!(
            plan.names["c_op"]["Status"],
            ("COpStatus".to_owned(), false)
        );
        assert_eq!(plan.names["d_op"]["Local"], ("Local".to_owned(), false));
        assert_eq!(plan.common.keys().collect::<Vec<_>>(), ["Status"]);
        assert_eq!(plan.report.len(), 1, "{:?}", plan.report);
    }

    #[test]
    fn a_table_named_like_a_generated_type_is_named_after_its_operation() {
        let object = json!({ "fields": [{ "name": "id", "type": "string" }] });
        let pages = [
            page("deleting_an_engine", json!({ "Response": object.clone() })),
            page("querying_engines", json!({ "Response": object })),
        ];
        let plan = plan(&pages, &Defs::new(), &BTreeSet::new());
        let name = ("DeletingAnEngineResponse".to_owned(), true);
        assert_eq!(plan.names["deleting_an_engine"]["Response"], name);
        assert_eq!(plan.names["querying_engines"]["Response"], name);
        assert!(plan.report[0]
            .text
            .contains("Response is the name of a type every operation module defines"));
    }

    #[test]
    fn kept_common_entries_are_reused_and_their_names_are_taken() {
        let mut kept = Defs::new();
        kept.insert("Status".to_owned(), def(status(&[1, 2])));
        kept.insert("XOpStatus".to_owned(), def(status(&[5])));
        let pages = [
            page("e_op", json!({ "Status": status(&[1, 2]) })),
            page("f_op", json!({ "Status": status(&[5]) })),
            page("g_op", json!({ "Status": status(&[6]) })),
        ];
        let plan = plan(&pages, &kept, &BTreeSet::new());
        assert_eq!(plan.names["e_op"]["Status"], ("Status".to_owned(), true));
        assert_eq!(plan.names["f_op"]["Status"], ("XOpStatus".to_owned(), true));
        assert_eq!(
            plan.names["g_op"]["Status"],
            ("GOpStatus".to_owned(), false)
        );
    }
}
