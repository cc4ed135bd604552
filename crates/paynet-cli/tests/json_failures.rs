//! With `--json` (and `sign --input`) every failure is one JSON object on stderr, and
//! it carries the `PAYNET_…` code of the SDK's error-kind table whenever the failure is
//! one of the SDK's (the code Python and Node give for the same input).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod support;

use support::BALANCE;

/// `paynet balance` with `--endpoint` mistyped.
const TYPO: [&str; 7] = [
    "balance",
    "--endpont",
    "1",
    "--provider",
    "Test",
    "--login",
    "x",
];

fn paynet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env_remove("PAYNET_GATEWAY")
        .env_remove("PAYNET_LOGIN")
        .env("PAYNET_CONTROL_KEY", "F9F65098-1111-1111-1111-621611111111")
        .output()
        .unwrap()
}

fn with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// The `error` object of a failed run: exit code 2, nothing on stdout, one JSON line
/// on stderr; its kind `invalid_input` when the SDK refused a value (the object then
/// carries the SDK's code), `usage` for the command line's own errors (no code).
fn usage_error(o: &Output) -> Value {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty(), "{o:?}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let v: Value = serde_json::from_str(err.trim()).expect(&err);
    let kind = if v["error"]["code"].is_null() {
        "usage"
    } else {
        "invalid_input"
    };
    assert_eq!(v["error"]["kind"], kind, "{err}");
    assert_eq!(v["error"]["exit_code"], 2, "{err}");
    v["error"].clone()
}

#[test]
fn a_value_the_sdk_refuses_is_invalid_input_not_usage() {
    // Same exit code 2; the kind says what happened.
    let e = sign_json(&["--url", "not a url"]);
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_str()),
        (Some("invalid_input"), Some("PAYNET_MALFORMED_URL")),
        "{e}"
    );
    let e = balance_json("ftp://x");
    assert_eq!(
        (e["kind"].as_str(), e["code"].as_str()),
        (Some("invalid_input"), Some("PAYNET_INVALID_INPUT")),
        "{e}"
    );
    let e = sign_json(&["--url", "https://x/y", "--param", "novalue"]);
    assert_eq!(
        (e["kind"].as_str(), &e["code"]),
        (Some("usage"), &Value::Null)
    );
}

fn sign_json(extra: &[&str]) -> Value {
    let mut args = vec!["sign", "--consumer-key", "k", "--consumer-secret", "s"];
    args.extend_from_slice(extra);
    args.push("--json");
    usage_error(&paynet(&args))
}

#[test]
fn sign_failures_carry_the_sdk_code() {
    let params: Vec<String> = (0..30).map(|i| format!("p{i}=v")).collect();
    let mut args = vec!["--url", "https://x/y"];
    for p in &params {
        args.extend(["--param", p.as_str()]);
    }
    let e = sign_json(&args);
    assert_eq!(e["code"], "PAYNET_TOO_MANY_PARAMETERS", "{e}");
    assert_eq!(e["message"], "too many request parameters");

    let e = sign_json(&["--url", "not a url"]);
    assert_eq!(e["code"], "PAYNET_MALFORMED_URL", "{e}");
    let e = sign_json(&["--url", "https://x/y", "--method", "GE T"]);
    assert_eq!(e["code"], "PAYNET_INVALID_METHOD", "{e}");
    let e = sign_json(&["--url", "https://x/y?a=%zz"]);
    assert_eq!(e["code"], "PAYNET_INVALID_PERCENT_ENCODING", "{e}");
    let e = sign_json(&["--url", "https://x/y", "--timestamp", "abc"]);
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
    // The command line's own errors have no code.
    let e = sign_json(&["--url", "https://x/y", "--param", "novalue"]);
    assert_eq!(e["code"], Value::Null, "{e}");
}

#[test]
fn sign_input_failures_carry_the_sdk_code() {
    let batch = r#"[
      {"url": "https://h/p", "consumer_key": "k", "consumer_secret": "s", "timestamp": "1", "nonce": "n"},
      {"url": "not a url", "consumer_key": "k", "consumer_secret": "s", "timestamp": "1", "nonce": "n"}
    ]"#;
    let e = usage_error(&with_stdin(&["sign", "--input", "-"], batch));
    assert_eq!(e["code"], "PAYNET_MALFORMED_URL", "{e}");
    assert_eq!(e["message"], "case 1: malformed URL");
    // A request description with a field missing or of the wrong type: invalid input,
    // as Node's `request.url is required`.
    let e = usage_error(&with_stdin(
        &["sign", "--input", "-"],
        r#"{"consumer_key": "k", "consumer_secret": "s"}"#,
    ));
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
    let e = usage_error(&with_stdin(
        &["sign", "--input", "-"],
        r#"{"url": "https://h/p", "consumer_key": "k", "consumer_secret": "s", "timestamp": true}"#,
    ));
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
    // Input that is not JSON at all is the command line's own error.
    let e = usage_error(&with_stdin(&["sign", "--input", "-"], "{not json"));
    assert_eq!(e["code"], Value::Null, "{e}");
}

fn balance_json(gateway: &str) -> Value {
    usage_error(&paynet(
        &[&BALANCE[..], &["--gateway", gateway, "--json"]].concat(),
    ))
}

#[test]
fn balance_gateway_failures_carry_the_sdk_code() {
    let e = balance_json("payneteasy-sandbx");
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("did you mean"),
        "{e}"
    );
    let e = balance_json("http://192.0.2.1/paynet/api/v2");
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
    assert!(e["hint"].as_str().unwrap().contains("--allow-http"), "{e}");
    let e = balance_json("ftp://x");
    assert_eq!(e["code"], "PAYNET_INVALID_INPUT", "{e}");
}

/// `paynet ARGS…` with clap's colors forced on, as on a terminal.
fn colored(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

#[test]
fn with_json_an_option_parsing_error_is_a_json_object_too() {
    let o = colored(&[&TYPO[..], &["--json"]].concat());
    let e = usage_error(&o);
    assert_eq!(e["code"], Value::Null, "{e}");
    let message = e["message"].as_str().unwrap();
    assert_eq!(message, "unexpected argument '--endpont' found", "{e}");
    let hint = e["hint"].as_str().unwrap();
    assert!(
        hint.contains("a similar argument exists: '--endpoint'"),
        "{e}"
    );
    assert!(hint.contains("Usage: paynet balance"), "{e}");
    let all = String::from_utf8_lossy(&o.stderr);
    assert!(
        !all.contains('\u{1b}') && !all.contains("\\u001b") && !all.contains("\\x1b"),
        "{all}"
    );

    // A required option left out: its name is in the message, on one line.
    let e = usage_error(&colored(&[
        "balance",
        "--endpoint",
        "1",
        "--login",
        "x",
        "--json",
    ]));
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("required") && message.contains("--provider <NAME>"),
        "{e}"
    );
    assert!(!message.contains('\n') && !message.contains("\\n"), "{e}");

    let e = usage_error(&colored(&[
        "balances",
        "--manager",
        "m",
        "--timeout",
        "x",
        "--json",
    ]));
    assert!(e["message"].as_str().unwrap().contains("--timeout"), "{e}");
    // --json anywhere on the command line, and sign's --input, ask for JSON.
    usage_error(&colored(&["balances", "--json", "--bogus"]));
    usage_error(&colored(&["sign", "--input", "-", "--url", "https://x/y"]));
    usage_error(&colored(&["sign", "--input=-", "--url", "https://x/y"]));
}

#[test]
fn without_json_option_errors_and_help_stay_plain() {
    let o = paynet(&TYPO);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: unexpected argument '--endpont' found"),
        "{err}"
    );
    assert!(err.contains("\nUsage: paynet balance"), "{err}");
    // After `--` nothing is an option: --json there asks for nothing.
    let o = paynet(&["balances", "--manager", "m", "--", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("error: "),
        "{o:?}"
    );
    for args in [
        &["balance", "--help", "--json"][..],
        &["--version", "--json"],
        &["balance", "--json", "-h"],
    ] {
        let o = paynet(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.starts_with("paynet") || out.contains("Usage:"),
            "{args:?}: {out}"
        );
        assert!(o.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn the_json_help_names_every_field_of_the_error_object() {
    for command in ["balance", "balances"] {
        let o = paynet(&[command, "--help"]);
        let help = String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            help.contains(r#"{"error": {"kind", "code", "message", "hint", "exit_code"}}"#),
            "{help}"
        );
    }
}
