//! Reading gateway responses beyond the shared vectors: form lines, BOM, separators,
//! tolerant JSON, and everything that must not become a balance.

use paynet_api::{
    CommandKind, Response, ResponseError, parse_balances, parse_endpoint_balance, parse_response,
};

fn amount(body: &str) -> String {
    parse_endpoint_balance(200, body.as_bytes())
        .unwrap_or_else(|e| panic!("{body:?}: {e}"))
        .balance_amount
        .to_string()
}

fn unexpected(result: Result<impl std::fmt::Debug, ResponseError>) -> String {
    match result {
        Err(ResponseError::Unexpected { reason, .. }) => reason,
        other => panic!("expected unexpected_response, got {other:?}"),
    }
}

#[test]
fn form_lines_variants() {
    assert_eq!(amount("balance-amount=29.99"), "29.99");
    assert_eq!(amount("balance-amount=29.99\n"), "29.99");
    assert_eq!(amount("balance-amount=29.99\r\n"), "29.99");
    assert_eq!(amount("status=ok\r\nbalance-amount=219.500\r\n"), "219.500");
    assert_eq!(amount("status=ok&balance-amount=0"), "0");
    assert_eq!(amount("a=1&\nbalance-amount=1.10&\n\n"), "1.10");
    let b = parse_endpoint_balance(200, b"balance-amount=5&currency=USD&note=a+b%26c%3D").unwrap();
    assert_eq!(b.extra["currency"], "USD");
    assert_eq!(b.extra["note"], "a b&c=");
    // Amounts may arrive encoded.
    assert_eq!(amount("balance-amount=%2D1%2E5"), "-1.5");
}

#[test]
fn bom_and_white_space() {
    assert_eq!(amount("\u{feff}balance-amount=29.99\n"), "29.99");
    assert_eq!(
        amount("\u{feff}  [{\"balance-amount\":29.99}]  \n"),
        "29.99"
    );
    assert_eq!(
        amount(" \r\n\u{feff}{\"balance-amount\":\"29.99\"}\r\n"),
        "29.99"
    );
    let err = parse_endpoint_balance(200, "\u{feff}error-message=Bad\r\n".as_bytes());
    assert_eq!(
        err,
        Err(ResponseError::Gateway {
            message: "Bad".into()
        })
    );
}

#[test]
fn json_shapes() {
    assert_eq!(amount("{\"balance-amount\":29.99,}"), "29.99");
    assert_eq!(amount("[{\"balance-amount\":\"29.990\"}]"), "29.990");
    let b = parse_endpoint_balance(
        200,
        br#"[{"balance-amount":1,"x":{"y":[1,2,],},"z":null,"t":true,"s":"a,]"}]"#,
    )
    .unwrap();
    assert_eq!(b.extra["x"], r#"{"y":[1,2]}"#);
    assert_eq!(b.extra["z"], "null");
    assert_eq!(b.extra["t"], "true");
    assert_eq!(b.extra["s"], "a,]");
    // Duplicated field: refused (issue 12), it used to be read as the last one.
    assert!(
        unexpected(parse_endpoint_balance(
            200,
            br#"[{"balance-amount":1,"balance-amount":2}]"#
        ))
        .contains("appears more than once")
    );
}

#[test]
fn endpoint_balance_needs_exactly_one_amount() {
    for body in [
        "[]",
        "[{}]",
        "{}",
        "[{\"balance-amount\":null}]",
        "[{\"balance-amount\":\"\"}]",
        "[{\"balance-amount\":\"abc\"}]",
        "[{\"balance-amount\":true}]",
        "[{\"balance-amount\":[1]}]",
        "[{\"balance-amount\":1},{\"balance-amount\":2}]",
        "[1]",
        "\"29.99\"",
        "balance-amount=",
        "balance-amount=1,5",
        "amount=29.99",
        "29.99",
        "ok",
        "<html>balance-amount=1</html>",
        "balance-amount=1\nsomething without equals",
        "[{\"balance-amount\":29.99,,}]",
        "[{\"balance-amount\":29.99}",
    ] {
        let reason = unexpected(parse_endpoint_balance(200, body.as_bytes()));
        assert!(!reason.is_empty(), "{body}");
    }
    assert_eq!(
        unexpected(parse_endpoint_balance(200, b"")),
        "an empty body"
    );
    assert_eq!(
        unexpected(parse_endpoint_balance(204, b" \n")),
        "an empty body"
    );
}

#[test]
fn error_message_wins_in_any_shape() {
    let gw = |body: &str| match parse_balances(200, body.as_bytes()) {
        Err(ResponseError::Gateway { message }) => message,
        other => panic!("{body:?}: {other:?}"),
    };
    assert_eq!(
        gw("error-message=Unknown balance provider saa"),
        "Unknown balance provider saa"
    );
    assert_eq!(gw("type=error\r\nerror-message=A%20b+c\r\n"), "A b c");
    assert_eq!(gw("error-message=x&y"), "x", "a raw & separates fields");
    assert_eq!(gw("{\"error-message\":\"Bad, ] thing\"}"), "Bad, ] thing");
    assert_eq!(gw("[{\"error-message\":\"Bad\",}]"), "Bad");
    assert_eq!(gw("[{\"name\":\"a\"},{\"error-message\":404}]"), "404");
    assert_eq!(gw("error-message="), "");
    // A null error-message is no error.
    assert!(parse_endpoint_balance(200, br#"{"balance-amount":1,"error-message":null}"#).is_ok());
}

#[test]
fn statuses() {
    let body = "error-message=ignored";
    assert_eq!(
        parse_balances(403, body.as_bytes()),
        Err(ResponseError::AccessDenied { body: body.into() })
    );
    for status in [100, 199, 301, 400, 401, 404, 500, 503] {
        assert_eq!(
            parse_endpoint_balance(status, b"balance-amount=1"),
            Err(ResponseError::Http {
                status,
                body: "balance-amount=1".into()
            })
        );
    }
    for status in [200, 201, 299] {
        assert!(
            parse_endpoint_balance(status, b"balance-amount=1").is_ok(),
            "{status}"
        );
    }
    // The raw body is kept lossily, not trimmed.
    let err = parse_endpoint_balance(403, b" \xff denied\n").unwrap_err();
    assert_eq!(err.body(), Some(" \u{fffd} denied\n"));
    assert!(err.to_string().contains("403"));
}

#[test]
fn balances_from_form_lines() {
    let body = "name=Main\r\namount=10.50\r\ncurrency=EUR\r\nmerchantLogin=m+1\r\n\
                name=Second\namount=0\ncurrency=USD\nexternalMerchantIdentifier=42\nx=y\n";
    let got = parse_balances(200, body.as_bytes()).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].name, "Main");
    assert_eq!(got[0].amount.to_string(), "10.50");
    assert_eq!(got[0].merchant_login.as_deref(), Some("m 1"));
    assert_eq!(got[0].online_balance_live_amount, None);
    assert_eq!(got[1].name, "Second");
    assert_eq!(got[1].external_merchant_identifier.as_deref(), Some("42"));
    assert_eq!(got[1].extra["x"], "y");
}

#[test]
fn balances_json_tolerance() {
    // A bare object is a list of one; amounts may be strings; ids may be numbers.
    let got = parse_balances(
        200,
        br#"{"name":"a","amount":"1.000","currency":"USD","externalMerchantIdentifier":7,"new-field":[1,],}"#,
    )
    .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].amount.to_string(), "1.000");
    assert_eq!(got[0].external_merchant_identifier.as_deref(), Some("7"));
    assert_eq!(got[0].extra["new-field"], "[1]");
    for body in [
        r#"[{"amount":1,"currency":"USD"}]"#,
        r#"[{"name":"a","currency":"USD"}]"#,
        r#"[{"name":"a","amount":1}]"#,
        r#"[{"name":"a","amount":1,"currency":"USD","amount-buffer-hold":"x"}]"#,
        r#"[{"name":{"x":1},"amount":1,"currency":"USD"}]"#,
        r#"[{"name":"a","amount":1,"currency":"USD"},2]"#,
        r#"[{"name":"a","amount":1e99,"currency":"USD"}]"#,
        "name=a\namount=1",
    ] {
        let reason = unexpected(parse_balances(200, body.as_bytes()));
        assert!(
            reason.starts_with("balance ") || reason.contains("object"),
            "{body}: {reason}"
        );
    }
}

#[test]
fn parse_response_dispatches_on_kind() {
    let body = br#"[{"balance-amount":1}]"#;
    assert!(matches!(
        parse_response(CommandKind::EndpointBalance, 200, body),
        Ok(Response::EndpointBalance(_))
    ));
    assert!(parse_response(CommandKind::ManagerBalances, 200, body).is_err());
    let list = br#"[{"name":"a","amount":1,"currency":"USD"}]"#;
    for kind in [CommandKind::ManagerBalances, CommandKind::MerchantBalances] {
        assert!(
            matches!(parse_response(kind, 200, list), Ok(Response::Balances(v)) if v.len() == 1)
        );
    }
}
