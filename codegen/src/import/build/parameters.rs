//! The operation's parameters: the rows of the path, query, header and form tables (and the
//! rows of a "URI" table, each where it is), as the spec format can have them.

use super::roles::{parameter_rows, Param};
use super::{to_json, Builder};
use crate::import::page::{Row, Type};
use crate::import::review::{Kind, Review};
use crate::spec;
use serde_json::Value;

impl Builder<'_> {
    /// The fields of the page's path, query, header and form parameters.
    pub(super) fn parameters(&mut self) -> [Vec<Value>; 4] {
        [
            ("path", Param::Path),
            ("query", Param::Query),
            ("headers", Param::Headers),
            ("form", Param::Form),
        ]
        .map(|(label, param)| {
            let rows: Vec<Row> = parameter_rows(self.page, self.kinds, param)
                .into_iter()
                .filter_map(|row| self.parameter_row_as(label, param, row))
                .collect();
            let rows: Vec<&Row> = rows.iter().collect();
            let mut fields = self.parameter_fields(label, &rows);
            // A page none of whose tables was read gives nothing but its path, and is refused
            // whole; its path alone is not made its parameters. Except where the page has no
            // table and its method sends no body (a Neutron `DELETE /v2.0/subnets/{subnet_id}`
            // whose request parameters are "None"): the path is all there is to document.
            if param == Param::Path && (!self.page.tables.is_empty() || self.page.sends_no_body()) {
                fields.extend(self.undocumented_path_params(&rows));
            }
            fields
        })
    }

    /// A `{name}` of the path that no row documents: a string, as every path segment is, with a
    /// review line, so that the operation can still be called.
    fn undocumented_path_params(&mut self, rows: &[&Row]) -> Vec<Value> {
        let path = &self.page.path;
        let names: Vec<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !rows.iter().any(|r| r.name == *name))
            .collect();
        names
            .into_iter()
            .map(|name| {
                let text = format!("path.{name}: the path uses {{{name}}} but no table describes it; a string without checks");
                self.report.push(Review::new(Kind::PathParamAdded, text));
                to_json(&spec::Field {
                    name: name.to_owned(),
                    ty: "string".to_owned(),
                    required: true,
                    ..spec::Field::default()
                })
            })
            .collect()
    }

    /// A parameter row as the spec format can have it: a path parameter or header of another
    /// scalar type is the text it is sent as; a query row holding an object (or an array of them)
    /// cannot be sent in a query and is left out. Both are reported.
    fn parameter_row_as(&mut self, label: &str, param: Param, row: &Row) -> Option<Row> {
        let scalar = |ty: &Type| {
            matches!(
                ty,
                Type::String | Type::Integer | Type::Long | Type::Float | Type::Boolean
            )
        };
        match param {
            Param::Path | Param::Headers if row.ty != Type::String && scalar(&row.ty) => {
                let text = format!(
                    "{label}.{}: its type {} is read as a string: the spec format's path parameters and headers are the text they are sent as; its limits, if any, are left out",
                    row.name,
                    row.ty.spec_name()
                );
                self.review_row(row, Kind::UnsupportedType, text);
                Some(Row {
                    ty: Type::String,
                    minimum: None,
                    maximum: None,
                    ..row.clone()
                })
            }
            Param::Query if !scalar(row.ty.items().unwrap_or(&row.ty)) => {
                let text = format!(
                    "{label}.{}: left out: a query parameter of type {} cannot be sent in a query",
                    row.name,
                    row.ty.spec_name()
                );
                self.review_row(row, Kind::UnsupportedType, text);
                None
            }
            _ => Some(row.clone()),
        }
    }

    /// Whether the page has a parameter row `field` of kind `label` (`path`, `query`...).
    pub(super) fn parameter_row(&self, label: &str, field: &str) -> bool {
        let param = match label {
            "path" => Param::Path,
            "query" => Param::Query,
            "headers" => Param::Headers,
            "form" => Param::Form,
            _ => return false,
        };
        parameter_rows(self.page, self.kinds, param)
            .iter()
            .any(|r| r.name == field)
    }
}
