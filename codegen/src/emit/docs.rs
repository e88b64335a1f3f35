//! Doc comments from the pages' text: one `#[doc]` per line, escaped so that rustdoc reads the text
//! as text, and wrapped on word boundaries so that no line runs past the 100 columns a reader sees
//! at once.

use proc_macro2::TokenStream;
use quote::quote;

/// How many characters of text a doc line holds: with `/// ` and the four columns of indentation of
/// a field or a variant, a line of a crate's file ends by column 100.
const WIDTH: usize = 92;

/// One `#[doc]` per line, escaped and wrapped.
pub(crate) fn docs(lines: &[String]) -> TokenStream {
    let lines = text_lines(lines).into_iter().map(|text| {
        quote! { #[doc = #text] }
    });
    quote! { #(#lines)* }
}

/// The doc lines of the page's lines: each wrapped, and a blank line between a list item and a
/// line after it that is no item, which Markdown would otherwise read as the item's continuation.
pub(crate) fn text_lines(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_list = false;
    for line in lines {
        let item = list_marker(&escape_doc(line)).is_some();
        if in_list && !item && !line.trim().is_empty() {
            out.push(String::new());
        }
        in_list = item;
        out.extend(doc_lines(line));
    }
    out
}

/// The marker a list item's line starts with (`- `, `1. `), if it is one.
fn list_marker(text: &str) -> Option<&str> {
    let (first, _) = text.split_once(' ')?;
    let numbered = first
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    (first == "-" || first == "*" || first == "+" || numbered).then_some(&text[..first.len() + 1])
}

/// The text of one short doc comment line (a title, a sentence the generator writes): escaped,
/// after the space that follows `///`.
pub(crate) fn doc_line(line: &str) -> String {
    let escaped = escape_doc(line);
    if escaped.is_empty() {
        String::new()
    } else {
        format!(" {escaped}")
    }
}

/// One line of the page's text as the doc lines it wraps to, each after the space that follows
/// `///`.
pub(crate) fn doc_lines(line: &str) -> Vec<String> {
    let escaped = escape_doc(line);
    if escaped.is_empty() {
        return vec![String::new()];
    }
    // A list item's continuation lines are indented under its text, so that they read as part of
    // it.
    let indent = " ".repeat(1 + list_marker(&escaped).map_or(0, str::len));
    wrap(&escaped)
        .into_iter()
        .enumerate()
        .map(|(i, text)| match i {
            0 => format!(" {text}"),
            _ => format!("{indent}{text}"),
        })
        .collect()
}

/// The text in lines of at most [`WIDTH`] characters where it can be: broken only at spaces outside
/// code spans (a URL is one), and never before a word that would start a Markdown block (`- 50`,
/// `1.`, `#`).
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for unit in units(text) {
        if !line.is_empty() && line.chars().count() + 1 + unit.chars().count() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&unit);
    }
    lines.push(line);
    lines
}

/// The pieces a line may break between: words, a code span with its spaces kept whole, and a word
/// that must not start a line kept with the word before it.
fn units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut in_code = false;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let glued = in_code || (starts_block(word) && !units.is_empty());
        match units.last_mut() {
            Some(last) if glued => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
        if word.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
    }
    units
}

/// Whether a word at the start of a line would make it a Markdown block: a list item, a heading, a
/// setext underline, a table row or a code fence.
fn starts_block(word: &str) -> bool {
    let numbered = word
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered || word.starts_with(['-', '+', '#', '=', '|']) || word.starts_with("```")
}

fn escape_doc(line: &str) -> String {
    let line = urls_as_code(line.trim());
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        // Text pasted from a page may hold controls a doc comment cannot: a bare CR (CRLF line
        // ends) or a character that changes the visible direction of text, which rustc refuses in
        // comments.
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            out.push_str(&c.escape_unicode().to_string());
            continue;
        }
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if c == '`' {
            in_code = !in_code;
        }
        if !in_code && matches!(c, '[' | ']' | '<' | '>' | '*') {
            out.push('\\');
        }
        out.push(c);
    }
    // An unbalanced backtick would swallow the rest of the comment.
    if in_code {
        out.push('`');
    }
    out
}

/// A page's bare URLs (`https://www.xxx.com:8080/elb?type=a`) as code spans: rustdoc takes a bare
/// URL for a broken link (`rustdoc::bare_urls`), and the pages' URLs are examples, not links.
/// Trailing punctuation stays outside; a URL already inside a code span is left alone.
fn urls_as_code(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let len = from.find(char::is_whitespace).unwrap_or(from.len());
        let url = from[..len].trim_end_matches(['.', ',', ';', ':', ')', '"', '\'']);
        let in_code = out.matches('`').count() % 2 == 1;
        if in_code || url.contains('`') {
            out.push_str(url);
        } else {
            out.push('`');
            out.push_str(url);
            out.push('`');
        }
        rest = &from[url.len()..];
        if url.is_empty() {
            // Nothing after the scheme's first character can start a URL here: move past it.
            let step = from.chars().next().map_or(1, char::len_utf8);
            out.push_str(&from[..step]);
            rest = &from[step..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{doc_line, doc_lines, WIDTH};

    #[test]
    fn bare_urls_become_code_spans_and_the_rest_is_escaped() {
        assert_eq!(
            doc_line("In the URL https://x.com:8080/elb?type=a, ${query} is type=a."),
            " In the URL `https://x.com:8080/elb?type=a`, ${query} is type=a."
        );
        assert_eq!(doc_line("See (http://a.b/c)."), " See (`http://a.b/c`).");
        assert_eq!(
            doc_line("Already `https://a.b` code."),
            " Already `https://a.b` code."
        );
        assert_eq!(
            doc_line("Not a URL: https:// alone <b>"),
            " Not a URL: `https://` alone \\<b\\>"
        );
    }

    #[test]
    fn long_lines_wrap_at_spaces_outside_code_and_never_start_a_block() {
        let code = "`a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h`";
        let text = format!(
            "{} then {code} and {}",
            "word ".repeat(14),
            "a - 50 1. x ".repeat(12)
        );
        let lines = doc_lines(&text);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().any(|l| l.contains(code)), "{lines:?}");
        for line in &lines {
            let text = line.trim_start();
            assert!(
                !text.starts_with('-') && !text.starts_with("1."),
                "{lines:?}"
            );
            assert!(
                line.chars().count() <= WIDTH + 1 || text.contains(code),
                "{line}"
            );
        }
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        let item = doc_lines(&format!("- `x`: {}", "word ".repeat(30)));
        assert!(item[1].starts_with("   word"), "{item:?}");
    }
}
