//! The mock server made from the pages (`codegen mock`): one service's documented operations,
//! routed by method and path template (`routes`); each request checked as the generated crates
//! check it, path parameters, query parameters, headers and the body, through the interpreter
//! (`checks`, with `form` for a multipart body); a valid request answered with the page's example
//! response for its success status and its documented headers, an invalid one with every violation
//! (`answer`). `server` puts it on a socket with hyper; everything else here is sans-IO, so that
//! the answers are tested without one.

mod answer;
mod checks;
mod form;
mod routes;
mod server;
mod violation;

pub use answer::Answer;
pub use server::{run_until_ctrl_c, serve, start, Running};

use crate::interpret::Interpreter;
use crate::ir::Service;
use routes::Routes;
use std::path::{Path, PathBuf};

/// The largest request body the server reads by default: 1 MiB, far above every page's example.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;

/// Why a mock could not be made.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    /// The spec does not generate: the same problems `generate` lists.
    #[error(transparent)]
    Spec(#[from] crate::Error),
    /// No service of that name in the spec.
    #[error("no service `{name}` in {}; the services are: {}", .spec.display(), .known.join(", "))]
    UnknownService {
        name: String,
        spec: PathBuf,
        known: Vec<String>,
    },
}

/// One service's operations, ready to answer requests.
pub struct Mock {
    service: &'static Service,
    interpreter: Interpreter<'static>,
    routes: Routes,
    /// Each operation's answer to a valid request, made once (in the order of `service.operations`).
    successes: Vec<Answer>,
    body_limit: usize,
    log: bool,
}

/// A request as the server read it.
pub struct Incoming<'a> {
    pub method: &'a str,
    /// The path, percent-encoded as it came.
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub headers: &'a http::HeaderMap,
    pub body: &'a [u8],
}

impl Mock {
    /// The mock of `service` from the spec directory `spec_dir`: every problem of the spec, as
    /// `generate` reports them, or an unknown service, is an error.
    pub fn load(spec_dir: &Path, service: &str) -> Result<Mock, MockError> {
        let model = crate::Config::new(spec_dir).model()?;
        let known: Vec<String> = model.services.iter().map(|s| s.module.clone()).collect();
        let Some(found) = model.services.into_iter().find(|s| s.module == service) else {
            return Err(MockError::UnknownService {
                name: service.to_owned(),
                spec: spec_dir.to_path_buf(),
                known,
            });
        };
        Ok(Mock::of(found))
    }

    /// A mock of every service of the spec directory `spec_dir`, from one reading of the spec.
    pub fn load_all(spec_dir: &Path) -> Result<Vec<Mock>, MockError> {
        let model = crate::Config::new(spec_dir).model()?;
        Ok(model.services.into_iter().map(Mock::of).collect())
    }

    fn of(service: Service) -> Mock {
        // The interpreter borrows the service for as long as the server answers, which is until
        // the process ends: leaking the one service makes that borrow plain.
        let service: &'static Service = Box::leak(Box::new(service));
        Mock {
            service,
            interpreter: Interpreter::new(service),
            routes: Routes::new(&service.operations),
            successes: service.operations.iter().map(answer::success).collect(),
            body_limit: DEFAULT_BODY_LIMIT,
            log: true,
        }
    }

    /// The largest body read; a larger one is answered 413.
    pub fn body_limit(mut self, bytes: usize) -> Mock {
        self.body_limit = bytes;
        self
    }

    /// Whether the server writes a line per request to stderr (on by default).
    pub fn log(mut self, log: bool) -> Mock {
        self.log = log;
        self
    }

    /// The service's name.
    pub fn service(&self) -> &str {
        &self.service.module
    }

    /// The service's lowered model, which the mock answers from.
    pub fn model(&self) -> &'static Service {
        self.service
    }

    /// The answer to a request.
    pub fn answer(&self, request: &Incoming<'_>) -> Answer {
        let Some(found) = self.routes.find(request.method, request.path) else {
            let closest =
                &self.service.operations[self.routes.closest(request.method, request.path)];
            return answer::not_found(request, closest);
        };
        let op = &self.service.operations[found.operation];
        let violations = checks::check(&self.interpreter, op, &found.params, request);
        if violations.is_empty() {
            self.successes[found.operation].clone()
        } else {
            answer::invalid(op, &violations)
        }
    }
}
