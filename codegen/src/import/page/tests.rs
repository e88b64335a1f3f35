//! Whole-page readings of the dialects: sections by their headings' place and words, the method
//! and path wherever the URI section puts them, and the status of response tables with no status
//! line.

use super::*;

/// evs: bullets and their indentation, examples under a bullet of the request and response
/// sections, status codes as `• Normal` then `200`.
const EVS: &str = "Creating EVS Disks

Function

This API is used to create one or multiple EVS disks.

URI

  • URI format

    POST /v2/{project_id}/cloudvolumes

  • Parameter description

    Parameter

    Mandatory

    Description

    project_id

    Yes

    The project ID.

Request

  • Request parameters

    Parameter

    Type

    Mandatory

    Description

    volume

    Object

    Yes

    The information of the disk to be created.

  • Example request

    {
        \"volume\": {\"size\": 120}
    }

Response

  • Response parameters

    Parameter

    Type

    Description

    job_id

    String

    The task ID.

  • Example response

    {
        \"job_id\": \"70a599e0-31e7-49b7-b260-868f441e862b\"
    }

Status Codes

  • Normal

    200

Error Codes

For details, see Error Codes.
";

#[test]
fn an_evs_page_is_read_by_its_structure() {
    let page = parse(EVS).unwrap();
    assert_eq!(page.title, "Creating EVS Disks");
    assert_eq!(
        (page.method.as_str(), page.path.as_str()),
        ("POST", "/v2/{project_id}/cloudvolumes")
    );
    let tables: Vec<(String, Side, bool, Option<u16>)> = page
        .tables
        .iter()
        .map(|t| (t.label(), t.side, t.in_uri, t.status))
        .collect();
    assert_eq!(
        tables,
        [
            (
                "Parameter description".to_owned(),
                Side::Request,
                true,
                None
            ),
            ("Request parameters".to_owned(), Side::Request, false, None),
            (
                "Response parameters".to_owned(),
                Side::Response,
                false,
                Some(200)
            ),
        ]
    );
    assert_eq!(page.request_examples.len(), 1);
    assert_eq!(
        page.request_examples[0].title.as_deref(),
        Some("Example request")
    );
    assert_eq!(page.response_examples[0].status, Some(200));
    // The status was assumed, and the review says which and why.
    let assumed: Vec<&Review> = page
        .unread_tables
        .iter()
        .filter(|r| r.kind == Kind::StatusAssumed)
        .collect();
    assert_eq!(assumed.len(), 1);
    assert!(
        assumed[0]
            .text
            .contains("read as status 200, the lowest 2xx of its Status Codes"),
        "{}",
        assumed[0]
    );
}

#[test]
fn without_a_documented_success_status_response_tables_are_read_as_200_and_said_so() {
    let text = EVS.replace("  • Normal\n\n    200\n", "  • Normal\n");
    let page = parse(&text).unwrap();
    assert_eq!(page.tables[2].status, Some(200));
    assert!(page
        .unread_tables
        .iter()
        .any(|r| r.kind == Kind::StatusAssumed
            && r.text.contains("read as status 200, HTTP's plain success")));
}

/// rds: `PATH:` and `Method:` lines, "Normal Response" and "Abnormal Response" headings.
#[test]
fn an_rds_page_gives_its_path_and_method_on_labelled_lines() {
    let text = "Creating a Manual Backup

Function

This API is used to create a manual backup.

URI

  • URI format

    PATH: /rds/v1/{project_id}/backups

    Method: POST

Request

  • Request example

    {\"backup\": {\"name\": \"backup\"}}

Normal Response

  • Parameter description

    Table 4 Parameter description

    Name

    Type

    Description

    backup

    Dictionary data structure. For details, see Table 5.

    Specifies the manual backup information.

Abnormal Response

For details, see Abnormal Request Results.
";
    let page = parse(text).unwrap();
    assert_eq!(
        (page.method.as_str(), page.path.as_str()),
        ("POST", "/rds/v1/{project_id}/backups")
    );
    assert_eq!(page.tables.len(), 1);
    assert_eq!(page.tables[0].side, Side::Response);
    assert_eq!(page.request_examples.len(), 1);
}

/// An overview page, and a page whose URI section gives no method and path, are refused.
#[test]
fn a_page_without_method_and_path_is_refused() {
    let overview = "Permissions Policies\n\nThe following table lists the actions.\n";
    assert!(parse(overview)
        .unwrap_err()
        .message
        .contains("does not look like an API reference page"));
    let text = EVS.replace("    POST /v2/{project_id}/cloudvolumes\n", "");
    let error = parse(&text).unwrap_err();
    assert!(error.message.contains("no method and path"), "{error}");
}

/// A guide page of the "Calling APIs" chapters: its URI section is about URIs (a template and a
/// table of their parts, no method), and the request line below it, under "Request Methods" (a
/// heading, as "Request Method" is), is an example of another page's API. The page's own method
/// and path are looked for only up to its first request section, so it is refused, not imported
/// as `POST /v3/auth/tokens`.
#[test]
fn a_guide_page_whose_request_line_follows_its_uri_section_is_refused() {
    let guide = "Making an API Request

This section describes the structure of a REST API request.

Request URI

A request URI is in the following format:

{URI-scheme} :// {Endpoint} / {resource-path} ? {query-string}

Table 1 Parameter description

Parameter

Description

URI-scheme

Protocol used to transmit requests.

https://www.example.com/v3/auth/tokens

Request Methods

For example, the request method of the API used to obtain a user token is POST:

POST https://www.example.com/v3/auth/tokens

Request Header

Content-Type: application/json
";
    let error = parse(guide).unwrap_err();
    assert!(error.message.contains("no method and path"), "{error}");
}

/// vpn: a URI section with the method alone; the path is the example request's, with a review
/// line.
#[test]
fn a_lone_method_takes_the_path_of_its_example_request() {
    let text = "Querying API Versions

Function

This API is used to query all available versions of a native OpenStack API.

URI

GET

Request Message

Request parameter

None

Example request

GET https://{Endpoint}/

Response Message

Table 1 Response parameter

Parameter

Type

Description

versions

Array of version objects

Specifies the API version list.
";
    let page = parse(text).unwrap();
    assert_eq!((page.method.as_str(), page.path.as_str()), ("GET", "/"));
    assert!(page
        .unread_tables
        .iter()
        .any(|r| r.kind == Kind::PathFromExample));
    assert_eq!(page.tables[0].side, Side::Response);
}
