//! Hostile inputs to the API layer (issue 12, finding 8): duplicate fields in an answer,
//! encoded dot segments in a gateway prefix, huge ids and logins.

use paynet_api::{
    Command, CommandError, Gateway, GatewayError, MAX_ID_LEN, ResponseError, SignError,
    parse_balances, parse_endpoint_balance,
};

fn unexpected(result: Result<impl std::fmt::Debug, ResponseError>) -> String {
    match result {
        Err(ResponseError::Unexpected { reason, .. }) => reason,
        other => panic!("expected unexpected_response, got {other:?}"),
    }
}

#[test]
fn a_field_given_twice_is_unexpected_never_the_last_value() {
    for body in [
        "balance-amount=1.00\nbalance-amount=1000000.00\n",
        "balance-amount=1.00&balance-amount=1000000.00",
        "[{\"balance-amount\":1.00,\"balance-amount\":1000000.00}]",
        "{\"balance-amount\":1.00,\"note\":\"a\",\"note\":\"b\"}",
    ] {
        let reason = unexpected(parse_endpoint_balance(200, body.as_bytes()));
        assert!(
            reason.contains("appears more than once"),
            "{body:?}: {reason}"
        );
    }
    let reason = unexpected(parse_balances(
        200,
        b"[{\"name\":\"a\",\"amount\":1,\"amount\":2,\"currency\":\"USD\"}]",
    ));
    assert!(reason.contains("amount appears more than once"), "{reason}");
    // Form lines still list balances: a name seen again starts the next balance.
    let list = parse_balances(
        200,
        b"name=a\namount=1\ncurrency=USD\nname=b\namount=2\ncurrency=EUR\n",
    )
    .unwrap();
    assert_eq!(list.len(), 2);
}

#[test]
fn encoded_dot_segments_in_a_gateway_prefix_are_refused_like_plain_ones() {
    for url in [
        "https://gate.example.com/pay/%2e%2e/api",
        "https://gate.example.com/pay/%2E%2E/api",
        "https://gate.example.com/pay/.%2e/api",
        "https://gate.example.com/%2e/api",
        "https://gate.example.com/pay/%2e%2E",
    ] {
        match Gateway::parse(url) {
            Err(GatewayError::InvalidUrl { reason, .. }) => {
                assert!(reason.contains("'.'"), "{url}: {reason}")
            }
            other => panic!("{url}: {other:?}"),
        }
    }
    // Escapes that are not dots still work, and so do dots inside a segment.
    assert!(Gateway::parse("https://gate.example.com/pay%20net/v1.2/..x").is_ok());
}

#[test]
fn huge_ids_and_logins_are_refused_before_a_request_is_built() {
    let huge = "1".repeat(100_000);
    assert_eq!(
        Command::endpoint_balance(&huge, "Test"),
        Err(CommandError::TooLong {
            param: "endpoint id",
            max: MAX_ID_LEN,
            len: 100_000
        })
    );
    assert!(matches!(
        Command::manager_balances(&huge, None),
        Err(CommandError::TooLong {
            param: "manager login",
            ..
        })
    ));
    assert!(matches!(
        Command::merchant_balances(&huge, None),
        Err(CommandError::TooLong {
            param: "merchant login",
            ..
        })
    ));
    assert!(Command::endpoint_balance(&"1".repeat(MAX_ID_LEN), "Test").is_ok());
    let gateway = Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
    let command = Command::endpoint_balance("1", "Test").unwrap();
    assert!(matches!(
        command.sign(&gateway, &huge, "key", 1_700_000_000, "nonce123456"),
        Err(SignError::Parameter(CommandError::TooLong {
            param: "login",
            ..
        }))
    ));
}

/// An id or login that is exactly `.` or `..` would be signed as a path segment that
/// every HTTP stack removes before sending (`%2E` too, under WHATWG URL), so the signed
/// URL and the requested one would differ: refused as input, naming the parameter.
#[test]
fn dot_segment_ids_and_logins_are_refused() {
    for dots in [".", ".."] {
        let cases = [
            (
                Command::endpoint_balance(dots, "Test"),
                "endpoint id must not be '.' or '..'",
            ),
            (
                Command::manager_balances(dots, None),
                "manager login must not be '.' or '..'",
            ),
            (
                Command::merchant_balances(dots, Some("EUR")),
                "merchant login must not be '.' or '..'",
            ),
        ];
        for (result, message) in cases {
            let err = result.expect_err(dots);
            assert!(
                matches!(err, CommandError::DotSegment { .. }),
                "{dots}: {err:?}"
            );
            let text = err.to_string();
            assert!(text.starts_with(message), "{dots}: {text}");
        }
    }
    // Dots inside an id stay, unescaped, as HTTP clients send them.
    let gateway = Gateway::parse("https://gate.example.com/paynet/api/v2").unwrap();
    for id in ["...", ".a", "a.", "1.2", ". ", "%2e"] {
        let command = Command::endpoint_balance(id, "Test").unwrap_or_else(|e| panic!("{id}: {e}"));
        let url = command.url(&gateway);
        assert!(!url.ends_with("/.") && !url.ends_with("/.."), "{url}");
    }
}
