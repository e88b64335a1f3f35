//! Character rules in prose: what the first and last character must be ("Start with a letter",
//! "starting with a letter, digit, plus sign (+), or slash (/)", "end with a letter or digit") and
//! what every character may be ("Only letters, digits, hyphens (-) ... are allowed", "including
//! letters, digits, and special characters (-_./():)", "the following special characters are
//! allowed: +_!@#$%-/=").
//!
//! A list is read item by item, and every item must be one this file knows: a class of characters,
//! a named punctuation mark ("hyphens", "asterisks ()" where the page lost the `*`), or special
//! characters whose characters the sentence gives. A list with an item it does not know ("letters
//! (a-f)", "special characters, such as ...") is not read at all, so that the rule does not leave
//! out what that item allows.

use super::text::{after_prefix, starts_word, word_starts, Span, SEPARATORS};
use crate::ir::{NamedClass, ASCII_LETTER, ASCII_LOWER, DIGIT, HAN, LETTER};
use crate::spec::Chars;

/// One item of a list of characters.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Class(&'static NamedClass),
    Literal(String),
}

/// Class words, singular and plural, longest first where one contains another. `None`: a class the
/// spec has no name for (upper-case letters only), which makes the list unreadable.
const CLASSES: &[(&str, Option<&NamedClass>)] = &[
    ("uppercase and lowercase letters", Some(&LETTER)),
    ("lowercase letters", Some(&ASCII_LOWER)),
    ("lowercase letter", Some(&ASCII_LOWER)),
    ("uppercase letters", None),
    ("uppercase letter", None),
    ("english letters", Some(&ASCII_LETTER)),
    ("english letter", Some(&ASCII_LETTER)),
    ("chinese characters", Some(&HAN)),
    ("chinese character", Some(&HAN)),
    ("utf-8 letters", Some(&LETTER)),
    ("letters", Some(&LETTER)),
    ("letter", Some(&LETTER)),
    ("digits", Some(&DIGIT)),
    ("digit", Some(&DIGIT)),
    ("numbers", Some(&DIGIT)),
    ("number", Some(&DIGIT)),
];

/// Punctuation by the names the pages give it, singular and plural.
const NAMED: &[(&str, &str)] = &[
    ("hyphens", "-"),
    ("hyphen", "-"),
    ("underscores", "_"),
    ("underscore", "_"),
    ("periods", "."),
    ("period", "."),
    ("dots", "."),
    ("dot", "."),
    ("spaces", " "),
    ("space", " "),
    ("asterisks", "*"),
    ("asterisk", "*"),
    ("forward slashes", "/"),
    ("forward slash", "/"),
    ("backslashes", "\\"),
    ("backslash", "\\"),
    ("slashes", "/"),
    ("slash", "/"),
    ("colons", ":"),
    ("colon", ":"),
    ("semicolons", ";"),
    ("semicolon", ";"),
    ("commas", ","),
    ("comma", ","),
    ("at signs", "@"),
    ("at sign", "@"),
    ("plus signs", "+"),
    ("plus sign", "+"),
    ("equal signs", "="),
    ("equal sign", "="),
    ("equals signs", "="),
    ("equals sign", "="),
    ("number signs", "#"),
    ("number sign", "#"),
    ("pound signs", "#"),
    ("pound sign", "#"),
    ("percent signs", "%"),
    ("percent sign", "%"),
    ("dollar signs", "$"),
    ("dollar sign", "$"),
    ("ampersands", "&"),
    ("ampersand", "&"),
    ("tildes", "~"),
    ("tilde", "~"),
    ("vertical bars", "|"),
    ("vertical bar", "|"),
    ("exclamation marks", "!"),
    ("exclamation mark", "!"),
    ("question marks", "?"),
    ("question mark", "?"),
    ("carets", "^"),
    ("caret", "^"),
    ("apostrophes", "'"),
    ("apostrophe", "'"),
    ("parentheses", "()"),
    ("curly braces", "{}"),
    ("braces", "{}"),
    ("square brackets", "[]"),
    ("angle brackets", "<>"),
];

/// Words before an item that do not change it.
const ITEM_PREFIXES: &[&str] = &["a ", "an ", "the following ", "these ", "other ", "only "];

/// Phrases after which a list of what a value may contain starts.
const ALLOWED_TRIGGERS: &[&str] = &[
    "can contain only ",
    "can only contain ",
    "contain only ",
    "contains only ",
    "can contain ",
    "contains ",
    "contain ",
    "containing ",
    "can include ",
    "includes ",
    "include ",
    "including only ",
    "including ",
    "use only ",
    "use ",
    "only ",
    "can consist of ",
    "consist of ",
    "consists of ",
    "consisting of ",
    "composed of ",
    "enter ",
];

/// What may follow a list that opens its sentence ("Letters, digits, and special characters
/// (_-!@#$%) are allowed.").
const ALLOWED_AFTER: &[&str] = &[
    " are allowed",
    " is allowed",
    " are permitted",
    " are supported",
    " can be used",
];

/// What a sentence says of the characters, and the parts of it that said so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct CharsRead {
    pub chars: Chars,
    pub spans: Vec<Span>,
}

/// The character rules of a sentence: the first and last character ("Start and end with a letter or
/// digit") and the characters allowed. A phrase whose list is not read whole is left unread (its
/// words then stay in the sentence, for the caller to report).
pub(super) fn chars(sentence: &str, lower: &str) -> Option<CharsRead> {
    let mut read = CharsRead::default();
    let both = ends(
        lower,
        &[
            "start and end with ",
            "begin and end with ",
            "starts and ends with ",
            "must start and end with ",
        ],
    );
    if let Some((classes, span)) = both {
        read.chars.first.clone_from(&classes);
        read.chars.last = classes;
        read.spans.push(span);
    } else {
        if let Some((classes, span)) = ends(
            lower,
            &[
                "starting with ",
                "start with ",
                "starts with ",
                "begin with ",
                "begins with ",
                "beginning with ",
            ],
        ) {
            read.chars.first = classes;
            read.spans.push(span);
        }
        if let Some((classes, span)) = ends(lower, &["end with ", "ends with ", "ending with "]) {
            read.chars.last = classes;
            read.spans.push(span);
        }
    }
    if let Some((classes, span)) = allowed(sentence, lower) {
        read.chars.allowed = classes;
        read.spans.push(span);
    }
    (!read.spans.is_empty()).then_some(read)
}

/// "start with a letter, digit, plus sign (+), or slash (/)": the classes after the first of
/// `phrases`.
fn ends(lower: &str, phrases: &[&str]) -> Option<(Vec<String>, Span)> {
    let (at, list_start) = phrases
        .iter()
        .flat_map(|p| word_starts(lower, p).map(move |at| (at, at + p.len())))
        .min()?;
    let (items, end) = list(lower, lower, list_start)?;
    Some((classes(items), at..end))
}

/// The list of what every character may be, after a trigger ("can contain", "only", "including") or
/// opening its sentence and followed by "are allowed".
fn allowed(sentence: &str, lower: &str) -> Option<(Vec<String>, Span)> {
    let after_trigger = ALLOWED_TRIGGERS
        .iter()
        .flat_map(|t| word_starts(lower, t).map(move |at| (at + t.len(), at)))
        .filter_map(|(start, at)| {
            list(sentence, lower, start).map(|(items, end)| (start, at, items, end))
        })
        .min_by_key(|&(start, at, _, _)| (start, at));
    let (start, mut items, mut end) = match after_trigger {
        Some((_, at, items, end)) => (at, items, end),
        None => {
            let (items, end) = list(sentence, lower, 0)?;
            let end = after_prefix(lower, end, ALLOWED_AFTER)?;
            (0, items, end)
        }
    };
    // "letters ... in UTF-8 format": the encoding, which the letters already cover.
    end = after_prefix(lower, end, &[" in utf-8 format", " in utf-8"]).unwrap_or(end);
    // "the following special characters are allowed: +_!@#$%-/=": the characters come after the
    // verb.
    if let Some(at) = items
        .iter()
        .position(|i| matches!(i, Item::Literal(l) if l.is_empty()))
    {
        let colon = after_prefix(
            lower,
            end,
            &[" are allowed: ", " is allowed: ", " are supported: "],
        )?;
        let (symbols, symbols_end) = symbol_run(sentence, colon)?;
        items[at] = Item::Literal(symbols);
        end = symbols_end;
    }
    Some((classes(items), start..end))
}

/// Classes in the order written, then the literal characters in the order written, each once.
fn classes(items: Vec<Item>) -> Vec<String> {
    let mut classes: Vec<String> = Vec::new();
    let mut literal = String::new();
    for item in items {
        match item {
            Item::Class(class) if !classes.iter().any(|c| c == class.name) => {
                classes.push(class.name.to_owned())
            }
            Item::Class(_) => {}
            Item::Literal(chars) => literal.extend(
                chars
                    .chars()
                    .filter(|c| !literal.contains(*c))
                    .collect::<Vec<_>>(),
            ),
        }
    }
    if !literal.is_empty() {
        classes.push(literal);
    }
    classes
}

/// The items of a list starting at `start`, and where the list ends: items joined by ", ", ", and
/// ", " or "...; the list ends before a separator that no item follows ("and must start with a
/// letter"). `None` when the first item is not one this file knows, or a later one is unknown after
/// a separator that it could not end at (a comma, or any separator followed by another
/// special-character word).
fn list(sentence: &str, lower: &str, start: usize) -> Option<(Vec<Item>, usize)> {
    let (first, mut end) = item(sentence, lower, start)?;
    let mut items = vec![first];
    while let Some(next) = after_prefix(lower, end, SEPARATORS) {
        match item(sentence, lower, next) {
            Some((found, after)) => {
                items.push(found);
                end = after;
            }
            // "..., such as asterisks": an item that is not one; the list is not read.
            None if unknown_item_follows(lower, next) => return None,
            None => break,
        }
    }
    Some((items, end))
}

/// Whether the words at `at` look like another item of the list that this file does not know (so
/// that the list must not be read as ending before it): a word naming characters, or "such as",
/// "etc.".
fn unknown_item_follows(lower: &str, at: usize) -> bool {
    let rest = &lower[at..];
    let phrase = rest.split([',', '.', ';']).next().unwrap_or_default();
    [
        "such as",
        "etc",
        "signs",
        "marks",
        "symbols",
        "characters",
        "brackets",
        "letters (",
        "letter (",
    ]
    .iter()
    .any(|w| phrase.contains(w))
        && !["must", "start", "end with", "begin"]
            .iter()
            .any(|w| phrase.contains(w))
}

/// One item at `at`: a named punctuation mark (with the character in parentheses, or not), a class,
/// or special characters with their characters (in parentheses, after a colon, or right after the
/// words). Names come first, so that "number signs (#)" is not the class "number".
fn item(sentence: &str, lower: &str, at: usize) -> Option<(Item, usize)> {
    let mut at = at;
    while let Some(next) = after_prefix(lower, at, ITEM_PREFIXES) {
        at = next;
    }
    let rest = lower.get(at..)?;
    if let Some(&(word, chars)) = NAMED
        .iter()
        .find(|(w, _)| rest.starts_with(w) && ends_at_word(lower, at + w.len()))
    {
        let end = at + word.len();
        return Some(match parenthesized(sentence, end) {
            // "asterisks ()": the page lost the character; the name says it.
            Some(("", after)) => (Item::Literal(chars.to_owned()), after),
            Some((inside, after)) if is_symbols(inside) => {
                let mut all = chars.to_owned();
                all.extend(inside.chars().filter(|c| !chars.contains(*c)));
                (Item::Literal(all), after)
            }
            _ => (Item::Literal(chars.to_owned()), end),
        });
    }
    if let Some(&(word, class)) = CLASSES
        .iter()
        .find(|(w, _)| rest.starts_with(w) && ends_at_word(lower, at + w.len()))
    {
        let end = at + word.len();
        return match parenthesized(sentence, end) {
            // "digits (0-9)" says nothing more; "letters (a-f)" narrows the class in a way the spec
            // cannot say, so the list is not read.
            Some(("0-9", after)) if class == Some(&DIGIT) => Some((Item::Class(&DIGIT), after)),
            Some((inside, _)) if is_range_of_characters(inside) => None,
            _ => Some((Item::Class(class?), end)),
        };
    }
    for special in ["special characters", "special character"] {
        if rest.starts_with(special) && ends_at_word(lower, at + special.len()) {
            return special_characters(sentence, lower, at + special.len());
        }
    }
    // "middle dots (·)": a name this file does not know, with the characters it names in
    // parentheses.
    const NOT_A_NAME: &[&str] = &[
        "must", "start", "starts", "end", "ends", "with", "begin", "and", "or", "can", "is", "are",
        "be", "the", "it", "only", "use", "such", "as", "in", "of", "to", "for", "by", "not",
        "cannot", "except",
    ];
    let name = rest[..rest.find(|c: char| !c.is_alphabetic() && c != ' ')?].trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || words.iter().any(|w| NOT_A_NAME.contains(w)) {
        return None;
    }
    let (inside, after) = parenthesized(sentence, at + name.len())?;
    is_symbols(inside).then(|| (Item::Literal(inside.to_owned()), after))
}

/// "a-f", "A-Z0-9": characters given as ranges.
fn is_range_of_characters(text: &str) -> bool {
    text.len() <= 12
        && text.contains('-')
        && !text.contains(' ')
        && text.chars().any(char::is_alphanumeric)
}

fn ends_at_word(lower: &str, at: usize) -> bool {
    !lower[at..].starts_with(|c: char| c.is_alphanumeric())
}

/// "special characters (-_./():)", "special characters: -_./:()", "special characters !$&'()*+":
/// the characters, and where they end. Special characters without their characters are an empty
/// literal, which `allowed` fills from "are allowed: ..." or gives up on.
fn special_characters(sentence: &str, lower: &str, at: usize) -> Option<(Item, usize)> {
    if let Some((inside, after)) = parenthesized(sentence, at) {
        return is_symbols(inside).then(|| (Item::Literal(inside.to_owned()), after));
    }
    if let Some(colon) = after_prefix(lower, at, &[": "]) {
        let (symbols, end) = symbol_run(sentence, colon)?;
        return Some((Item::Literal(symbols), end));
    }
    if let Some(space) = after_prefix(lower, at, &[" "]) {
        if let Some((symbols, end)) = symbol_run(sentence, space) {
            return Some((Item::Literal(symbols), end));
        }
    }
    Some((Item::Literal(String::new()), at))
}

/// Characters that are all punctuation, such as the inside of "(_-!@#$%)".
fn is_symbols(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

/// The text inside the parenthesis that opens at `at` (after an optional space), and the position
/// after it. The characters listed may include parentheses ("(-_./():)"), so the parenthesis that
/// closes is the first `)` after which the sentence ends or goes on with a space, a comma or a
/// period.
fn parenthesized(sentence: &str, at: usize) -> Option<(&str, usize)> {
    let open = after_prefix(sentence, at, &["(", " ("])?;
    let rest = &sentence[open..];
    let close = rest.match_indices(')').map(|(i, _)| i).find(|&i| {
        let after = &rest[i + 1..];
        after.is_empty()
            || after.starts_with([' ', ',', ';'])
            || (after.starts_with('.') && (after.len() == 1 || after[1..].starts_with([' ', ')'])))
            || after.starts_with(')')
    })?;
    Some((&rest[..close], open + close + 1))
}

/// A run of punctuation at `at`, as in "these special characters: -_./:()" or "special characters
/// _~';@^-%#&$.*+?,=!:|/()[]{}": up to the next word, spaces inside it included (`^- %` reads as a
/// list with a space in it: the wider reading). A period that ends the sentence is kept: `-_./:().`
/// may list the period, and reading it in only widens the rule.
fn symbol_run(sentence: &str, at: usize) -> Option<(String, usize)> {
    let rest = sentence.get(at..)?;
    let mut end = 0;
    let mut run = String::new();
    for (i, c) in rest.char_indices() {
        if c.is_alphanumeric() {
            break;
        }
        run.push(c);
        end = i + c.len_utf8();
    }
    // Trailing spaces belong to the sentence, not to the list.
    let trimmed = run.trim_end();
    end -= run.len() - trimmed.len();
    let symbols: String = trimmed.chars().fold(String::new(), |mut s, c| {
        if !s.contains(c) {
            s.push(c);
        }
        s
    });
    (!symbols.trim().is_empty() && starts_word(sentence, at)).then_some((symbols, at + end))
}

/// Merges what one sentence says into what the row's earlier sentences said; a part both state
/// differently is a disagreement, returned for the report (and the part is then left out).
pub(super) fn merge_chars(into: &mut Chars, from: Chars) -> Vec<&'static str> {
    let mut disagreements = Vec::new();
    for (to, from, what) in [
        (&mut into.first, from.first, "first"),
        (&mut into.allowed, from.allowed, "allowed"),
        (&mut into.last, from.last, "last"),
    ] {
        if from.is_empty() {
            continue;
        }
        if to.is_empty() {
            *to = from;
        } else if *to != from {
            disagreements.push(what);
        }
    }
    disagreements
}
