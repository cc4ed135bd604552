//! The client against the in-process mock gateway: every command, every failure.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use paynet_client::{Client, ControlKey, Error, Gateway, NonceSource, ResponseError};
use paynet_mock::{DOCS_CONTROL_KEY, MockConfig, MockGateway};

const MERCHANT: &str = "balance_test_merchant14";
const MANAGER: &str = "BalanceTestManager";

async fn mock() -> MockGateway {
    MockGateway::start(SocketAddr::from(([127, 0, 0, 1], 0)), MockConfig::default())
        .await
        .unwrap()
}

fn client(mock: &MockGateway, login: &str, key: &str) -> paynet_client::ClientBuilder {
    Client::builder(
        Gateway::parse(&mock.base_url()).unwrap(),
        login,
        ControlKey::new(key),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_gets_its_balances() {
    let mock = mock().await;
    let merchant = client(&mock, MERCHANT, DOCS_CONTROL_KEY).build().unwrap();
    let balance = merchant.get_balance("1", "Test").await.unwrap();
    assert_eq!(balance.balance_amount.to_string(), "29.99");
    let balances = merchant
        .get_merchant_balances(MERCHANT, Some("saa"))
        .await
        .unwrap();
    assert_eq!(balances.len(), 1);
    assert_eq!(balances[0].amount.to_string(), "219.500");
    assert_eq!(balances[0].currency, "USD");
    let manager = client(&mock, MANAGER, DOCS_CONTROL_KEY).build().unwrap();
    let all = manager.get_manager_balances(MANAGER, None).await.unwrap();
    assert_eq!(all[0].name, "saa");
    assert_eq!(all[0].amount.to_string(), "219.500");
    assert_eq!(all[0].merchant_login.as_deref(), Some(MERCHANT));
    // Every request was signed with its own nonce.
    let nonces = mock.accepted_nonces();
    assert_eq!(nonces.len(), 3);
    assert!(nonces[0] != nonces[1] && nonces[1] != nonces[2] && nonces[0].len() >= 11);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_control_key_is_access_denied() {
    let mock = mock().await;
    let c = client(&mock, MERCHANT, "F9F65098-0000-0000-0000-000000000000")
        .build()
        .unwrap();
    match c.get_balance("1", "Test").await {
        Err(Error::Response(ResponseError::AccessDenied { body })) => {
            assert!(body.contains("Access is denied"))
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_provider_is_a_gateway_error() {
    let mock = mock().await;
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY).build().unwrap();
    match c.get_balance("1", "saa").await {
        Err(Error::Response(ResponseError::Gateway { message })) => {
            assert_eq!(message, "Unknown balance provider saa")
        }
        other => panic!("{other:?}"),
    }
    match c.get_merchant_balances(MERCHANT, Some("nope")).await {
        Err(Error::Response(ResponseError::Gateway { message })) => {
            assert_eq!(message, "Unknown balance name nope")
        }
        other => panic!("{other:?}"),
    }
}

struct FixedNonce;

impl NonceSource for FixedNonce {
    fn nonce(&self) -> Result<String, getrandom::Error> {
        Ok("sameNonce12345".into())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_nonce_is_access_denied() {
    let mock = mock().await;
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .nonce_source(FixedNonce)
        .build()
        .unwrap();
    c.get_balance("1", "Test").await.unwrap();
    assert!(matches!(
        c.get_balance("1", "Test").await,
        Err(Error::Response(ResponseError::AccessDenied { .. }))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_timestamp_is_access_denied() {
    let mock = mock().await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let stale = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .clock(move || now - 301)
        .build()
        .unwrap();
    assert!(matches!(
        stale.get_balance("1", "Test").await,
        Err(Error::Response(ResponseError::AccessDenied { .. }))
    ));
    let skewed = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .clock(move || now + 200)
        .build()
        .unwrap();
    assert!(skewed.get_balance("1", "Test").await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_never_answers_times_out() {
    let mock = mock().await;
    mock.faults().set_stall(true);
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .timeout(Duration::from_millis(800))
        .build()
        .unwrap();
    let started = Instant::now();
    assert!(matches!(
        c.get_balance("1", "Test").await,
        Err(Error::Timeout)
    ));
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(800) && took < Duration::from_secs(5),
        "{took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_connection_is_retried_with_a_new_nonce() {
    let mock = mock().await;
    mock.faults().close_next(1);
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY).build().unwrap();
    assert_eq!(
        c.get_balance("1", "Test")
            .await
            .unwrap()
            .balance_amount
            .to_string(),
        "29.99"
    );
    assert_eq!(mock.requests(), 2, "one dropped attempt, one retry");
    assert_eq!(mock.accepted_nonces().len(), 1);
    // Without retries the same fault is a transport error.
    mock.faults().close_next(1);
    let no_retry = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .retries(0)
        .build()
        .unwrap();
    assert!(matches!(
        no_retry.get_balance("1", "Test").await,
        Err(Error::Transport(_))
    ));
}

struct CountingNonce(Arc<AtomicUsize>);

impl NonceSource for CountingNonce {
    fn nonce(&self) -> Result<String, getrandom::Error> {
        Ok(format!("nonce{:08}", self.0.fetch_add(1, Ordering::SeqCst)))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_retry_is_signed_again() {
    let mock = mock().await;
    mock.faults().close_next(2);
    let count = Arc::new(AtomicUsize::new(0));
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY)
        .nonce_source(CountingNonce(count.clone()))
        .build()
        .unwrap();
    c.get_balance("1", "Test").await.unwrap();
    assert_eq!(
        count.load(Ordering::SeqCst),
        3,
        "three attempts, three nonces"
    );
    assert_eq!(mock.accepted_nonces(), ["nonce00000002"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_statuses_and_garbage_are_classified() {
    let mock = mock().await;
    mock.faults().set_status(Some(502));
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY).build().unwrap();
    assert!(matches!(
        c.get_balance("1", "Test").await,
        Err(Error::Response(ResponseError::Http { status: 502, .. }))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_port_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let gateway = Gateway::parse(&format!("http://{addr}/paynet/api/v2")).unwrap();
    let c = Client::builder(gateway, MERCHANT, ControlKey::new(DOCS_CONTROL_KEY))
        .build()
        .unwrap();
    assert!(matches!(
        c.get_balance("1", "Test").await,
        Err(Error::Transport(_))
    ));
}

#[test]
fn plain_http_is_refused_off_loopback() {
    let gateway = Gateway::parse("http://gate.example.com/paynet/api/v2").unwrap();
    let refused = Client::builder(gateway.clone(), MERCHANT, ControlKey::new("k")).build();
    assert!(matches!(refused, Err(Error::InvalidInput(m)) if m.contains("plain http")));
    assert!(
        Client::builder(gateway, MERCHANT, ControlKey::new("k"))
            .allow_http(true)
            .build()
            .is_ok()
    );
}

#[test]
fn bad_input_is_invalid_input() {
    let gateway = Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
    assert!(matches!(
        Client::builder(gateway.clone(), "", ControlKey::new("k")).build(),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        Client::builder(gateway.clone(), "m", ControlKey::new(" \n")).build(),
        Err(Error::InvalidInput(_))
    ));
    let c = paynet_client::blocking::Client::builder(gateway, "m", ControlKey::new("k"))
        .build()
        .unwrap();
    assert!(
        matches!(c.get_balance("1", ""), Err(Error::InvalidInput(m)) if m.contains("balance-provider"))
    );
    assert!(matches!(
        c.get_manager_balances("m", Some(&"x".repeat(129))),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn the_blocking_client_gets_balances() {
    let background = paynet_mock::BackgroundMock::start(MockConfig::default()).unwrap();
    let gateway = Gateway::parse(&background.gateway().base_url()).unwrap();
    let c = paynet_client::blocking::Client::builder(
        gateway,
        MANAGER,
        ControlKey::new(DOCS_CONTROL_KEY),
    )
    .build()
    .unwrap();
    let balances = c.get_manager_balances(MANAGER, Some("saa")).unwrap();
    assert_eq!(balances[0].amount.to_string(), "219.500");
}

#[test]
fn debug_never_prints_the_control_key() {
    let gateway = Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
    let key = ControlKey::new(DOCS_CONTROL_KEY);
    let builder = Client::builder(gateway.clone(), MERCHANT, key.clone());
    let shown = format!("{builder:?} {key:?} {key}");
    let client = builder.build().unwrap();
    let blocking = paynet_client::blocking::Client::builder(gateway, MERCHANT, key)
        .build()
        .unwrap();
    let shown = format!("{shown} {client:?} {blocking:?}");
    assert!(!shown.contains("F9F65098"), "{shown}");
    assert!(shown.contains("redacted"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_built_by_the_user_can_be_signed() {
    let mock = mock().await;
    let http = reqwest::Client::new();
    let url = format!("{}/get-balance/1", mock.base_url());
    let mut request = http
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("balance-provider=Test")
        .build()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let nonce = paynet_client::random_nonce(16).unwrap();
    paynet_client::sign_request(
        &mut request,
        MERCHANT,
        &ControlKey::new(DOCS_CONTROL_KEY),
        now,
        &nonce,
    )
    .unwrap();
    let response = http.execute(request).await.unwrap();
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(body.contains("29.99"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_body_is_a_transport_error_never_a_balance() {
    let mock = mock().await;
    let chaos = paynet_mock::Chaos {
        truncate: 1.0,
        ..Default::default()
    };
    mock.faults().set_chaos(Some(chaos));
    let c = client(&mock, MERCHANT, DOCS_CONTROL_KEY).build().unwrap();
    let result = c.get_balance("1", "Test").await;
    assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
}
