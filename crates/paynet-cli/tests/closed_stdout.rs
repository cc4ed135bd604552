//! A reader that closes stdout early (`paynet … | head -c0`) ends `paynet` quietly, as
//! it ends common Unix tools: no message, exit status 141 (128 + SIGPIPE, what a shell
//! reports for a tool that SIGPIPE ended).

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use support::{KEY, Mock, timed_valid_request};

/// Starts `paynet ARGS…` with stdin, stdout and stderr piped, and closes the reading end
/// of its stdout at once.
fn start_with_stdout_closed(gateway: &str, args: &[&str]) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env("PAYNET_GATEWAY", gateway)
        .env("PAYNET_CONTROL_KEY", KEY)
        .env_remove("PAYNET_LOGIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        read_request(&mut stream);
        stream.write_all(answer.as_bytes()).unwrap();
        drop(stream);
        let (code, err) = finish(child);
        assert_eq!(code, Some(141), "json {json}: {err}");
        assert_eq!(err, "", "json {json}");
    }
}

/// Reads one whole request (head and `Content-Length` body) from `stream`, so closing
/// it after the answer is a clean close.
fn read_request(stream: &mut std::net::TcpStream) {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "the request ended early");
        request.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&request).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length: usize = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            if request.len() >= end + 4 + length {
                return;
            }
        }
    }
}
