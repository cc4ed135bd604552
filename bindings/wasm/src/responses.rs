//! `parseResponse`: a gateway answer read by the layer, as the Node addon's objects.

use paynet_api::{Balance, BalanceField, EndpointBalance};
use paynet_bind::{Answer, Failure};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::inputs::{bytes_of, number_text, string_of, type_name};
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
        let command = string_of(command, "parseResponse: command")?;
        let status = status.as_f64().ok_or_else(|| {
            Failure::invalid_input(format!(
                "parseResponse: status must be a number (an HTTP status), not {}",
                type_name(status)
            ))
        })?;
        let body = bytes_of(body, "parseResponse: body")?;
        Ok(answer(&Answer::parse_number(
            &command,
            status,
            &body,
            &number_text,
        )?))
    })
}
