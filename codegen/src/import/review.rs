//! The review list: what an import could not decide, one line each, as data. Each line says what it
//! is about (its [`Kind`], which the service import's summary counts), where on the page (the line,
//! the table and the row, where known), and its text, which is what the list prints.

use std::collections::BTreeMap;
use std::fmt;

/// One line of the review list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub kind: Kind,
    /// The operation the line is about, in a service import's list (printed before the text).
    pub operation: Option<String>,
    /// 1-based line of the page text: the row's, the table's caption, the example's.
    pub line: Option<usize>,
    /// The table, as the page labels it (`Table 4 MemberGroupCreate`).
    pub table: Option<String>,
    /// The row's parameter name.
    pub row: Option<String>,
    /// The line as the list prints it (after the operation).
    pub text: String,
}

impl Review {
    /// A line about no one place of the page.
    pub fn new(kind: Kind, text: impl Into<String>) -> Review {
        Review {
            kind,
            operation: None,
            line: None,
            table: None,
            row: None,
            text: text.into(),
        }
    }

    /// The line, about the page's line `line`.
    pub fn at_line(self, line: usize) -> Review {
        Review {
            line: Some(line),
            ..self
        }
    }

    /// The line, about the table labelled `table` whose caption is on line `line`.
    pub fn in_table(self, table: String, line: usize) -> Review {
        Review {
            table: Some(table),
            ..self.at_line(line)
        }
    }

    /// The line, about the row `row` (on line `line`) of the table labelled `table`.
    pub fn at_row(self, table: String, row: &str, line: usize) -> Review {
        Review {
            row: Some(row.to_owned()),
            ..self.in_table(table, line)
        }
    }

    /// The line with `place: ` before its text (`VpcCreate.port: ...`, `overlay: ...`).
    pub fn placed(self, place: &str) -> Review {
        Review {
            text: format!("{place}: {}", self.text),
            ..self
        }
    }

    /// The line, as one of operation `operation`'s in a service's list.
    pub fn of_operation(self, operation: &str) -> Review {
        Review {
            operation: Some(operation.to_owned()),
            ..self
        }
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(operation) = &self.operation {
            write!(f, "{operation}: ")?;
        }
        f.write_str(&self.text)
    }
}

/// Declares [`Kind`] and, beside each variant, what a line of it is about for one line and for
/// several, so that a new kind is written in one place.
macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $kind:ident: $one:literal, $many:literal;)*) => {
        /// What a review line is about. The variants are in the order the summary lists kinds of
        /// equal count.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[doc = $doc])* $kind,)*
        }

        impl Kind {
            /// What a line of this kind is about, for one line and for several.
            fn label(self) -> (&'static str, &'static str) {
                match self {
                    $(Kind::$kind => ($one, $many),)*
                }
            }
        }
    };
}

kinds! {
    /// A sentence that reads like a rule but was not read whole; no check is made from it.
    Unrecognized: "sentence not read as a rule", "sentences not read as a rule";
    /// A page without an "Updated on" date.
    NoDate: "page without a date", "pages without a date";
    /// A type several pages share, with other prose on some: the first page's is kept.
    SharedProseDiffers: "shared type described differently", "shared types described differently";
    /// An enumeration made from an integer row's `value: meaning` bullets.
    EnumFromBullets:
        "enumeration from `value: meaning` bullets",
        "enumerations from `value: meaning` bullets";
    /// An enumeration made from a sentence that lists the values.
    EnumFromSentence: "enumeration from a sentence", "enumerations from a sentence";
    /// A second enumeration of one name on a page: named after its object, or left out.
    EnumNameTaken: "second enumeration of a name", "second enumerations of a name";
    /// Enumeration values on a row whose type holds none, or a value that is not of the row's type.
    EnumIgnored: "enumeration or value ignored", "enumerations or values ignored";
    /// Values of one enumeration whose names would be the same: numbered.
    VariantNamesCollide:
        "enumeration value named like another",
        "enumeration values named like another";
    /// A condition (or a comparison, an alternative) naming fields or values no table has.
    Unresolved: "unresolved condition", "unresolved conditions";
    /// A name the pages of a service give several shapes, or that another file takes: renamed.
    NameShapes: "name with several shapes", "names with several shapes";
    /// A row whose table lines and prose give different limits, defaults or values.
    TableProseDisagree: "row whose table and prose disagree", "rows whose table and prose disagree";
    /// A row whose sentences give different limits, characters, values or defaults.
    SentencesDisagree: "row whose sentences disagree", "rows whose sentences disagree";
    /// A list of values another sentence may widen: no enumeration is made.
    OpenList:
        "list of values another sentence may widen",
        "lists of values another sentence may widen";
    /// A check read from the prose that the page's own example or default breaks: left out.
    CheckLeftOut:
        "prose check the page's own values break",
        "prose checks the page's own values break";
    /// A value of the page's example or a default that its field's check rejects.
    ValueBreaksCheck:
        "example value or default a check rejects",
        "example values or defaults a check rejects";
    /// An example request that breaks the checks of the tables just imported.
    ExampleBreaksCheck: "example that breaks a check", "examples that break a check";
    /// Example requests that could not be checked.
    ExampleNotChecked: "example not checked", "examples not checked";
    /// An example left out: not JSON, or a response under no status.
    ExampleLeftOut: "example left out", "examples left out";
    /// A table left out: not a parameter table, of parameters the format lacks, under no status.
    TableSkipped: "table left out", "tables left out";
    /// A table without a Type column: its rows are read as strings.
    NoTypeColumn: "table without a Type column", "tables without a Type column";
    /// A row of a type the spec format has no place for: left out, or not generating.
    UnsupportedType: "row of a type the format lacks", "rows of a type the format lacks";
    /// A row's pointer to a table that is not one of the page's objects.
    BrokenReference:
        "pointer to a table that is no object",
        "pointers to a table that is no object";
    /// Two tables of a page with one name.
    TableNameTaken: "table name used twice", "table names used twice";
    /// Two pages of a service import with one title.
    TitleTaken: "title used twice", "titles used twice";
    /// Statuses the page describes alike: their variants are named with the status.
    StatusesAlike: "status described like another", "statuses described like another";
    /// A page without a "Status Codes" table.
    NoStatusCodes: "page without a status table", "pages without a status table";
    /// A limit of a table line left out: on a row without limits, or below zero.
    LimitLeftOut: "limit left out", "limits left out";
    /// A default that is not of its row's type or enumeration.
    DefaultMisfits: "default that does not fit its row", "defaults that do not fit their row";
    /// An overlay entry that matches nothing on the page.
    UnusedOverlay: "unused overlay entry", "unused overlay entries";
    /// Overlay entries that contradict each other: the first is used.
    OverlayConflict: "overlay entry at odds with another", "overlay entries at odds with another";
    /// An overlay decision taken over something the page no longer says.
    StaleDecision:
        "overlay decision the page no longer bears out",
        "overlay decisions the page no longer bears out";
    /// Operations without an overlay: the names the pages do not give are made up.
    NoOverlay: "missing overlay", "missing overlays";
    /// A page no checked-in spec documents: the service and operation names are guesses.
    NoSpec: "page without a checked-in spec", "pages without a checked-in spec";
    /// How many differences from the checked-in spec there are (`import --diff` lists them).
    Differences:
        "page that differs from its checked-in spec",
        "pages that differ from their checked-in spec";
    /// An entry of an imported spec the generator rejects (a default, a limit, a field, a
    /// parameter, a rule, a value, a type, a body's type): left out so that the service generates.
    LeftOutToGenerate:
        "entry left out so that the service generates",
        "entries left out so that the service generates";
    /// A parameter the path names and no table lists: a string path parameter.
    PathParamAdded:
        "path parameter no table lists",
        "path parameters no table lists";
    /// A type or a response variant whose name the generator rejects (it collides): renamed.
    RenamedToGenerate:
        "name changed so that the service generates",
        "names changed so that the service generates";
    /// An operation whose spec does not generate even with its entries left out: not imported.
    OperationLeftOut:
        "operation left out: it does not generate",
        "operations left out: they do not generate";
    /// Response tables or examples under no status line, read under the page's success status.
    StatusAssumed:
        "page whose response tables are under an assumed status",
        "pages whose response tables are under an assumed status";
    /// A Mandatory cell that is not `Yes` or `No` (a condition in words): the row is optional.
    MandatoryInWords:
        "Mandatory cell in words, read as optional",
        "Mandatory cells in words, read as optional";
    /// A path whose query part (`?limit={limit}`, `{?interface}`) names query parameters: the
    /// path is the part before it, the names are query parameters.
    QueryInPath:
        "path whose query part names query parameters",
        "paths whose query part names query parameters";
    /// A path taken from the example request, where the URI section gives only the method.
    PathFromExample:
        "path taken from the example request",
        "paths taken from the example request";
    /// A field the page's example request sends as `null`: the field may be null (`nullable`).
    DocumentedNull:
        "field an example sends as null",
        "fields an example sends as null";
    /// A table that describes another table's object (or the request body) in another case: the
    /// two are merged into the union of their rows.
    TableCase:
        "table read as another case of a table",
        "tables read as another case of a table";
    /// A body the page's examples all send as a JSON array of its table's objects.
    ArrayBody:
        "body read as an array from its examples",
        "bodies read as an array from their examples";
    /// A request body the page shows in an example but describes in no table.
    UntabledBody:
        "request body no table describes",
        "request bodies no table describes";
    /// A field an example request sends that the table does not list: added, optional.
    FieldFromExample:
        "field added from an example request",
        "fields added from an example request";
}

/// The lines counted by kind, the most frequent first: `401 sentences not read as a rule, 167 pages
/// without a date, ...`; empty when there are none.
pub fn counts(lines: &[Review]) -> String {
    let mut by_kind: BTreeMap<Kind, usize> = BTreeMap::new();
    for line in lines {
        *by_kind.entry(line.kind).or_default() += 1;
    }
    let mut counted: Vec<(Kind, usize)> = by_kind.into_iter().collect();
    // Stable: kinds of equal count stay in declaration order.
    counted.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counted
        .iter()
        .map(|&(kind, n)| {
            let (one, many) = kind.label();
            format!("{n} {}", if n == 1 { one } else { many })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_prints_its_operation_and_text() {
        let line = Review::new(Kind::Unrecognized, "not recognized: \"x\"")
            .placed("VpcCreate.port")
            .at_row("Table 4 VpcCreate".to_owned(), "port", 12)
            .of_operation("create_vpc");
        assert_eq!(
            line.to_string(),
            "create_vpc: VpcCreate.port: not recognized: \"x\""
        );
        assert_eq!(
            (line.line, line.table.as_deref(), line.row.as_deref()),
            (Some(12), Some("Table 4 VpcCreate"), Some("port"))
        );
    }

    #[test]
    fn counts_list_the_most_frequent_kind_first() {
        let lines = [
            Review::new(Kind::NoDate, ""),
            Review::new(Kind::Unrecognized, ""),
            Review::new(Kind::Unrecognized, ""),
            Review::new(Kind::UnusedOverlay, ""),
        ];
        assert_eq!(
            counts(&lines),
            "2 sentences not read as a rule, 1 page without a date, 1 unused overlay entry"
        );
        assert_eq!(counts(&[]), "");
    }
}
