//! The one conversion of a [`Failure`] into a JavaScript `Error`: `message`, and `code`
//! from the layer's table (the Node addon's `PAYNET_…` codes), with the details some
//! kinds carry (`status`, `body`, `gatewayMessage`, `reason`, `limit`).

use js_sys::Reflect;
use paynet_bind::{Failure, JsDetail};
use wasm_bindgen::{JsCast, JsValue};

/// `failure` as the `Error` to throw.
pub(crate) fn to_js(failure: Failure) -> JsValue {
    let error = js_sys::Error::new(&failure.message);
    let set = |name: &str, value: JsValue| {
        // Setting a property of a fresh Error cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str(name), &value);
    };
    set("code", JsValue::from_str(failure.kind.code()));
    for (name, detail) in failure.js_details() {
        set(
            name,
            match detail {
                JsDetail::Text(text) => JsValue::from_str(text),
                JsDetail::Number(n) => JsValue::from_f64(n),
            },
        );
    }
    error.into()
}

/// What a JavaScript exception says, for a message: the string itself, or an `Error`'s
/// (a `DOMException` is one) `message`, or its type. (Not `{:?}`: wasm-bindgen's debug
/// rendering costs the module and the glue a formatter of their own.)
pub(crate) fn describe(thrown: &JsValue) -> String {
    thrown
        .as_string()
        .or_else(|| {
            thrown
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| thrown.js_typeof().as_string().unwrap_or_default())
}

/// Runs `work` and throws its failure as a JavaScript error.
pub(crate) fn thrown<T>(work: impl FnOnce() -> Result<T, Failure>) -> Result<T, JsValue> {
    work().map_err(to_js)
}
