//! What a person meets first: `paynet mock --listen localhost:0` and the help text.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn paynet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
}

#[test]
fn mock_listens_on_a_host_name() {
    let mut child = paynet()
        .args(["mock", "--listen", "localhost:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        first.starts_with("paynet mock listening on http://127.0.0.1:")
            || first.starts_with("paynet mock listening on http://[::1]:"),
        "{first}"
    );
}

#[test]
fn a_bad_listen_address_is_a_usage_error_that_shows_the_form() {
    let out = paynet()
        .args(["mock", "--listen", "localhost"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("HOST:PORT"), "{err}");
}

#[test]
fn sign_help_names_the_key_variable_once() {
    let out = paynet().args(["sign", "--help"]).output().unwrap();
    // clap wraps long lines: compare with the white space folded.
    let help = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        help.matches("[env: PAYNET_CONTROL_KEY]").count(),
        1,
        "{help}"
    );
}

/// `paynet balance` with the given gateway and extra flags; the key from the environment.
fn balance(gateway: &str, extra: &[&str]) -> (Option<i32>, String) {
    let out = paynet()
        .args(["balance", "--endpoint", "1", "--provider", "Test"])
        .args(["--login", "balance_test_merchant14", "--timeout", "5"])
        .args(["--gateway", gateway])
        .args(extra)
        .env("PAYNET_CONTROL_KEY", "F9F65098-1111-1111-1111-621611111111")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_mistyped_preset_gets_the_closest_name_and_the_list_once() {
    let (code, err) = balance("payneteasy-sandbx", &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("did you mean \"payneteasy-sandbox\"?"),
        "{err}"
    );
    assert_eq!(err.matches("payneteasy-production").count(), 1, "{err}");
}

#[test]
fn refusing_plain_http_names_the_flag() {
    let (code, err) = balance("http://192.0.2.1/paynet/api/v2", &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--allow-http"), "{err}");
}

#[test]
fn a_control_key_flag_is_refused_with_the_reason() {
    let (code, err) = balance("payneteasy-sandbox", &["--control-key", "abc"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("shell history"), "{err}");
    assert!(
        err.contains("PAYNET_CONTROL_KEY") && err.contains("--control-key-file"),
        "{err}"
    );
    assert!(!err.contains("Usage:"), "{err}");
}

#[test]
fn a_gateway_without_the_api_path_gets_a_hint() {
    let mut mock = paynet()
        .args(["mock", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(mock.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let api = first.trim().rsplit(' ').next().unwrap().to_owned();
    let bare = api.trim_end_matches("/paynet/api/v2");
    let (code, err) = balance(bare, &[]);
    let (ok, _) = balance(&api, &[]);
    let (json_code, json_err) = balance(bare, &["--json"]);
    mock.kill().unwrap();
    mock.wait().unwrap();
    assert_eq!(ok, Some(0));
    assert_eq!(code, Some(6), "{err}");
    assert!(
        err.contains("HTTP 404") && err.contains("/paynet/api/v2"),
        "{err}"
    );
    // The JSON error names the SDK's error code, the one every binding uses.
    assert_eq!(json_code, Some(6), "{json_err}");
    let v: serde_json::Value = serde_json::from_str(json_err.trim()).expect(&json_err);
    assert_eq!(v["error"]["code"], "PAYNET_HTTP_ERROR");
    assert_eq!(v["error"]["kind"], "http_or_unexpected_response");
}

#[test]
fn with_json_a_failure_is_a_json_object_on_stderr() {
    let (code, err) = balance("payneteasy-sandbx", &["--json"]);
    assert_eq!(code, Some(2));
    let v: serde_json::Value = serde_json::from_str(err.trim()).expect(&err);
    assert_eq!(v["error"]["kind"], "invalid_input");
    assert_eq!(v["error"]["code"], "PAYNET_INVALID_INPUT");
    assert_eq!(v["error"]["exit_code"], 2);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean")
    );

    let out = paynet()
        .args(["sign", "--input", "/no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "usage");
    assert!(out.stdout.is_empty());
}

#[test]
fn sign_json_is_one_line_unless_pretty() {
    let sign = |extra: &[&str]| {
        let out = paynet()
            .args([
                "sign",
                "--url",
                "https://gw.example/paynet/api/v2/get-balance/1",
            ])
            .args(["--param", "balance-provider=Test", "--consumer-key", "m"])
            .args([
                "--consumer-secret",
                "k",
                "--timestamp",
                "1700000000",
                "--nonce",
                "n1",
            ])
            .args(["--json"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let compact = sign(&[]);
    let pretty = sign(&["--pretty"]);
    assert_eq!(compact.lines().count(), 1, "{compact}");
    assert!(pretty.lines().count() > 5, "{pretty}");
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
}
