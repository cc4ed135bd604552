//! Gateway answers as JavaScript values, built by walking [`BalanceField`] (each field
//! under its `camel_name`), and `parseResponse` (the response reader alone, for
//! gateways reached another way).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use napi::Env;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use paynet_bind::{Answer, BalanceField, FieldValue};

use crate::errors::js;

/// One field's value: text (`null` when the gateway left it out), or `extra`.
type Value = Either<Option<String>, BTreeMap<String, String>>;

/// A balance as a JavaScript object, its fields in the table's order.
type Object = IndexMap<&'static str, Value>;

/// An answer as JavaScript sees it: an `EndpointBalance` or an array of `Balance`.
pub(crate) type JsAnswer = Either<Object, Vec<Object>>;

fn object<'a>(
    fields: &[BalanceField],
    value: impl Fn(BalanceField) -> Option<FieldValue<'a>>,
    extra: BTreeMap<String, String>,
) -> Object {
    let mut out: Object = fields
        .iter()
        .map(|&f| (f.camel_name(), Either::A(value(f).map(|v| v.to_string()))))
        .collect();
    out.insert("extra", Either::B(extra));
    out
}

/// `answer` with each balance as an object of its fields.
pub(crate) fn to_js(answer: &Answer) -> JsAnswer {
    match answer {
        Answer::EndpointBalance(b) => Either::A(object(
            &BalanceField::ENDPOINT_BALANCE,
            |f| f.of_endpoint(b),
            b.extra.clone(),
        )),
        Answer::Balances(list) => Either::B(
            list.iter()
                .map(|b| object(&BalanceField::BALANCE, |f| f.of(b), b.extra.clone()))
                .collect(),
        ),
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
