//! The generated operations' requests and responses as the `http` crate's types, for the service
//! crates' `http` feature. Sans-IO: it builds an `http::Request` and reads an `http::Response`, and
//! leaves sending them to whichever client the SDK uses. Each operation's `Request::to_http` and
//! `Response::from_http` are one call into here, so that the feature adds little code per operation.
//!
//! The generator writes this file as the root of its own crate, after a `use` that names the
//! support crate `support`: the support crate stays the same in every layout.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use ::http;

use std::fmt;
use support::{multipart_body, FormPart, JsonError};

/// The boundary of a multipart body, before it is made unique against the parts' bytes.
const BOUNDARY: &str = "api-gateway-models-form-boundary";

/// Why a request could not be made into an `http::Request`.
#[derive(Debug)]
#[non_exhaustive]
pub enum HttpError {
    /// The base URI, the path and the query do not make a URI, or a header's value is not one an
    /// HTTP header may hold (a line break, say).
    Http(http::Error),
    /// The body could not be written as JSON.
    Json(serde_json::Error),
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Http(error) => write!(f, "not a valid HTTP request: {error}"),
            HttpError::Json(error) => write!(f, "the body cannot be written as JSON: {error}"),
        }
    }
}

impl std::error::Error for HttpError {}

/// A request body as it goes on the wire, with its `Content-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireBody {
    content_type: String,
    bytes: Vec<u8>,
    /// A form's content type carries its boundary, so it replaces a documented `Content-Type`;
    /// a JSON body's gives way to one the caller set.
    replaces_header: bool,
}

/// A JSON request body.
pub fn json_body<T: serde::Serialize + ?Sized>(body: &T) -> Result<WireBody, HttpError> {
    Ok(WireBody {
        content_type: "application/json".to_owned(),
        bytes: serde_json::to_vec(body).map_err(HttpError::Json)?,
        replaces_header: false,
    })
}

/// A multipart/form-data request body of `parts`, delimited by a boundary that occurs in none of
/// them.
pub fn form_body(parts: &[FormPart<'_>]) -> WireBody {
    let mut boundary = BOUNDARY.to_owned();
    let mut attempt = 0u32;
    while parts
        .iter()
        .any(|part| contains(part_bytes(part), boundary.as_bytes()))
    {
        attempt += 1;
        boundary = format!("{BOUNDARY}-{attempt}");
    }
    WireBody {
        content_type: format!("multipart/form-data; boundary={boundary}"),
        bytes: multipart_body(parts, &boundary),
        replaces_header: true,
    }
}

fn part_bytes<'a>(part: &'a FormPart<'_>) -> &'a [u8] {
    match part {
        FormPart::Text { value, .. } => value.as_bytes(),
        FormPart::File { file, .. } => &file.bytes,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// An `http::Request` of `method` to `base` (`https://apig.example.com`, with or without a path
/// prefix and a trailing `/`) followed by the operation's `path` and `query` (already
/// percent-encoded), with the documented `headers` and the `body`.
pub fn http_request(
    method: &str,
    base: &str,
    path: &str,
    query: &str,
    headers: &[(&str, &str)],
    body: Option<WireBody>,
) -> Result<http::Request<Vec<u8>>, HttpError> {
    let mut uri = String::with_capacity(base.len() + path.len() + query.len() + 1);
    uri.push_str(base.trim_end_matches('/'));
    uri.push_str(path);
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(query);
    }
    let mut builder = http::Request::builder().method(method).uri(uri);
    let mut has_content_type = false;
    for (name, value) in headers {
        let is_content_type = name.eq_ignore_ascii_case("content-type");
        has_content_type |= is_content_type;
        if !(is_content_type && body.as_ref().is_some_and(|body| body.replaces_header)) {
            builder = builder.header(*name, *value);
        }
    }
    let bytes = match body {
        Some(body) => {
            if body.replaces_header || !has_content_type {
                builder = builder.header(http::header::CONTENT_TYPE, body.content_type);
            }
            body.bytes
        }
        None => Vec::new(),
    };
    builder.body(bytes).map_err(HttpError::Http)
}

/// An operation's response read from an `http::Response`: the parsed `response`, and the headers
/// the page documents for its status, as the response carried them.
#[derive(Debug, Clone)]
pub struct HttpResponse<R> {
    /// The response, parsed by its status as `Response::parse` parses it.
    pub response: R,
    /// The documented headers of the status that the response has (others are left out: the
    /// whole map is on the `http::Response`).
    pub headers: http::HeaderMap,
}

/// Reads `response` with `parse` (the operation's `Response::parse`), keeping the headers named by
/// `documented` (the operation's `Response::documented_headers`).
pub fn http_response<R, B: AsRef<[u8]>>(
    response: &http::Response<B>,
    parse: fn(u16, &[u8]) -> Result<R, JsonError>,
    documented: fn(u16) -> &'static [&'static str],
) -> Result<HttpResponse<R>, JsonError> {
    let status = response.status().as_u16();
    let parsed = parse(status, response.body().as_ref())?;
    let mut headers = http::HeaderMap::new();
    for name in documented(status) {
        for value in response.headers().get_all(*name) {
            if let Ok(name) = http::HeaderName::from_bytes(name.as_bytes()) {
                headers.append(name, value.clone());
            }
        }
    }
    Ok(HttpResponse {
        response: parsed,
        headers,
    })
}
