//! Gets an endpoint balance and a manager's balances with the blocking Rust client.
//!
//! ```sh
//! PAYNET_GATEWAY=http://127.0.0.1:8080/paynet/api/v2 \
//! PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111 cargo run -p paynet-example-rust
//! ```

use paynet_client::{ControlKey, Error, Gateway, ResponseError, blocking::Client};

fn main() {
    if let Err(e) = run() {
        eprintln!("get-balance: {e}");
        std::process::exit(1);
    }
}

/// An environment variable the example needs, or a message that says how to set it.
fn required(name: &str, what: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("{name} is not set: {what}"))
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let gateway = Gateway::from_str_or_preset(&required(
        "PAYNET_GATEWAY",
        "a preset name (payneteasy-sandbox) or the API URL, e.g. http://127.0.0.1:8080/paynet/api/v2",
    )?)?;
    let key = ControlKey::new(required(
        "PAYNET_CONTROL_KEY",
        "the merchant's control key",
    )?);

    let merchant =
        Client::builder(gateway.clone(), "balance_test_merchant14", key.clone()).build()?;
    let balance = merchant.get_balance("1", "Test")?;
    println!("endpoint 1, provider Test: {}", balance.balance_amount);

    let manager = Client::builder(gateway, "BalanceTestManager", key).build()?;
    for b in manager.get_manager_balances("BalanceTestManager", None)? {
        println!("{}: {} {}", b.name, b.amount, b.currency);
    }

    // Typed errors: an unknown provider is the gateway's error-message, not a zero balance.
    match merchant.get_balance("1", "no-such-provider") {
        Err(Error::Response(ResponseError::Gateway { message })) => {
            println!("gateway said: {message}")
        }
        other => println!("unexpected: {other:?}"),
    }
    Ok(())
}
