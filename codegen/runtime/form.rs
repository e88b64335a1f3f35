//! The parts of a multipart/form-data request body (RFC 7578), for the operations whose page has a
//! "FormData parameters" table: each operation's `Request::form` lists them, and `multipart_body`
//! writes them for an HTTP client that takes a body and a content type rather than a form.

use std::fmt;

/// A file sent as one part of a multipart/form-data request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePart {
    /// The file name the part declares (`filename` in its `Content-Disposition`).
    pub file_name: String,
    /// The file's content, sent as `application/octet-stream`.
    pub bytes: Vec<u8>,
}

/// One part of a form: a field's name and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPart<'a> {
    /// A text field, its value written as the query string writes one (`true`, `42`, an
    /// enumeration's wire value).
    Text {
        /// The field's wire name.
        name: &'static str,
        /// The value, as text.
        value: String,
    },
    /// A file field.
    File {
        /// The field's wire name.
        name: &'static str,
        /// The file.
        file: &'a FilePart,
    },
}

impl FormPart<'_> {
    /// A text part of the field `name`.
    pub fn text(name: &'static str, value: impl fmt::Display) -> FormPart<'static> {
        FormPart::Text {
            name,
            value: value.to_string(),
        }
    }
}

/// A name as a quoted string of a `Content-Disposition` header: `"`, CR and LF percent-encoded, as
/// browsers send them.
fn quoted(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    for c in name.chars() {
        match c {
            '"' => out.extend_from_slice(b"%22"),
            '\r' => out.extend_from_slice(b"%0D"),
            '\n' => out.extend_from_slice(b"%0A"),
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out.push(b'"');
}

/// Writes `parts` as a multipart/form-data body delimited by `boundary`; send it with the header
/// `Content-Type: multipart/form-data; boundary=<boundary>`. The boundary must not occur in any
/// part: choose a long random one.
pub fn multipart_body(parts: &[FormPart<'_>], boundary: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=");
        let (name, content): (&str, &[u8]) = match part {
            FormPart::Text { name, value } => (name, value.as_bytes()),
            FormPart::File { name, file } => (name, &file.bytes),
        };
        quoted(&mut out, name);
        if let FormPart::File { file, .. } = part {
            out.extend_from_slice(b"; filename=");
            quoted(&mut out, &file.file_name);
            out.extend_from_slice(b"\r\nContent-Type: application/octet-stream");
        }
        out.extend_from_slice(b"\r\n\r\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"--");
    out.extend_from_slice(boundary.as_bytes());
    out.extend_from_slice(b"--\r\n");
    out
}
