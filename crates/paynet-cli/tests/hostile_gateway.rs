//! `paynet balance`/`balances` against hostile gateways: an endless body stops at the
//! size cap within a second, in bounded memory, with exit code 6.

mod support;

use std::time::Duration;

use support::{BALANCE, Mock, run_paynet};

#[test]
fn an_endless_body_stops_at_the_cap_with_exit_6_in_bounded_memory() {
    let mock = Mock::start(&["--endless-body"]);
    // A short timeout bounds the run (and its memory) if the cap were missing.
    let mut args = BALANCE.to_vec();
    args.extend(["--timeout", "3"]);
    let run = run_paynet(&mock.url, &args, Duration::from_secs(10));
    eprintln!(
        "endless body: exit {:?} after {:?}, peak RSS {} KiB",
        run.status.code(),
        run.elapsed,
        run.peak_rss_kib
    );
    assert_eq!(run.status.code(), Some(6), "{run:?}");
    assert!(
        run.stderr
            .contains("response is larger than the limit of 1048576 bytes"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--max-response-bytes"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    assert!(run.elapsed < Duration::from_secs(1), "{:?}", run.elapsed);
    assert!(run.peak_rss_kib > 0, "the memory was never read");
    assert!(run.peak_rss_kib < 100 * 1024, "{} KiB", run.peak_rss_kib);
}

#[test]
fn the_cap_is_a_flag() {
    let mock = Mock::start(&[]);
    // The normal answer fits the default cap, not a 10-byte one.
    let run = run_paynet(&mock.url, &BALANCE, Duration::from_secs(20));
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let mut args = BALANCE.to_vec();
    args.extend(["--max-response-bytes", "10"]);
    let run = run_paynet(&mock.url, &args, Duration::from_secs(20));
    assert_eq!(run.status.code(), Some(6), "{run:?}");
    assert!(run.stderr.contains("limit of 10 bytes"), "{}", run.stderr);
}

/// What a terminal must never receive from the gateway: ESC, BEL, CR, C1 controls,
/// bidirectional overrides (the newline that ends a line is ours).
fn assert_terminal_safe(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{what} holds {c:?}: {text:?}"
        );
    }
}

#[test]
fn gateway_error_messages_reach_stderr_escaped() {
    let hostile =
        "Unknown%1B%5B2J%1B%5D0%3Bowned%07+provider%0D%0Apaynet%3A+fake%C2%9B31m%E2%80%AEtxt";
    let server = support::RawServer::start(200, format!("error-message={hostile}\n").into_bytes());
    let run = run_paynet(&server.url, &BALANCE, Duration::from_secs(20));
    assert_eq!(run.status.code(), Some(3), "{run:?}");
    assert_terminal_safe("stderr", &run.stderr);
    assert!(
        run.stderr.contains(
            "Unknown\\x1b[2J\\x1b]0;owned\\x07 provider\\r\\npaynet: fake\\u{9b}31m\\u{202e}txt"
        ),
        "{}",
        run.stderr
    );
    // One line of message: the gateway's CR LF did not start a new one.
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn balance_names_currencies_and_logins_are_escaped_in_tables_and_json() {
    let body = "[{\"name\":\"saa\\u001b[31m\\u0007\",\"amount\":1.5,\"currency\":\"US\\u009bD\\r\",\
                \"merchantLogin\":\"m\\u202e\\n\"}]";
    let server = support::RawServer::start(200, body.as_bytes().to_vec());
    let args = ["balances", "--manager", "BalanceTestManager"];
    let run = run_paynet(&server.url, &args, Duration::from_secs(20));
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_terminal_safe("table", &run.stdout);
    assert!(run.stdout.contains("saa\\x1b[31m\\x07"), "{}", run.stdout);
    assert!(run.stdout.contains("US\\u{9b}D\\r"), "{}", run.stdout);
    assert!(run.stdout.contains("m\\u{202e}\\n"), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    // JSON keeps the values exactly, as escapes.
    let run = run_paynet(
        &server.url,
        &["balances", "--manager", "BalanceTestManager", "--json"],
        Duration::from_secs(20),
    );
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_terminal_safe("json", &run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json[0]["name"], "saa\u{1b}[31m\u{7}");
    assert_eq!(json[0]["currency"], "US\u{9b}D\r");
    assert_eq!(json[0]["merchant_login"], "m\u{202e}\n");
}

#[test]
fn a_huge_hostile_number_is_not_echoed_whole() {
    // 900 KB of digits: under the size cap, far over what a message should quote.
    let body = format!("balance-amount=1{}x\n", "9".repeat(900_000));
    let server = support::RawServer::start(200, body.into_bytes());
    let run = run_paynet(&server.url, &BALANCE, Duration::from_secs(20));
    assert_eq!(run.status.code(), Some(6), "{run:?}");
    assert!(
        run.stderr.len() < 1000,
        "{} bytes on stderr",
        run.stderr.len()
    );
    assert!(run.stderr.contains("characters in all)"), "{}", run.stderr);
    assert_terminal_safe("stderr", &run.stderr);
}

#[test]
fn a_control_key_file_is_read_only_up_to_4_kib() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_paynet"));
    let started = std::time::Instant::now();
    let o = cmd
        .args(BALANCE)
        .args(["--control-key-file", "/dev/urandom"])
        .env("PAYNET_GATEWAY", "http://127.0.0.1:9/paynet/api/v2")
        .env_remove("PAYNET_CONTROL_KEY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("larger than 4096 bytes"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_100_kb_endpoint_is_a_usage_error() {
    let endpoint = "1".repeat(100_000);
    let mut args = BALANCE.to_vec();
    args[2] = &endpoint;
    let run = run_paynet(
        "http://127.0.0.1:9/paynet/api/v2",
        &args,
        Duration::from_secs(20),
    );
    assert_eq!(run.status.code(), Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("endpoint id is longer than 256 characters (100000)"),
        "{}",
        run.stderr
    );
}
