//! The tolerant JSON reader: what it accepts beyond RFC 8259, and what it refuses.

use paynet_api::json::{MAX_DEPTH, Value, parse};

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn n(v: &str) -> Value {
    Value::Number(v.to_owned())
}

#[test]
fn strict_json() {
    let v = parse(r#" {"a": [1, -2.50, 3e2, 0, true, false, null], "b": {"c": "d"}} "#).unwrap();
    assert_eq!(
        v,
        Value::Object(vec![
            (
                "a".into(),
                Value::Array(vec![
                    n("1"),
                    n("-2.50"),
                    n("3e2"),
                    n("0"),
                    Value::Bool(true),
                    Value::Bool(false),
                    Value::Null
                ])
            ),
            ("b".into(), Value::Object(vec![("c".into(), s("d"))])),
        ])
    );
    assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    assert_eq!(parse("{ }").unwrap(), Value::Object(vec![]));
    assert_eq!(parse("\"x\"").unwrap(), s("x"));
    assert_eq!(parse("\r\n\t7\n").unwrap(), n("7"));
}

#[test]
fn numbers_keep_source_text() {
    for text in [
        "219.500",
        "0.000",
        "-0",
        "1E+2",
        "1e-7",
        "123456789012345678901234567890.5",
    ] {
        assert_eq!(parse(text).unwrap(), n(text));
        assert_eq!(
            parse(&format!("[{text},]")).unwrap(),
            Value::Array(vec![n(text)])
        );
    }
}

#[test]
fn trailing_commas() {
    assert_eq!(parse("[1,]").unwrap(), Value::Array(vec![n("1")]));
    assert_eq!(parse("[1 , ]").unwrap(), Value::Array(vec![n("1")]));
    assert_eq!(
        parse("{\"a\":1,}").unwrap(),
        Value::Object(vec![("a".into(), n("1"))])
    );
    assert_eq!(
        parse("[\n  {\n    \"balance-amount\":29.99,\n  }\n]").unwrap(),
        Value::Array(vec![Value::Object(vec![(
            "balance-amount".into(),
            n("29.99")
        )])])
    );
    assert_eq!(
        parse("[[1,],{\"x\":[],},]").unwrap(),
        Value::Array(vec![
            Value::Array(vec![n("1")]),
            Value::Object(vec![("x".into(), Value::Array(vec![]))])
        ])
    );
}

#[test]
fn commas_and_brackets_inside_strings_are_text() {
    let v = parse(r#"[{"name":"a, b ] } ,]","amount":"1,}"},]"#).unwrap();
    assert_eq!(
        v,
        Value::Array(vec![Value::Object(vec![
            ("name".into(), s("a, b ] } ,]")),
            ("amount".into(), s("1,}")),
        ])])
    );
    // A trailing comma inside a string is kept as it is.
    assert_eq!(parse(r#"",]""#).unwrap(), s(",]"));
}

#[test]
fn escapes() {
    assert_eq!(
        parse(r#""q\" b\\ s\/ \b\f\n\r\t""#).unwrap(),
        s("q\" b\\ s/ \u{8}\u{c}\n\r\t")
    );
    assert_eq!(parse(r#""\u0041\u00e9\u20AC""#).unwrap(), s("Aé€"));
    // A surrogate pair is one character.
    assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), s("😀"));
    assert_eq!(parse(r#""\uD834\uDD1E!""#).unwrap(), s("𝄞!"));
    // Lone surrogates become U+FFFD rather than failing the whole response.
    assert_eq!(parse(r#""\ud800""#).unwrap(), s("\u{fffd}"));
    assert_eq!(parse(r#""\udc00x""#).unwrap(), s("\u{fffd}x"));
    assert_eq!(parse(r#""\ud800\u0041""#).unwrap(), s("\u{fffd}A"));
    // Raw UTF-8 and raw control characters pass through.
    assert_eq!(parse("\"Привет\nмир\"").unwrap(), s("Привет\nмир"));
}

#[test]
fn unknown_nested_values_and_duplicates() {
    let v = parse(r#"{"a":{"b":[1,{"c":null}],},"a":2}"#).unwrap();
    assert_eq!(v.get("a"), Some(&n("2")), "the last duplicate wins");
    let Value::Object(members) = &v else { panic!() };
    assert_eq!(members.len(), 2, "duplicates are kept");
    assert_eq!(members[0].1.to_string(), r#"{"b":[1,{"c":null}]}"#);
    assert_eq!(v.get("zzz"), None);
    assert_eq!(n("1").get("a"), None);
}

#[test]
fn display_is_strict_json() {
    let v = parse(r#"[{"k\"ey":"line\nbreak\u0001","n":1.50,},]"#).unwrap();
    let text = v.to_string();
    assert_eq!(text, r#"[{"k\"ey":"line\nbreak\u0001","n":1.50}]"#);
    let strict: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(strict[0]["k\"ey"], "line\nbreak\u{1}");
}

#[test]
fn garbage_is_an_error() {
    for text in [
        "",
        " ",
        "[",
        "]",
        "{",
        "[1",
        "[1,",
        "[,]",
        "[,1]",
        "[1,,2]",
        "{,}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "[1 2]",
        "[1]]",
        "[1] x",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "tru",
        "nul",
        "True",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "[1.5.5]",
        "<html>",
        "{\"a\":1,,}",
        "[\"a\" \"b\"]",
    ] {
        let err = parse(text).expect_err(text);
        assert!(err.offset <= text.len(), "{text:?}: {err}");
        assert!(err.to_string().starts_with("invalid JSON at byte"), "{err}");
    }
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&too_deep).unwrap_err().message, "nested too deeply");
    let mixed = "{\"a\":[".repeat(MAX_DEPTH);
    assert!(parse(&mixed).is_err());
    // Hostile input far deeper than the limit: an error, not a crash.
    let hostile = "[".repeat(1_000_000);
    assert_eq!(parse(&hostile).unwrap_err().message, "nested too deeply");
    let hostile = "{\"a\":".repeat(200_000);
    assert_eq!(parse(&hostile).unwrap_err().message, "nested too deeply");
}
