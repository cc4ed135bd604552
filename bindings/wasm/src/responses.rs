//! `parseResponse`: a gateway answer read by the layer, as the Node addon's objects.

use paynet_api::{Balance, BalanceField, EndpointBalance};
use paynet_bind::{Answer, Failure};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::inputs::{bytes_of, number_text, string_of};
use crate::outputs::Plain;

/// `extra` as a plain object of strings.
fn extra(fields: &std::collections::BTreeMap<String, String>) -> JsValue {
    let out = Plain::new();
    for (name, value) in fields {
        out.set(name, value.as_str());
    }
    out.into_js()
}

/// A field's value as a string, or `null` when the gateway left it out.
fn text(value: Option<paynet_api::FieldValue<'_>>) -> JsValue {
    value.map_or(JsValue::NULL, |v| JsValue::from_str(&v.to_string()))
}

fn endpoint_balance(b: &EndpointBalance) -> JsValue {
    let out = Plain::new();
    for field in BalanceField::ENDPOINT_BALANCE {
        out.set(field.camel_name(), text(field.of_endpoint(b)));
    }
    out.set("extra", extra(&b.extra));
    out.into_js()
}

fn balance(b: &Balance) -> JsValue {
    let out = Plain::new();
    for field in BalanceField::BALANCE {
        out.set(field.camel_name(), text(field.of(b)));
    }
    out.set("extra", extra(&b.extra));
    out.into_js()
}

/// An answer as the Node addon's objects: an `EndpointBalance`, or an array of `Balance`.
pub(crate) fn answer(answer: &Answer) -> JsValue {
    match answer {
        Answer::EndpointBalance(b) => endpoint_balance(b),
        Answer::Balances(list) => list.iter().map(balance).collect::<js_sys::Array>().into(),
    }
}

/// `status` as an HTTP status: a whole number (the layer checks 100 to 599).
fn http_status(status: f64) -> Result<u16, Failure> {
    if status.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&status) {
        // Whole and in range: the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Ok(status as u16);
    }
    Err(Failure::invalid_input(format!(
        "status {} is not an HTTP status (a whole number from 100 to 599)",
        number_text(status)
    )))
}

/// Reads a gateway response to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`): an `EndpointBalance` for the first, an array of
/// `Balance` for the others. Throws an `Error` with `code` `PAYNET_GATEWAY_ERROR`,
/// `PAYNET_ACCESS_DENIED`, `PAYNET_HTTP_ERROR` or `PAYNET_UNEXPECTED_RESPONSE`.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(
    command: &JsValue,
    status: &JsValue,
    body: &JsValue,
) -> Result<JsValue, JsValue> {
    thrown(|| {
        let command = string_of(command, "command")?;
        let status = status
            .as_f64()
            .ok_or_else(|| Failure::invalid_input("status must be a number (an HTTP status)"))?;
        let body = bytes_of(body, "body")?;
        Ok(answer(&Answer::parse(
            &command,
            http_status(status)?,
            &body,
        )?))
    })
}
