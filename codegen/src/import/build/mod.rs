//! Assembles the spec file from a split page: every table becomes an object (identical error tables
//! one object, a table repeated under the responses the same object), every row a field with the
//! data its table lines and its prose state, every enumerated row an enumeration; conditions
//! written in prose are resolved to the fields and values they mean and placed on the object that
//! holds the condition's field. Names the page does not give come from the overlays; what cannot be
//! decided goes to the report.
//!
//! One step a file: `status` puts a response under no status under the page's only success,
//! `roles` decides what each table is (from the rows `links` finds referring to it
//! and from its section), `cases` merges the tables that describe one thing for different cases, `parameters` gathers the
//! operation's parameters, `objects` groups the tables into objects (`descriptions` says which tables an
//! object comes from), `fields` makes each row a field, `enums` the enumerations rows make,
//! `unsupported` leaves out the rows of types the format lacks, `references` types the rows that
//! refer to a table as its object, `evidence` holds the checks read from the prose against the
//! page's own examples and defaults, `placement` puts the prose's rules on the objects they
//! concern, and `assemble` writes the spec file.
//!
//! Everything is built as the spec's own types ([`crate::spec`]), so that a key cannot be
//! misspelled and what is left out is decided where the type is declared; the import is a typed
//! [`spec::Document`]. A field is a [`spec::OrderedField`]: the overlay's patches and the page's
//! examples add and take away its keys, and the order that leaves is the one the checked-in patched
//! specs have. An overlay's field patch is applied by key (`fields`), the one place a field is JSON.

mod assemble;
mod bodies;
mod cases;
mod descriptions;
mod enums;
mod evidence;
mod fields;
mod links;
mod objects;
mod parameters;
mod placement;
mod references;
mod roles;
mod undocumented;
mod unsupported;

use super::overlay::Overlays;
use super::page::{Page, Row, Side, Table};
use super::review::{Kind, Review};
use super::rules::Facts;
use crate::spec;
use std::collections::{BTreeSet, HashMap};

/// The operation a page is imported as: its service and snake_case name (from the overlay's place,
/// `spec/<service>/<name>.overlay.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub service: String,
    pub name: String,
}

/// An imported page.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The operation's spec file.
    pub spec: spec::Document,
    /// The objects the page contributes to the service's `common.json`, by name.
    pub common_objects: spec::Entries<spec::PlainObject>,
    /// The enumerations it contributes to `common.json`.
    pub common_enums: spec::Entries<spec::Enum>,
    /// What a person should review: sentences not recognized, the table and the prose disagreeing,
    /// overlay entries that matched nothing.
    pub report: Vec<Review>,
    /// The objects whose table has no Mandatory column (the response tables): they say nothing
    /// about which fields a request must send, so a service import may take them for a request
    /// table of the same name and shape.
    pub silent_on_presence: BTreeSet<String>,
    /// Overlay decisions taken over a value the page no longer gives (a field patch's `page`): the
    /// page changed under a decision, so `--diff` counts these as differences.
    pub stale: Vec<Review>,
}

/// Imports `page` as `target`, with the decisions of `overlays`.
pub fn import(page: &Page, target: &Target, overlays: &Overlays) -> Imported {
    let mut page = page.clone();
    let mut roles = roles::decide(&page);
    let mut report = cases::merge(&mut page, &roles);
    if !report.is_empty() {
        roles = roles::decide(&page);
    }
    report.extend(references::resolve(&mut page, &roles));
    report.extend(unsupported::leave_out(&mut page));
    let page = &page;
    let mut builder = Builder {
        page,
        kinds: &roles.kinds,
        overlays,
        report,
        stale: Vec::new(),
        objects: Vec::new(),
        index: HashMap::new(),
        enums: Vec::new(),
        whole_bodies: Vec::new(),
        notes_used: BTreeSet::new(),
    };
    builder.collect_objects(target);
    builder.build_fields();
    builder.check_against_page();
    builder.build_rules();
    builder.assemble(target)
}

/// Which part of the page an object comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    RequestBody,
    ResponseBody,
    Named,
}

/// An object being built: its tables (the first is the one it is built from) and its fields.
struct Object<'p> {
    name: String,
    role: Role,
    tables: Vec<&'p Table>,
    statuses: Vec<u16>,
    /// The fields, with the overlay's patches applied.
    fields: Vec<spec::OrderedField>,
    facts: Vec<Facts>,
    /// The enumeration each row makes, if any.
    row_enums: Vec<Option<String>>,
    rules: Vec<PlacedRule>,
}

impl Object<'_> {
    fn table(&self) -> &Table {
        self.tables[0]
    }

    fn request_side(&self) -> bool {
        self.table().side == Side::Request
    }

    fn row(&self, name: &str) -> Option<usize> {
        self.table().rows.iter().position(|r| r.name == name)
    }
}

impl Builder<'_> {
    /// Adds a review line about the row `row` of one of the page's tables.
    fn review_row(&mut self, row: &Row, kind: Kind, text: String) {
        self.report.push(self.page.row_review(row, kind, text));
    }

    /// A review line about the row named `row` of the table object `object` is built from.
    fn object_row_review(&self, object: usize, row: &str, kind: Kind, text: String) -> Review {
        let table = self.objects[object].table();
        match table.rows.iter().find(|r| r.name == row) {
            Some(row) => table.row_review(row, kind, text),
            None => table.review(kind, text),
        }
    }
}

/// A rule placed on an object, with what de-duplication needs.
struct PlacedRule {
    rule: spec::Rule,
    /// From "greater than the value of": dropped when the page also states it as "less than".
    mirrored: bool,
}

/// An enumeration a row makes, before the overlay names its values.
struct EnumDef {
    name: String,
    ty: &'static str,
    description: Vec<String>,
    values: Vec<(spec::Literal, Option<String>)>,
    /// `Object.field` of the row it was made from.
    from: String,
}

struct Builder<'p> {
    page: &'p Page,
    /// What each of the page's tables is, in page order.
    kinds: &'p [roles::TableKind],
    overlays: &'p Overlays,
    report: Vec<Review>,
    stale: Vec<Review>,
    objects: Vec<Object<'p>>,
    index: HashMap<String, usize>,
    enums: Vec<EnumDef>,
    /// The bodies that are not objects (a map, a file), by status (`None`: the request's).
    whole_bodies: Vec<WholeBody>,
    notes_used: BTreeSet<String>,
}

/// A body table that is not an object: its only row stands for the body.
struct WholeBody {
    /// The response status it is under; `None` for the request body.
    status: Option<u16>,
    body: spec::Body,
}

#[cfg(test)]
impl Imported {
    /// The spec file as the JSON it is written as, for tests that read what the file says.
    pub(crate) fn spec_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.spec).expect("the spec's types serialize")
    }
}

/// Splits the page `text` and imports it as operation `name` of service `service`, with no
/// overlay: how the build's tests read a few lines of a real page.
#[cfg(test)]
pub(crate) fn import_text(text: &str, service: &str, name: &str) -> Imported {
    let page = crate::import::page::parse(text).expect("the test's page splits");
    let target = Target {
        service: service.into(),
        name: name.into(),
    };
    import(&page, &target, &Overlays::default())
}
