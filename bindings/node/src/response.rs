//! Gateway answers as JavaScript values, built by walking [`BalanceField`] (each field
//! under its `camel_name`), and `parseResponse` (the response reader alone, for
//! gateways reached another way).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use napi::Env;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use paynet_bind::{Answer, Record, Shaped};

use crate::errors::js;

/// One field's value: text (`null` when the gateway left it out), or `extra`.
type Value = Either<Option<String>, BTreeMap<String, String>>;

/// A balance as a JavaScript object, its fields in the table's order.
type Object = IndexMap<&'static str, Value>;

/// An answer as JavaScript sees it: an `EndpointBalance` or an array of `Balance`.
pub(crate) type JsAnswer = Either<Object, Vec<Object>>;

/// One balance as an object: each field under its `camel_name`, then `extra`.
fn object(record: Record<'_>) -> Object {
    let mut out: Object = record
        .fields()
        .map(|(f, v)| (f.camel_name(), Either::A(v.map(|v| v.to_string()))))
        .collect();
    out.insert("extra", Either::B(record.extra().clone()));
    out
}

/// `answer` with each balance as an object of its fields.
pub(crate) fn to_js(answer: &Answer) -> JsAnswer {
    match answer.map_records(object) {
        Shaped::One(one) => Either::A(one),
        Shaped::List(list) => Either::B(list),
    }
}

/// Reads a gateway response to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`): an `EndpointBalance` for the first, an array of `Balance`
/// for the others. Throws an `Error` with `code` `PAYNET_GATEWAY_ERROR` (an
/// `error-message`), `PAYNET_ACCESS_DENIED` (403), `PAYNET_HTTP_ERROR` (another status)
/// or `PAYNET_UNEXPECTED_RESPONSE` (anything else, never read as zero).
#[napi(
    ts_args_type = "command: string, status: number, body: string | Buffer",
    ts_return_type = "EndpointBalance | Array<Balance>"
)]
pub fn parse_response(
    env: Env,
    command: String,
    status: f64,
    body: Either<String, Buffer>,
) -> napi::Result<JsAnswer> {
    let bytes: &[u8] = match &body {
        Either::A(text) => text.as_bytes(),
        Either::B(buffer) => buffer,
    };
    let answer = Answer::parse_number(&command, status, bytes, &paynet_bind::js_number);
    js(&env, answer.map(|a| to_js(&a)))
}
