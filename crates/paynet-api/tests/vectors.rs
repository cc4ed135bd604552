//! Every case of `tests/vectors/responses.json`, the vectors shared by every language.

use paynet_api::{
    Balance, CommandKind, Format, Response, ResponseError, parse_balances, parse_endpoint_balance,
    parse_response, render_balances, render_endpoint_balance,
};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/responses.json"
    );
    let text = std::fs::read_to_string(path).expect("read responses.json");
    let doc: Value = serde_json::from_str(&text).expect("parse responses.json");
    let cases = doc["cases"].as_array().expect("cases").clone();
    assert!(cases.len() >= 10, "expected at least 10 cases");
    cases
}

fn kind_of(case: &Value) -> CommandKind {
    match case["endpoint"].as_str().expect("endpoint") {
        "get-balance" => CommandKind::EndpointBalance,
        "get-balance/manager" => CommandKind::ManagerBalances,
        "get-balance/merchant" => CommandKind::MerchantBalances,
        other => panic!("unknown endpoint {other}"),
    }
}

fn opt_str(v: &Value) -> Option<&str> {
    if v.is_null() {
        None
    } else {
        Some(v.as_str().expect("string or null"))
    }
}

fn opt_dec(d: &Option<paynet_api::Decimal>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn check_balance(id: &str, got: &Balance, want: &Value) {
    let s = |k: &str| opt_str(&want[k]).map(str::to_owned);
    assert_eq!(Some(got.name.clone()), s("name"), "{id}: name");
    assert_eq!(Some(got.amount.to_string()), s("amount"), "{id}: amount");
    assert_eq!(
        opt_dec(&got.online_balance_live_amount),
        s("online_balance_live_amount"),
        "{id}: online_balance_live_amount"
    );
    assert_eq!(
        opt_dec(&got.total_short_term_hold_amount),
        s("total_short_term_hold_amount"),
        "{id}: total_short_term_hold_amount"
    );
    assert_eq!(
        opt_dec(&got.total_rolling_reserve_amount),
        s("total_rolling_reserve_amount"),
        "{id}: total_rolling_reserve_amount"
    );
    assert_eq!(Some(got.currency.clone()), s("currency"), "{id}: currency");
    assert_eq!(
        got.merchant_login,
        s("merchant_login"),
        "{id}: merchant_login"
    );
    assert_eq!(
        got.external_merchant_identifier,
        s("external_merchant_identifier"),
        "{id}: external_merchant_identifier"
    );
    assert_eq!(
        opt_dec(&got.amount_buffer_hold),
        s("amount_buffer_hold"),
        "{id}: amount_buffer_hold"
    );
    assert!(got.extra.is_empty(), "{id}: no extra fields expected");
}

fn check_error(id: &str, err: &ResponseError, case: &Value) {
    let expect = &case["expect"];
    let body = case["body"].as_str().expect("body");
    assert_eq!(err.kind(), expect["kind"].as_str().unwrap(), "{id}: {err}");
    match err {
        ResponseError::Gateway { message } => {
            assert_eq!(message, expect["message"].as_str().unwrap(), "{id}")
        }
        ResponseError::AccessDenied { body: got } => assert_eq!(got, body, "{id}"),
        ResponseError::Http { status, body: got } => {
            assert_eq!(
                u64::from(*status),
                expect["status"].as_u64().unwrap(),
                "{id}"
            );
            assert_eq!(got, body, "{id}");
        }
        ResponseError::Unexpected { body: got, .. } => assert_eq!(got, body, "{id}"),
        other => panic!("{id}: unknown error variant {other:?}"),
    }
    assert!(!err.to_string().is_empty());
}

#[test]
fn every_response_vector() {
    for case in cases() {
        let id = case["id"].as_str().expect("id");
        let status = u16::try_from(case["status"].as_u64().expect("status")).unwrap();
        let body = case["body"].as_str().expect("body").as_bytes();
        let expect = &case["expect"];
        let kind = kind_of(&case);
        let result = parse_response(kind, status, body);
        match expect["kind"].as_str().expect("kind") {
            "endpoint_balance" => {
                let Ok(Response::EndpointBalance(got)) = result else {
                    panic!("{id}: {result:?}");
                };
                assert_eq!(
                    got.balance_amount.to_string(),
                    expect["balance_amount"].as_str().unwrap(),
                    "{id}"
                );
                assert_eq!(parse_endpoint_balance(status, body), Ok(got), "{id}");
            }
            "balances" => {
                let Ok(Response::Balances(got)) = result else {
                    panic!("{id}: {result:?}");
                };
                let want = expect["balances"].as_array().unwrap();
                assert_eq!(got.len(), want.len(), "{id}");
                for (g, w) in got.iter().zip(want) {
                    check_balance(id, g, w);
                }
                assert_eq!(parse_balances(status, body), Ok(got), "{id}");
            }
            _ => {
                let err = result.expect_err(id);
                check_error(id, &err, &case);
                // The same classification whichever command was asked.
                let other = match kind {
                    CommandKind::EndpointBalance => parse_balances(status, body).map(|_| ()),
                    _ => parse_endpoint_balance(status, body).map(|_| ()),
                };
                assert_eq!(other.expect_err(id).kind(), err.kind(), "{id}");
            }
        }
    }
}

/// The documented layout reproduces the docs' example bodies byte for byte.
#[test]
fn documented_format_matches_doc_examples() {
    for case in cases() {
        let id = case["id"].as_str().unwrap();
        if !id.ends_with("-success-doc") {
            continue;
        }
        let body = case["body"].as_str().unwrap();
        let rendered = match parse_response(kind_of(&case), 200, body.as_bytes()).unwrap() {
            Response::EndpointBalance(b) => render_endpoint_balance(&b, Format::Documented),
            Response::Balances(b) => render_balances(&b, Format::Documented),
        };
        assert_eq!(rendered, body, "{id}");
    }
}

/// Every success vector survives render → parse in every format.
#[test]
fn success_vectors_round_trip() {
    for case in cases() {
        let id = case["id"].as_str().unwrap();
        let body = case["body"].as_str().unwrap().as_bytes();
        let Ok(parsed) = parse_response(kind_of(&case), 200, body) else {
            continue;
        };
        for format in [Format::Documented, Format::Json, Format::FormLines] {
            match &parsed {
                Response::EndpointBalance(b) => {
                    let text = render_endpoint_balance(b, format);
                    let again = parse_endpoint_balance(200, text.as_bytes()).unwrap();
                    assert_eq!(
                        again.balance_amount.to_string(),
                        b.balance_amount.to_string()
                    );
                    assert_eq!(&again, b, "{id} {format:?}");
                }
                Response::Balances(b) if b.is_empty() && format == Format::FormLines => {
                    // An empty list has no form-lines form: it renders as an empty body,
                    // which reads as unexpected, never as "no balances".
                    assert_eq!(render_balances(b, format), "");
                }
                Response::Balances(b) => {
                    let text = render_balances(b, format);
                    let again = parse_balances(200, text.as_bytes()).unwrap();
                    assert_eq!(&again, b, "{id} {format:?}: {text}");
                    let digits = |v: &[Balance]| {
                        v.iter()
                            .map(|b| format!("{} {:?}", b.amount, b.amount_buffer_hold))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(digits(&again), digits(b), "{id} {format:?}");
                }
            }
        }
    }
}
