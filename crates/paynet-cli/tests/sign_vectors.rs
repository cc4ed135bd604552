//! `paynet sign --input` over every signing vector, and its error handling.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/vectors/oauth1-signing.json"
);

fn paynet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
}

fn run_with_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = paynet()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn paynet");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn every_vector_through_sign_input() {
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(VECTORS).unwrap()).unwrap();
    let cases = vectors["cases"].clone();
    let out = run_with_stdin(&["sign", "--input", "-"], &cases.to_string());
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = results.as_array().unwrap();
    let cases = cases.as_array().unwrap();
    assert_eq!(results.len(), cases.len());
    for (case, result) in cases.iter().zip(results) {
        let id = &case["id"];
        for key in ["normalized_parameters", "base_string", "signature"] {
            assert_eq!(result[key], case["expect"][key], "{id}: {key}");
        }
        assert!(
            result["authorization_header"]
                .as_str()
                .unwrap()
                .starts_with("OAuth realm=\"\""),
            "{id}"
        );
        assert!(result["body"].is_string(), "{id}");
    }
}

#[test]
fn a_single_object_gives_a_single_object() {
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(VECTORS).unwrap()).unwrap();
    let case = &vectors["cases"][5];
    let out = run_with_stdin(&["sign", "--input", "-"], &case.to_string());
    assert!(out.status.success());
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["signature"], case["expect"]["signature"]);
    assert_eq!(
        result["body"],
        "balance-provider=Test&oauth_consumer_key=balance_test_merchant14&oauth_nonce=2xGTFuAgetE\
         &oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686923599&oauth_version=1.0"
    );
}

#[test]
fn flags_print_every_labelled_step() {
    let out = paynet()
        .args([
            "sign",
            "--url",
            "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/manager/BalanceTestManager",
            "--param",
            "balance-name=saa",
            "--consumer-key",
            "BalanceTestManager",
            "--consumer-secret",
            "F9F65098-1111-1111-1111-621611111111",
            "--timestamp",
            "1686924196",
            "--nonce",
            "sT33IbJ4QHs",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Signature: UejIT4eT36s+D0qxSTLMsorv1+g=\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "Normalized parameters: balance-name=saa&oauth_consumer_key=BalanceTestManager"
        )
    );
    assert!(text.contains("Signature base string: POST&https%3A%2F%2Fsandbox.payneteasy.com"));
    assert!(
        text.contains(
            "Authorization header: Authorization: OAuth realm=\"\",oauth_version=\"1.0\""
        )
    );
    assert!(text.contains("oauth_signature=\"UejIT4eT36s%2BD0qxSTLMsorv1%2Bg%3D\""));
    assert!(text.contains(
        "Body: balance-name=saa&oauth_consumer_key=BalanceTestManager&oauth_nonce=sT33IbJ4QHs"
    ));
}

#[test]
fn a_bad_case_fails_the_batch_with_exit_2_and_writes_nothing() {
    let batch = r#"[
      {"url": "https://h/p", "consumer_key": "k", "consumer_secret": "s", "timestamp": "1", "nonce": "n"},
      {"url": "not a url", "consumer_key": "k", "consumer_secret": "s", "timestamp": "1", "nonce": "n"}
    ]"#;
    let out = run_with_stdin(&["sign", "--input", "-"], batch);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("case 1: malformed URL"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let out = paynet()
        .args(["sign", "--url", "https://h/p"])
        .env_remove("PAYNET_CONTROL_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = paynet()
        .args([
            "sign",
            "--url",
            "https://h/p",
            "--consumer-key",
            "k",
            "--param",
            "novalue",
        ])
        .env("PAYNET_CONTROL_KEY", "s")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not NAME=VALUE"));
    let out = run_with_stdin(&["sign", "--input", "-"], "{not json");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn thousands_of_cases_in_one_call() {
    let one = r#"{"url": "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1", "form": [["balance-provider", "Test"]],
                  "consumer_key": "m", "consumer_secret": "F9F65098-1111-1111-1111-621611111111", "timestamp": 1700000000, "nonce": "abcdefghijk"}"#;
    let batch = format!("[{}]", vec![one; 5000].join(","));
    let out = run_with_stdin(&["sign", "--input", "-"], &batch);
    assert!(out.status.success());
    let results: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.as_array().unwrap().len(), 5000);
}

#[test]
fn every_bad_timestamp_gets_the_same_message() {
    let sign = |timestamp: &str| {
        let out = paynet()
            .args(["sign", "--url", "https://h/p", "--consumer-key", "k"])
            .args(["--consumer-secret", "s", "--json"])
            .arg(format!("--timestamp={timestamp}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let v: Value = serde_json::from_slice(&out.stderr).unwrap();
        v["error"].clone()
    };
    let wording = "timestamp must be a whole number of seconds since the Unix epoch, at most 18446744073709551615, not";
    for bad in ["abc", "99999999999999999999999", "-1", "1.5", ""] {
        let e = sign(bad);
        assert_eq!(e["message"], format!("{wording} {bad:?}"), "{e}");
    }
    // The codes stay those the SDK gives (and so Python and Node).
    assert_eq!(sign("abc")["code"], "PAYNET_INVALID_INPUT");
    assert_eq!(
        sign("99999999999999999999999")["code"],
        "PAYNET_INVALID_TIMESTAMP"
    );
    // The same in a batch, for a timestamp given as a JSON number too.
    let out = run_with_stdin(
        &["sign", "--input", "-"],
        r#"[{"url": "https://h/p", "consumer_key": "k", "consumer_secret": "s", "timestamp": 99999999999999999999999, "nonce": "n"}]"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stderr).unwrap();
    let message = v["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("case 0: {wording} ")),
        "{message}"
    );
}
