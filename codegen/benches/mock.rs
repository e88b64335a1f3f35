//! The mock server's speed and memory (not a test): `cargo bench -p codegen --bench mock --
//! [service/operation [answer-only]]` (default `apig/update_vpc_channel`; `answer-only` times
//! `Mock::answer` alone, for a profiler).
//!
//! - Requests per second for the operation's page example request, answered by the mock (routing,
//!   the checks of the path, query, headers and body, the example response) against a minimal
//!   server of the same stack (hyper's HTTP/1 server on tokio, 2 worker threads each) that reads the
//!   body and returns the same bytes, measured in the same run: five rounds, each server in turn,
//!   16 keep-alive connections of 1,000 requests each on 127.0.0.1, medians and their ratio.
//! - The peak memory of serving every service of `spec/` at once (one process, one reading of the
//!   spec, each service on its own port and answering one request), from a child process's
//!   `/proc/self/status`.

use bytes::Bytes;
use codegen::internal::ir::{Operation, Service};
use codegen::internal::mock::{start, Incoming, Mock};
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 16;
const PER_CONNECTION: usize = 1_000;
const ROUNDS: usize = 5;
const SERVER_THREADS: usize = 2;

/// A request as bytes-level parts, sent again and again.
#[derive(Clone)]
struct Prepared {
    method: hyper::Method,
    target: String,
    headers: Vec<(String, String)>,
    body: Bytes,
}

/// An answer as the mock gave it, for the minimal server to give again.
struct Canned {
    status: hyper::StatusCode,
    headers: Vec<(hyper::header::HeaderName, hyper::header::HeaderValue)>,
    body: Bytes,
}

fn main() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("memory-child") {
        return memory_child(&spec);
    }
    let wanted = args
        .first()
        .cloned()
        .unwrap_or_else(|| "apig/update_vpc_channel".to_owned());
    let (service_name, operation) = wanted.split_once('/').expect("service/operation");
    let model = codegen::internal::model(&codegen::Config::new(&spec)).expect("the spec loads");
    let service = (model.services.iter())
        .find(|s| s.module == service_name)
        .expect("a service of the spec");
    let op = (service.operations.iter())
        .find(|op| op.module.trim_start_matches("r#") == operation)
        .expect("an operation of the service");
    let prepared = example_request(&spec, op);
    let client = runtime(2);

    let mock = Mock::load(&spec, service_name)
        .expect("the mock loads")
        .log(false);
    let alone = answer_alone(&mock, &prepared);
    if args.get(1).map(String::as_str) == Some("answer-only") {
        // For a profiler: `Mock::answer` alone, no servers.
        return println!("`Mock::answer` alone: {alone:.1} µs per request");
    }
    let mock =
        start(mock, "127.0.0.1:0".parse().unwrap(), SERVER_THREADS).expect("the mock starts");
    let canned = client.block_on(first_answer(mock.addr, &prepared));
    assert!(
        canned.status.is_success(),
        "the example is answered {}",
        canned.status
    );
    let (minimal, stop_minimal, minimal_thread) = start_minimal(Arc::new(canned));

    let mut mock_rates = Vec::new();
    let mut minimal_rates = Vec::new();
    for _ in 0..ROUNDS {
        mock_rates.push(client.block_on(rate(mock.addr, &prepared)));
        minimal_rates.push(client.block_on(rate(minimal, &prepared)));
    }
    mock.stop().expect("the mock stops");
    let _ = stop_minimal.send(());
    let _ = minimal_thread.join();
    let (ours, floor) = (median(&mut mock_rates), median(&mut minimal_rates));
    println!(
        "{wanted} ({} {}), {} requests per round on {CONNECTIONS} connections, {ROUNDS} rounds, median:",
        op.method,
        op.path,
        CONNECTIONS * PER_CONNECTION
    );
    println!("| server | requests/s |\n| --- | ---: |");
    println!("| minimal hyper server, same bytes | {floor:.0} |");
    println!("| mock (routing, checks, example) | {ours:.0} |");
    println!("| ratio | {:.2} |", ours / floor);
    println!("`Mock::answer` alone (sans-IO, one thread): {alone:.1} µs per request");
    memory_parent();
}

/// The operation's first page example request, with a value for each path parameter, required
/// header and required query parameter.
fn example_request(spec: &Path, op: &Operation) -> Prepared {
    let file: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(spec.join(&op.spec_file)).expect("the spec file"),
    )
    .expect("JSON");
    let examples = file["operation"]["examples"]["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let body = (examples.iter())
        .find(|e| e.get("invalid").is_none())
        .map(|e| serde_json::to_vec(&e["body"]).expect("JSON"))
        .unwrap_or_default();
    let mut target = op.path.clone();
    for param in &op.path_params {
        target = target.replace(&format!("{{{}}}", param.wire), "a1b2c3");
    }
    let query: Vec<String> = (op.query.iter())
        .filter(|q| q.required)
        .map(|q| format!("{}=1", q.wire))
        .collect();
    if !query.is_empty() {
        target = format!("{target}?{}", query.join("&"));
    }
    let mut headers: Vec<(String, String)> = (op.headers.iter())
        .filter(|h| h.required)
        .map(|h| (h.wire.clone(), "a-token".to_owned()))
        .collect();
    if op.body.is_some() {
        headers.push(("content-type".to_owned(), "application/json".to_owned()));
    }
    Prepared {
        method: op.method.parse().expect("a method"),
        target,
        headers,
        body: Bytes::from(body),
    }
}

/// The mean time of `Mock::answer` on the prepared request, in microseconds, without a socket.
fn answer_alone(mock: &Mock, prepared: &Prepared) -> f64 {
    let mut headers = hyper::HeaderMap::new();
    for (name, value) in &prepared.headers {
        headers.insert(
            hyper::header::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            value.parse().expect("a header value"),
        );
    }
    let (path, query) = match prepared.target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (prepared.target.as_str(), None),
    };
    let incoming = Incoming {
        method: prepared.method.as_str(),
        path,
        query,
        headers: &headers,
        body: &prepared.body,
    };
    const TIMES: u32 = 20_000;
    let started = Instant::now();
    for _ in 0..TIMES {
        std::hint::black_box(mock.answer(std::hint::black_box(&incoming)));
    }
    started.elapsed().as_secs_f64() * 1e6 / f64::from(TIMES)
}

fn runtime(threads: usize) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .expect("a runtime")
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> Sender {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    sender
}

/// Sends `prepared` once and reads the whole answer.
async fn send(
    sender: &mut Sender,
    addr: SocketAddr,
    prepared: &Prepared,
) -> hyper::Response<Bytes> {
    let mut request = hyper::Request::builder()
        .method(prepared.method.clone())
        .uri(&prepared.target)
        .header(hyper::header::HOST, addr.to_string());
    for (name, value) in &prepared.headers {
        request = request.header(name, value);
    }
    let request = request
        .body(Full::new(prepared.body.clone()))
        .expect("a request");
    let response = sender.send_request(request).await.expect("an answer");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("the body").to_bytes();
    hyper::Response::from_parts(parts, body)
}

async fn first_answer(addr: SocketAddr, prepared: &Prepared) -> Canned {
    let response = send(&mut connect(addr).await, addr, prepared).await;
    let headers = (response.headers().iter())
        .filter(|(name, _)| !["content-length", "date"].contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    Canned {
        status: response.status(),
        headers,
        body: response.into_body(),
    }
}

/// Requests per second over `CONNECTIONS` connections of `PER_CONNECTION` requests each; every
/// answer must be the success the first one was.
async fn rate(addr: SocketAddr, prepared: &Prepared) -> f64 {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let prepared = prepared.clone();
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(addr).await;
            for _ in 0..PER_CONNECTION {
                let response = send(&mut sender, addr, &prepared).await;
                assert!(response.status().is_success(), "{}", response.status());
            }
        }));
    }
    for task in tasks {
        task.await.expect("no request lost");
    }
    (CONNECTIONS * PER_CONNECTION) as f64 / started.elapsed().as_secs_f64()
}

/// The minimal server: reads each request's body and answers `canned`, until told to stop.
fn start_minimal(
    canned: Arc<Canned>,
) -> (
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let runtime = runtime(SERVER_THREADS);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("binds");
    let addr = listener.local_addr().expect("an address");
    let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            loop {
                let stream = tokio::select! {
                    accepted = listener.accept() => accepted.expect("accepts").0,
                    _ = &mut stopped => break,
                };
                let canned = canned.clone();
                let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                    let canned = canned.clone();
                    async move {
                        let _ = request.into_body().collect().await;
                        let mut response = hyper::Response::new(Full::new(canned.body.clone()));
                        *response.status_mut() = canned.status;
                        for (name, value) in &canned.headers {
                            response.headers_mut().insert(name.clone(), value.clone());
                        }
                        Ok::<_, Infallible>(response)
                    }
                });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    (addr, stop, thread)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Runs the memory measure in a child process, whose peak is its own.
fn memory_parent() {
    let exe: PathBuf = std::env::current_exe().expect("the bench's path");
    let output = std::process::Command::new(exe)
        .arg("memory-child")
        .output()
        .expect("the child runs");
    print!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
}

/// Serves every service at once, each answering one request, and prints the process's peak memory.
fn memory_child(spec: &Path) {
    let before = status_kb("VmRSS");
    let mocks = Mock::load_all(spec).expect("the mocks load");
    let services: Vec<&Service> = mocks.iter().map(Mock::model).collect();
    let operations: usize = services.iter().map(|s| s.operations.len()).sum();
    let running: Vec<_> = (mocks.into_iter())
        .map(|mock| start(mock.log(false), "127.0.0.1:0".parse().unwrap(), 1).expect("starts"))
        .collect();
    let client = runtime(1);
    for (server, service) in running.iter().zip(&services) {
        let op = &service.operations[0];
        let prepared = example_request(spec, op);
        let answer = client.block_on(async {
            let mut sender = connect(server.addr).await;
            send(&mut sender, server.addr, &prepared).await
        });
        assert!(
            answer.status().as_u16() < 500,
            "{} {}",
            service.module,
            answer.status()
        );
    }
    std::thread::sleep(Duration::from_millis(50));
    let (rss, peak) = (status_kb("VmRSS"), status_kb("VmHWM"));
    drop(running);
    println!(
        "every service at once ({} services, {operations} operations, one process): {:.0} MB resident \
         while serving, peak {:.0} MB (loading included; {:.0} MB before loading)",
        services.len(),
        rss as f64 / 1024.0,
        peak as f64 / 1024.0,
        before as f64 / 1024.0
    );
}

/// A `kB` line of `/proc/self/status`.
fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    (status.lines())
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
