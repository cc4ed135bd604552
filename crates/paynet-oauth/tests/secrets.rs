//! Nothing the core formats holds a secret: `Debug` of the signer and of everything a
//! signature produces, and every error message.

use paynet_oauth::{AuthorizationHeader, Error, Incoming, Request, Signer, TimeWindow, verify};

const SECRET: &str = "CONSUMER-SECRET-4c1d";
const TOKEN_SECRET: &str = "TOKEN-SECRET-9e2b";

fn assert_clean(shown: &str) {
    assert!(!shown.contains("CONSUMER-SECRET"), "{shown}");
    assert!(!shown.contains("TOKEN-SECRET"), "{shown}");
    // The key as the HMAC sees it, percent-encoded and joined, must not show either.
    assert!(!shown.contains("4c1d&"), "{shown}");
}

#[test]
fn debug_of_signer_and_signed_never_shows_a_secret() {
    let signer = Signer::new(SECRET, TOKEN_SECRET);
    let form = [("balance-provider", "Test")];
    let request = Request::new(
        "POST",
        "https://gate.example.com/paynet/api/v2/get-balance/1",
        &form,
        "merchant",
        "1686923599",
        "nonce1234567",
    )
    .with_token(Some("token"));
    let signed = signer.sign(&request).unwrap();
    let mut header = String::new();
    signed.write_authorization_header(&mut header).unwrap();
    let mut body = String::new();
    signed.write_body(&mut body).unwrap();
    let mut base = String::new();
    signed.write_base_string(&mut base).unwrap();
    let parsed = AuthorizationHeader::parse(&header).unwrap();
    let verified = verify(
        &parsed,
        &Incoming {
            method: "POST",
            url: "https://gate.example.com/paynet/api/v2/get-balance/1",
            body: &body,
        },
        &signer,
        TimeWindow {
            now: 1686923599,
            window: 300,
        },
    );
    let shown = format!(
        "{signer:?} {:?} {signed:?} {request:?} {parsed:?} {verified:?} {header} {body} {base}",
        signer.clone()
    );
    assert_clean(&shown);
    assert!(shown.contains("redacted"), "{shown}");
}

#[test]
fn no_error_message_shows_a_secret() {
    // Every variant (`Error::ALL` is checked exhaustive by the crate's own tests).
    let errors = Error::ALL;
    for e in errors {
        assert_clean(&format!("{e} {e:?} {}", e.message()));
    }
}
