//! `signForm` (a form request built by the caller's own `fetch`) and `errorKinds` (the
//! error-kind table), with the Node addon's names and shapes.

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use paynet_bind::{ERROR_KINDS, Failure, OwnedRequest};
use wasm_bindgen::{JsCast, prelude::*};

use crate::errors::thrown;
use crate::host;
use crate::inputs::{Fields, bytes_of, type_name};
use crate::outputs::Plain;

/// The bytes of `body`: a string, a `Uint8Array` or a `URLSearchParams` (its text);
/// required, as in the Node addon (an empty body is `''`).
fn body_bytes(body: &JsValue) -> Result<Vec<u8>, Failure> {
    let tag = || Reflect::get(body, &js_sys::Symbol::to_string_tag()).unwrap_or_default();
    if body.is_object() && tag().as_string().as_deref() == Some("URLSearchParams") {
        let text: JsString = body.unchecked_ref::<Object>().to_string();
        return Ok(String::from(text).into_bytes());
    }
    if body.is_string() || body.is_instance_of::<Uint8Array>() {
        return bytes_of(body, "request.body");
    }
    Err(Failure::invalid_input(format!(
        "request.body must be a string, a URLSearchParams or a Uint8Array, not {}",
        type_name(body)
    )))
}

/// Signs a form request for the caller's own HTTP stack (`fetch`): `{method, url, body,
/// contentType?, login, controlKey, timestamp?, nonce?}` → `{authorization, body,
/// contentType}` to send in place of the caller's header and body.
#[wasm_bindgen(js_name = signForm)]
pub fn sign_form(request: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(request, "request")?;
        let mut owned = OwnedRequest::new(
            fields.string("method")?,
            fields.string("url")?,
            fields.string("login")?,
        );
        owned.timestamp = Some(match fields.timestamp()? {
            Some(t) => t,
            None => host::now().to_string(),
        });
        owned.nonce = Some(match fields.opt_string("nonce")? {
            Some(n) => n,
            None => host::fresh_nonce()?,
        });
        let body = body_bytes(&Reflect::get(request, &"body".into()).unwrap_or_default())?;
        let signer = paynet_bind::control_key_signer(&fields.string("controlKey")?)?;
        let content_type = fields.opt_string("contentType")?;
        let signed = paynet_bind::sign_form(&signer, owned, &body, content_type.as_deref())?;
        let out = Plain::new();
        out.set("authorization", signed.authorization_header())
            .set("body", signed.body())
            .set("contentType", paynet_bind::FORM_CONTENT_TYPE);
        Ok(out.into_js())
    })
}

/// Every error kind of the SDK (the `code`s an error may carry), in number order:
/// `[{code, number, summary}]`.
#[wasm_bindgen(js_name = errorKinds)]
pub fn error_kinds() -> Array {
    ERROR_KINDS
        .iter()
        .map(|k| {
            let row = Plain::new();
            row.set("code", k.code)
                .set("number", k.number)
                .set("summary", k.summary);
            row.into_js()
        })
        .collect()
}
