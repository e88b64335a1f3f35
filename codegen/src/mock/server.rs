//! The mock on a socket: hyper's HTTP/1 server on tokio, one task per connection, each request's
//! body read up to the limit, one log line per request on stderr, and a clean stop (Ctrl-C for the
//! command, a call for the tests) that stops accepting and lets the connections finish.

use super::answer::{too_large, Answer};
use super::{Incoming, Mock};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming as Body;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the connections still open at a stop are given to finish.
const GRACE: Duration = Duration::from_secs(5);

/// Serves `mock` on `listener` until `shutdown` completes, then lets open connections finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    mock: Arc<Mock>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // A connection that failed before it was accepted (reset, out of descriptors) is
                // that client's problem; the server goes on.
                Err(_) => continue,
            },
            () = &mut shutdown => break,
        };
        let mock = mock.clone();
        let service = service_fn(move |request| respond(mock.clone(), request));
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request ends its own connection only.
            let _ = connection.await;
        });
    }
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
    Ok(())
}

async fn respond(
    mock: Arc<Mock>,
    request: hyper::Request<Body>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let answer = match read_body(body, mock.body_limit).await {
        Some(body) => mock.answer(&Incoming {
            method: parts.method.as_str(),
            path: parts.uri.path(),
            query: parts.uri.query(),
            headers: &parts.headers,
            body: &body,
        }),
        None => too_large(mock.body_limit),
    };
    if mock.log {
        eprintln!(
            "{} {} {} {} {} violation{} {}us",
            parts.method,
            parts.uri,
            answer.status,
            answer.operation.as_deref().unwrap_or("-"),
            answer.violations,
            if answer.violations == 1 { "" } else { "s" },
            started.elapsed().as_micros()
        );
    }
    Ok(to_response(answer))
}

/// The body, or `None` when it is over `limit` bytes. The rest of an oversize body is still read
/// (and dropped), up to a few times the limit, so that the client has sent it when the 413 comes
/// and reads the answer rather than a reset connection.
async fn read_body(mut body: Body, limit: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else { break };
        if let Some(data) = frame.data_ref() {
            seen += data.len();
            if seen <= limit {
                bytes.extend_from_slice(data);
            } else if seen > limit.saturating_mul(4) {
                break;
            }
        }
    }
    (seen <= limit).then_some(bytes)
}

fn to_response(answer: Answer) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::builder().status(answer.status);
    for (name, value) in &answer.headers {
        response = response.header(name, value);
    }
    // The answer is made of valid statuses and header names and values only.
    response
        .body(Full::new(Bytes::from(answer.body)))
        .unwrap_or_else(|_| hyper::Response::new(Full::new(Bytes::new())))
}

/// A mock server running on its own runtime in a thread, for tests and tools: stopped by
/// [`Running::stop`] (or when dropped).
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

/// Starts `mock` on `addr` (port 0 for a free one) with `threads` worker threads.
pub fn start(mock: Mock, addr: SocketAddr, threads: usize) -> std::io::Result<Running> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .enable_all()
        .build()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(addr))?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let mock = Arc::new(mock);
    let thread = std::thread::spawn(move || {
        runtime.block_on(serve(listener, mock, async {
            let _ = stopped.await;
        }))
    });
    Ok(Running {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    })
}

impl Running {
    /// Stops accepting, lets the open connections finish, and waits for the server's thread.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.shut_down()
    }

    fn shut_down(&mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(std::io::Error::other("the mock server's thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.shut_down();
    }
}

/// The command: serves `mock` on `addr` until Ctrl-C, saying where on stderr.
pub fn run_until_ctrl_c(mock: Mock, addr: SocketAddr) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!(
            "mock of `{}` on http://{} (Ctrl-C stops it)",
            mock.service(),
            listener.local_addr()?
        );
        serve(listener, Arc::new(mock), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        eprintln!("stopped");
        Ok(())
    })
}
