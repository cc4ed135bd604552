//! Gateway response parsing: `parse_response`, `parse_endpoint_balance`,
//! `parse_balances` (and the tolerant JSON reader under them).
//!
//! Input: one byte choosing the status (below 0xC0: 200; otherwise the next two bytes,
//! little-endian, are the status), then the body. Checked:
//! - 403 is `AccessDenied`, any other status outside 2xx is `Http { status }`, both with
//!   the body (lossy UTF-8); `Unexpected` also keeps the body; `Gateway` only when the
//!   body carries `error-message`;
//! - `parse_response` agrees with the two specific parsers;
//! - a parsed answer survives render → parse in every format (JSON, the documented
//!   layout, form lines), as `render.rs` promises, with the same digits;
//! - a body the JSON reader accepts prints as JSON that parses back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paynet_api::json;
use paynet_api::{
    Balance, CommandKind, EndpointBalance, Format, Response, ResponseError, parse_balances,
    parse_endpoint_balance, parse_response, render_balances, render_endpoint_balance,
};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (status, body) = if selector < 0xC0 || rest.len() < 2 {
        (200, rest)
    } else {
        (u16::from_le_bytes([rest[0], rest[1]]), &rest[2..])
    };
    let raw = String::from_utf8_lossy(body);

    let endpoint = parse_endpoint_balance(status, body);
    let balances = parse_balances(status, body);
    assert_eq!(
        parse_response(CommandKind::EndpointBalance, status, body),
        endpoint.clone().map(Response::EndpointBalance)
    );
    for kind in [CommandKind::ManagerBalances, CommandKind::MerchantBalances] {
        assert_eq!(
            parse_response(kind, status, body),
            balances.clone().map(Response::Balances)
        );
    }

    for err in [endpoint.as_ref().err(), balances.as_ref().err()]
        .into_iter()
        .flatten()
    {
        check_error(err, status, &raw);
    }
    if status == 403 || !(200..300).contains(&status) {
        assert!(
            endpoint.is_err() && balances.is_err(),
            "status {status} accepted"
        );
    }
    if let Ok(e) = &endpoint {
        endpoint_round_trips(e);
    }
    if let Ok(b) = &balances {
        balances_round_trip(b);
    }

    if let Ok(text) = std::str::from_utf8(body)
        && let Ok(value) = json::parse(text)
    {
        let printed = value.to_string();
        let again = json::parse(&printed)
            .unwrap_or_else(|e| panic!("printed JSON {printed:?} does not parse: {e}"));
        assert_eq!(again, value, "JSON print → parse: {printed}");
    }
});

fn check_error(err: &ResponseError, status: u16, raw: &str) {
    match err {
        ResponseError::AccessDenied { body } => {
            assert_eq!(status, 403);
            assert_eq!(body, raw);
        }
        ResponseError::Http { status: s, body } => {
            assert_eq!(*s, status);
            assert!(status != 403 && !(200..300).contains(&status));
            assert_eq!(body, raw);
        }
        ResponseError::Unexpected { body, reason } => {
            assert!((200..300).contains(&status));
            assert_eq!(body, raw);
            assert!(!reason.is_empty());
        }
        ResponseError::Gateway { .. } => {
            assert!((200..300).contains(&status));
            // `error-message` as written, or escaped (`\u0065rror`, `%65rror`).
            assert!(
                raw.contains("error") || raw.contains("\\u") || raw.contains('%'),
                "Gateway error without error-message: {raw:?}"
            );
        }
        other => panic!("unknown error variant {other:?}"),
    }
    assert!(!err.to_string().is_empty());
    assert_eq!(
        err.body().is_none(),
        matches!(err, ResponseError::Gateway { .. })
    );
}

const FORMATS: [Format; 3] = [Format::Json, Format::Documented, Format::FormLines];

/// What a render → parse keeps: `extra` loses `error-message` (never written).
fn expected_extra(
    extra: &std::collections::BTreeMap<String, String>,
) -> std::collections::BTreeMap<String, String> {
    let mut extra = extra.clone();
    extra.remove("error-message");
    extra
}

fn endpoint_round_trips(e: &EndpointBalance) {
    let mut want = e.clone();
    want.extra = expected_extra(&e.extra);
    for format in FORMATS {
        let text = render_endpoint_balance(e, format);
        let again = parse_endpoint_balance(200, text.as_bytes())
            .unwrap_or_else(|err| panic!("{format:?} {text:?} does not parse again: {err}"));
        assert_eq!(again, want, "{format:?}: {text:?}");
        assert_eq!(
            again.balance_amount.to_string(),
            e.balance_amount.to_string(),
            "digits"
        );
    }
}

fn balances_round_trip(b: &[Balance]) {
    let want: Vec<Balance> = b
        .iter()
        .map(|x| {
            let mut x = x.clone();
            x.extra = expected_extra(&x.extra);
            x
        })
        .collect();
    let digits = |v: &[Balance]| {
        v.iter()
            .map(|x| {
                format!(
                    "{} {:?} {:?} {:?} {:?}",
                    x.amount,
                    x.online_balance_live_amount,
                    x.total_short_term_hold_amount,
                    x.total_rolling_reserve_amount,
                    x.amount_buffer_hold
                )
            })
            .collect::<Vec<_>>()
    };
    for format in FORMATS {
        let text = render_balances(b, format);
        if b.is_empty() && format == Format::FormLines {
            // No form-lines form of an empty list: an empty body, which is unexpected.
            assert_eq!(text, "");
            continue;
        }
        let again = parse_balances(200, text.as_bytes())
            .unwrap_or_else(|err| panic!("{format:?} {text:?} does not parse again: {err}"));
        assert_eq!(again, want, "{format:?}: {text:?}");
        assert_eq!(digits(&again), digits(b), "{format:?}: digits");
    }
}
