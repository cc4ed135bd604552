//! The optional `serde` feature: amounts serialize as exact decimal strings.
#![cfg(feature = "serde")]

use paynet_api::{Balance, parse_balances, parse_endpoint_balance};

#[test]
fn amounts_are_strings_with_their_digits() {
    let balances = parse_balances(
        200,
        br#"[{"name":"saa","amount":219.500,"currency":"USD","externalMerchantIdentifier":null,"x":1}]"#,
    )
    .unwrap();
    let json = serde_json::to_value(&balances).unwrap();
    assert_eq!(json[0]["amount"], "219.500");
    assert!(json[0]["external_merchant_identifier"].is_null());
    assert_eq!(json[0]["extra"]["x"], "1");
    let back: Vec<Balance> = serde_json::from_value(json).unwrap();
    assert_eq!(back, balances);
    assert_eq!(back[0].amount.to_string(), "219.500");

    let e = parse_endpoint_balance(200, b"balance-amount=0").unwrap();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"balance_amount":"0"}"#
    );
}
