//! The generated crates read every body with a JSON reader of their own (`support::JsonDeserializer`),
//! not serde_json's. It must accept and refuse the same texts as serde_json's reading of a slice and
//! give the same values: a request a service accepts must not be refused for its JSON, and a
//! malformed one must not slip through. Checked here on hand-picked texts at every edge (escapes,
//! surrogate pairs, numbers at every limit, depth, duplicate keys, whitespace, trailing bytes,
//! invalid UTF-8) and on thousands of seeded random texts and mutations of them.

use api_gateway_models::support::JsonDeserializer;
use serde::de::IgnoredAny;
use serde_json::Value;

/// What reading `input` as `T` gives: the value, or the message and position of the error.
fn ours<T: serde::de::DeserializeOwned>(input: &[u8]) -> Result<T, (String, usize, usize)> {
    JsonDeserializer::read::<T>(input).map_err(|error| {
        let (line, column) = error.line_column(input);
        (error.message, line, column)
    })
}

fn theirs<T: serde::de::DeserializeOwned>(input: &[u8]) -> Result<T, (String, usize, usize)> {
    serde_json::from_slice::<T>(input).map_err(|error| {
        let mut message = error.to_string();
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        (message, error.line(), error.column())
    })
}

/// Whether two values are the same JSON (floats equal to the last bit, or within one unit of the
/// last place where serde_json's faster parser rounds differently).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            _ if x == y => true,
            (Some(x), Some(y)) if x.is_sign_negative() == y.is_sign_negative() => {
                x.to_bits().abs_diff(y.to_bits()) <= 1
            }
            _ => false,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, a), (l, b))| k == l && same(a, b))
        }
        _ => a == b,
    }
}

/// Checks that both readers agree on `input`; `exact` also asks for the same error and position.
fn agree(input: &[u8], exact: bool) {
    let text = String::from_utf8_lossy(input);
    match (ours::<Value>(input), theirs::<Value>(input)) {
        (Ok(a), Ok(b)) => assert!(same(&a, &b), "{text:?}: {a} against serde_json's {b}"),
        (Err(a), Err(b)) => {
            if exact {
                assert_eq!(a, b, "{text:?}: the error differs from serde_json's");
            }
        }
        (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
    }
    let (a, b) = (ours::<IgnoredAny>(input), theirs::<IgnoredAny>(input));
    assert_eq!(
        a.is_ok(),
        b.is_ok(),
        "{text:?} skipped: ours {a:?}, serde_json {b:?}"
    );
    // Read as a type, the errors come from its visitors: the same message at the same place.
    let (a, b) = (ours::<Typed>(input), theirs::<Typed>(input));
    if exact || a.is_ok() || b.is_ok() {
        assert_eq!(a, b, "{text:?} read as a type");
    }
}

/// A type with a field of each kind the generated models have.
#[derive(Debug, PartialEq, serde::Deserialize)]
struct Typed {
    a: Option<i32>,
    #[serde(default)]
    b: Vec<String>,
    #[serde(default, rename = "ключ")]
    c: Option<Kind>,
    #[serde(default)]
    d: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    X,
    Y,
}

const VALID: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "-0.0",
    "1e5",
    "1E+5",
    "1e-5",
    "2.5e-3",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "1.7976931348623157e308",
    "5e-324",
    "4.9e-324",
    "1e-400",
    "123456789012345678901234567890",
    "0.1",
    "3.141592653589793238462643383279",
    "\"\"",
    "\"plain\"",
    "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
    "\"\\u0041\\u00e9\\u4e2d\"",
    "\"\\ud83d\\ude00\"",
    "\"\\uD83D\\uDE00 and more\"",
    "\"中文 ünïcode 😀\"",
    "\"\\u0000\"",
    "[]",
    "{}",
    "[1,2,3]",
    "{\"a\":1,\"b\":[true,false,null]}",
    " \t\n\r[ 1 , { \"k\" : \"v\" } ] \n",
    "{\"a\":1,\"a\":2}",
    "{\"\":0}",
    "{\"\\u0061\":\"escaped key\"}",
    "[[[[[[[[[[]]]]]]]]]]",
    "{\"long\":\"0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\"}",
];

const INVALID: &[&str] = &[
    "",
    " ",
    "nul",
    "nulll",
    "tru",
    "True",
    "+1",
    "01",
    "-",
    "-01",
    "1.",
    ".5",
    "1e",
    "1e+",
    "0x10",
    "1.5.2",
    "NaN",
    "Infinity",
    "1e400",
    "-1e400",
    "\"abc",
    "\"\\x\"",
    "\"\\u12\"",
    "\"\\u12g4\"",
    "\"\\ud83d\"",
    "\"\\ud83dx\"",
    "\"\\ud83d\\u0041\"",
    "\"\\ude00\"",
    "\"a\tb\"",
    "\"a\nb\"",
    "[",
    "[1",
    "[1,",
    "[1,]",
    "[,1]",
    "[1 2]",
    "{",
    "{\"a\"",
    "{\"a\":",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{a:1}",
    "{1:1}",
    "{\"a\":1 \"b\":2}",
    "]",
    "}",
    "1 2",
    "[] x",
    "{}{}",
    "\"a\" \"b\"",
    "'a'",
    "[1]]",
];

#[test]
fn valid_texts_read_as_serde_json_reads_them() {
    for text in VALID {
        assert!(theirs::<Value>(text.as_bytes()).is_ok(), "{text} is JSON");
        agree(text.as_bytes(), true);
    }
}

#[test]
fn malformed_texts_are_refused_with_serde_json_s_message_and_position() {
    for text in INVALID {
        assert!(
            theirs::<Value>(text.as_bytes()).is_err(),
            "{text} is not JSON"
        );
        agree(text.as_bytes(), true);
    }
}

#[test]
fn invalid_utf8_is_refused_in_a_string_read_as_text() {
    for bytes in [
        &b"\"\xff\""[..],
        b"\"\xc3\"",
        b"\"\xe4\xb8\"",
        b"\"\xed\xa0\x80\"",
        b"{\"k\":\"\x80\"}",
        b"[\"ok\", \"\xf5\x80\x80\x80\"]",
    ] {
        assert!(ours::<Value>(bytes).is_err(), "{bytes:?}");
        agree(bytes, false);
    }
}

#[test]
fn nesting_is_limited_as_serde_json_limits_it() {
    for depth in [100, 127, 128, 129, 500] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            agree(text.as_bytes(), true);
        }
    }
}

/// A small deterministic generator (xorshift), so that a failure names a seed to rerun.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "0",
    "-0",
    "7",
    "-12",
    "1.5",
    "-2.5e-3",
    "1e308",
    "9007199254740993",
    "18446744073709551616",
    "\"\"",
    "\"x\"",
    "\"\\n\"",
    "\"\\u00e9\"",
    "\"中\"",
    "\"\\ud83d\\ude00\"",
    "true",
    "false",
    "null",
];

/// A random JSON text: values of every kind, nested, with random whitespace.
fn random_json(random: &mut Random, depth: usize, out: &mut String) {
    let space = |random: &mut Random, out: &mut String| {
        out.push_str(random.pick(&["", "", "", " ", "\n", "\t", "\r\n  "]));
    };
    space(random, out);
    match if depth > 4 { 0 } else { random.below(4) } {
        0 | 1 => out.push_str(random.pick(PIECES)),
        2 => {
            out.push('[');
            for i in 0..random.below(4) {
                if i > 0 {
                    out.push(',');
                }
                random_json(random, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..random.below(4) {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(random.pick(&["\"a\"", "\"b\"", "\"a\"", "\"\\u0062\"", "\"ключ\""]));
                space(random, out);
                out.push(':');
                random_json(random, depth + 1, out);
            }
            out.push('}');
        }
    }
    space(random, out);
}

/// `text` with one random edit: a byte deleted, replaced or inserted, from the bytes that matter
/// to JSON.
fn mutate(random: &mut Random, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let alphabet = b"{}[]:,\"\\ 0123456789-+.eEuntrfal\x00\x1f\x7f\xc3\xa9\xff";
    let at = random.below(bytes.len() + 1);
    let byte = alphabet[random.below(alphabet.len())];
    match random.below(3) {
        0 if at < bytes.len() => {
            bytes.remove(at);
        }
        1 if at < bytes.len() => bytes[at] = byte,
        _ => bytes.insert(at, byte),
    }
    bytes
}

#[test]
fn thousands_of_random_texts_and_mutations_read_alike() {
    let mut random = Random(0x5eed_1234_abcd_0001);
    let (mut valid, mut invalid) = (0, 0);
    for _ in 0..10_000 {
        let mut text = String::new();
        random_json(&mut random, 0, &mut text);
        agree(text.as_bytes(), true);
        for _ in 0..4 {
            let mutated = mutate(&mut random, &text);
            match theirs::<Value>(&mutated) {
                Ok(_) => valid += 1,
                Err(_) => invalid += 1,
            }
            agree(&mutated, false);
        }
    }
    // Both kinds were tried in numbers.
    assert!(
        valid > 2_000 && invalid > 2_000,
        "{valid} valid, {invalid} invalid mutations"
    );
}
