//! Numeric options take whole numbers, say so when given anything else, and a timeout
//! or a response limit of 0 is refused (as Python's `timeout=0` and Node's
//! `timeoutMs: 0` and `maxResponseBytes: 0` are).

use std::process::{Command, Output};

fn paynet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env("PAYNET_GATEWAY", "http://127.0.0.1:9/paynet/api/v2")
        .env("PAYNET_CONTROL_KEY", "k")
        .env_remove("PAYNET_LOGIN")
        .output()
        .unwrap()
}

/// The run is a usage error whose message holds every one of `parts`.
fn refused(args: &[&str], parts: &[&str]) {
    let o = paynet(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    for part in parts {
        assert!(err.contains(part), "{args:?}: {part:?} not in {err}");
    }
    assert!(!err.contains("invalid digit"), "{args:?}: {err}");
}

#[test]
fn a_timeout_of_zero_is_refused() {
    let balances = ["balances", "--manager", "m", "--timeout", "0"];
    refused(&balances, &["--timeout", "at least 1 second"]);
    refused(
        &["mock", "--listen", "127.0.0.1:0", "--body-timeout", "0"],
        &["--body-timeout", "at least 1 second"],
    );
}

#[test]
fn a_response_limit_of_zero_is_refused() {
    // 0 bytes would make every answer too large (exit code 6), whatever the gateway says.
    refused(
        &["balances", "--manager", "m", "--max-response-bytes", "0"],
        &["--max-response-bytes", "at least 1 byte"],
    );
}

#[test]
fn numeric_options_say_they_take_whole_numbers() {
    refused(
        &["balances", "--manager", "m", "--timeout", "0.5"],
        &["--timeout", "whole number of seconds"],
    );
    refused(
        &["balances", "--manager", "m", "--max-response-bytes", "1.5"],
        &["--max-response-bytes", "whole number of bytes"],
    );
    refused(
        &[
            "balances",
            "--manager",
            "m",
            "--timeout",
            "99999999999999999999",
        ],
        &["--timeout", "too large"],
    );
    for (option, unit) in [
        ("--window", "whole number of seconds"),
        ("--header-timeout", "whole number of seconds"),
        ("--body-timeout", "whole number of seconds"),
        ("--max-connections", "whole number"),
    ] {
        refused(
            &["mock", "--listen", "127.0.0.1:0", option, "2.5"],
            &[option, unit],
        );
    }
}
