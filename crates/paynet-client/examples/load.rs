//! Load generator for `make bench-transport`: N concurrent get-balance requests with the
//! async client against a gateway for a fixed time; prints one JSON line of results.
//!
//! Usage: load GATEWAY_URL CONCURRENCY SECONDS

use std::time::{Duration, Instant};

use paynet_client::{Client, ControlKey, Gateway};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(url), Some(concurrency), Some(seconds)) = (args.get(1), args.get(2), args.get(3))
    else {
        eprintln!("usage: load GATEWAY_URL CONCURRENCY SECONDS");
        std::process::exit(2);
    };
    let concurrency: usize = concurrency.parse().expect("CONCURRENCY is a number");
    let seconds: f64 = seconds.parse().expect("SECONDS is a number");
    let gateway = Gateway::parse(url).expect("gateway URL");
    let client = Client::builder(
        gateway,
        "balance_test_merchant14",
        ControlKey::new("F9F65098-1111-1111-1111-621611111111"),
    )
    .build()
    .expect("client");
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            while Instant::now() < deadline {
                let t = Instant::now();
                match client.get_balance("1", "Test").await {
                    Ok(b) if b.balance_amount.to_string() == "29.99" => latencies.push(t.elapsed()),
                    _ => errors += 1,
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await.expect("task");
        all.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{{\"requests\": {}, \"errors\": {errors}, \"seconds\": {elapsed:.3}, \"rps\": {:.1}, \"p50_ms\": {:.3}, \"p99_ms\": {:.3}}}",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
}
