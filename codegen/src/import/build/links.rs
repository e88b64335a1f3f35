//! Which row refers to which table. A row that can hold an object (typed `X object`, `Object`,
//! `Array of X objects`, a bare `Array`) refers to the table its description points to ("For
//! details, see Table 3."), else to a later table of its side whose caption names it: the row's
//! name or its type's name is a run of the caption's words ("Description of the vpc field",
//! "Firewall Policy objects", "token.user.domain"), whatever the caption's other words are.

use crate::import::page::{Page, Paragraph, Row, Type};
use heck::{ToSnakeCase, ToUpperCamelCase};

/// A row (by its table's and its own index on the page) that refers to the table `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Link {
    pub table: usize,
    pub row: usize,
    pub to: usize,
    /// Whether the row's description points to the table, rather than the caption naming the row.
    pub explicit: bool,
}

/// A row whose description points to a table the page does not have.
pub(super) struct Broken {
    pub table: usize,
    pub row: usize,
    pub number: u32,
}

/// The page's links, and the pointers nothing backs.
pub(super) struct Links {
    pub links: Vec<Link>,
    pub broken: Vec<Broken>,
    /// The tables one row points to, one per case ("If infer_type is batch, see Table 4."), by
    /// index, each group in page order.
    pub cases: Vec<Vec<usize>>,
}

impl Links {
    /// The first row referring to `table` (a pointer before a caption's naming).
    pub(super) fn first_to(&self, table: usize, explicit: bool) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.to == table && l.explicit == explicit)
    }
}

/// The links of `page`; a caption names rows only where `by_caption` allows (a caption that says
/// what its table is, "Request header parameters", names no row).
pub(super) fn find(page: &Page, by_caption: impl Fn(usize) -> bool) -> Links {
    let mut found = Links {
        links: Vec::new(),
        broken: Vec::new(),
        cases: Vec::new(),
    };
    let mut unpointed = Vec::new();
    for (t, table) in page.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            if holds_object(&row.ty) && !found.follow_pointers(page, t, r) {
                unpointed.push((t, r));
            }
        }
    }
    let named: Vec<(usize, usize, usize)> = (0..page.tables.len())
        .filter(|&j| by_caption(j))
        .flat_map(|j| {
            named_rows(page, j, &unpointed)
                .into_iter()
                .map(move |(t, r)| (t, r, j))
        })
        .collect();
    for &(t, r) in &unpointed {
        let row_line = page.tables[t].rows[r].line;
        // A row named by several captions holds the nearest table after it.
        let to = named
            .iter()
            .filter(|&&(nt, nr, _)| (nt, nr) == (t, r))
            .map(|&(_, _, j)| j)
            .min_by_key(|&j| page.tables[j].line.saturating_sub(row_line));
        if let Some(to) = to {
            found.links.push(Link {
                table: t,
                row: r,
                to,
                explicit: false,
            });
        }
    }
    let links = &found.links;
    found
        .broken
        .retain(|b| !links.iter().any(|l| (l.table, l.row) == (b.table, b.row)));
    found
}

impl Links {
    /// Links the row `r` of table `t` to the tables its description points to; false when it points
    /// to none the page has, so that a caption may still name it. One table per case ("If
    /// infer_type is batch, see Table 4."): the row refers to the first, the others are cases of it.
    fn follow_pointers(&mut self, page: &Page, t: usize, r: usize) -> bool {
        let numbers = pointers(&page.tables[t].rows[r]);
        let group: Vec<usize> = numbers
            .iter()
            .filter_map(|&n| page.tables.iter().position(|x| x.number == n && n != 0))
            .filter(|&to| to != t)
            .collect();
        if let [number] = numbers[..] {
            if group.is_empty() {
                self.broken.push(Broken {
                    table: t,
                    row: r,
                    number,
                });
            }
        }
        let Some(&to) = group.first() else {
            return false;
        };
        self.links.push(Link {
            table: t,
            row: r,
            to,
            explicit: true,
        });
        if group.len() > 1 {
            self.cases.push(group);
        }
        true
    }
}

/// Whether a row's type can be a table's object: an object, a free one, any value, or an array or
/// map of one.
fn holds_object(ty: &Type) -> bool {
    match ty {
        Type::Object(_) | Type::FreeObject | Type::Any => true,
        // A Type cell in words that points at a table: `List data structure. For details, see
        // Table 4.`, `Table 3`.
        Type::Unsupported(written) => !table_numbers(written).is_empty(),
        Type::Array(items) | Type::Map(items) => holds_object(items),
        _ => false,
    }
}

/// The name of the object a row refers to: its type's (`MemberInfo`, `vpc` -> `Vpc`), else its own
/// (`os-extend` -> `OsExtend`).
pub(super) fn object_name_of(row: &Row) -> String {
    match row.ty.items().unwrap_or(&row.ty) {
        Type::Object(name) if name.starts_with(|c: char| c.is_ascii_uppercase()) => name.clone(),
        Type::Object(name) => name.to_upper_camel_case(),
        _ => row.name.to_upper_camel_case(),
    }
}

/// The rows of `unpointed` that the caption of table `j` names: before it, on its side, in another
/// table; where several names occur, the one furthest right (`role.policy` is the `policy` row), and
/// among rows of that name those whose table's caption shares most words with it
/// (`token.user.domain` is the `domain` row of `token.user`).
fn named_rows(page: &Page, j: usize, unpointed: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let table = &page.tables[j];
    let words = caption_words(&table.caption);
    let scored: Vec<((usize, usize), (usize, usize))> = unpointed
        .iter()
        .filter(|&&(t, r)| {
            let holder = &page.tables[t];
            t != j && holder.side == table.side && holder.rows[r].line < table.line
        })
        .filter_map(|&(t, r)| {
            let row = &page.tables[t].rows[r];
            let end = [row.name.clone(), type_name(&row.ty)]
                .iter()
                .filter_map(|name| rightmost_run(&words, name))
                .max()?;
            let holder = caption_words(&page.tables[t].caption);
            let shared = words.iter().filter(|w| holder.contains(w)).count();
            Some(((t, r), (end, shared)))
        })
        .collect();
    let best = scored.iter().map(|&(_, score)| score).max();
    scored
        .into_iter()
        .filter(|&(_, score)| Some(score) == best)
        .map(|(row, _)| row)
        .collect()
}

/// The name a row's type gives, if it names an object.
fn type_name(ty: &Type) -> String {
    match ty.items().unwrap_or(ty) {
        Type::Object(name) => name.clone(),
        _ => String::new(),
    }
}

/// A caption's words in snake_case: `Data structure of the os-extend field` -> `data`, ...,
/// `os_extend`, `field`; `token.user` -> `token`, `user`.
pub(super) fn caption_words(caption: &str) -> Vec<String> {
    caption
        .split(|c: char| c.is_whitespace() || ".,:;()/\"'".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_snake_case())
        .collect()
}

/// Where the last run of `words` spelling `name` ends (one past its last word), if any.
pub(super) fn rightmost_run(words: &[String], name: &str) -> Option<usize> {
    let name = name.to_snake_case();
    if name.is_empty() {
        return None;
    }
    (0..words.len())
        .flat_map(|i| (i + 1..=words.len()).map(move |k| (i, k)))
        .filter(|&(i, k)| words[i..k].join("_") == name)
        .map(|(_, k)| k)
        .max()
}

/// The tables a row's description (or its Type cell in words) points to, by number, each once.
fn pointers(row: &Row) -> Vec<u32> {
    let in_type = match &row.ty {
        Type::Unsupported(written) => table_numbers(written),
        _ => Vec::new(),
    };
    let mut numbers: Vec<u32> = row
        .description
        .iter()
        .flat_map(|p| match p {
            Paragraph::Text(text) | Paragraph::Bullet(text) => table_numbers(text),
        })
        .chain(in_type)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// The numbers of the tables a sentence points to: "For details, see Table 3.", "see Table 4".
fn table_numbers(text: &str) -> Vec<u32> {
    text.match_indices("Table ")
        .filter_map(|(at, prefix)| {
            let digits: String = text[at + prefix.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect()
}
