//! `parseResponse`: a gateway answer read by the layer, as the Node addon's objects.

use paynet_bind::{Answer, Failure, Record, Shaped};
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

/// One balance as a plain object: each field under its `camel_name` (a string, or
/// `null` when the gateway left it out), then `extra`.
fn object(record: Record<'_>) -> JsValue {
    let out = Plain::new();
    for (field, value) in record.fields() {
        let value = value.map_or(JsValue::NULL, |v| JsValue::from_str(&v.to_string()));
        out.set(field.camel_name(), value);
    }
    out.set("extra", extra(record.extra()));
    out.into_js()
}

/// An answer as the Node addon's objects: an `EndpointBalance`, or an array of `Balance`.
pub(crate) fn answer(answer: &Answer) -> JsValue {
    match answer.map_records(object) {
        Shaped::One(one) => one,
        Shaped::List(list) => list.into_iter().collect::<js_sys::Array>().into(),
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
