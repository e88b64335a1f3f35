//! The catalogue of checks: for each kind of change, what it does to the set of messages a side may
//! carry (its [`Effect`]), and its semver impact on the generated crate. A change's level for a
//! client of the service is never written per check: it follows from the effect and the direction
//! of the place that changed ([`Effect::level`]), so a kind of change met on a new page is judged
//! by the same rule as the ones the tests hold.

use super::{Direction, Level, Semver};

/// What a change does to the messages a side may carry at the place it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// More values are valid than before (a wider limit, a new enumeration value or status, a rule
    /// removed, `string` where an enumeration was).
    Widens,
    /// Fewer values are valid (a narrower limit, a value removed, a new rule).
    Narrows,
    /// Some values become valid and others stop being (a character rule neither wider nor
    /// narrower).
    Reshapes,
    /// A new optional place: a request may use it, a response's old reader ignores it (responses
    /// read undocumented fields leniently).
    Extends,
    /// A value must now be there (a new mandatory field or parameter, optional became mandatory,
    /// null no longer allowed).
    Demands,
    /// A value may now be missing (mandatory became optional, null allowed).
    Relaxes,
    /// A place is gone (a field, header or operation removed).
    Drops,
    /// Values of the old shape no longer fit (a changed type, path or method).
    Replaces,
    /// An integer type that holds larger values (`integer` to `long`): more a request may send,
    /// but an old reader of a response cannot hold them.
    WidensType,
    /// The same message means something else (a changed default).
    Reinterprets,
    /// Only a generated name changes; the wire is the same.
    Renames,
    /// Only documentation changes.
    Documents,
}

impl Effect {
    /// The level of a change with this effect at a place of `direction`. A request is what the
    /// client sends and the service accepts: fewer accepted requests break a client, more do not.
    /// A response is what the service sends and the client reads: a value the client reads that may
    /// be missing or may not fit its type breaks it; a value outside what the old page documented
    /// (a new enumeration value, a wider limit, a new status) is a warning; fewer possible
    /// responses are compatible.
    pub fn level(self, direction: Direction) -> Level {
        use Direction::{Request, Response};
        use Effect::*;
        use Level::{Breaking, Compatible, Warning};
        match (self, direction) {
            (Widens, Request) | (Narrows, Response) => Compatible,
            (Widens, Response) => Warning,
            (Narrows, Request) => Breaking,
            (Reshapes, Request) => Breaking,
            (Reshapes, Response) => Warning,
            (Extends | Renames | Documents, _) => Compatible,
            (Demands, Request) | (Relaxes, Response) => Breaking,
            (Demands, Response) | (Relaxes, Request) => Compatible,
            (Drops | Replaces, _) => Breaking,
            (WidensType, Request) => Compatible,
            (WidensType, Response) => Breaking,
            (Reinterprets, _) => Warning,
        }
    }
}

/// One kind of change: its id without the direction (`max-length-decreased`), its effect, its
/// semver impact where it is in a request and where in a response, and what it means.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    pub id: &'static str,
    pub effect: Effect,
    pub request: Semver,
    pub response: Semver,
    pub what: &'static str,
}

impl Kind {
    /// The semver impact of the change at a place of `direction`.
    pub fn semver(&self, direction: Direction) -> Semver {
        match direction {
            Direction::Request => self.request,
            Direction::Response => self.response,
        }
    }
}

use Effect::*;
use Semver::{Major, Minor, Patch};

/// A row of [`KINDS`].
const fn kind(
    id: &'static str,
    effect: Effect,
    request: Semver,
    response: Semver,
    what: &'static str,
) -> Kind {
    Kind {
        id,
        effect,
        request,
        response,
        what,
    }
}

/// Every kind of change, in the order reports list them. The semver column follows what the
/// generated crate promises: every struct and enum is `#[non_exhaustive]` and a request struct is
/// built by `new(<mandatory fields>)`, so an addition that no constructor takes is minor; what
/// changes a signature, a field's Rust type or removes an item is major; what changes only
/// validation and docs is a patch. Response fields are all `Option`, so whether one is mandatory
/// changes only the departures `parse_with_departures` reports.
// One row a kind, as the README's table shows them.
#[rustfmt::skip]
pub static KINDS: &[Kind] = &[
    kind("operation-added", Extends, Minor, Minor, "an operation (a new cargo feature)"),
    kind("operation-removed", Drops, Major, Major, "an operation is gone"),
    kind("operation-renamed", Renames, Major, Major, "the same method and path under another name"),
    kind("method-changed", Replaces, Patch, Patch, "the HTTP method (the `METHOD` constant)"),
    kind("path-changed", Replaces, Patch, Patch, "the path template's literal text"),
    kind("param-added", Demands, Major, Major, "a path parameter or request header (a `String` every request sets)"),
    kind("param-removed", Drops, Major, Major, "a path parameter or request header is gone"),
    kind("body-added", Demands, Major, Minor, "a body where there was none (in a request, a constructor argument)"),
    kind("body-removed", Drops, Major, Major, "the body is gone"),
    kind("status-added", Widens, Minor, Minor, "a documented status (a new `Response` variant)"),
    kind("status-removed", Narrows, Major, Major, "a documented status is gone (its variant too)"),
    kind("header-added", Extends, Minor, Minor, "a documented response header"),
    kind("header-removed", Drops, Patch, Patch, "a documented response header is gone (docs only)"),
    kind("field-added-optional", Extends, Minor, Minor, "an optional field or query parameter"),
    kind("field-added-mandatory", Demands, Major, Minor, "a mandatory field (a constructor argument in a request)"),
    kind("field-removed", Drops, Major, Major, "a field or query parameter is gone"),
    kind("field-became-mandatory", Demands, Major, Patch, "an optional field became mandatory"),
    kind("field-became-optional", Relaxes, Major, Patch, "a mandatory field became optional"),
    kind("field-became-nullable", Relaxes, Major, Major, "a field may now be null"),
    kind("field-became-not-nullable", Demands, Major, Major, "a field may no longer be null"),
    kind("type-changed", Replaces, Major, Major, "a field's type"),
    kind("type-widened", WidensType, Major, Major, "`integer` became `long`"),
    kind("type-enum-to-string", Widens, Major, Major, "an enumeration became a free string"),
    kind("type-string-to-enum", Narrows, Major, Major, "a free string became an enumeration"),
    kind("type-renamed", Renames, Major, Major, "the same shape under another type name"),
    kind("enum-value-added", Widens, Minor, Minor, "an enumeration value (a new variant)"),
    kind("enum-value-removed", Narrows, Major, Major, "an enumeration value is gone (its variant too)"),
    kind("enum-value-renamed", Renames, Major, Major, "an enumeration value's variant name"),
    kind("minimum-decreased", Widens, Patch, Patch, "a lower minimum"),
    kind("minimum-increased", Narrows, Patch, Patch, "a higher minimum"),
    kind("minimum-added", Narrows, Patch, Patch, "a minimum where there was none"),
    kind("minimum-removed", Widens, Patch, Patch, "no minimum any more"),
    kind("maximum-increased", Widens, Patch, Patch, "a higher maximum"),
    kind("maximum-decreased", Narrows, Patch, Patch, "a lower maximum"),
    kind("maximum-added", Narrows, Patch, Patch, "a maximum where there was none"),
    kind("maximum-removed", Widens, Patch, Patch, "no maximum any more"),
    kind("min-length-decreased", Widens, Patch, Patch, "a lower minimum length"),
    kind("min-length-increased", Narrows, Patch, Patch, "a higher minimum length"),
    kind("min-length-added", Narrows, Patch, Patch, "a minimum length where there was none"),
    kind("min-length-removed", Widens, Patch, Patch, "no minimum length any more"),
    kind("max-length-increased", Widens, Patch, Patch, "a higher maximum length"),
    kind("max-length-decreased", Narrows, Patch, Patch, "a lower maximum length"),
    kind("max-length-added", Narrows, Patch, Patch, "a maximum length where there was none"),
    kind("max-length-removed", Widens, Patch, Patch, "no maximum length any more"),
    kind("min-items-decreased", Widens, Patch, Patch, "fewer items allowed at least"),
    kind("min-items-increased", Narrows, Patch, Patch, "more items needed at least"),
    kind("min-items-added", Narrows, Patch, Patch, "a minimum number of items where there was none"),
    kind("min-items-removed", Widens, Patch, Patch, "no minimum number of items any more"),
    kind("max-items-increased", Widens, Patch, Patch, "more items allowed"),
    kind("max-items-decreased", Narrows, Patch, Patch, "fewer items allowed"),
    kind("max-items-added", Narrows, Patch, Patch, "a maximum number of items where there was none"),
    kind("max-items-removed", Widens, Patch, Patch, "no maximum number of items any more"),
    kind("chars-added", Narrows, Patch, Patch, "a character rule where there was none"),
    kind("chars-removed", Widens, Patch, Patch, "no character rule any more"),
    kind("chars-widened", Widens, Patch, Patch, "a character rule that allows more"),
    kind("chars-narrowed", Narrows, Patch, Patch, "a character rule that allows less"),
    kind("chars-changed", Reshapes, Patch, Patch, "a character rule neither wider nor narrower"),
    kind("format-added", Narrows, Patch, Patch, "a string format (an integer list) where there was none"),
    kind("format-removed", Widens, Patch, Patch, "no string format any more"),
    kind("format-widened", Widens, Patch, Patch, "an integer list's bounds widen"),
    kind("format-narrowed", Narrows, Patch, Patch, "an integer list's bounds narrow"),
    kind("format-changed", Reshapes, Patch, Patch, "an integer list's bounds move"),
    kind("rule-added", Narrows, Patch, Patch, "an object rule (required if, forbidden unless, less than, at least one of)"),
    kind("rule-removed", Widens, Patch, Patch, "an object rule is gone"),
    kind("default-changed", Reinterprets, Patch, Patch, "a documented default"),
    kind("default-removed", Reinterprets, Patch, Patch, "a documented default is gone"),
    kind("default-added", Documents, Patch, Patch, "a documented default where there was none"),
    kind("description-changed", Documents, Patch, Patch, "a description"),
];

/// The kind with this id. The comparison names kinds by literal ids, which the tests hold to the
/// catalogue.
pub fn find(id: &str) -> &'static Kind {
    KINDS
        .iter()
        .find(|kind| kind.id == id)
        .unwrap_or_else(|| panic!("no change kind `{id}` in the catalogue"))
}

/// Whether a kind of change occurs in requests and in responses: statuses and response headers are
/// only responses'; an operation's name, method, path and parameters only requests'.
fn sides(id: &str) -> (bool, bool) {
    match id {
        "status-added" | "status-removed" | "header-added" | "header-removed" => (false, true),
        "operation-added" | "operation-removed" | "operation-renamed" | "method-changed"
        | "path-changed" | "param-added" | "param-removed" => (true, false),
        _ => (true, true),
    }
}

/// The catalogue as the Markdown table the README shows.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| check | in a request | in a response | semver | what |\n| --- | --- | --- | --- | --- |\n",
    );
    for kind in KINDS {
        let (request, response) = sides(kind.id);
        let level = |on: bool, direction| {
            if on {
                kind.effect.level(direction).as_str()
            } else {
                "-"
            }
        };
        let semver = match (request, response) {
            (true, true) if kind.request != kind.response => {
                format!("{} / {}", kind.request.as_str(), kind.response.as_str())
            }
            (false, true) => kind.response.as_str().to_owned(),
            _ => kind.request.as_str().to_owned(),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {semver} | {} |\n",
            kind.id,
            level(request, Direction::Request),
            level(response, Direction::Response),
            kind.what
        ));
    }
    out
}
