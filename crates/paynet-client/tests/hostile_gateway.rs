//! The client against a hostile gateway (the mock with injected answers): an endless
//! or over-announced body is abandoned at the size cap, quickly, never buffered whole.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use paynet_client::{Client, ControlKey, DEFAULT_MAX_RESPONSE_BYTES, Error, Gateway};
use paynet_mock::{BackgroundMock, DOCS_CONTROL_KEY, EndlessBody, MockConfig, MockGateway};

const MERCHANT: &str = "balance_test_merchant14";

async fn mock() -> MockGateway {
    MockGateway::start(SocketAddr::from(([127, 0, 0, 1], 0)), MockConfig::default())
        .await
        .unwrap()
}

fn client(base_url: &str) -> paynet_client::ClientBuilder {
    // A short total timeout: without the cap the client would read until it passes
    // (and answer Timeout, not ResponseTooLarge).
    Client::builder(
        Gateway::parse(base_url).unwrap(),
        MERCHANT,
        ControlKey::new(DOCS_CONTROL_KEY),
    )
    .timeout(Duration::from_secs(3))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endless_chunked_body_stops_at_the_default_cap_within_a_second() {
    let mock = mock().await;
    mock.faults().set_endless_body(Some(EndlessBody::default()));
    let c = client(&mock.base_url()).build().unwrap();
    let started = Instant::now();
    let result = c.get_balance("1", "Test").await;
    let elapsed = started.elapsed();
    eprintln!("async client, endless chunked body: {result:?} after {elapsed:?}");
    match result {
        Err(Error::ResponseTooLarge { limit }) => assert_eq!(limit, DEFAULT_MAX_RESPONSE_BYTES),
        other => panic!("{other:?} after {elapsed:?}"),
    }
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    let message = Error::ResponseTooLarge { limit: 1_048_576 }.to_string();
    assert!(
        message.contains("larger than the limit of 1048576 bytes"),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_content_length_is_refused_before_reading() {
    let mock = mock().await;
    mock.faults().set_endless_body(Some(EndlessBody {
        content_length: Some(10 << 30),
    }));
    let c = client(&mock.base_url())
        .max_response_bytes(4096)
        .build()
        .unwrap();
    let started = Instant::now();
    match c.get_balance("1", "Test").await {
        Err(Error::ResponseTooLarge { limit: 4096 }) => {}
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cap_is_configurable_and_applies_to_every_status() {
    let mock = mock().await;
    let c = client(&mock.base_url())
        .max_response_bytes(64)
        .build()
        .unwrap();
    // The manager's balances answer is a few hundred bytes: over a 64-byte cap.
    match c.get_merchant_balances(MERCHANT, None).await {
        Err(Error::ResponseTooLarge { limit: 64 }) => {}
        other => panic!("{other:?}"),
    }
    // An error page larger than the cap is cut as well.
    mock.faults().set_answer(Some((502, vec![b'x'; 100])));
    match c.get_balance("1", "Test").await {
        Err(Error::ResponseTooLarge { limit: 64 }) => {}
        other => panic!("{other:?}"),
    }
    // At the cap exactly, the body is read.
    mock.faults()
        .set_answer(Some((200, b"balance-amount=12.5".to_vec())));
    let exact = client(&mock.base_url())
        .max_response_bytes(b"balance-amount=12.5".len())
        .build()
        .unwrap();
    let balance = exact.get_balance("1", "Test").await.unwrap();
    assert_eq!(balance.balance_amount.to_string(), "12.5");
}

#[test]
fn the_blocking_client_stops_an_endless_body_at_the_cap() {
    let mock = BackgroundMock::start(MockConfig::default()).unwrap();
    mock.gateway()
        .faults()
        .set_endless_body(Some(EndlessBody::default()));
    let c = paynet_client::blocking::Client::builder(
        Gateway::parse(&mock.gateway().base_url()).unwrap(),
        MERCHANT,
        ControlKey::new(DOCS_CONTROL_KEY),
    )
    .configure(|b| b.timeout(Duration::from_secs(3)))
    .max_response_bytes(256 * 1024)
    .build()
    .unwrap();
    let started = Instant::now();
    let result = c.get_balance("1", "Test");
    let elapsed = started.elapsed();
    eprintln!("blocking client, endless chunked body: {result:?} after {elapsed:?}");
    match result {
        Err(Error::ResponseTooLarge { limit }) => assert_eq!(limit, 256 * 1024),
        other => panic!("{other:?}"),
    }
    assert!(elapsed < Duration::from_secs(1));
}

/// A server on 127.0.0.1 that answers every connection with `answer` (not HTTP, or a
/// response head that never ends) and counts the connections.
fn answering_with(
    answer: &'static [u8],
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/paynet/api/v2", listener.local_addr().unwrap());
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            seen.fetch_add(1, Ordering::SeqCst);
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(answer);
        }
    });
    (url, count)
}

/// A gateway that answered, but not with HTTP a client can read (bytes that are not
/// HTTP; a response head larger than any client reads), did answer: the failure says
/// its response could not be read (not "cannot reach the gateway"), and the request is
/// not sent again (only a failure before any response is retried).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_that_is_not_http_is_unreadable_and_not_retried() {
    static ENDLESS_HEAD: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        let mut head = b"HTTP/1.1 200 OK\r\nX-Padding: ".to_vec();
        head.resize(2 << 20, b'a');
        head
    });
    let endless: &'static [u8] = ENDLESS_HEAD.as_slice();
    for answer in [&b"HELLO THERE\r\n\r\n"[..], endless] {
        let (url, connections) = answering_with(answer);
        let c = client(&url).retries(2).build().unwrap();
        let err = c.get_balance("1", "Test").await.unwrap_err();
        assert!(matches!(err, Error::Transport(_)), "{err:?}");
        let text = err.to_string();
        assert!(
            text.starts_with("the gateway's response could not be read: "),
            "{text}"
        );
        assert_eq!(
            connections.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "sent again after {text}"
        );
    }
}
