//! The mock refuses a captured request replayed with its nonce (or its login)
//! re-encoded: `oauth_nonce="%39iMz…"` is the nonce `9iMz…` it has seen.

mod support;

use paynet_mock::{BackgroundMock, MockConfig};
use support::{send, sign_balance};

#[test]
fn re_encoded_replays_are_refused() {
    let mock = BackgroundMock::start(MockConfig::default()).unwrap();
    let addr = mock.gateway().addr();
    let nonce = "9iMzAbCdEfGhIjKl";
    let original = sign_balance(addr, nonce);
    let (status, body) = send(addr, &original);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("29.99"), "{body}");
    // 100 re-encodings of the captured request: every subset of the first 6 characters
    // and of the consumer key's '_' escaped (the signature stays valid for all of them).
    let mut accepted = 0;
    let mut tried = 0;
    for mask in 1u32..=100 {
        let escaped: String = nonce
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i < 6 && mask & (1 << i) != 0 {
                    format!("%{:02X}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
        let mut replay = support::Signed {
            authorization: original.authorization.replace(nonce, &escaped),
            body: original.body.replace(nonce, &escaped),
        };
        if mask & (1 << 6) != 0 {
            replay.authorization = replay
                .authorization
                .replace("balance_test", "balance%5Ftest");
        }
        if replay.authorization == original.authorization {
            continue;
        }
        tried += 1;
        let (status, _) = send(addr, &replay);
        accepted += usize::from(status == 200);
    }
    assert!(tried >= 90, "{tried}");
    assert_eq!(
        accepted, 0,
        "{accepted} of {tried} re-encoded replays accepted"
    );
    // A fresh nonce still works.
    let (status, _) = send(addr, &sign_balance(addr, "FreshNonce123456"));
    assert_eq!(status, 200);
}
