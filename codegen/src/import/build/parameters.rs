//! The operation's parameters: the rows of the path, query, header and form tables (and the
//! rows of a "URI" table, each where it is), as the spec format can have them.

use super::roles::{in_query_template, parameter_rows, Param};
use super::Builder;
use crate::import::page::{Row, Type};
use crate::import::review::{Kind, Review};
use crate::spec::{self, OrderedField};

impl Builder<'_> {
    /// The fields of the page's path, query, header and form parameters.
    pub(super) fn parameters(&mut self) -> [Vec<OrderedField>; 4] {
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
            if param == Param::Query {
                fields.extend(self.undocumented_query_params(&rows));
            }
            fields
        })
    }

    /// A parameter the path's query part names that no row documents: an optional string (the
    /// page says nothing of whether it must be sent), with a review line; and a row that is a
    /// placeholder inside a piece (`key` of `tags={key}={value}`), reported as left out.
    fn undocumented_query_params(&mut self, rows: &[&Row]) -> Vec<OrderedField> {
        let page = self.page;
        for row in page.tables.iter().flat_map(|t| &t.rows) {
            if in_query_template(row, page) {
                let text = format!(
                    "query.{}: a placeholder inside the path's query part, which the spec format cannot send as written; left out",
                    row.name
                );
                self.review_row(row, Kind::QueryInPath, text);
            }
        }
        let pieces = page
            .query
            .iter()
            .filter(|piece| !rows.iter().any(|r| r.name == piece.name));
        pieces
            .map(|piece| {
                let text = format!(
                    "query.{}: the path's query part names it as {}={} but no table describes it; an optional string without checks",
                    piece.name, piece.name, piece.value
                );
                self.report.push(Review::new(Kind::QueryInPath, text));
                OrderedField::new(spec::Field {
                    name: piece.name.clone(),
                    ty: "string".to_owned(),
                    required: false,
                    ..spec::Field::default()
                })
            })
            .collect()
    }

    /// A `{name}` of the path that no row documents: a string, as every path segment is, with a
    /// review line, so that the operation can still be called.
    fn undocumented_path_params(&mut self, rows: &[&Row]) -> Vec<OrderedField> {
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
                OrderedField::new(spec::Field {
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

#[cfg(test)]
mod tests {
    use crate::import::build::import_text;
    use serde_json::{json, Value};

    /// RDS "Querying DB Instances": the path writes its query parameters (`?id={id}&limit={limit}`)
    /// and the URI table lists them beside `project_id`, typed; `tags={key}={value}` sends two
    /// placeholders in one piece, and `sort` no table lists.
    #[test]
    fn the_query_part_of_a_path_names_query_parameters() {
        let text = "Querying DB Instances\n\nFunction\n\nf\n\nURI\n\n  • URI format\n\n    GET https://{Endpoint}/v3/{project_id}/instances?id={id}&limit={limit}&tags={key}={value}&sort={sort}\n\n  • Parameter description\n\n    Table 1 Parameter description\n\n    Name\n\n    Mandatory\n\n    Type\n\n    Description\n\n    project_id\n\n    Yes\n\n    String\n\n    The project.\n\n    id\n\n    No\n\n    String\n\n    The instance.\n\n    limit\n\n    No\n\n    Integer\n\n    The minimum value is 1 and the maximum value is 100.\n\n    key\n\n    No\n\n    String\n\n    A tag key.\n\nResponse\n\nNone\n";
        let imported = import_text(text, "otc_rds", "querying_db_instances");
        let op = &imported.spec_json()["operation"];
        assert_eq!(op["path"], "/v3/{project_id}/instances");
        let names = |list: &Value| -> Vec<Value> {
            (list.as_array().into_iter().flatten())
                .map(|p| json!([p["name"], p["type"], p["required"]]))
                .collect()
        };
        assert_eq!(
            names(&op["path_params"]),
            [json!(["project_id", "string", true])]
        );
        assert_eq!(
            names(&op["query_params"]),
            [
                json!(["id", "string", false]),
                json!(["limit", "integer", false]),
                json!(["tags", "string", false]),
                json!(["sort", "string", false]),
            ]
        );
        assert_eq!(op["query_params"][1]["maximum"], 100);
        let said = |needle: &str| imported.report.iter().any(|r| r.text.contains(needle));
        assert!(said(
            "has a query part: the path is /v3/{project_id}/instances"
        ));
        assert!(said(
            "query.key: a placeholder inside the path's query part"
        ));
        assert!(said(
            "query.sort: the path's query part names it as sort={sort}"
        ));
    }
}
