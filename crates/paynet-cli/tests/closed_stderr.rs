//! A stderr nobody reads any more (`paynet … 2>&1 | head -c0`: a pipe whose reader is
//! gone) does not turn a failure into a panic: the exit code is the failure's, not
//! Rust's 101. (A stderr closed outright, `2>&-`, is reopened on /dev/null by Rust's
//! runtime before `main`, so it is the broken pipe that reporting has to survive.)

mod support;

use std::io::Write;
use std::net::TcpListener;
use std::process::Child;

/// Starts `paynet ARGS…` with stdin, stdout and stderr piped, and closes the reading end
/// of its stderr at once.
fn start_with_stderr_closed(gateway: &str, args: &[&str]) -> Child {
    let mut child = support::spawn_piped(gateway, args);
    drop(child.stderr.take());
    child
}

#[test]
fn a_usage_error_keeps_its_exit_code_when_stderr_is_closed() {
    for args in [
        &["sign", "--input", "-"][..],
        &["sign", "--input", "-", "--json"],
    ] {
        let mut child = start_with_stderr_closed("", args);
        // The reading end is closed before paynet has its input, so before it reports.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"{not json").unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_gateway_failure_keeps_its_exit_code_when_stderr_is_closed() {
    for json in [false, true] {
        // A gateway that answers 403 once the reading end of paynet's stderr is closed.
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let gateway = format!("http://{}/paynet/api/v2", listener.local_addr().unwrap());
        let mut args = support::BALANCE.to_vec();
        if json {
            args.push("--json");
        }
        let child = start_with_stderr_closed(&gateway, &args);
        support::answer_once(
            &listener,
            b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(4), "json {json}");
    }
}
