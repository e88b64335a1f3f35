//! The `http` feature's glue, without a socket: what an operation's `Request::to_http` builds is
//! what its page describes (method, path and query percent-encoded, the documented headers, the body
//! with its content type), and `Response::from_http` reads the status, the body and the documented
//! headers.

use api_gateway_models::otc_apig::{
    accepting_or_rejecting_a_vpc_endpoint_connection as accept, importing_apis,
    querying_vpc_channels,
};
use api_gateway_models::support::FilePart;
use api_gateway_models::wire::http;
use serde_json::json;

fn channels_request() -> querying_vpc_channels::Request {
    querying_vpc_channels::Request::new("p 1".to_owned(), "i/2".to_owned(), "token".to_owned())
        .with_limit(20)
        .with_name("channel 1&2".to_owned())
}

#[test]
fn a_query_request_has_its_method_encoded_path_and_query_and_headers_and_no_body() {
    let request = channels_request()
        .to_http("https://apig.example.com/")
        .unwrap();
    assert_eq!(request.method(), http::Method::GET);
    assert_eq!(
        request.uri().to_string(),
        "https://apig.example.com/v2/p%201/apigw/instances/i%2F2/vpc-channels?limit=20&name=channel%201%262"
    );
    assert_eq!(request.headers()["X-Auth-Token"], "token");
    assert!(request.headers().get(http::header::CONTENT_TYPE).is_none());
    assert!(request.body().is_empty());
}

#[test]
fn a_base_with_a_path_prefix_keeps_it() {
    let request = channels_request()
        .to_http("http://127.0.0.1:8080/prefix")
        .unwrap();
    assert!(
        request.uri().path().starts_with("/prefix/v2/p%201/"),
        "{}",
        request.uri()
    );
}

#[test]
fn a_header_value_with_a_line_break_is_an_error_not_a_request() {
    let mut bad = channels_request();
    bad.x_auth_token = "a\r\nInjected: yes".to_owned();
    assert!(bad.to_http("https://apig.example.com").is_err());
    assert!(channels_request().to_http("not a uri").is_err());
}

#[test]
fn a_json_request_carries_its_body_as_json_with_its_content_type() {
    let body = json!({"action": "receive", "endpoints": ["a", "b"]});
    let request = accept::Request::new(
        "p".to_owned(),
        "i".to_owned(),
        "t".to_owned(),
        serde_json::from_value(body.clone()).unwrap(),
    );
    let http = request.to_http("https://h").unwrap();
    assert_eq!(http.method(), http::Method::POST);
    assert_eq!(
        http.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    let sent: serde_json::Value = serde_json::from_slice(http.body()).unwrap();
    assert_eq!(sent, body);
    // The body read back by the operation's own strict reader is the request's.
    assert_eq!(accept::parse_body(http.body()).unwrap(), request.body);
}

#[test]
fn a_form_request_is_multipart_with_a_boundary_found_in_no_part() {
    let file = FilePart {
        file_name: "api.yaml".to_owned(),
        bytes: b"--api-gateway-models-form-boundary inside the file".to_vec(),
    };
    let request =
        importing_apis::Request::new("p".to_owned(), "i".to_owned(), "t".to_owned(), file)
            .with_is_create_group(true);
    let http = request.to_http("https://h").unwrap();
    let content_type = http.headers()[http::header::CONTENT_TYPE].to_str().unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap();
    assert_ne!(
        boundary, "api-gateway-models-form-boundary",
        "the file holds that one"
    );
    let body = String::from_utf8_lossy(http.body());
    assert!(body.starts_with(&format!("--{boundary}\r\n")), "{body}");
    assert!(
        body.contains("name=\"is_create_group\"\r\n\r\ntrue\r\n"),
        "{body}"
    );
    assert!(body.contains("filename=\"api.yaml\""), "{body}");
    assert!(body.ends_with(&format!("--{boundary}--\r\n")), "{body}");
}

#[test]
fn a_response_gives_its_status_body_and_documented_headers_only() {
    let response = http::Response::builder()
        .status(200)
        .header("x-request-id", "abc")
        .header("x-other", "left out")
        .body(br#"{"total": 1}"#.to_vec())
        .unwrap();
    let read = accept::Response::from_http(&response).unwrap();
    assert_eq!(read.response.status(), 200);
    assert!(matches!(read.response, accept::Response::Ok(_)));
    assert_eq!(read.headers["x-request-id"], "abc");
    assert_eq!(read.headers.len(), 1);
}

#[test]
fn a_response_body_that_does_not_fit_is_a_json_error_with_its_path() {
    let response = http::Response::builder()
        .status(200)
        .body(&b"{\"total\": \"two\"}"[..])
        .unwrap();
    let error = accept::Response::from_http(&response).unwrap_err();
    assert_eq!(error.path, "total");
}
