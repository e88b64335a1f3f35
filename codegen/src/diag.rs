//! Diagnostics: every problem found in the spec, each with its file, line:column and JSON path,
//! collected across a whole phase before the generator stops.

use jsonc_parser::ast::Value as Node;
use jsonc_parser::common::Ranged;
use std::collections::HashMap;
use std::fmt;

/// One problem in a spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file, relative to the spec directory.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// JSON path of the offending entry, e.g. `objects.VpcCreate.fields[1].maximum`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, where that is clear.
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The start of every value of a JSON text, by JSON path, for turning paths into line:column. The
/// index is built the first time a position is asked for, so a file without problems costs nothing.
#[derive(Debug, Default)]
pub struct Spans {
    text: String,
    index: std::cell::OnceCell<Index>,
}

#[derive(Debug, Default)]
struct Index {
    starts: HashMap<String, usize>,
    line_starts: Vec<usize>,
}

impl Spans {
    /// Keeps `text` for indexing; a text that does not parse gives an empty index (its syntax error
    /// is reported elsewhere, with its own position).
    pub fn new(text: &str) -> Spans {
        Spans {
            text: text.to_owned(),
            index: std::cell::OnceCell::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut index = Index {
                starts: HashMap::new(),
                line_starts: std::iter::once(0)
                    .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect(),
            };
            let options = jsonc_parser::ParseOptions {
                allow_comments: false,
                allow_loose_object_property_names: false,
                allow_trailing_commas: false,
                allow_missing_commas: false,
                allow_single_quoted_strings: false,
                allow_hexadecimal_numbers: false,
                allow_unary_plus_numbers: false,
                ..Default::default()
            };
            if let Ok(parsed) =
                jsonc_parser::parse_to_ast(&self.text, &Default::default(), &options)
            {
                if let Some(value) = &parsed.value {
                    index.add(String::new(), value);
                }
            }
            index
        })
    }

    /// Line and column of `path`, or of its nearest enclosing entry that exists.
    pub fn locate(&self, path: &str) -> (usize, usize) {
        let index = self.index();
        let mut path = path;
        loop {
            if let Some(&offset) = index.starts.get(path) {
                let line = index.line_starts.partition_point(|&start| start <= offset);
                return (line, offset - index.line_starts[line - 1] + 1);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None if !path.is_empty() => path = "",
                None => return (1, 1),
            }
        }
    }
}

impl Index {
    fn add(&mut self, path: String, node: &Node<'_>) {
        match node {
            Node::Object(object) => {
                for prop in &object.properties {
                    let name = prop.name.as_str();
                    let child = if path.is_empty() {
                        name.to_owned()
                    } else {
                        format!("{path}.{name}")
                    };
                    self.starts.insert(child.clone(), prop.range.start);
                    self.add(child, &prop.value);
                }
            }
            Node::Array(array) => {
                for (i, element) in array.elements.iter().enumerate() {
                    let child = format!("{path}[{i}]");
                    self.starts.insert(child.clone(), element.start());
                    self.add(child, element);
                }
            }
            _ => {}
        }
        self.starts.entry(path).or_insert(node.start());
    }
}

/// Collects the diagnostics of a phase.
#[derive(Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem at `path` of `file`, located through `spans`.
    pub fn error(
        &mut self,
        file: &str,
        spans: &Spans,
        path: &str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let (line, column) = spans.locate(path);
        self.list.push(Diagnostic {
            file: file.to_owned(),
            line,
            column,
            path: path.to_owned(),
            message: message.into(),
            help: None,
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Records a problem whose position is already known.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    /// Whether a problem concerns a whole file (malformed JSON, not a spec file) rather than an
    /// entry of one: names that file may define are then unknown.
    pub fn has_file_problem(&self) -> bool {
        self.list.iter().any(|d| d.path.is_empty())
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems, sorted by file and position.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self.list.dedup();
        self.list
    }
}

impl Diagnostic {
    /// Adds how to fix the problem.
    pub fn help(&mut self, help: impl Into<String>) {
        self.help = Some(help.into());
    }
}

/// The closest of known names to a misspelled one; the same file is the generated crates' (see it).
pub use crate::shared::closest::closest;
