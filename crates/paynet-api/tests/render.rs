//! Writing responses for a mock gateway, and reading them back.

use std::collections::BTreeMap;
use std::str::FromStr;

use paynet_api::{
    Balance, Decimal, EndpointBalance, Format, ResponseError, parse_balances,
    parse_endpoint_balance, render_balances, render_endpoint_balance, render_error_message,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn endpoint(amount: &str) -> EndpointBalance {
    EndpointBalance {
        balance_amount: d(amount),
        extra: BTreeMap::new(),
    }
}

fn full_balance() -> Balance {
    Balance {
        name: "saa".into(),
        amount: d("219.500"),
        online_balance_live_amount: Some(d("219.500")),
        total_short_term_hold_amount: Some(d("0.000")),
        total_rolling_reserve_amount: Some(d("0.000")),
        currency: "USD".into(),
        merchant_login: Some("balance_test_merchant14".into()),
        external_merchant_identifier: None,
        amount_buffer_hold: Some(d("0.000")),
        extra: BTreeMap::new(),
    }
}

#[test]
fn endpoint_balance_formats() {
    let b = endpoint("29.99");
    assert_eq!(
        render_endpoint_balance(&b, Format::Documented),
        "[\n  {\n    \"balance-amount\":29.99,\n  }\n]"
    );
    assert_eq!(
        render_endpoint_balance(&b, Format::Json),
        "[{\"balance-amount\":29.99}]"
    );
    assert_eq!(
        render_endpoint_balance(&b, Format::FormLines),
        "balance-amount=29.99\n"
    );
    let strict: serde_json::Value =
        serde_json::from_str(&render_endpoint_balance(&b, Format::Json)).unwrap();
    assert_eq!(strict[0]["balance-amount"].to_string(), "29.99");
}

#[test]
fn balances_formats() {
    let b = vec![full_balance()];
    assert_eq!(
        render_balances(&b, Format::Documented),
        "[\n  {\n    \"name\":\"saa\",\n    \"amount\":219.500,\n    \
         \"online-balance-live-amount\":219.500,\n    \
         \"total-short-term-hold-amount\":0.000,\n    \
         \"total-rolling-reserve-amount\":0.000,\n    \"currency\":\"USD\",\n    \
         \"merchantLogin\":\"balance_test_merchant14\",\n    \
         \"externalMerchantIdentifier\":null,\n    \"amount-buffer-hold\":0.000\n  }\n]"
    );
    assert_eq!(
        render_balances(&b, Format::FormLines),
        "name=saa\namount=219.500\nonline-balance-live-amount=219.500\n\
         total-short-term-hold-amount=0.000\ntotal-rolling-reserve-amount=0.000\n\
         currency=USD\nmerchantLogin=balance_test_merchant14\namount-buffer-hold=0.000\n"
    );
    let json = render_balances(&b, Format::Json);
    let strict: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(strict[0]["externalMerchantIdentifier"].is_null());
    assert_eq!(render_balances(&[], Format::Documented), "[]");
    assert_eq!(render_balances(&[], Format::Json), "[]");
    assert_eq!(parse_balances(200, b"[]"), Ok(vec![]));
}

#[test]
fn error_message() {
    let body = render_error_message("Unknown balance provider \"x&y\"\nnext");
    assert_eq!(
        body,
        "error-message=Unknown+balance+provider+%22x%26y%22%0Anext\n"
    );
    assert_eq!(
        parse_endpoint_balance(200, body.as_bytes()),
        Err(ResponseError::Gateway {
            message: "Unknown balance provider \"x&y\"\nnext".into()
        })
    );
}

#[test]
fn round_trips_with_awkward_values() {
    let mut extra = BTreeMap::new();
    extra.insert("note".to_owned(), "a, ] } & = + % \" \\ \n é 😀".to_owned());
    extra.insert("weird key=&".to_owned(), String::new());
    extra.insert("error-message".to_owned(), "skipped".to_owned());
    extra.insert("amount".to_owned(), "skipped too".to_owned());
    let mut first = full_balance();
    first.name = "Main, ] \"quoted\" & more".into();
    first.amount = d("-1000.10");
    first.merchant_login = None;
    first.external_merchant_identifier = Some("ext 1&2".into());
    first.extra = extra.clone();
    let mut second = Balance::new("Reserve", d("0"), "EUR");
    second.amount_buffer_hold = Some(d("79228162514264337593543950335"));
    second.total_short_term_hold_amount = Some(d("0.0000000000000000000000000001"));
    let balances = vec![first, second, Balance::new("Third", d("5"), "USD")];

    let mut want = balances.clone();
    want[0].extra.remove("error-message");
    want[0].extra.remove("amount");
    for format in [Format::Documented, Format::Json, Format::FormLines] {
        let text = render_balances(&balances, format);
        let again = parse_balances(200, text.as_bytes()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(again, want, "{format:?}: {text}");
        assert_eq!(again[0].amount.to_string(), "-1000.10");
        assert_eq!(
            again[1].total_short_term_hold_amount.unwrap().to_string(),
            "0.0000000000000000000000000001"
        );

        let mut e = endpoint("0.000");
        e.extra = extra.clone();
        let text = render_endpoint_balance(&e, format);
        let again = parse_endpoint_balance(200, text.as_bytes()).unwrap();
        assert_eq!(again.balance_amount.to_string(), "0.000");
        assert_eq!(again.extra.len(), 3, "{format:?}: {text}");
        assert_eq!(again.extra["note"], extra["note"]);
    }
}
