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
