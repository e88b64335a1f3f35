//! Every Rust name the generator makes, in one place: casing, keywords, leading digits, and the
//! names the generator itself adds. Collisions are not resolved here: callers report them (see
//! `lower`).

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords, strict and reserved, in every edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names the generated modules define or import themselves next to the spec's types.
pub const RESERVED_TYPE_NAMES: &[&str] = &["Request", "Response"];

/// Module names the generated crate uses itself.
pub const RESERVED_MODULES: &[&str] = &["support"];

/// Fields every operation's `Request` may have besides its parameters (`path` is its method; kept
/// free so that a field does not read as the method).
pub const RESERVED_REQUEST_FIELDS: &[&str] = &["body", "path"];

/// Names the generator puts in every service module beside the operations' modules, with what they
/// are.
pub const SERVICE_MODULE_ITEMS: &[(&str, &str)] = &[
    (
        "support",
        "the crate's run-time support module, which every service module imports",
    ),
    (
        "types",
        "the module whose files hold a large service's types",
    ),
];

/// The variant every enumeration gets for values the page does not list.
pub const UNKNOWN_VARIANT: &str = "Unknown";

fn words(name: &str) -> String {
    // Keep only what casing understands: letters, digits and separators.
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

fn fix_leading_digit(name: String, prefix: &str) -> String {
    match name.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("{prefix}{name}"),
        None => format!("{prefix}empty"),
        _ => name,
    }
}

/// The operation a page documents, named after its title: its words, lower-cased, joined by `_`
/// (`Querying APIs Bound with a Plug-in` is `querying_apis_bound_with_a_plug_in`). Titles are
/// sentences, so a word's capitals are not split as in camelCase (`APIs` stays one word).
#[cfg(feature = "import")]
pub fn operation_name(title: &str) -> String {
    let words: Vec<String> = words(title)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    fix_leading_digit(words.join("_"), "op_")
}

/// A field, parameter or module name: snake_case; keywords become raw identifiers (`r#type`) or,
/// where Rust forbids that, get a trailing underscore (`self_`).
pub fn field_ident(wire: &str) -> String {
    let name = fix_leading_digit(words(wire).to_snake_case(), "_");
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A module name: like a field, but never raw (a raw module name reads badly in paths).
pub fn module_ident(name: &str) -> String {
    let ident = field_ident(name);
    match ident.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_"),
        None => ident,
    }
}

/// The file of a type that several pages share, under `types/common/`: the first word of its name
/// as a module (`MicroServiceInfoCce` -> `micro`, `Match` -> `match_`), so that a type stays in its
/// file for as long as it keeps its name.
pub fn name_stem(type_name: &str) -> String {
    let snake = field_ident(type_name);
    let first = unraw(&snake).split('_').find(|word| !word.is_empty());
    module_ident(first.unwrap_or("types"))
}

/// A type name: UpperCamelCase (`MicroServiceInfoCSEBase` -> `MicroServiceInfoCseBase`).
pub fn type_ident(name: &str) -> String {
    let name = fix_leading_digit(words(name).to_upper_camel_case(), "T");
    if NOT_RAW.contains(&name.as_str()) || KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// An enumeration variant: from the documented meaning where there is one (`Weighted round robin (WRR).`
/// -> `WeightedRoundRobin`), otherwise from the value (`CCE_SERVICE` -> `CceService`, `2` -> `V2`).
pub fn variant_ident(meaning: Option<&str>, value: &str) -> String {
    let from_meaning = meaning.map(|meaning| {
        let without_parentheses: String = {
            let mut depth = 0usize;
            meaning
                .chars()
                .filter(|&c| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        _ => return depth == 0,
                    }
                    false
                })
                .collect()
        };
        words(&without_parentheses).to_upper_camel_case()
    });
    let name = match from_meaning {
        Some(name) if !name.is_empty() => name,
        _ => words(value).to_upper_camel_case(),
    };
    type_ident(&fix_leading_digit(name, "V"))
}

/// The `name` the importer writes for an enumeration value its overlay does not name: from a string
/// value where that gives a name starting with a letter (`CCE_SERVICE` -> `CceService`), else from
/// the meaning without its parenthesized abbreviation (`Weighted round robin (WRR).` ->
/// `WeightedRoundRobin`), else `Value` and the value (`-1` -> `ValueMinus1`). `wire` is the value
/// as text (`"2"` for the integer 2).
///
/// This is not [`variant_ident`]'s rule (the meaning first, every parenthesis dropped, `V` before a
/// digit): the checked-in specs were imported with this one, so it stays as it is, beside it.
/// `lower` then makes the Rust variant from the written name with [`type_ident`].
#[cfg(feature = "import")]
pub fn spec_variant_name(wire: &str, is_string: bool, meaning: Option<&str>) -> String {
    let starts_with_letter = |name: &String| name.starts_with(|c: char| c.is_ascii_alphabetic());
    let from_value = is_string
        .then(|| wire.to_upper_camel_case())
        .filter(starts_with_letter);
    let from_meaning = || {
        let meaning = meaning?;
        let plain = match (meaning.find(" ("), meaning.rfind(')')) {
            (Some(open), Some(close)) if close > open => {
                format!("{}{}", &meaning[..open], &meaning[close + 1..])
            }
            _ => meaning.to_owned(),
        };
        Some(plain.to_upper_camel_case()).filter(starts_with_letter)
    };
    from_value
        .or_else(from_meaning)
        .unwrap_or_else(|| format!("Value{}", wire.replace('-', "Minus")))
}

/// The name of the response-side form of a type shared with requests
/// (`MicroserviceLabelInResponse`).
pub fn response_form(type_ident: &str) -> String {
    format!("{}InResponse", type_ident.trim_end_matches('_'))
}

/// The name of the constant holding a field's documented default (`DEFAULT_BALANCE_STRATEGY`).
pub fn default_const(field_ident: &str) -> String {
    format!(
        "DEFAULT_{}",
        unraw(field_ident).trim_end_matches('_').to_uppercase()
    )
}

/// The name of the accessor that applies a field's documented default
/// (`balance_strategy_or_default`).
pub fn default_getter(field_ident: &str) -> String {
    format!("{}_or_default", unraw(field_ident).trim_end_matches('_'))
}

/// The name of a struct's private function holding the checks of one of its fields
/// (`check_balance_strategy`): from the field's identifier, unique in its struct, so two fields
/// never share one. A leading `_` (before a digit: `_2fa`) is dropped, since `check__2fa` is not
/// snake case, and no other identifier starts with a digit.
pub fn field_checker(field_ident: &str) -> String {
    format!("check_{}", unraw(field_ident).trim_start_matches('_'))
}

/// The name of a struct's setter of an optional field (`with_remark`), which the constructors add:
/// from the field's identifier as `field_checker` makes its name, so two fields never share one.
pub fn field_setter(field_ident: &str) -> String {
    format!("with_{}", unraw(field_ident).trim_start_matches('_'))
}

/// A response variant from its status text (`Bad Request` -> `BadRequest`), else from the code.
pub fn response_variant(description: &str, status: u16) -> String {
    variant_ident(Some(description), &format!("Status{status}"))
}

/// The identifier without its raw prefix: what serde sees as the field's name.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "import")]
    fn operation_names() {
        assert_eq!(
            operation_name("Querying APIs Bound with a Plug-in"),
            "querying_apis_bound_with_a_plug_in"
        );
        assert_eq!(
            operation_name("Creating a VPC Channel"),
            "creating_a_vpc_channel"
        );
        assert_eq!(operation_name("Querying AZs"), "querying_azs");
        assert_eq!(operation_name("2 Things"), "op_2_things");
        assert_eq!(operation_name("(?)"), "op_empty");
    }

    #[test]
    fn name_stems() {
        let table = [
            ("MicroServiceInfoCce", "micro"),
            ("MicroserviceLabel", "microservice"),
            ("V3NodeSpec", "v3"),
            ("Vpc", "vpc"),
            ("Match", "match_"),
            ("Type_", "type_"),
        ];
        for (name, stem) in table {
            assert_eq!(name_stem(name), stem, "{name}");
        }
    }

    #[test]
    fn fields() {
        let table = [
            ("member_group_name", "member_group_name"),
            ("X-Auth-Token", "x_auth_token"),
            ("type", "r#type"),
            ("match", "r#match"),
            ("self", "self_"),
            ("Self", "self_"),
            ("super", "super_"),
            ("labelKey", "label_key"),
            ("label-key", "label_key"),
            ("2fa", "_2fa"),
            ("validate", "validate"),
            ("", "_empty"),
        ];
        for (wire, expected) in table {
            assert_eq!(field_ident(wire), expected, "field {wire:?}");
        }
    }

    #[test]
    fn types() {
        let table = [
            ("MicroServiceInfoCSEBase", "MicroServiceInfoCseBase"),
            ("VpcCreate", "VpcCreate"),
            ("Self", "Self_"),
            ("type", "Type"),
            ("Option", "Option"),
            ("3rdParty", "T3rdParty"),
            ("member-info", "MemberInfo"),
        ];
        for (name, expected) in table {
            assert_eq!(type_ident(name), expected, "type {name:?}");
        }
    }

    #[test]
    fn variants() {
        assert_eq!(
            variant_ident(Some("Weighted round robin (WRR)."), "1"),
            "WeightedRoundRobin"
        );
        assert_eq!(variant_ident(Some("URI hashing."), "4"), "UriHashing");
        assert_eq!(variant_ident(None, "CCE_SERVICE"), "CceService");
        assert_eq!(variant_ident(None, "2"), "V2");
        assert_eq!(variant_ident(None, "-1"), "V1");
        assert_eq!(response_variant("Bad Request", 400), "BadRequest");
        assert_eq!(response_variant("OK", 200), "Ok");
    }

    #[test]
    #[cfg(feature = "import")]
    fn spec_variant_names() {
        let table = [
            (("CCE_SERVICE", true, None), "CceService"),
            // A string value names the variant even where there is a meaning.
            (("http", true, Some("HTTP protocol.")), "Http"),
            (("ip", true, Some("IP address")), "Ip"),
            // A value that does not start with a letter gives way to the meaning.
            (
                ("3rd", true, Some("Third-party backend.")),
                "ThirdPartyBackend",
            ),
            (
                ("1", false, Some("Weighted round robin (WRR).")),
                "WeightedRoundRobin",
            ),
            (("4", false, Some("URI hashing.")), "UriHashing"),
            // Everything from the first ` (` to the last `)` is dropped.
            (
                (
                    "2",
                    false,
                    Some("Weighted least connections (WLC) (legacy) mode."),
                ),
                "WeightedLeastConnectionsMode",
            ),
            (("2", false, None), "Value2"),
            (("-1", false, None), "ValueMinus1"),
            (("0", false, Some("0 seconds")), "Value0"),
            (("", true, None), "Value"),
        ];
        for ((wire, is_string, meaning), expected) in table {
            assert_eq!(
                spec_variant_name(wire, is_string, meaning),
                expected,
                "value {wire:?}, meaning {meaning:?}"
            );
        }
        // Where the two rules part: `variant_ident` takes the meaning first and writes `V` before a
        // digit.
        assert_eq!(
            variant_ident(Some("HTTP protocol."), "http"),
            "HttpProtocol"
        );
        assert_eq!(variant_ident(None, "2"), "V2");
    }

    #[test]
    fn generated_names() {
        assert_eq!(default_const("r#type"), "DEFAULT_TYPE");
        assert_eq!(default_getter("r#type"), "type_or_default");
        assert_eq!(default_getter("is_backup"), "is_backup_or_default");
        assert_eq!(field_setter("r#type"), "with_type");
        assert_eq!(field_setter("self_"), "with_self_");
        assert_eq!(field_setter("_2fa"), "with_2fa");
        assert_eq!(module_ident("match"), "match_");
        assert_eq!(
            response_form("MicroserviceLabel"),
            "MicroserviceLabelInResponse"
        );
        assert_eq!(response_form("Self_"), "SelfInResponse");
        assert_eq!(
            field_checker("member_group_name"),
            "check_member_group_name"
        );
        assert_eq!(field_checker("r#type"), "check_type");
        assert_eq!(field_checker("self_"), "check_self_");
        assert_eq!(field_checker(&field_ident("2fa")), "check_2fa");
    }
}
