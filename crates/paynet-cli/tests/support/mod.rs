//! Shared by the CLI's hostile-gateway tests: `paynet mock` in a child process, a
//! one-answer raw HTTP server, and running `paynet` while watching its memory.

#![allow(dead_code, unreachable_pub)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The built-in fixtures' control key.
pub const KEY: &str = "F9F65098-1111-1111-1111-621611111111";

/// `paynet mock` on a free port; killed when dropped.
pub struct Mock {
    child: Child,
    /// Its API base URL.
    pub url: String,
}

impl Mock {
    /// Starts `paynet mock --listen 127.0.0.1:0 EXTRA…`.
    pub fn start(extra: &[&str]) -> Mock {
        let mut command = Command::new(env!("CARGO_BIN_EXE_paynet"));
        command
            .args(["mock", "--listen", "127.0.0.1:0"])
            .args(extra);
        Mock::spawn(command)
    }

    /// Starts the mock with at most `nofile` file descriptors (through `prlimit`, which
    /// execs it: the child is the mock itself).
    pub fn start_with_nofile(nofile: u32, extra: &[&str]) -> Mock {
        let mut command = Command::new("prlimit");
        command
            .arg(format!("--nofile={nofile}:{nofile}"))
            .arg(env!("CARGO_BIN_EXE_paynet"))
            .args(["mock", "--listen", "127.0.0.1:0"])
            .args(extra);
        Mock::spawn(command)
    }

    /// The mock's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The address it listens on.
    pub fn addr(&self) -> std::net::SocketAddr {
        let rest = self.url.strip_prefix("http://").unwrap();
        rest.split('/').next().unwrap().parse().unwrap()
    }

    fn spawn(mut command: Command) -> Mock {
        let mut child = command
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

/// A raw HTTP server on 127.0.0.1 answering every request with `status` and exactly
/// `body` (no checks), until dropped.
pub struct RawServer {
    /// Its API base URL.
    pub url: String,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
}

impl RawServer {
    /// Starts the server.
    pub fn start(status: u16, body: Vec<u8>) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut s) = stream else { continue };
                let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                // Read the head and the (small) body of the request.
                while let Ok(n @ 1..) = s.read(&mut buf) {
                    request.extend_from_slice(&buf[..n]);
                    if let Some(end) = find(&request, b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&request[..end]).to_lowercase();
                        let length = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        if request.len() >= end + 4 + length {
                            break;
                        }
                    }
                }
                let _ = write!(
                    s,
                    "HTTP/1.1 {status} X\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(&body);
            }
        });
        RawServer {
            url: format!("http://{addr}/paynet/api/v2"),
            stop,
            addr,
        }
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(self.addr);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The outcome of one `paynet` run.
#[derive(Debug)]
pub struct Run {
    /// How it exited.
    pub status: ExitStatus,
    /// Its stdout.
    pub stdout: String,
    /// Its stderr.
    pub stderr: String,
    /// How long it ran.
    pub elapsed: Duration,
    /// The highest resident set size seen (VmHWM, polled from /proc every few ms), KiB.
    pub peak_rss_kib: u64,
}

/// `paynet balance` for the built-in fixtures' merchant endpoint (gateway and key
/// from the caller).
pub const BALANCE: [&str; 7] = [
    "balance",
    "--endpoint",
    "1",
    "--provider",
    "Test",
    "--login",
    "balance_test_merchant14",
];

/// Runs `paynet ARGS…` with `gateway` and the control key in its environment, polling
/// its peak memory until it exits; killed after `limit`.
pub fn run_paynet(gateway: &str, args: &[&str], limit: Duration) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env("PAYNET_GATEWAY", gateway)
        .env("PAYNET_CONTROL_KEY", KEY)
        .env_remove("PAYNET_LOGIN")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = out.read_to_end(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = err.read_to_end(&mut text);
        text
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            peak = peak.max(vm_hwm_kib(&text));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = started.elapsed();
    Run {
        status,
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        elapsed,
        peak_rss_kib: peak,
    }
}

fn vm_hwm_kib(status: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A signed `get-balance/1` request for the built-in merchant, as raw HTTP/1.1 bytes
/// (`Connection: close`).
pub fn signed_balance_request(addr: std::net::SocketAddr, nonce: &str) -> Vec<u8> {
    let url = format!("http://{addr}/paynet/api/v2/get-balance/1");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let form = [("balance-provider", "Test")];
    let request =
        paynet_oauth::Request::new("POST", &url, &form, "balance_test_merchant14", &now, nonce);
    let signed = paynet_oauth::Signer::new(KEY, "").sign(&request).unwrap();
    let mut authorization = String::new();
    signed
        .write_authorization_header(&mut authorization)
        .unwrap();
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    format!(
        "POST /paynet/api/v2/get-balance/1 HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {authorization}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Sends one valid signed request on a new connection and reads the whole answer: the
/// time it took and the answer (empty on a failure or after 5 s).
pub fn timed_valid_request(addr: std::net::SocketAddr, nonce: &str) -> (Duration, String) {
    let request = signed_balance_request(addr, nonce);
    let started = Instant::now();
    let mut answer = Vec::new();
    if let Ok(mut stream) = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        if stream.write_all(&request).is_ok() {
            let _ = stream.read_to_end(&mut answer);
        }
    }
    (
        started.elapsed(),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

/// Raises this process's soft limit on open files to at least `want` (up to the hard
/// limit) with `prlimit --pid`; the limit in effect afterwards.
pub fn raise_nofile(want: u64) -> u64 {
    let read = || -> (u64, u64) {
        let limits = std::fs::read_to_string("/proc/self/limits").unwrap();
        let line = limits
            .lines()
            .find(|l| l.starts_with("Max open files"))
            .unwrap();
        let mut fields = line
            .split_whitespace()
            .skip(3)
            .map(|v| v.parse::<u64>().unwrap_or(u64::MAX));
        (fields.next().unwrap(), fields.next().unwrap())
    };
    let (soft, hard) = read();
    if soft < want {
        let target = want.min(hard);
        let _ = Command::new("prlimit")
            .args([
                "--pid",
                &std::process::id().to_string(),
                &format!("--nofile={target}:"),
            ])
            .status();
    }
    read().0
}

/// CPU time (user + system) a process has used, from /proc/PID/stat.
pub fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name (which is in parentheses): utime is the 14th
    // field of the line, stime the 15th.
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    let per_second: u64 = String::from_utf8(
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .parse()
    .unwrap_or(100);
    Duration::from_millis(ticks * 1000 / per_second)
}

/// Reads one whole request (head and `Content-Length` body) from `stream`, so closing
/// it after the answer is a clean close.
pub fn read_request(stream: &mut std::net::TcpStream) {
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

/// Starts `paynet ARGS…` against `gateway` with the fixtures' control key and stdin,
/// stdout and stderr piped (a test then closes the end it means to).
pub fn spawn_piped(gateway: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_paynet"))
        .args(args)
        .env("PAYNET_GATEWAY", gateway)
        .env("PAYNET_CONTROL_KEY", KEY)
        .env_remove("PAYNET_LOGIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Accepts one connection on `listener`, reads its whole request, writes `answer` and
/// closes it.
pub fn answer_once(listener: &TcpListener, answer: &[u8]) {
    let (mut stream, _) = listener.accept().unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    read_request(&mut stream);
    stream.write_all(answer).unwrap();
}
