//! `make soak`: the client against the in-process mock for a set time with many
//! concurrent requests while the mock injects faults (dropped connections, slow
//! answers, 503s, truncated bodies). Reports requests sent, succeeded, retried and
//! failed by kind; exits 1 if any request produced a wrong balance or an error of an
//! unexpected kind.
//!
//! Usage: soak [SECONDS] [CONCURRENCY]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use paynet_client::{Client, ControlKey, Error, Gateway, NonceSource, OsNonce, ResponseError};
use paynet_mock::{Chaos, DOCS_CONTROL_KEY, MockConfig, MockGateway};

/// Counts attempts: every attempt (first try or retry) draws one nonce.
struct Counted(Arc<AtomicU64>);

impl NonceSource for Counted {
    fn nonce(&self) -> Result<String, getrandom::Error> {
        self.0.fetch_add(1, Ordering::Relaxed);
        OsNonce.nonce()
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(300);
    let concurrency: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(64);
    let mock = MockGateway::start(SocketAddr::from(([127, 0, 0, 1], 0)), MockConfig::default())
        .await
        .expect("mock");
    let chaos = Chaos {
        drop: 0.03,
        slow: 0.02,
        slow_for: Duration::from_millis(1500),
        server_error: 0.03,
        truncate: 0.03,
    };
    mock.faults().set_chaos(Some(chaos));
    let gateway = Gateway::parse(&mock.base_url()).expect("url");
    let attempts = Arc::new(AtomicU64::new(0));
    let build = |login: &str| {
        Client::builder(gateway.clone(), login, ControlKey::new(DOCS_CONTROL_KEY))
            .timeout(Duration::from_secs(1))
            .retries(2)
            .nonce_source(Counted(attempts.clone()))
            .build()
            .expect("client")
    };
    let (merchant, manager) = (
        build("balance_test_merchant14"),
        build("BalanceTestManager"),
    );
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..concurrency {
        let (merchant, manager) = (merchant.clone(), manager.clone());
        tasks.push(tokio::spawn(async move {
            let mut outcomes: BTreeMap<&'static str, u64> = BTreeMap::new();
            let mut n = i;
            while Instant::now() < deadline {
                n += 1;
                let outcome = match n % 3 {
                    0 => check(
                        merchant
                            .get_balance("1", "Test")
                            .await
                            .map(|b| b.balance_amount.to_string()),
                    ),
                    1 => check(
                        manager
                            .get_manager_balances("BalanceTestManager", None)
                            .await
                            .map(|b| b[0].amount.to_string()),
                    ),
                    _ => check(
                        merchant
                            .get_merchant_balances("balance_test_merchant14", Some("saa"))
                            .await
                            .map(|b| b[0].amount.to_string()),
                    ),
                };
                *outcomes.entry(outcome).or_default() += 1;
            }
            outcomes
        }));
    }
    let mut totals: BTreeMap<&'static str, u64> = BTreeMap::new();
    for task in tasks {
        for (k, v) in task.await.expect("task") {
            *totals.entry(k).or_default() += v;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let sent: u64 = totals.values().sum();
    let attempts = attempts.load(Ordering::Relaxed);
    let get = |k: &str| totals.get(k).copied().unwrap_or(0);
    println!(
        "## Soak (`make soak`, {seconds} s, {concurrency} concurrent, faults injected by the mock)\n"
    );
    println!(
        "Faults per request: 3% dropped connection, 2% answer after 1.5 s (client timeout 1 s), 3% HTTP 503, \
         3% truncated body; client retries 2 (dropped and truncated answers surface before a response, so they are \
         retried with a new signature).\n"
    );
    println!(
        "| requests sent | succeeded | attempts (retries) | failed: timeout | failed: transport | failed: HTTP | failed: other kinds | wrong balance | unclassified |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {sent} | {} | {attempts} ({}) | {} | {} | {} | {} | **{}** | **{}** |",
        get("ok"),
        attempts.saturating_sub(sent),
        get("timeout"),
        get("transport"),
        get("http"),
        get("gateway") + get("access_denied") + get("unexpected") + get("invalid_input"),
        get("wrong_balance"),
        get("unclassified"),
    );
    println!(
        "\n{:.0} requests/s over {elapsed:.0} s; the mock served {} HTTP requests.",
        sent as f64 / elapsed,
        mock.requests()
    );
    if get("wrong_balance") > 0 || get("unclassified") > 0 || get("ok") == 0 {
        std::process::exit(1);
    }
}

/// Sorts one outcome: the right amount, a wrong one (never acceptable), or a kind of error.
fn check(result: Result<String, Error>) -> &'static str {
    match result {
        Ok(amount) if amount == "29.99" || amount == "219.500" => "ok",
        Ok(_) => "wrong_balance",
        Err(Error::Timeout) => "timeout",
        Err(Error::Transport(_)) => "transport",
        Err(Error::Response(ResponseError::Http { .. })) => "http",
        Err(Error::Response(ResponseError::Gateway { .. })) => "gateway",
        Err(Error::Response(ResponseError::AccessDenied { .. })) => "access_denied",
        Err(Error::Response(ResponseError::Unexpected { .. })) => "unexpected",
        Err(Error::InvalidInput(_)) => "invalid_input",
        Err(_) => "unclassified",
    }
}
