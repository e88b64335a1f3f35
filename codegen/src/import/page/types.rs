//! A row's Type cell: the spec's types as the pages write them (`String`, `Array of MemberInfo objects`,
//! `Map<String,X>`), and a type the format lacks kept as written for the import to report.

use super::{Line, PageError, Type};

/// A row's Type cell. A type the format does not have, or a cell that names one in words (`config
/// array corresponding to infer_type`), is kept as written for the import to report; a cell that is
/// not a type at all (the row's description) means the row has none, an error.
pub(super) fn cell_type(
    cell: &Line<'_>,
    in_row: &impl Fn(usize, String) -> PageError,
) -> Result<Type, PageError> {
    match parse_type(cell.text) {
        Some(Ok(ty)) => Ok(ty),
        Some(Err(unsupported)) => {
            Ok(cell_words(&unsupported).unwrap_or(Type::Unsupported(unsupported)))
        }
        // In the Type cell's own place a lowercase `string`, an `Int` or a `vpc object` is a type,
        // not a row's name.
        None => match simple_type(cell.text, true) {
            Some(Ok(ty)) => Ok(ty),
            _ => match cell_words(cell.text) {
                Some(ty) => Ok(ty),
                None if names_a_type(cell.text) => Ok(Type::Unsupported(cell.text.to_owned())),
                None => Err(in_row(
                    cell.no,
                    format!(
                        "the row has no type: expected one of {TYPES}, found {:?}",
                        cell.text
                    ),
                )),
            },
        },
    }
}

/// A Type cell outside the format's spellings, read by its words: a type word in any case with a
/// width (`Int`, `integer`, `Integer(32)`), also as `X data structure`; `object` or `dictionary` (an
/// object the page does not describe); `Dict`,
/// `Map` (a map of JSON values of any kind); a bare `Array`, `List` or `JSON Array` (an array whose items the page does not
/// describe, so of any JSON value); `AnyType`, `JSON` or two types at once (`String/Integer`), a
/// JSON value of any kind; and `vpc object`, `Array of tagsBody objects`, a table's object by the
/// wire name the page gives it. `String(64)` stays as written: its length is not a type, and the
/// import reads it (see [`sized_string`]).
fn cell_words(text: &str) -> Option<Type> {
    // `List<tag>`: the generic spelling of an array, of a table's object by its wire name.
    if let Some(inner) = ["Array<", "List<"]
        .iter()
        .find_map(|open| text.strip_prefix(open)?.strip_suffix('>'))
    {
        return object_named(&[inner.trim()]).map(|ty| Type::Array(Box::new(ty)));
    }
    let words: Vec<&str> = text.trim_end_matches('.').split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    match lower.as_slice() {
        [word] | [word, "data", "structure"] => one_word(word),
        ["json", "array"] | [_, "array" | "list"] if is_wire(words[0]) => {
            Some(Type::Array(Box::new(Type::Any)))
        }
        ["array", "of", .., "objects" | "object"] => {
            object_named(&words[2..words.len() - 1]).map(|ty| Type::Array(Box::new(ty)))
        }
        [.., "object" | "objects"] => object_named(&words[..words.len() - 1]),
        _ => None,
    }
}

/// The object a Type cell names in words before `object(s)`: one wire name as written (`vpc`,
/// `tagsBody`), or a few words as one name (`Security Group` -> `SecurityGroup`). Words that are
/// types themselves (`arrays of Dimension`) name no table.
fn object_named(words: &[&str]) -> Option<Type> {
    let plain = |w: &&str| {
        is_wire(w) && one_word(&w.to_ascii_lowercase()).is_none() && !["of", "arrays"].contains(w)
    };
    match words {
        [word] if plain(word) => Some(Type::Object((*word).to_owned())),
        [_, _, ..] if words.len() <= 3 && words.iter().all(plain) => Some(Type::Object(
            heck::ToUpperCamelCase::to_upper_camel_case(words.join(" ").as_str()),
        )),
        _ => None,
    }
}

/// One lowercased word of a Type cell: a type whatever its case or width, or two types at once.
fn one_word(word: &str) -> Option<Type> {
    let base = word.split('(').next().unwrap_or(word);
    let width = &word[base.len()..];
    let is_width = width.is_empty()
        || width
            .strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if !is_width {
        return None;
    }
    match base {
        // A string's width is its length, which the import reads.
        "string" | "str" if !width.is_empty() => None,
        "string" | "str" => Some(Type::String),
        "int" | "integer" | "int32" => Some(Type::Integer),
        "long" | "int64" => Some(Type::Long),
        "boolean" | "bool" => Some(Type::Boolean),
        "number" | "float" | "double" => Some(Type::Float),
        // A dictionary is a JSON object: its keys are the fields of the table it points to.
        "object" | "dictionary" => Some(Type::FreeObject),
        // A map whose values the page does not describe holds JSON values of any kind.
        "dict" | "map" => Some(Type::Map(Box::new(Type::Any))),
        "array" | "list" => Some(Type::Array(Box::new(Type::Any))),
        "anytype" | "any" | "json" => Some(Type::Any),
        _ if base.contains('/') && base.split('/').all(|w| one_word(w).is_some()) => {
            Some(Type::Any)
        }
        _ => None,
    }
}

/// The length of a `String(64)` Type cell.
pub fn sized_string(written: &str) -> Option<u64> {
    let (base, width) = written.split_once('(')?;
    let width = width.strip_suffix(')')?;
    matches!(base.trim().to_ascii_lowercase().as_str(), "string" | "str")
        .then(|| width.trim().parse().ok())
        .flatten()
}

/// A wire name: `vpc`, `scheduled_policy`, `tagsBody`, `os-extend`.
fn is_wire(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-".contains(c))
}

/// Whether a cell that is no type of the format still names one: a few words, not a sentence, one
/// of them a type's (`Array of arrays of Dimension objects`, `schedule array corresponding to
/// infer_type`, `String(64)`).
fn names_a_type(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "array", "object", "objects", "string", "integer", "int", "boolean", "list", "map", "json",
        "long", "number", "float", "double",
    ];
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || "/(".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    !text.ends_with(['.', ':', ',', ';'])
        && words.len() <= 6
        && words.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// The Type column's spellings, for errors.
const TYPES: &str = "String, Integer, Long, Boolean, Number, Object, File, `X object`, `Array of ...`, `Map<String,X>`";

/// A Type cell of one word (`String`, `Object`), or the words after "Array of" (`strings`,
/// `objects`). Lower-case and plural spellings only inside "Array of", so that a parameter named
/// `type` or `string` is not taken for a type.
fn simple_type(word: &str, in_array: bool) -> Option<Result<Type, String>> {
    match (word, in_array) {
        ("String", _) | ("string" | "strings" | "Strings", true) => Some(Ok(Type::String)),
        ("Integer", _) | ("integer" | "integers" | "Integers", true) => Some(Ok(Type::Integer)),
        ("Long", _) | ("long" | "longs" | "Longs", true) => Some(Ok(Type::Long)),
        ("Boolean", _) | ("boolean" | "booleans" | "Booleans", true) => Some(Ok(Type::Boolean)),
        ("Number" | "Float" | "Double", _)
        | ("number" | "numbers" | "float" | "floats" | "double" | "doubles", true) => {
            Some(Ok(Type::Float))
        }
        // `Array of objects` names no table: its items are free-form objects.
        ("Object", _) | ("objects" | "Objects", true) => Some(Ok(Type::FreeObject)),
        ("File", false) => Some(Ok(Type::File)),
        ("BigDecimal" | "Short" | "File", _) | ("files", true) => Some(Err(word.to_owned())),
        _ => None,
    }
}

/// The Type column; `Some(Err(..))` for a type the spec format does not have.
pub(super) fn parse_type(text: &str) -> Option<Result<Type, String>> {
    let object = |words: &str| {
        let name = words
            .strip_suffix(" objects")
            .or_else(|| words.strip_suffix(" object"))?;
        is_type_name(name).then(|| Type::Object(name.to_owned()))
    };
    if let Some(inner) = text.strip_prefix("Array of ") {
        let inner = inner.trim();
        return match simple_type(inner, true)
            .or_else(|| object(inner).or_else(|| lowercase_objects(inner)).map(Ok))
        {
            Some(Ok(ty)) => Some(Ok(Type::Array(Box::new(ty)))),
            Some(Err(_)) | None => Some(Err(text.to_owned())),
        };
    }
    if let Some(inner) = text
        .strip_prefix("Map<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return Some(map_type(inner).ok_or_else(|| text.to_owned()));
    }
    if let Some(inner) = ["Array<", "List<"]
        .iter()
        .find_map(|open| text.strip_prefix(open)?.strip_suffix('>'))
    {
        return match simple_type(inner.trim(), false)
            .or_else(|| object(&format!("{} object", inner.trim())).map(Ok))
        {
            Some(Ok(ty)) if ty != Type::File => Some(Ok(Type::Array(Box::new(ty)))),
            _ => Some(Err(text.to_owned())),
        };
    }
    if text.starts_with("Map<") || text.starts_with("Array<") || text.starts_with("List<") {
        return Some(Err(text.to_owned()));
    }
    simple_type(text, false).or_else(|| object(text).map(Ok))
}

/// `String,X` of `Map<String,X>`: string keys and values of a scalar type, `Object`, or a table's
/// name. Maps of arrays, maps or files are not in the format.
fn map_type(inner: &str) -> Option<Type> {
    let (key, value) = inner.split_once(',')?;
    let value = value.trim();
    if key.trim() != "String" || value == "File" {
        return None;
    }
    let ty = match simple_type(value, false) {
        Some(result) => result.ok()?,
        None => is_type_name(value).then(|| Type::Object(value.to_owned()))?,
    };
    Some(Type::Map(Box::new(ty)))
}

/// `grants objects` of `Array of grants objects`: the items are the object of the table captioned
/// `grants`, named as that table's object is (`Grants`, see `build::objects::object_name`). Only
/// inside "Array of" and only a lowercase wire name, so that a description's words are not read as
/// a type.
fn lowercase_objects(words: &str) -> Option<Type> {
    let name = words.strip_suffix(" objects")?;
    let wire = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    wire.then(|| Type::Object(heck::ToUpperCamelCase::to_upper_camel_case(name)))
}

/// A table's name as the Type column writes it: `MemberInfo`.
fn is_type_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types() {
        assert_eq!(
            parse_type("Array of MemberInfo objects"),
            Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into())))))
        );
        assert_eq!(
            parse_type("Array of strings"),
            Some(Ok(Type::Array(Box::new(Type::String))))
        );
        assert_eq!(
            parse_type("VpcHealthConfig object"),
            Some(Ok(Type::Object("VpcHealthConfig".into())))
        );
        assert_eq!(parse_type("Number"), Some(Ok(Type::Float)));
        assert_eq!(
            parse_type("Array of doubles"),
            Some(Ok(Type::Array(Box::new(Type::Float))))
        );
        assert_eq!(parse_type("BigDecimal"), Some(Err("BigDecimal".into())));
        assert_eq!(parse_type("Backend server ID."), None);
    }

    #[test]
    fn objects_maps_and_files() {
        let map = |ty: Type| Some(Ok(Type::Map(Box::new(ty))));
        assert_eq!(parse_type("Object"), Some(Ok(Type::FreeObject)));
        assert_eq!(
            parse_type("Array of objects"),
            Some(Ok(Type::Array(Box::new(Type::FreeObject))))
        );
        assert_eq!(parse_type("File"), Some(Ok(Type::File)));
        assert_eq!(parse_type("Map<String,Boolean>"), map(Type::Boolean));
        assert_eq!(parse_type("Map<String, String>"), map(Type::String));
        assert_eq!(parse_type("Map<String,Integer>"), map(Type::Integer));
        assert_eq!(parse_type("Map<String,Object>"), map(Type::FreeObject));
        assert_eq!(
            parse_type("Map<String,ResponseInfoResp>"),
            map(Type::Object("ResponseInfoResp".into()))
        );
        // What the format cannot say is an error naming the cell, not a row name or a description.
        for unsupported in [
            "Map<Integer,String>",
            "Map<String,File>",
            "Map<String,Array of strings>",
            "Map<String>",
            "Array of files",
            "List<Map<String,String>>",
        ] {
            assert_eq!(
                parse_type(unsupported),
                Some(Err(unsupported.into())),
                "{unsupported}"
            );
        }
        // The generic spellings of arrays, and an array of a lowercase table's objects.
        assert_eq!(
            parse_type("Array<Object>"),
            Some(Ok(Type::Array(Box::new(Type::FreeObject))))
        );
        assert_eq!(
            parse_type("List<String>"),
            Some(Ok(Type::Array(Box::new(Type::String))))
        );
        assert_eq!(
            parse_type("Array<MemberInfo>"),
            Some(Ok(Type::Array(Box::new(Type::Object("MemberInfo".into())))))
        );
        assert_eq!(
            parse_type("Array of grants objects"),
            Some(Ok(Type::Array(Box::new(Type::Object("Grants".into())))))
        );
        assert_eq!(parse_type("Array<File>"), Some(Err("Array<File>".into())));
        assert_eq!(parse_type("grants objects"), None);
        // `object` as a row's name is not the type.
        assert_eq!(parse_type("object"), None);
    }

    /// A Type cell as the row reader reads it.
    fn cell(text: &str) -> Result<Type, PageError> {
        let in_row = |line: usize, message: String| PageError {
            line,
            table: None,
            row: None,
            message,
        };
        cell_type(
            &Line {
                no: 1,
                text,
                offset: 0,
                indent: 0,
            },
            &in_row,
        )
    }

    #[test]
    fn type_cells_the_format_lacks_are_kept_as_written_and_a_description_is_no_type() {
        for written in [
            "config array corresponding to infer_type",
            "Array of arrays of Dimension objects",
            "String(64)",
            "BigDecimal",
        ] {
            assert_eq!(
                cell(written).unwrap(),
                Type::Unsupported(written.into()),
                "{written}"
            );
        }
        assert_eq!(sized_string("String(64)"), Some(64));
        assert_eq!(sized_string("String"), None);
        assert!(cell("Remarks of the group.")
            .unwrap_err()
            .message
            .contains("has no type"));
    }

    /// The cells the pages write outside the format's spellings, read by their words.
    #[test]
    fn type_cells_are_read_by_their_words() {
        let cell = |text: &str| cell(text).unwrap();
        let array = |ty: Type| Type::Array(Box::new(ty));
        let object = |name: &str| Type::Object(name.into());
        for (written, ty) in [
            ("Int", Type::Integer),
            ("int", Type::Integer),
            ("Integer(32)", Type::Integer),
            ("object", Type::FreeObject),
            ("Dict", Type::Map(Box::new(Type::Any))),
            ("Map", Type::Map(Box::new(Type::Any))),
            ("Dictionary data structure.", Type::FreeObject),
            ("List data structure", array(Type::Any)),
            ("Array", array(Type::Any)),
            ("List", array(Type::Any)),
            ("JSON Array", array(Type::Any)),
            ("schedule array", array(Type::Any)),
            ("AnyType", Type::Any),
            ("JSON", Type::Any),
            ("Integer/Boolean", Type::Any),
            ("String/Integer", Type::Any),
            ("vpc object", object("vpc")),
            ("scheduled_policy object", object("scheduled_policy")),
            ("Array of tagsBody objects", array(object("tagsBody"))),
            (
                "Array of Security Group objects",
                array(object("SecurityGroup")),
            ),
            ("List<tag>", array(object("tag"))),
            (
                "Array of firewall Policy object",
                array(object("FirewallPolicy")),
            ),
        ] {
            assert_eq!(cell(written), ty, "{written}");
        }
        assert_eq!(cell("string"), Type::String);
    }
}
