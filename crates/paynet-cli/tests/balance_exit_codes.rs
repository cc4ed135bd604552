//! `paynet balance`/`balances` end to end against the mock: output and exit codes.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Output, Stdio};

mod support;

use support::BALANCE;

const KEY: &str = "F9F65098-1111-1111-1111-621611111111";

/// `paynet mock` on a free port; killed when dropped.
struct Mock {
    child: Child,
    url: String,
}

impl Mock {
    fn start(extra: &[&str]) -> Mock {
        let mut child = Command::new(env!("CARGO_BIN_EXE_paynet"))
            .args(["mock", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start paynet mock");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().rsplit(' ').next().unwrap().to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{line}");
        Mock { child, url }
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn paynet(gateway: &str, key: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_paynet"));
    cmd.args(args)
        .env("PAYNET_GATEWAY", gateway)
        .env_remove("PAYNET_LOGIN")
        .env_remove("PAYNET_CONTROL_KEY");
    if let Some(key) = key {
        cmd.env("PAYNET_CONTROL_KEY", key);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn success_prints_tables_and_json() {
    let mock = Mock::start(&[]);
    let o = paynet(&mock.url, Some(KEY), &BALANCE);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(stdout(&o), "Endpoint 1 (Test): 29.99\n");
    let o = paynet(
        &mock.url,
        Some(KEY),
        &["balances", "--manager", "BalanceTestManager"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("saa   219.500  USD"), "{}", stdout(&o));
    let o = paynet(
        &mock.url,
        Some(KEY),
        &[
            "balances",
            "--merchant",
            "balance_test_merchant14",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["amount"], "219.500");
    let o = paynet(&mock.url, Some(KEY), &[&BALANCE[..], &["--json"]].concat());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["balance_amount"], "29.99");
}

#[test]
fn a_key_file_works_and_its_newline_is_ignored() {
    let mock = Mock::start(&[]);
    let dir = std::env::temp_dir().join(format!("paynet-key-{}", std::process::id()));
    std::fs::write(&dir, format!("{KEY}\n")).unwrap();
    let o = paynet(
        &mock.url,
        None,
        &[
            "balances",
            "--manager",
            "BalanceTestManager",
            "--control-key-file",
            dir.to_str().unwrap(),
        ],
    );
    let _ = std::fs::remove_file(&dir);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn exit_codes() {
    let mock = Mock::start(&[]);
    // 2: usage and configuration.
    assert_eq!(
        paynet(
            &mock.url,
            None,
            &["balances", "--manager", "BalanceTestManager"]
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        paynet(&mock.url, Some(KEY), &["balances"]).status.code(),
        Some(2)
    );
    assert_eq!(
        paynet(
            &mock.url,
            Some(KEY),
            &["balance", "--endpoint", "1", "--provider", "Test"]
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        paynet("no-such-preset", Some(KEY), &["balances", "--manager", "m"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        paynet(
            "http://gate.example.com/paynet/api/v2",
            Some(KEY),
            &["balances", "--manager", "m"]
        )
        .status
        .code(),
        Some(2)
    );
    // 3: the gateway's error-message.
    let o = paynet(
        &mock.url,
        Some(KEY),
        &[
            "balance",
            "--endpoint",
            "1",
            "--provider",
            "saa",
            "--login",
            "balance_test_merchant14",
        ],
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Unknown balance provider saa"));
    // 4: access denied.
    let o = paynet(
        &mock.url,
        Some("wrong"),
        &["balances", "--manager", "BalanceTestManager"],
    );
    assert_eq!(o.status.code(), Some(4));
    assert!(o.stdout.is_empty());
    // 5: nothing listens.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = format!("http://127.0.0.1:{port}/paynet/api/v2");
    assert_eq!(
        paynet(
            &closed,
            Some(KEY),
            &["balances", "--manager", "BalanceTestManager"]
        )
        .status
        .code(),
        Some(5)
    );
}

#[test]
fn other_http_errors_and_garbage_exit_6() {
    // A one-shot HTTP server answering 502.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/paynet/api/v2", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        use std::io::{Read, Write};
        for body in ["HTTP/1.1 502 Bad Gateway", "HTTP/1.1 200 OK"] {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let text = if body.contains("502") {
                "<html>Bad Gateway</html>"
            } else {
                "<html>maintenance</html>"
            };
            let _ = write!(
                s,
                "{body}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    assert_eq!(
        paynet(
            &url,
            Some(KEY),
            &["balances", "--manager", "BalanceTestManager"]
        )
        .status
        .code(),
        Some(6)
    );
    assert_eq!(
        paynet(
            &url,
            Some(KEY),
            &["balances", "--manager", "BalanceTestManager"]
        )
        .status
        .code(),
        Some(6)
    );
    server.join().unwrap();
}

#[test]
fn mock_rejects_a_bad_fixtures_file_with_exit_2() {
    let path = std::env::temp_dir().join(format!("paynet-fixtures-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"accounts": [{"login": "m", "control_key": "k", "kind": "manager", "balances": [{"name": "a", "amount": "1.2.3", "currency": "USD"}]}]}"#).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args([
            "mock",
            "--listen",
            "127.0.0.1:0",
            "--fixtures",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a decimal amount"));
}

/// Every failure path prints something, and none of it holds the control key: wrong key
/// (403), unknown provider, bad gateway, nothing listening, bad arguments, `--verbose`
/// style debugging through RUST_LOG.
#[test]
fn no_output_ever_holds_the_control_key() {
    const SECRET: &str = "SECRET-7f3a9c21-NEVER-PRINTED";
    let mock = Mock::start(&[]);
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = format!("http://127.0.0.1:{port}/paynet/api/v2");
    let runs: [(&str, &[&str]); 6] = [
        (&mock.url, &["balances", "--manager", "BalanceTestManager"]),
        (
            &mock.url,
            &["balances", "--manager", "BalanceTestManager", "--json"],
        ),
        (
            &mock.url,
            &[
                "balance",
                "--endpoint",
                "1",
                "--provider",
                "saa",
                "--login",
                "m",
            ],
        ),
        ("no-such-preset", &["balances", "--manager", "m"]),
        (&closed, &["balances", "--merchant", "m", "--timeout", "2"]),
        (
            &mock.url,
            &["balances", "--manager", "m", "--name", &"x".repeat(200)],
        ),
    ];
    for (gateway, args) in runs {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_paynet"));
        let o = cmd
            .args(args)
            .env("PAYNET_GATEWAY", gateway)
            .env("PAYNET_CONTROL_KEY", SECRET)
            .env("RUST_LOG", "trace")
            .env("RUST_BACKTRACE", "1")
            .env_remove("PAYNET_LOGIN")
            .output()
            .unwrap();
        assert_ne!(o.status.code(), Some(0), "{args:?} should fail");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!all.is_empty(), "{args:?} printed nothing");
        assert!(!all.contains(SECRET), "{args:?} printed the key: {all}");
        assert!(!all.contains("NEVER-PRINTED"), "{args:?}: {all}");
    }
}
