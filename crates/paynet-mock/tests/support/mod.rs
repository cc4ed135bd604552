//! Raw HTTP/1.1 against the mock over std sockets: signed requests whose every byte the
//! test controls (re-encoded nonces, half-sent requests).

#![allow(dead_code, unreachable_pub)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use paynet_mock::DOCS_CONTROL_KEY;
use paynet_oauth::{Request, Signer};

/// The built-in merchant.
pub const MERCHANT: &str = "balance_test_merchant14";

/// A signed `get-balance/1` request: the Authorization header and the body.
pub struct Signed {
    /// The Authorization header value.
    pub authorization: String,
    /// The form body.
    pub body: String,
}

/// Signs `get-balance/1` for the merchant with `nonce`, now.
pub fn sign_balance(addr: SocketAddr, nonce: &str) -> Signed {
    let url = format!("http://{addr}/paynet/api/v2/get-balance/1");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let form = [("balance-provider", "Test")];
    let request = Request::new("POST", &url, &form, MERCHANT, &now, nonce);
    let signed = Signer::new(DOCS_CONTROL_KEY, "").sign(&request).unwrap();
    let mut authorization = String::new();
    signed
        .write_authorization_header(&mut authorization)
        .unwrap();
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    Signed {
        authorization,
        body,
    }
}

/// The bytes of the HTTP request carrying `signed`.
pub fn raw_request(addr: SocketAddr, signed: &Signed) -> Vec<u8> {
    format!(
        "POST /paynet/api/v2/get-balance/1 HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        signed.authorization,
        signed.body.len(),
        signed.body
    )
    .into_bytes()
}

/// Sends `signed` on a new connection; the status code and the body.
pub fn send(addr: SocketAddr, signed: &Signed) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(&raw_request(addr, signed)).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}
