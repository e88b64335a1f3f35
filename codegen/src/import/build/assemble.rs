//! Writes the spec file: the operation (its parameters, responses and examples), the objects with
//! their rules in spec order, the enumerations, each in the operation's file or in the service's
//! `common.json`; and reports the overlay entries that matched nothing.

use super::roles::TableKind;
use super::{Builder, Imported, Object, PlacedRule, Role, Target};
use crate::import::page::Example;
use crate::import::review::{Kind, Review};
use crate::naming;
use crate::spec::{self, Entries, OrderedField};
use std::collections::{BTreeMap, BTreeSet};

impl Builder<'_> {
    pub(super) fn assemble(mut self, target: &Target) -> Imported {
        let page = self.page;
        let [path_params, query_params, headers, form_params] = self.parameters();

        let mut objects = Entries::new();
        let mut common_objects = Entries::new();
        for object in &self.objects {
            let spec_object = spec::PlainObject {
                description: self.object_description(object),
                fields: object.fields.clone(),
                rules: self.object_rules(object),
            };
            let into = if self.overlays.is_common(&object.name) {
                &mut common_objects
            } else {
                &mut objects
            };
            into.insert(object.name.clone(), spec_object);
        }
        let mut enums = Entries::new();
        let mut common_enums = Entries::new();
        let mut reviews = Vec::new();
        for e in &self.enums {
            let into = if self.overlays.is_common(&e.name) {
                &mut common_enums
            } else {
                &mut enums
            };
            let (spec, review) = self.enum_spec(e);
            into.insert(e.name.clone(), spec);
            reviews.extend(review);
        }

        self.report.extend(reviews);
        let operation = self.operation(target, [path_params, query_params, headers, form_params]);
        if page.updated.is_none() {
            let text = "the page states no \"Updated on\" date; source.updated is left out";
            self.report.push(Review::new(Kind::NoDate, text));
        }
        self.report_unused_overlay();
        let spec = spec::Document {
            schema: Some("../spec.schema.json".to_owned()),
            service: target.service.clone(),
            source: Some(spec::Source {
                page: page.title.clone(),
                updated: page.updated.clone(),
            }),
            operation: Some(operation),
            objects,
            enums,
        };
        let silent_on_presence = self
            .objects
            .iter()
            .filter(|o| !o.table().mandatory_column)
            .map(|o| o.name.clone())
            .collect();
        Imported {
            spec,
            common_objects,
            common_enums,
            silent_on_presence,
            report: self.report,
            stale: self.stale,
        }
    }

    /// The object's rules in spec order: those the prose states by kind (a "greater than" left out
    /// where the page also states it as "less than"), marked unchecked where an overlay says so,
    /// then each rule the overlay adds after those of its kind.
    fn object_rules(&self, object: &Object<'_>) -> Vec<spec::Rule> {
        let mirrored_twin = |rule: &PlacedRule| {
            rule.mirrored
                && object
                    .rules
                    .iter()
                    .any(|r| !r.mirrored && same_comparison(&r.rule, &rule.rule))
        };
        let mut placed: Vec<&PlacedRule> = object
            .rules
            .iter()
            .filter(|rule| !mirrored_twin(rule))
            .collect();
        placed.sort_by_key(|r| r.rule.rank());
        let mut rules: Vec<spec::Rule> = placed
            .into_iter()
            .map(|r| self.decide_checked(&object.name, r.rule.clone()))
            .collect();
        for added in self.overlays.object_rules(&object.name) {
            let at = rules
                .iter()
                .rposition(|r| r.rank() <= added.rank())
                .map_or(0, |p| p + 1);
            rules.insert(at, added.clone());
        }
        rules
    }

    /// The rule, marked `"checked": false` with the overlay's decision where an overlay says the
    /// request cannot decide it.
    fn decide_checked(&self, object: &str, mut rule: spec::Rule) -> spec::Rule {
        if let Some(reason) = self
            .overlays
            .unchecked(object, rule.field().unwrap_or_default())
        {
            let (spec::Rule::RequiredIf {
                decision, checked, ..
            }
            | spec::Rule::ForbiddenUnless {
                decision, checked, ..
            }
            | spec::Rule::LessThan {
                decision, checked, ..
            }
            | spec::Rule::AtLeastOneOf {
                decision, checked, ..
            }) = &mut rule;
            *decision = Some(reason.to_owned());
            *checked = false;
        }
        rule
    }

    /// The operation, with its path parameters, query parameters, headers and form fields.
    fn operation(
        &mut self,
        target: &Target,
        [path_params, query_params, headers, form_params]: [Vec<OrderedField>; 4],
    ) -> spec::Operation<OrderedField> {
        let page = self.page;
        spec::Operation {
            name: target.name.clone(),
            summary: page.title.clone(),
            description: page.description.clone(),
            method: page.method.clone(),
            path: page.path.clone(),
            path_params,
            query_params,
            headers,
            form_params,
            body: self.body(None),
            responses: self.responses(),
            examples: self.examples(),
        }
    }

    /// One response per status of the "Status Codes" table, else per status the page shows.
    fn responses(&mut self) -> Vec<spec::Response<OrderedField>> {
        let page = self.page;
        let mut statuses = page.status_codes.clone();
        if statuses.is_empty() {
            let mut seen: Vec<u16> = self
                .objects
                .iter()
                .flat_map(|o| o.statuses.clone())
                .chain(self.whole_bodies.iter().filter_map(|b| b.status))
                .chain(page.response_examples.iter().filter_map(|e| e.status))
                .collect();
            seen.sort_unstable();
            seen.dedup();
            if !seen.is_empty() {
                let text =
                    "the page has no \"Status Codes\" table; the responses' descriptions are empty";
                self.report.push(Review::new(Kind::NoStatusCodes, text));
            }
            statuses = seen.into_iter().map(|s| (s, String::new())).collect();
        }
        let mut responses: Vec<spec::Response<OrderedField>> = statuses
            .into_iter()
            .map(|(status, description)| spec::Response {
                status,
                description,
                body: self.body(Some(status)),
                name: None,
                headers: Vec::new(),
            })
            .collect();
        let header_tables: Vec<_> = page
            .tables
            .iter()
            .zip(self.kinds)
            .filter(|(_, k)| **k == TableKind::ResponseHeaders)
            .map(|(t, _)| t)
            .collect();
        for response in &mut responses {
            let rows: Vec<_> = header_tables
                .iter()
                .filter(|t| t.status == Some(response.status))
                .flat_map(|t| &t.rows)
                .collect();
            response.headers = self.parameter_fields("response_headers", &rows);
        }
        let documented: Vec<u16> = responses.iter().map(|r| r.status).collect();
        for table in header_tables {
            if table.status.is_some_and(|s| !documented.contains(&s)) {
                let text = format!(
                    "{}: skipped: its status is not among the page's status codes",
                    table.label()
                );
                self.report.push(table.review(Kind::TableSkipped, text));
            }
        }
        self.name_alike_responses(&mut responses);
        responses
    }

    /// Statuses the page describes alike would be one `Response` variant: each is named after its
    /// description and status (`BadRequest404`), and the report says so.
    fn name_alike_responses(&mut self, responses: &mut [spec::Response<OrderedField>]) {
        let variants: Vec<String> = responses
            .iter()
            .map(|r| naming::response_variant(&r.description, r.status))
            .collect();
        let statuses: Vec<u16> = responses.iter().map(|r| r.status).collect();
        for (i, response) in responses.iter_mut().enumerate() {
            let alike: Vec<u16> = (0..variants.len())
                .filter(|&j| j != i && variants[j] == variants[i])
                .map(|j| statuses[j])
                .collect();
            if !alike.is_empty() {
                let name = format!("{}{}", variants[i], response.status);
                let text = format!(
                    "status {}: described {:?} like status {alike:?}; its variant is named {name}",
                    response.status, response.description
                );
                self.report.push(Review::new(Kind::StatusesAlike, text));
                response.name = Some(name);
            }
        }
    }

    /// The page's examples; a response example under no status is left out.
    fn examples(&mut self) -> spec::Examples {
        let page = self.page;
        self.report.extend(page.unread_examples.iter().cloned());
        self.report.extend(page.unread_tables.iter().cloned());
        let requests = page
            .request_examples
            .iter()
            .zip(example_titles(&page.request_examples))
            .map(|(e, title)| {
                let invalid = self.overlays.invalid_example(&title).map(str::to_owned);
                spec::RequestExample {
                    title,
                    invalid,
                    body: e.body.clone(),
                }
            })
            .collect();
        let mut responses = Vec::new();
        for e in &page.response_examples {
            let Some(status) = e.status else {
                let text = format!(
                    "line {}: an example response under no \"Status code:\" line is left out",
                    e.line
                );
                self.report
                    .push(Review::new(Kind::ExampleLeftOut, text).at_line(e.line));
                continue;
            };
            let invalid = self.overlays.invalid_response(status).map(str::to_owned);
            responses.push(spec::ResponseExample {
                status,
                title: e.title.clone(),
                invalid,
                body: e.body.clone(),
            });
        }
        spec::Examples {
            requests,
            responses,
        }
    }

    /// Entries of the page's overlay that matched nothing are likely typos or left over from an
    /// older page. (The common overlay serves every page of the service, so most of it is unused by
    /// any one.)
    fn report_unused_overlay(&mut self) {
        let mut unused = self.unused_bodies_and_fields();
        unused.extend(self.unused_objects_and_enums());
        unused.extend(self.unused_examples_and_notes());
        for entry in unused {
            let text = format!("overlay: {entry} matches nothing on the page");
            self.report.push(Review::new(Kind::UnusedOverlay, text));
        }
    }

    /// The overlay's `bodies` and `fields` entries that name no body or row of the page.
    fn unused_bodies_and_fields(&self) -> Vec<String> {
        let overlay = &self.overlays.page;
        let mut unused = Vec::new();
        let statuses: BTreeSet<String> = self
            .objects
            .iter()
            .flat_map(|o| o.statuses.iter().map(u16::to_string))
            .collect();
        for key in overlay.bodies.keys() {
            let known = if key == "request" {
                self.objects.iter().any(|o| o.role == Role::RequestBody)
            } else {
                statuses.contains(key)
            };
            if !known {
                unused.push(format!("bodies.{key}"));
            }
        }
        for key in overlay.fields.keys() {
            let matches = match key.split_once('.') {
                Some((object, field)) => {
                    self.index
                        .get(object)
                        .is_some_and(|&i| self.objects[i].row(field).is_some())
                        || self.parameter_row(object, field)
                }
                None => {
                    self.objects.iter().any(|o| o.row(key).is_some())
                        || ["path", "query", "headers", "form"]
                            .iter()
                            .any(|label| self.parameter_row(label, key))
                }
            };
            if !matches {
                unused.push(format!("fields.{key}"));
            }
        }
        unused
    }

    /// The overlay's `objects` and `enums` entries that name none of the page's.
    fn unused_objects_and_enums(&self) -> Vec<String> {
        let overlay = &self.overlays.page;
        let mut unused = Vec::new();
        for name in overlay
            .objects
            .keys()
            .filter(|n| !self.index.contains_key(*n))
        {
            unused.push(format!("objects.{name}"));
        }
        for (name, patch) in &overlay.objects {
            let Some(&i) = self.index.get(name) else {
                continue;
            };
            for field in patch.unchecked.keys() {
                if !self.objects[i]
                    .rules
                    .iter()
                    .any(|r| r.rule.field() == Some(field.as_str()))
                {
                    unused.push(format!("objects.{name}.unchecked.{field}"));
                }
            }
        }
        for name in overlay
            .enums
            .keys()
            .filter(|n| !self.enums.iter().any(|e| &e.name == *n))
        {
            unused.push(format!("enums.{name}"));
        }
        unused
    }

    /// The overlay's invalid examples and notes that the page does not have.
    fn unused_examples_and_notes(&self) -> Vec<String> {
        let overlay = &self.overlays.page;
        let mut unused = Vec::new();
        let titles = example_titles(&self.page.request_examples);
        let statuses: Vec<String> = self
            .page
            .response_examples
            .iter()
            .filter_map(|e| e.status)
            .map(|s| s.to_string())
            .collect();
        // The entries of an overlay's list whose key names nothing on the page.
        let unknown = |list: &str, entries: &BTreeMap<String, String>, known: &[String]| {
            entries
                .keys()
                .filter(|key| !known.contains(key))
                .map(|key| format!("{list}.{key}"))
                .collect::<Vec<_>>()
        };
        unused.extend(unknown(
            "invalid_examples",
            &overlay.invalid_examples,
            &titles,
        ));
        unused.extend(unknown(
            "invalid_responses",
            &overlay.invalid_responses,
            &statuses,
        ));
        for note in overlay
            .notes
            .iter()
            .filter(|n| !self.notes_used.contains(*n))
        {
            unused.push(format!("notes: {note:?}"));
        }
        unused
    }
}

/// The titles of the page's example requests: each its bullet, else `Example 1`, `Example 2`...; a
/// title the page repeats (VPC gives two examples the same request line) gets ` (2)`, ` (3)`... so
/// that an overlay can name each.
pub(super) fn example_titles(examples: &[Example]) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for (i, example) in examples.iter().enumerate() {
        let title = example
            .title
            .clone()
            .unwrap_or_else(|| format!("Example {}", i + 1));
        let repeats = titles
            .iter()
            .filter(|t| **t == title || t.starts_with(&format!("{title} (")))
            .count();
        titles.push(match repeats {
            0 => title,
            n => format!("{title} ({})", n + 1),
        });
    }
    titles
}

/// Whether both rules are the same comparison (`field` less than `than`).
fn same_comparison(a: &spec::Rule, b: &spec::Rule) -> bool {
    matches!((a, b), (spec::Rule::LessThan { field: f, than: t, .. }, spec::Rule::LessThan { field: g, than: u, .. }) if f == g && t == u)
}
