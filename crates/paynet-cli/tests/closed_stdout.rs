//! A reader that closes stdout early (`paynet … | head -c0`) ends `paynet` quietly, as
//! it ends common Unix tools: no message, exit status 141 (128 + SIGPIPE, what a shell
//! reports for a tool that SIGPIPE ended).

mod support;

use std::io::Write;
use std::net::TcpListener;
use std::process::Child;

use support::{Mock, answer_once, spawn_piped, timed_valid_request};

/// Starts `paynet ARGS…` with stdin, stdout and stderr piped, and closes the reading end
/// of its stdout at once.
fn start_with_stdout_closed(gateway: &str, args: &[&str]) -> Child {
    let mut child = spawn_piped(gateway, args);
    drop(child.stdout.take());
    child
}

/// Waits for the child: its exit status and what it wrote on stderr.
fn finish(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn sign_ends_quietly_when_stdout_is_closed() {
    let case = r#"{"url": "https://h/p", "consumer_key": "k", "consumer_secret": "s", "timestamp": "1", "nonce": "n"}"#;
    for args in [
        &["sign", "--input", "-"][..],
        &["sign", "--input", "-", "--pretty"],
    ] {
        let mut child = start_with_stdout_closed("", args);
        // The reading end is closed before paynet has its input, so before it writes.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(case.as_bytes()).unwrap();
        drop(stdin);
        let (code, err) = finish(child);
        assert_eq!(code, Some(141), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn balances_end_quietly_when_stdout_is_closed() {
    // A real answer of the mock, served again by a listener that accepts only once the
    // reading end of paynet's stdout is closed.
    let answer = {
        let mock = Mock::start(&[]);
        let (_, answer) = timed_valid_request(mock.addr(), "closedstdout1");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        answer
    };
    for json in [false, true] {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let gateway = format!("http://{}/paynet/api/v2", listener.local_addr().unwrap());
        let mut args = vec!["balance", "--endpoint", "1", "--provider", "Test"];
        args.extend(["--login", "balance_test_merchant14"]);
        if json {
            args.push("--json");
        }
        let child = start_with_stdout_closed(&gateway, &args);
        answer_once(&listener, answer.as_bytes());
        let (code, err) = finish(child);
        assert_eq!(code, Some(141), "json {json}: {err}");
        assert_eq!(err, "", "json {json}");
    }
}
