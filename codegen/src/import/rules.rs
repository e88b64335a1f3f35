//! Recognizes the rules a row's prose states and turns them into data: lengths ("3 to 64 characters",
//! "(Max. 63 characters.)"), ranges ("Range: 1–65535."), character rules ("starting with a letter. Only
//! letters, digits, hyphens (-) ... are allowed"), the integer-list format, notes ("Currently, this
//! parameter is not supported."), and, still unresolved, conditions ("This parameter is required if protocol
//! is set to http"), comparisons ("must be less than the value of time_interval") and alternatives ("Either
//! app_name or any of label_key and label_value must be set"); `build` resolves those against the tables.
//! Sentences that read like rules but match nothing are listed, so that a person knows what to review.
//!
//! Hand-written matching over lower-cased text, not regular expressions: each phrase is a plain string the
//! pages use, and the few shapes around it (numbers, lists of character classes) are easier to read as code.

/// What the row's values are, which decides what a phrase can mean ("1 to 64 characters" is a length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Other,
}

/// Everything the prose of one row states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub min_length: Option<Stated<u64>>,
    pub max_length: Option<Stated<u64>>,
    pub minimum: Option<Stated<i64>>,
    pub maximum: Option<Stated<i64>>,
    pub chars: Chars,
    /// `format: integer_list` with its bounds.
    pub integer_list: Option<(i64, i64)>,
    pub notes: Vec<String>,
    pub conditions: Vec<Condition>,
    pub comparisons: Vec<Comparison>,
    pub at_least_one_of: Vec<AtLeastOneOf>,
    /// Sentences that read like rules (they have a number or a word such as "must", "only", "if") but
    /// that nothing recognized.
    pub unrecognized: Vec<String>,
}

/// A value and the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated<T> {
    pub value: T,
    pub sentence: String,
}

/// The spec's `chars`: classes `letter`, `ascii_lower`, `digit`, or a string of literal characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chars {
    pub first: Vec<String>,
    pub allowed: Vec<String>,
    pub last: Vec<String>,
}

impl Chars {
    pub fn is_empty(&self) -> bool {
        self.first.is_empty() && self.allowed.is_empty() && self.last.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConditionKind {
    /// "This parameter is required if ...".
    RequiredIf,
    /// "This parameter is supported only when ...".
    ForbiddenUnless,
}

/// A condition as written: `subject` and `values` are phrases of the page ("the VPC channel type",
/// "microservice") until `build` finds the field and the values they mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub subject: String,
    pub values: Vec<String>,
    pub source: String,
}

/// "The value must be less (greater) than the value of `other`".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// True when this row's value must be less than `other`'s.
    pub less_than: bool,
    pub other: String,
    pub source: String,
}

/// "Either a or any of b and c must be set": groups of field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtLeastOneOf {
    pub groups: Vec<Vec<String>>,
    pub source: String,
}

/// Abbreviations after which a period does not end a sentence ("(Max. 63 characters.)").
const ABBREVIATIONS: &[&str] = &["max", "min", "e.g", "i.e", "approx", "no", "vs"];

/// Words that make an unrecognized sentence worth a person's review.
const RULE_WORDS: &[&str] = &[
    "must",
    "required",
    "mandatory",
    "only",
    "supported",
    "valid",
    "character",
    "range",
    "start",
    "end with",
    "contain",
    "include",
    "allowed",
    "less than",
    "greater than",
    "either",
    "format",
    "at least",
    "at most",
    "cannot",
    "unique",
    "length",
    "default",
    "if ",
    "when ",
    "maximum",
    "minimum",
];

const REQUIRED_IF: &[&str] = &[
    " is required if ",
    " is required when ",
    " is required only if ",
    " is required only when ",
    " is mandatory if ",
    " is mandatory when ",
    " is mandatory only when ",
];

const FORBIDDEN_UNLESS: &[&str] = &[
    " is supported only when ",
    " is supported only if ",
    " is valid only when ",
    " is valid only if ",
    " takes effect only when ",
    " takes effect only if ",
    " is available only when ",
    " can be used only when ",
];

/// Recognizes the rules in a row's description paragraphs (bullets written `• text`). `reviewed_notes`
/// are sentences (or whole paragraphs) a person decided are notes: rules nothing can check.
pub fn recognize(paragraphs: &[String], kind: Kind, reviewed_notes: &[String]) -> Facts {
    let mut facts = Facts::default();
    let mut in_format = false;
    for paragraph in paragraphs {
        let (is_bullet, text) = match paragraph.strip_prefix("• ") {
            Some(text) => (true, text),
            None => (false, paragraph.as_str()),
        };
        in_format &= is_bullet;
        // A paragraph that sends the reader to technical support describes a service limitation as a
        // whole, so it is one note.
        if reviewed_notes.iter().any(|n| n == text) || text.to_ascii_lowercase().ends_with("contact technical support.") {
            facts.notes.push(text.to_owned());
            continue;
        }
        let sentences = sentences(text);
        let mut k = 0;
        while let Some(&sentence) = sentences.get(k) {
            k += 1;
            if reviewed_notes.iter().any(|n| n == sentence) {
                facts.notes.push(sentence.to_owned());
                continue;
            }
            // The bullets after "in one of the following formats:" describe the format just recognized.
            if in_format && k == 1 {
                continue;
            }
            if let Some(groups) = at_least_one_of(sentence) {
                // "If only app_name is set, ..." sentences right after explain the rule, so they are its source too.
                let mut source = sentence.to_owned();
                while let Some(next) = sentences.get(k).filter(|s| s.to_ascii_lowercase().starts_with("if only ")) {
                    source = format!("{source} {next}");
                    k += 1;
                }
                facts.at_least_one_of.push(AtLeastOneOf { groups, source });
                continue;
            }
            if !recognize_sentence(sentence, kind, &mut facts, &mut in_format) && looks_like_rule(sentence) {
                facts.unrecognized.push(sentence.to_owned());
            }
        }
    }
    // "Use lowercase letters ... Start with a letter": the letter that starts must be one of the letters
    // allowed.
    if facts.chars.allowed.iter().any(|c| c == "ascii_lower") && !facts.chars.allowed.iter().any(|c| c == "letter") {
        for class in facts.chars.first.iter_mut().chain(facts.chars.last.iter_mut()) {
            if class == "letter" {
                "ascii_lower".clone_into(class);
            }
        }
    }
    facts
}

/// Runs every sentence-level recognizer; true when any matched.
fn recognize_sentence(sentence: &str, kind: Kind, facts: &mut Facts, in_format: &mut bool) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let stated = |value| Stated { value, sentence: sentence.to_owned() };
    let mut recognized = false;
    if kind == Kind::String {
        let (min, max) = lengths(&lower);
        if let Some(min) = min {
            facts.min_length.get_or_insert(stated(min));
        }
        if let Some(max) = max {
            facts.max_length.get_or_insert(Stated { value: max, sentence: sentence.to_owned() });
        }
        recognized |= min.is_some() || max.is_some();
        if let Some(bounds) = integer_list(&lower) {
            facts.integer_list = Some(bounds);
            *in_format = true;
            recognized = true;
        }
        if let Some(chars) = chars(sentence, &lower) {
            merge_chars(&mut facts.chars, chars);
            recognized = true;
        }
    }
    if kind == Kind::Integer {
        if let Some((min, max)) = range(&lower) {
            facts.minimum.get_or_insert(Stated { value: min, sentence: sentence.to_owned() });
            facts.maximum.get_or_insert(Stated { value: max, sentence: sentence.to_owned() });
            recognized = true;
        }
    }
    if let Some(condition) = condition(sentence, &lower) {
        facts.conditions.push(condition);
        recognized = true;
    }
    if let Some(comparison) = comparison(sentence, &lower) {
        facts.comparisons.push(comparison);
        recognized = true;
    }
    if lower.contains("not supported") && lower.contains("currently") {
        facts.notes.push(sentence.to_owned());
        recognized = true;
    }
    recognized
}

fn looks_like_rule(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    // Words start at a word boundary, so that "information" does not read as "format".
    lower.chars().any(|c| c.is_ascii_digit())
        || RULE_WORDS.iter().any(|w| lower.match_indices(w).any(|(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_alphabetic())))
}

/// Splits a paragraph into sentences: a period (or `!`, `?`) followed by a space and a capital, a digit
/// or a parenthesis ends one, unless it ends an abbreviation.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let Some(next) = text.get(i + 1..).and_then(|after| after.strip_prefix(' ')) else {
            continue;
        };
        if !next.chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "(\"'".contains(n)) {
            continue;
        }
        let word = text.get(start..i).unwrap_or_default().rsplit(|w: char| w.is_whitespace() || w == '(').next().unwrap_or_default();
        if ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let Some(sentence) = text.get(start..=i) {
            found.push(sentence.trim());
        }
        start = i + 1;
    }
    if let Some(rest) = text.get(start..).map(str::trim).filter(|r| !r.is_empty()) {
        found.push(rest);
    }
    found
}

/// Words of a lower-cased sentence without the punctuation around them.
fn tokens(lower: &str) -> Vec<&str> {
    lower.split_whitespace().map(|t| t.trim_matches(|c: char| "().,;:\"'".contains(c))).filter(|t| !t.is_empty()).collect()
}

/// `1–65535` (en dash, hyphen, em dash or tilde).
fn dashed(token: &str) -> Option<(i64, i64)> {
    let (a, b) = token.split_once(['–', '-', '—', '~'])?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The first `a to b` or `a–b` among `tokens`.
fn pair(tokens: &[&str]) -> Option<(i64, i64)> {
    (0..tokens.len()).find_map(|i| {
        dashed(tokens[i]).or_else(|| match tokens.get(i..i + 3)? {
            [a, "to", b] => Some((a.parse().ok()?, b.parse().ok()?)),
            _ => None,
        })
    })
}

/// "3 to 64 characters", "1–64 characters", "(Max. 63 characters.)", "max. 64 characters".
fn lengths(lower: &str) -> (Option<u64>, Option<u64>) {
    let tokens = tokens(lower);
    let number = |t: &str| t.parse::<u64>().ok();
    for (i, token) in tokens.iter().enumerate() {
        if !token.starts_with("character") || i == 0 {
            continue;
        }
        let before = |back: usize| i.checked_sub(back).and_then(|j| tokens.get(j)).copied().unwrap_or_default();
        if before(2) == "to" {
            if let (Some(min), Some(max)) = (number(before(3)), number(before(1))) {
                return (Some(min), Some(max));
            }
        }
        if let Some((min, max)) = dashed(before(1)) {
            return (u64::try_from(min).ok(), u64::try_from(max).ok());
        }
        if let Some(n) = number(before(1)) {
            match before(2) {
                "max" | "maximum" | "to" | "most" => return (None, Some(n)),
                "min" | "minimum" | "least" => return (Some(n), None),
                _ => {}
            }
        }
    }
    (None, None)
}

/// "Range: 1–65535.", "The value ranges from 1 to 100."
fn range(lower: &str) -> Option<(i64, i64)> {
    if !lower.contains("range") {
        return None;
    }
    pair(&tokens(lower))
}

/// "The value can be any integer within 100–599 in one of the following formats:"
fn integer_list(lower: &str) -> Option<(i64, i64)> {
    let at = lower.find("any integer within ")?;
    pair(&tokens(&lower[at..]))
}

/// The position just after the first of `phrases` found at a word boundary in `lower`.
fn after_any(lower: &str, phrases: &[&str]) -> Option<usize> {
    phrases.iter().filter_map(|p| find_word(lower, p).map(|at| at + p.len())).min()
}

/// The first occurrence of `phrase` in `lower` that starts a word.
fn find_word(lower: &str, phrase: &str) -> Option<usize> {
    lower.match_indices(phrase).map(|(at, _)| at).find(|&at| at == 0 || lower[..at].ends_with([' ', '(', ',']))
}

/// "Start with a letter", "Start and end with a letter or digit", "end with a letter or digit",
/// "Only letters, digits, hyphens (-) ... are allowed", "these special characters: -_./:()".
fn chars(sentence: &str, lower: &str) -> Option<Chars> {
    let mut found = Chars::default();
    if let Some(at) = after_any(lower, &["start and end with a ", "start and end with an ", "begin and end with a "]) {
        found.first = classes(&lower[at..])?;
        found.last.clone_from(&found.first);
    } else {
        if let Some(at) = after_any(lower, &["starting with a ", "start with a ", "starts with a ", "begin with a ", "begins with a "]) {
            found.first = classes(&lower[at..])?;
        }
        if let Some(at) = after_any(lower, &["end with a ", "ends with a ", "ending with a "]) {
            found.last = classes(&lower[at..])?;
        }
    }
    found.allowed = allowed(sentence, lower).unwrap_or_default();
    (!found.is_empty()).then_some(found)
}

/// "letter or digit" (up to the end of the phrase) as classes.
fn classes(rest: &str) -> Option<Vec<String>> {
    let end = rest.find([',', '.', ';', '(']).unwrap_or(rest.len());
    let phrase = &rest[..end];
    let phrase = phrase.split(" and ").next().unwrap_or_default();
    phrase
        .split(" or ")
        .map(|word| match word.trim().trim_start_matches("a ").trim_start_matches("an ") {
            "letter" => Some("letter".to_owned()),
            "digit" | "number" => Some("digit".to_owned()),
            "lowercase letter" => Some("ascii_lower".to_owned()),
            _ => None,
        })
        .collect()
}

/// The list of what a value may contain, after "only", "can contain", "including", "use"...: classes in
/// the order written, then the literal characters in the order written.
fn allowed(sentence: &str, lower: &str) -> Option<Vec<String>> {
    const TRIGGERS: &[&str] = &["only ", "can contain ", "can include ", "including ", "use ", "contain ", "consist of "];
    const CLASS_WORDS: &[&str] = &["letters", "lowercase letters", "uppercase letters", "digits"];
    let start = TRIGGERS
        .iter()
        .flat_map(|t| lower.match_indices(t).filter(|&(at, _)| at == 0 || lower[..at].ends_with(' ')).map(move |(at, _)| at + t.len()))
        .filter(|&at| CLASS_WORDS.iter().any(|w| lower[at..].starts_with(w)))
        .min()?;
    let (list, special) = match lower[start..].find("special characters:") {
        Some(at) => {
            let after = sentence.get(start + at + "special characters:".len()..).unwrap_or_default();
            let token = after.split_whitespace().next().unwrap_or_default();
            (&lower[start..start + at], Some(token.strip_suffix('.').unwrap_or(token)))
        }
        None => (&lower[start..], None),
    };
    let mut classes: Vec<(usize, &str)> = Vec::new();
    for (word, class) in [("lowercase letters", "ascii_lower"), ("letters", "letter"), ("digits", "digit"), ("uppercase letters", "")] {
        for (at, _) in list.match_indices(word) {
            let qualified = word == "letters" && (list[..at].ends_with("lowercase ") || list[..at].ends_with("uppercase "));
            if class.is_empty() {
                // No class of the spec means upper-case letters only: leave the sentence for a person.
                return None;
            }
            if !qualified {
                classes.push((at, class));
            }
        }
    }
    classes.sort_unstable();
    let mut allowed: Vec<String> = Vec::new();
    for (_, class) in classes {
        if !allowed.iter().any(|c| c == class) {
            allowed.push(class.to_owned());
        }
    }
    let mut literal = String::new();
    for (open, _) in list.match_indices('(') {
        let Some(len) = list[open + 1..].find(')') else { continue };
        let inside = &list[open + 1..open + 1 + len];
        if (1..=3).contains(&inside.chars().count()) && inside.chars().all(|c| !c.is_alphanumeric() && !c.is_whitespace()) {
            literal.extend(inside.chars().filter(|c| !literal.contains(*c)).collect::<Vec<_>>());
        }
    }
    if list.contains("spaces") && !literal.contains(' ') {
        literal.push(' ');
    }
    for c in special.unwrap_or_default().chars() {
        if !literal.contains(c) {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        allowed.push(literal);
    }
    Some(allowed)
}

fn merge_chars(into: &mut Chars, from: Chars) {
    for (to, from) in [(&mut into.first, from.first), (&mut into.allowed, from.allowed), (&mut into.last, from.last)] {
        if to.is_empty() {
            *to = from;
        }
    }
}

/// "This parameter is required if protocol is set to http or https.", "This parameter is supported only
/// when the VPC channel type is microservice."
fn condition(sentence: &str, lower: &str) -> Option<Condition> {
    let find = |phrases: &[&str], kind| phrases.iter().filter_map(|p| lower.find(p).map(|at| (at + p.len(), kind))).min();
    let (at, kind) = find(REQUIRED_IF, ConditionKind::RequiredIf).into_iter().chain(find(FORBIDDEN_UNLESS, ConditionKind::ForbiddenUnless)).min()?;
    let rest = sentence.get(at..)?.trim().trim_end_matches('.');
    let rest_lower = rest.to_ascii_lowercase();
    let (subject, values) = [" is set to ", " is ", " = "].iter().find_map(|sep| rest_lower.find(sep).map(|i| (&rest[..i], &rest[i + sep.len()..])))?;
    let subject = subject.trim();
    let subject = subject.strip_prefix("the ").or_else(|| subject.strip_prefix("The ")).unwrap_or(subject);
    let values: Vec<String> = values
        .split(" or ")
        .flat_map(|v| v.split(", "))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    (!subject.is_empty() && !values.is_empty()).then(|| Condition { kind, subject: subject.to_owned(), values, source: sentence.to_owned() })
}

/// "The value must be less than the value of time_interval."
fn comparison(sentence: &str, lower: &str) -> Option<Comparison> {
    const PHRASES: &[(&str, bool)] = &[
        ("must be less than the value of ", true),
        ("must be greater than the value of ", false),
        ("must be smaller than the value of ", true),
        ("must be larger than the value of ", false),
        ("must be less than ", true),
        ("must be greater than ", false),
    ];
    PHRASES.iter().find_map(|&(phrase, less_than)| {
        let at = lower.find(phrase)? + phrase.len();
        let other = sentence.get(at..)?.trim().trim_end_matches('.');
        let is_name = !other.is_empty() && other.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        is_name.then(|| Comparison { less_than, other: other.to_owned(), source: sentence.to_owned() })
    })
}

/// "Either app_name or any of label_key and label_value must be set." as [["app_name"], ["label_key",
/// "label_value"]].
fn at_least_one_of(sentence: &str) -> Option<Vec<Vec<String>>> {
    let lower = sentence.to_ascii_lowercase();
    let body = lower.strip_prefix("either ")?;
    let end = [" must be set", " must be specified", " must be provided", " is required"].iter().filter_map(|p| body.find(p)).min()?;
    let start = "either ".len();
    let body = sentence.get(start..start + end)?;
    let name = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    body.split(" or ")
        .map(|alternative| {
            let alternative = ["any of ", "all of ", "both "].iter().find_map(|p| alternative.strip_prefix(p)).unwrap_or(alternative);
            let names: Vec<String> = alternative.split(" and ").flat_map(|n| n.split(", ")).map(|n| n.trim().to_owned()).collect();
            names.iter().all(|n| name(n)).then_some(names)
        })
        .collect::<Option<Vec<_>>>()
        .filter(|groups| groups.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str, kind: Kind) -> Facts {
        recognize(&[text.to_owned()], kind, &[])
    }

    fn classes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn sentences_keep_abbreviations_and_character_lists() {
        assert_eq!(
            sentences("Start and end with a letter or digit. Use only letters, digits, hyphens (-), underscores (_), and periods (.). (Max. 63 characters.)"),
            ["Start and end with a letter or digit.", "Use only letters, digits, hyphens (-), underscores (_), and periods (.).", "(Max. 63 characters.)"]
        );
        assert_eq!(
            sentences(
                "Service label key. Start with a letter or digit, and use only letters, digits, and these special characters: -_./:(). (1 to 64 characters)"
            ),
            [
                "Service label key.",
                "Start with a letter or digit, and use only letters, digits, and these special characters: -_./:().",
                "(1 to 64 characters)"
            ]
        );
        assert_eq!(sentences("Namespace. 1 to 63 characters. Use lowercase letters."), ["Namespace.", "1 to 63 characters.", "Use lowercase letters."]);
    }

    #[test]
    fn name_rule() {
        let f = facts(
            "It can contain 3 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), underscores (_), and periods (.) are allowed.",
            Kind::String,
        );
        assert_eq!((f.min_length.map(|s| s.value), f.max_length.map(|s| s.value)), (Some(3), Some(64)));
        assert_eq!(f.chars, Chars { first: classes(&["letter"]), allowed: classes(&["letter", "digit", "-_."]), last: vec![] });
        assert!(f.unrecognized.is_empty());
    }

    #[test]
    fn special_characters_and_lowercase() {
        let f = facts(
            "Service label key. Start with a letter or digit, and use only letters, digits, and these special characters: -_./:(). (1 to 64 characters)",
            Kind::String,
        );
        assert_eq!(f.chars.allowed, classes(&["letter", "digit", "-_./:()"]));
        assert_eq!(f.chars.first, classes(&["letter", "digit"]));
        let f = facts(
            "Namespace. 1 to 63 characters. Use lowercase letters, digits, and hyphens (-). Start with a letter and end with a letter or digit.",
            Kind::String,
        );
        assert_eq!(
            f.chars,
            Chars { first: classes(&["ascii_lower"]), allowed: classes(&["ascii_lower", "digit", "-"]), last: classes(&["ascii_lower", "digit"]) }
        );
        let f = facts("It can include letters, digits, hyphens (-), and underscores (_) (max. 64 characters).", Kind::String);
        assert_eq!((f.chars.allowed, f.max_length.map(|s| s.value), f.min_length), (classes(&["letter", "digit", "-_"]), Some(64), None));
    }

    #[test]
    fn range_with_en_dash() {
        let f = facts("Range: 1–65535.", Kind::Integer);
        assert_eq!((f.minimum.map(|s| s.value), f.maximum.map(|s| s.value)), (Some(1), Some(65535)));
    }

    #[test]
    fn conditions_and_comparisons() {
        let f = facts("Destination path for health checks. This parameter is required if protocol is set to http or https.", Kind::String);
        assert_eq!(f.conditions[0].subject, "protocol");
        assert_eq!(f.conditions[0].values, ["http", "https"]);
        let f = facts("This parameter is supported only when the VPC channel type is microservice.", Kind::String);
        assert_eq!((f.conditions[0].kind, f.conditions[0].subject.as_str()), (ConditionKind::ForbiddenUnless, "VPC channel type"));
        let f = facts("Unit: s. The value must be greater than the value of timeout.", Kind::Integer);
        assert_eq!((f.comparisons[0].less_than, f.comparisons[0].other.as_str()), (false, "timeout"));
    }

    #[test]
    fn alternatives_take_their_explanation() {
        let text = "CCE workload details. Either app_name or any of label_key and label_value must be set. \
                    If only app_name is set, label_key='app' and label_value=app_name.";
        let f = facts(text, Kind::Other);
        assert_eq!(f.at_least_one_of[0].groups, [vec!["app_name".to_owned()], vec!["label_key".to_owned(), "label_value".to_owned()]]);
        assert!(f.at_least_one_of[0].source.ends_with("label_value=app_name."));
    }

    #[test]
    fn unrecognized_rules_are_listed() {
        let f = facts("Backend server address. This parameter is valid when the member type is IP address.", Kind::String);
        assert_eq!(f.unrecognized, ["This parameter is valid when the member type is IP address."]);
        let f = recognize(
            &["This parameter is valid when the member type is IP address.".to_owned()],
            Kind::String,
            &["This parameter is valid when the member type is IP address.".to_owned()],
        );
        assert_eq!((f.unrecognized.len(), f.notes.len()), (0, 1));
    }
}
