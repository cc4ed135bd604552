//! `paynet balance`/`balances` against hostile gateways: an endless body stops at the
//! size cap within a second, in bounded memory, with exit code 6.

mod support;

use std::time::Duration;

use support::{Mock, run_paynet};

const BALANCE: [&str; 7] = [
    "balance",
    "--endpoint",
    "1",
    "--provider",
    "Test",
    "--login",
    "balance_test_merchant14",
];

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
