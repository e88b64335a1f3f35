//! The mock server (`codegen mock`) over loopback, with a real HTTP client (hyper's): started
//! in-process on 127.0.0.1 port 0 and stopped by each test. Every operation's page example gets its
//! example response; requests built by the generated crates' `http` glue are answered and read
//! back through `Response::from_http`; broken requests get every violation the generated checks
//! find; unknown routes, oversize and non-UTF-8 bodies get their errors; a burst of concurrent
//! requests is answered in full.

use api_gateway_models::apig::update_vpc_channel;
use api_gateway_models::otc_apig::{importing_apis, querying_vpc_channels};
use api_gateway_models::support::FilePart;
use api_gateway_models::wire::http;
use bytes::Bytes;
use codegen::internal::mock::{start, Mock, Running};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use model_tests::{root, Operation, Spec};
use serde_json::{json, Value};
use std::net::SocketAddr;

fn mock(service: &str) -> Running {
    let mock = Mock::load(&root().join("spec"), service)
        .expect("the service loads")
        .log(false);
    start(mock, "127.0.0.1:0".parse().unwrap(), 2).expect("the server starts")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Sends requests on one connection, one after the other, and reads each whole answer.
async fn send_all(
    addr: SocketAddr,
    requests: Vec<http::Request<Vec<u8>>>,
) -> Vec<http::Response<Vec<u8>>> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut answers = Vec::new();
    for request in requests {
        // The request line carries the path and query; the host goes in `Host`.
        let (mut parts, body) = request.into_parts();
        let target = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        parts.uri = target.parse().unwrap();
        parts
            .headers
            .insert(http::header::HOST, addr.to_string().parse().unwrap());
        let request = http::Request::from_parts(parts, Full::new(Bytes::from(body)));
        sender.ready().await.expect("the connection stays open");
        let response = sender.send_request(request).await.expect("an answer");
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .expect("the whole body")
            .to_bytes()
            .to_vec();
        answers.push(http::Response::from_parts(parts, body));
    }
    answers
}

fn send(addr: SocketAddr, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    runtime().block_on(send_all(addr, vec![request])).remove(0)
}

fn json_of(response: &http::Response<Vec<u8>>) -> Value {
    serde_json::from_slice(response.body()).unwrap_or(Value::Null)
}

fn base(server: &Running) -> String {
    format!("http://{}", server.addr)
}

/// A valid request of `op` from its page: path parameters and headers filled in, mandatory query
/// parameters given their enumeration's first value or a plain one, and `body`.
fn page_request(
    spec: &Spec,
    op: &Operation,
    addr: SocketAddr,
    body: Option<&Value>,
) -> http::Request<Vec<u8>> {
    let mut path = op.value["path"].as_str().unwrap().to_owned();
    while let (Some(open), Some(close)) = (path.find('{'), path.find('}')) {
        path.replace_range(open..=close, "id-1");
    }
    let mut query = Vec::new();
    for param in op.value["query_params"].as_array().into_iter().flatten() {
        if param["required"] != json!(true) {
            continue;
        }
        let ty = param["type"].as_str().unwrap();
        let value = match spec.enumeration(&op.service, ty) {
            Some(e) => e["values"][0]["value"]
                .to_string()
                .trim_matches('"')
                .to_owned(),
            None if ty == "integer" || ty == "long" => "1".to_owned(),
            None => "a".to_owned(),
        };
        query.push(format!("{}={value}", param["name"].as_str().unwrap()));
    }
    let uri = format!("http://{addr}{path}?{}", query.join("&"));
    let mut request = http::Request::builder()
        .method(op.value["method"].as_str().unwrap())
        .uri(uri);
    for header in op.value["headers"].as_array().into_iter().flatten() {
        request = request.header(header["name"].as_str().unwrap(), "token");
    }
    let body = body
        .map(|b| serde_json::to_vec(b).unwrap())
        .unwrap_or_default();
    request
        .header("content-type", "application/json")
        .body(body)
        .unwrap()
}

/// The status the mock answers a valid request with, and the page's example body for it.
fn expected(op: &Operation) -> (u16, Option<Value>) {
    let status = (op.value["responses"].as_array().into_iter().flatten())
        .filter_map(|r| r["status"].as_u64())
        .filter(|s| (200..300).contains(s))
        .min()
        .unwrap_or(200) as u16;
    let example = (op.value["examples"]["responses"]
        .as_array()
        .into_iter()
        .flatten())
    .find(|e| e["status"] == json!(status) && e.get("invalid").is_none())
    .map(|e| e["body"].clone());
    (status, example)
}

#[test]
fn every_page_example_request_gets_the_page_example_response() {
    let spec = Spec::load();
    let runtime = runtime();
    let mut sent = 0;
    for service in [
        "apig",
        "roma",
        "otc_apig",
        "otc_ecs",
        "otc_elb",
        "otc_modelarts",
    ] {
        let server = mock(service);
        for op in spec.operations.iter().filter(|op| op.service == service) {
            // A form is sent by the typed test below; a body without a valid example cannot be sent.
            if op.value.get("form_params").is_some() {
                continue;
            }
            let examples = op.example_requests();
            let bodies: Vec<Option<&Value>> = if op.value.get("body").is_some() {
                examples.iter().map(|(_, body)| Some(body)).collect()
            } else {
                vec![None]
            };
            let (status, example) = expected(op);
            let requests = bodies
                .iter()
                .map(|b| page_request(&spec, op, server.addr, *b))
                .collect();
            for answer in runtime.block_on(send_all(server.addr, requests)) {
                let got = json_of(&answer);
                assert_eq!(
                    answer.status().as_u16(),
                    status,
                    "{}: {got:#}",
                    op.qualified()
                );
                if let Some(example) = &example {
                    assert_eq!(&got, example, "{}", op.qualified());
                }
                sent += 1;
            }
        }
        server.stop().expect("stops");
    }
    assert!(sent > 180, "only {sent} example requests");
}

fn vpc_channel_request() -> update_vpc_channel::Request {
    let spec = Spec::load();
    let op = spec
        .operations
        .iter()
        .find(|op| op.qualified() == "apig/update_vpc_channel")
        .unwrap();
    update_vpc_channel::Request::new(
        "p".to_owned(),
        "i".to_owned(),
        "c".to_owned(),
        "t".to_owned(),
        serde_json::from_value(op.example_requests()[0].1.clone()).unwrap(),
    )
}

#[test]
fn a_request_built_by_the_http_glue_is_answered_and_read_back_through_response() {
    let server = mock("apig");
    let request = vpc_channel_request();
    request.validate().expect("the page's example is valid");
    let answer = send(server.addr, request.to_http(&base(&server)).unwrap());
    let read = update_vpc_channel::Response::from_http(&answer).expect("the answer parses");
    let update_vpc_channel::Response::Ok(channel) = read.response else {
        panic!("not the documented 200: {:?}", read.response);
    };
    assert!(channel.name.is_some(), "{channel:?}");
    server.stop().unwrap();

    let server = mock("otc_apig");
    let query = querying_vpc_channels::Request::new("p".to_owned(), "i".to_owned(), "t".to_owned())
        .with_offset(0)
        .with_limit(500)
        .with_name("channel 1".to_owned())
        .with_member_port(8080);
    let answer = send(server.addr, query.to_http(&base(&server)).unwrap());
    let read = querying_vpc_channels::Response::from_http(&answer).unwrap();
    let querying_vpc_channels::Response::Ok(list) = read.response else {
        panic!("not the documented 200: {:?}", read.response);
    };
    assert_eq!(list.total, Some(2));

    let form = importing_apis::Request::new(
        "p".to_owned(),
        "i".to_owned(),
        "t".to_owned(),
        FilePart {
            file_name: "api.yaml".to_owned(),
            bytes: b"swagger: '2.0'".to_vec(),
        },
    )
    .with_is_create_group(true);
    let answer = send(server.addr, form.to_http(&base(&server)).unwrap());
    let read = importing_apis::Response::from_http(&answer).unwrap();
    assert!(
        (200..300).contains(&read.response.status()),
        "{:?}",
        read.response
    );
    server.stop().unwrap();
}

#[test]
fn a_broken_request_gets_every_violation_the_generated_checks_find() {
    let server = mock("apig");
    let mut request = vpc_channel_request();
    request.body.port = 70000;
    request.body.name = "1 starts with a digit".to_owned();
    request.x_auth_token = String::new();
    let http = request.to_http(&base(&server)).unwrap();
    let generated = update_vpc_channel::check_body(http.body()).unwrap_err();
    let api_gateway_models::BodyError::Invalid(errors) = generated else {
        panic!("{generated}")
    };
    let answer = send(server.addr, http);
    assert_eq!(answer.status(), 400);
    let got = json_of(&answer);
    let listed: Vec<(String, String, String)> = (got["violations"].as_array().unwrap().iter())
        .filter(|v| v["in"] == "body")
        .map(|v| {
            (
                v["path"].as_str().unwrap().to_owned(),
                v["rule"].as_str().unwrap().to_owned(),
                v["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = (errors.violations().iter())
        .map(|v| (v.path.clone(), v.rule.code().to_owned(), v.rule.to_string()))
        .collect();
    assert_eq!(listed, expected);
    assert!(expected.len() >= 2, "{expected:?}");
    let header = &got["violations"][0];
    assert_eq!(
        (
            header["in"].as_str(),
            header["path"].as_str(),
            header["rule"].as_str()
        ),
        (Some("header"), Some("X-Auth-Token"), Some("empty"))
    );
    // The answer is the page's 400 response, which the SDK reads as such.
    let read = update_vpc_channel::Response::from_http(&answer).unwrap();
    assert!(
        matches!(read.response, update_vpc_channel::Response::BadRequest(_)),
        "{:?}",
        read.response
    );
    server.stop().unwrap();
}

fn raw(server: &Running, method: &str, target: &str, body: Vec<u8>) -> http::Response<Vec<u8>> {
    let request = http::Request::builder()
        .method(method)
        .uri(format!("{}{target}", base(server)))
        .header("X-Auth-Token", "t")
        .body(body)
        .unwrap();
    send(server.addr, request)
}

const CHANNEL: &str = "/v2/p/apigw/instances/i/vpc-channels/c";

#[test]
fn an_undocumented_route_is_404_naming_the_closest_operation() {
    let server = mock("apig");
    let answer = raw(
        &server,
        "PUT",
        "/v2/p/apigw/instances/i/vpc-channel/c",
        Vec::new(),
    );
    assert_eq!(answer.status(), 404);
    assert_eq!(
        json_of(&answer)["closest"]["operation"],
        "apig/update_vpc_channel"
    );
    let answer = raw(&server, "DELETE", CHANNEL, Vec::new());
    assert_eq!(
        answer.status(),
        404,
        "an undocumented method on a documented path"
    );
    assert_eq!(
        json_of(&answer)["closest"]["operation"],
        "apig/update_vpc_channel"
    );
    server.stop().unwrap();
}

#[test]
fn bodies_that_are_not_json_text_or_too_large_get_their_errors() {
    let mock = Mock::load(&root().join("spec"), "apig")
        .unwrap()
        .log(false)
        .body_limit(4096);
    let server = start(mock, "127.0.0.1:0".parse().unwrap(), 2).unwrap();
    let rule = |answer: &http::Response<Vec<u8>>| {
        json_of(answer)["violations"][0]["rule"]
            .as_str()
            .map(str::to_owned)
    };
    let answer = raw(&server, "PUT", CHANNEL, vec![b'{', 0xff, 0xfe, b'}']);
    assert_eq!(
        (answer.status().as_u16(), rule(&answer).as_deref()),
        (400, Some("encoding"))
    );
    let answer = raw(&server, "PUT", CHANNEL, b"{\"name\": ".to_vec());
    assert_eq!(
        (answer.status().as_u16(), rule(&answer).as_deref()),
        (400, Some("json"))
    );
    let answer = raw(&server, "PUT", CHANNEL, Vec::new());
    assert_eq!(
        (answer.status().as_u16(), rule(&answer).as_deref()),
        (400, Some("required"))
    );
    // Just under the limit is read and checked; just over is refused unread.
    let mut padded = serde_json::to_vec(&json!({"name": "x".repeat(4000)})).unwrap();
    padded.resize(4096, b' ');
    assert_eq!(raw(&server, "PUT", CHANNEL, padded.clone()).status(), 400);
    padded.push(b' ');
    assert_eq!(raw(&server, "PUT", CHANNEL, padded).status(), 413);
    assert_eq!(
        raw(&server, "PUT", CHANNEL, vec![b' '; 100_000]).status(),
        413
    );
    let answer = raw(&server, "PUT", &format!("{CHANNEL}?x=%ff"), Vec::new());
    assert_eq!(json_of(&answer)["violations"][0]["in"], "query");
    server.stop().unwrap();
}

#[test]
fn a_burst_of_concurrent_requests_is_answered_in_full() {
    const CONNECTIONS: usize = 40;
    const EACH: usize = 50;
    let server = mock("apig");
    let template = vpc_channel_request().to_http(&base(&server)).unwrap();
    let expected = send(server.addr, template.clone());
    assert_eq!(expected.status(), 200);
    let answers = runtime().block_on(async {
        let tasks: Vec<_> = (0..CONNECTIONS)
            .map(|_| tokio::spawn(send_all(server.addr, vec![template.clone(); EACH])))
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.extend(task.await.expect("the client task ends"));
        }
        answers
    });
    assert_eq!(answers.len(), CONNECTIONS * EACH);
    for answer in &answers {
        assert_eq!(
            (answer.status(), answer.body()),
            (expected.status(), expected.body())
        );
    }
    let addr = server.addr;
    server.stop().unwrap();
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the stopped server still accepts"
    );
}
