//! The one conversion of a [`Failure`] into a JavaScript `Error`: `code` from the
//! error-kind table, the details as properties. And the table itself, for JavaScript.

use napi::bindgen_prelude::{JsObjectValue, JsValue};
use napi::{Env, Status};
use napi_derive::napi;

use paynet_bind::{ERROR_KINDS, Failure, JsDetail};

/// `failure` as the JavaScript error to throw or to reject a promise with.
pub(crate) fn to_js(env: &Env, failure: &Failure) -> napi::Error {
    match build(env, failure) {
        Ok(error) | Err(error) => error,
    }
}

/// `result` with its failure turned into a JavaScript error.
pub(crate) fn js<T>(env: &Env, result: Result<T, Failure>) -> napi::Result<T> {
    result.map_err(|f| to_js(env, &f))
}

fn build(env: &Env, f: &Failure) -> napi::Result<napi::Error> {
    let mut error = env.create_error(napi::Error::new(Status::GenericFailure, &f.message))?;
    error.set_named_property("code", f.kind.code())?;
    for (name, detail) in f.js_details() {
        match detail {
            JsDetail::Text(text) => error.set_named_property(name, text)?,
            JsDetail::Number(n) => error.set_named_property(name, n)?,
        }
    }
    Ok(napi::Error::from(error.to_unknown()))
}

/// One row of the error-kind table.
#[napi(object)]
pub struct ErrorKindInfo {
    /// The stable `code` of the errors of this kind (the C constant's name).
    #[napi(ts_type = "PaynetErrorCode")]
    pub code: String,
    /// The C library's `paynet_result` value.
    pub number: u32,
    /// A short English description.
    pub summary: String,
}

/// Every error kind of the SDK (the `code`s an error may carry), in number order.
#[napi]
pub fn error_kinds() -> Vec<ErrorKindInfo> {
    ERROR_KINDS
        .iter()
        .map(|k| ErrorKindInfo {
            code: k.code.to_owned(),
            number: k.number,
            summary: k.summary.to_owned(),
        })
        .collect()
}
