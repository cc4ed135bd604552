//! `paynet mock` under slow and idle clients (issue 12, finding 5): with 5,000 idle or
//! half-sent connections open, and at its file descriptor limit, it keeps answering
//! valid signed requests within 100 ms, never spins, and closes what stalls.

mod support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use support::{Mock, cpu_time, raise_nofile, timed_valid_request};

/// Opens `n` connections that stall: a third send nothing, a third half a request
/// line and some headers, a third whole headers and part of the body. Connections the
/// server does not take (its accept queue is full) are skipped; after 10 in a row it
/// gives up.
fn stalled_connections(addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut open = Vec::with_capacity(n);
    let mut failed_in_a_row = 0;
    for i in 0..n {
        if failed_in_a_row == 10 {
            break;
        }
        if i % 100 == 99 {
            // Let the server's accept queue drain: a full queue drops the SYN and the
            // connect waits a second for its retransmission.
            std::thread::sleep(Duration::from_millis(30));
        }
        let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(1500)) else {
            failed_in_a_row += 1;
            continue;
        };
        failed_in_a_row = 0;
        let _ = match i % 3 {
            0 => Ok(()),
            1 => s.write_all(b"POST /paynet/api/v2/get-balance/1 HTTP/1.1\r\nHost: x\r\nAuthor"),
            _ => s.write_all(
                b"POST /paynet/api/v2/get-balance/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbalance-",
            ),
        };
        open.push(s);
    }
    open
}

/// `count` valid requests one after the other: their latencies, sorted; each must be
/// answered with the balance.
fn valid_latencies(addr: SocketAddr, count: usize) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..count)
        .map(|i| {
            let (took, answer) = timed_valid_request(addr, &format!("ValidNonce{i:06}x"));
            assert!(
                answer.starts_with("HTTP/1.1 200") && answer.contains("29.99"),
                "request {i} after {took:?}: {answer:?}"
            );
            took
        })
        .collect();
    times.sort();
    times
}

fn report(what: &str, times: &[Duration]) {
    eprintln!(
        "{what}: {} valid requests, median {:?}, max {:?}",
        times.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
}

/// True when the server closes `s` (EOF, or an error) within `limit`.
fn closed_by_server(s: &mut TcpStream, limit: Duration) -> bool {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut buf = [0u8; 1024];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue, // e.g. a 408 answer before the close
            Err(e) => {
                return !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                );
            }
        }
    }
}

/// How many descriptors a process has open.
fn open_descriptors(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

#[test]
fn five_thousand_stalled_connections_do_not_delay_valid_requests() {
    assert!(
        raise_nofile(6000) >= 6000,
        "this test needs 6,000 descriptors"
    );
    // Timeouts long enough that every stalled connection is still held when measuring.
    let mock = Mock::start(&[
        "--max-connections",
        "10000",
        "--header-timeout",
        "120",
        "--body-timeout",
        "120",
    ]);
    let addr = mock.addr();
    let started = Instant::now();
    let stalled = stalled_connections(addr, 5000);
    assert_eq!(stalled.len(), 5000);
    std::thread::sleep(Duration::from_millis(200));
    let held = open_descriptors(mock.pid());
    eprintln!(
        "5,000 stalled connections opened in {:?}; the mock holds {held} descriptors",
        started.elapsed()
    );
    assert!(held >= 5000, "{held}");
    let times = valid_latencies(addr, 20);
    report("5,000 stalled connections held", &times);
    assert!(
        times[times.len() - 1] < Duration::from_millis(100),
        "{times:?}"
    );
    drop(stalled);
}

#[test]
fn stalled_and_idle_connections_are_closed_after_their_timeouts() {
    let mock = Mock::start(&["--header-timeout", "1", "--body-timeout", "1"]);
    let addr = mock.addr();
    let mut stalled = stalled_connections(addr, 3);
    // An idle keep-alive connection after a complete request.
    let mut kept = TcpStream::connect(addr).unwrap();
    let request = support::signed_balance_request(addr, "KeepAliveNonce01");
    let request = String::from_utf8(request)
        .unwrap()
        .replace("Connection: close\r\n", "");
    kept.write_all(request.as_bytes()).unwrap();
    let mut first = [0u8; 512];
    let n = kept.read(&mut first).unwrap();
    assert!(first[..n].starts_with(b"HTTP/1.1 200"));
    stalled.push(kept);
    let started = Instant::now();
    for (i, s) in stalled.iter_mut().enumerate() {
        assert!(
            closed_by_server(s, Duration::from_secs(4)),
            "connection {i} still open after {:?}",
            started.elapsed()
        );
    }
    eprintln!(
        "4 stalled or idle connections closed by the mock within {:?} (timeouts 1 s)",
        started.elapsed()
    );
}

#[test]
fn the_connection_limit_makes_room_for_valid_requests() {
    assert!(
        raise_nofile(6000) >= 6000,
        "this test needs 6,000 descriptors"
    );
    let mock = Mock::start(&["--max-connections", "500"]);
    let addr = mock.addr();
    let stalled = stalled_connections(addr, 5000);
    assert!(stalled.len() >= 4000, "{}", stalled.len());
    std::thread::sleep(Duration::from_millis(200));
    let times = valid_latencies(addr, 20);
    report("5,000 stalled connections, limit 500", &times);
    assert!(
        times[times.len() - 1] < Duration::from_millis(100),
        "{times:?}"
    );
    drop(stalled);
}

#[test]
fn at_the_descriptor_limit_the_mock_neither_spins_nor_stalls() {
    assert!(
        raise_nofile(2000) >= 2000,
        "this test needs 2,000 descriptors"
    );
    // 128 descriptors for the mock; far more connections than that.
    let mock = Mock::start_with_nofile(128, &["--max-connections", "100000"]);
    let addr = mock.addr();
    let stalled = stalled_connections(addr, 1000);
    assert!(stalled.len() >= 500, "{}", stalled.len());
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_time(mock.pid());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_time(mock.pid()) - before;
    eprintln!("at the descriptor limit: {used:?} of CPU in 2 s");
    assert!(used < Duration::from_millis(300), "{used:?} of CPU in 2 s");
    let times = valid_latencies(addr, 20);
    report("at the descriptor limit (128)", &times);
    assert!(
        times[times.len() - 1] < Duration::from_millis(100),
        "{times:?}"
    );
    drop(stalled);
}
