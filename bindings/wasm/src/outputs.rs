//! Plain JavaScript objects for the results (not class instances: they print, compare
//! and `JSON.stringify` like the Node addon's).

use js_sys::{Object, Reflect};
use paynet_bind::OwnedSigned;
use wasm_bindgen::JsValue;

/// A plain object, filled property by property.
pub(crate) struct Plain(Object);

impl Plain {
    pub(crate) fn new() -> Self {
        Plain(Object::new())
    }

    /// Sets `name` to `value` (a fresh plain object never refuses it).
    pub(crate) fn set(&self, name: &str, value: impl Into<JsValue>) -> &Self {
        let _ = Reflect::set(&self.0, &JsValue::from_str(name), &value.into());
        self
    }

    pub(crate) fn into_js(self) -> JsValue {
        self.0.into()
    }
}

/// The `SignedRequest` object of a signed request.
pub(crate) fn signed_request(signed: &OwnedSigned) -> JsValue {
    let out = Plain::new();
    out.set("normalizedParameters", signed.normalized_parameters())
        .set("baseString", signed.base_string())
        .set("signature", signed.signature())
        .set("authorizationHeader", signed.authorization_header())
        .set("body", signed.body())
        .set("timestamp", signed.timestamp())
        .set("nonce", signed.nonce());
    out.into_js()
}
