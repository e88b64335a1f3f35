//! What tables are, on a few lines of real pages of each dialect.

use super::*;
use crate::import::build::{import_text, references};
use crate::import::page::{self, Type};

/// The page's tables, each as what it is, and the type of each row after the references.
fn read(text: &str) -> (Vec<TableKind>, Vec<Vec<(String, Type)>>) {
    let mut page = page::parse(text).unwrap();
    let roles = decide(&page);
    let _ = references::resolve(&mut page, &roles);
    let rows = page
        .tables
        .iter()
        .map(|t| {
            t.rows
                .iter()
                .map(|r| (r.name.clone(), r.ty.clone()))
                .collect()
        })
        .collect();
    (roles.kinds, rows)
}

fn named(name: &str) -> TableKind {
    TableKind::Named(name.to_owned())
}

/// VPC: generic captions, a lowercase `firewall_policy object` row pointing to its table, whose
/// caption is in words of its own.
const FIREWALL: &str = "Creating a Firewall Policy

Function

This API is used to create a firewall policy.

URI

POST /v2.0/fwaas/firewall_policies

Request Parameters

Table 1 Request parameter

Parameter

Mandatory

Type

Description

firewall_policy

Yes

firewall_policy object

Specifies the firewall policy. For details, see Table 2.

Table 2 Firewall Policy objects

Parameter

Mandatory

Type

Description

name

No

String

Specifies the name of the firewall policy.

Response Parameters

Table 3 Response parameter

Parameter

Type

Description

firewall_policy

firewall_policy object

Specifies the firewall policy.

Table 4 Firewall Policy objects

Parameter

Type

Description

id

String

Specifies the UUID of the firewall policy.

Status Code

See Status Codes.
";

#[test]
fn a_row_pointing_to_a_table_or_named_by_its_caption_makes_it_its_object() {
    let (kinds, rows) = read(FIREWALL);
    assert_eq!(
        kinds,
        [
            TableKind::RequestBody,
            named("FirewallPolicy"),
            TableKind::ResponseBody,
            named("FirewallPolicy"),
        ]
    );
    // The request row points to Table 2; the response row has no pointer, but Table 4's
    // caption names its type, and it is on the response side.
    let object = Type::Object("FirewallPolicy".into());
    assert_eq!(rows[0][0].1, object);
    assert_eq!(rows[2][0].1, object);
}

/// IAM: captions that are the path of the row in the body (`token.user`, `token.project.domain`);
/// two rows named `domain` are told apart by the caption's other words.
const TOKEN: &str = "Obtaining a Token

Function

This API is used to obtain a token.

URI

GET /v3/auth/tokens

Response Parameters

Table 1 Parameters in the response body

Parameter

Type

Description

token

Object

Token details.

Table 2 token

Parameter

Type

Description

user

Object

User details.

project

Object

Project details.

Table 3 token.user

Parameter

Type

Description

domain

Object

Domain of the user.

Table 4 token.project

Parameter

Type

Description

domain

Object

Domain of the project.

Table 5 token.project.domain

Parameter

Type

Description

id

String

Domain ID.

Table 6 token.user.domain

Parameter

Type

Description

name

String

Domain name.
";

#[test]
fn a_caption_naming_a_row_by_its_path_is_that_rows_object() {
    let mut text = TOKEN.replace("GET /v3", "POST /v3");
    text = text.replace(
        "Response Parameters\n",
        "Response Parameters\n\nStatus code: 201\n",
    );
    let (kinds, rows) = read(&text);
    assert_eq!(
        kinds,
        [
            TableKind::ResponseBody,
            named("Token"),
            named("User"),
            named("Project"),
            named("Domain"),
            named("Domain"),
        ]
    );
    let object = |name: &str| Type::Object(name.into());
    assert_eq!(rows[0][0].1, object("Token"));
    assert_eq!(rows[1][0].1, object("User"));
    // Each `domain` row holds the table whose caption follows its own table's.
    assert!(rows[2][0].1 == object("Domain") && rows[3][0].1 == object("Domain"));
}

/// An older dialect: the path and query parameters in one table under "URI", a header table
/// captioned in words, and a `vpc object` row with no pointer whose table's caption names it.
const VPC: &str = "Creating a VPC

Function

This API is used to create a VPC.

URI

POST /v1/{project_id}/vpcs

Table 1 Parameter description

Parameter

Mandatory

Description

project_id

Yes

Specifies the project ID.

dry_run

No

Whether to only check the request.

Request Parameters

Table 2 Parameters in the request header

Parameter

Mandatory

Type

Description

X-Auth-Token

Yes

String

The user token.

Table 3 Request parameter

Parameter

Mandatory

Type

Description

vpc

Yes

vpc object

Specifies the VPC.

Table 4 Description of the vpc field

Parameter

Mandatory

Type

Description

name

No

String(64)

The VPC name.

Response Parameters

Table 5 Response parameter

Parameter

Type

Description

vpc

vpc object

Specifies the VPC.

Table 6 Other parameters

Parameter

Type

Description

id

String

Specifies the ID.
";

#[test]
fn a_uri_table_is_split_per_row_and_a_section_decides_the_rest() {
    let (kinds, rows) = read(VPC);
    assert_eq!(
        kinds[..5],
        [
            TableKind::Uri,
            TableKind::Headers,
            TableKind::RequestBody,
            named("Vpc"),
            TableKind::ResponseBody,
        ]
    );
    // The request's `vpc` row holds its table's object; the response's has no table on its side
    // and is an object the page does not describe.
    assert_eq!(rows[2][0].1, Type::Object("Vpc".into()));
    assert_eq!(rows[4][0].1, Type::FreeObject);
    // A second table of the response that no row refers to and whose caption names nothing.
    assert!(
        matches!(&kinds[5], TableKind::Undecided(why) if why.contains("Table 5 Response parameter"))
    );
    let page = page::parse(VPC).unwrap();
    let path: Vec<&str> = parameter_rows(&page, &kinds, Param::Path)
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    let query: Vec<&str> = parameter_rows(&page, &kinds, Param::Query)
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!((path, query), (vec!["project_id"], vec!["dry_run"]));
}

#[test]
fn a_length_in_the_type_cell_and_a_none_default_of_an_object_are_read() {
    let text = VPC.replace(
        "Specifies the VPC.\n\nTable 4",
        "Specifies the VPC.\n\nDefault: None\n\nTable 4",
    );
    let imported = import_text(&text, "otc_vpc", "creating_a_vpc");
    let vpc = &imported.spec_json()["objects"]["Vpc"]["fields"][0];
    assert_eq!(vpc["type"], "string");
    assert_eq!(vpc["max_length"], 64);
    let request = &imported.spec_json()["objects"]["CreatingAVpcRequest"]["fields"][0];
    assert_eq!(request["type"], "Vpc");
    assert_eq!(request.get("default"), None);
}

/// VPC's Neutron pages: `{router_id}` is in the path, but no table describes it; a path parameter
/// and headers are strings, so a prose list of values is no enumeration there.
#[test]
fn a_path_name_no_table_describes_is_a_string_parameter() {
    let text = "Querying a Router\n\nFunction\n\nf\n\nURI\n\nGET /v2.0/{project_id}/routers/{router_id}\n\nTable 1 Parameter description\n\nParameter\n\nMandatory\n\nType\n\nDescription\n\nproject_id\n\nYes\n\nString\n\nThe project. The value can be a or b.\n";
    let imported = import_text(text, "otc_vpc", "querying_a_router");
    let params = &imported.spec_json()["operation"]["path_params"];
    assert_eq!(params[0]["type"], "string");
    assert_eq!(
        (&params[1]["name"], &params[1]["type"]),
        (&"router_id".into(), &"string".into())
    );
    assert!(imported.report.iter().any(|r| r
        .text
        .contains("path.router_id: the path uses {router_id} but no table describes it")));
}

/// RDS: the Type cell says in words what the row holds and where the table is (`List data
/// structure. For details, see Table 3.`, `Dictionary data structure. ...`): an array of that
/// table's object, and that object.
#[test]
fn a_type_cell_in_words_pointing_at_a_table_is_that_tables_object() {
    let text = "Obtaining DB Instance Specifications\n\nFunction\n\nf\n\nURI\n\n  • URI format\n\n    PATH: /rds/v1/{project_id}/flavors\n\n    Method: GET\n\nRequest\n\nNone\n\nNormal Response\n\n  • Parameter description\n\n    Table 2 Parameter description\n\n    Name\n\n    Type\n\n    Description\n\n    flavors\n\n    List data structure. For details, see Table 3.\n\n    The specifications.\n\n    datastore\n\n    Dictionary data structure. For details, see Table 4.\n\n    The engine.\n\n    Table 3 flavors field data structure description\n\n    Name\n\n    Type\n\n    Description\n\n    id\n\n    String\n\n    The ID.\n\n    Table 4 datastore field data structure description\n\n    Name\n\n    Type\n\n    Description\n\n    type\n\n    String\n\n    The engine.\n";
    let (kinds, rows) = read(text);
    assert_eq!(kinds[1..], [named("Flavors"), named("Datastore")]);
    let object = |name: &str| Type::Object(name.into());
    assert_eq!(
        rows[0],
        [
            ("flavors".into(), Type::Array(Box::new(object("Flavors")))),
            ("datastore".into(), object("Datastore")),
        ]
    );
}

/// VPC's Neutron pages: a `DELETE` whose request and response parameters are "None" has no table,
/// and its path is all it documents: an operation with that path's parameter. (A `POST` without a
/// table is still refused: its body is not documented.)
#[test]
fn a_bodiless_page_without_tables_is_its_path() {
    let text = "Deleting a Subnet\n\nFunction\n\nThis API is used to delete a subnet.\n\nURI\n\nDELETE /v2.0/subnets/{subnet_id}\n\nRequest Parameters\n\nNone\n\nResponse Parameters\n\nNone\n";
    let import = |text: &str| import_text(text, "otc_vpc", "deleting_a_subnet").spec_json();
    let params = &import(text)["operation"]["path_params"];
    assert_eq!(
        (&params[0]["name"], &params[0]["type"]),
        (&"subnet_id".into(), &"string".into())
    );
    let post = import(&text.replace("DELETE /v2.0", "POST /v2.0"));
    assert_eq!(post["operation"].get("path_params"), None);
}
