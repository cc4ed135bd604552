//! The wasm side of `Client` (js/client.js runs it on the runtime's `fetch`): the
//! settings and the signer keyed with the control key live here, in WebAssembly
//! memory, and each call is a [`paynet_bind::Exchange`] that signs every attempt,
//! decides on retries, caps the body and reads the answer. JavaScript only calls
//! `fetch`, watches the clock and reads the stream.

use std::rc::Rc;

use paynet_api::AttemptFailure;
use paynet_bind::{Call, ClientLimits, ClientSettings, command_kind};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::host;
use crate::inputs::{Fields, number_text};
use crate::outputs::Plain;

#[wasm_bindgen]
extern "C" {
    /// The host's `AbortSignal` class (for `instanceof`).
    type AbortSignal;
}

/// A client's settings and keyed signer (`new Client(options)`). Not exported by the
/// package: `Client` in js/client.js wraps it.
#[wasm_bindgen(js_name = ClientCore)]
pub struct ClientCore {
    settings: Rc<ClientSettings>,
}

/// Milliseconds, as JavaScript timers take them.
fn millis(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[wasm_bindgen(js_class = ClientCore)]
impl ClientCore {
    /// Checks `{gateway, login, controlKey, timeoutMs?, connectTimeoutMs?, retries?,
    /// allowHttp?, maxResponseBytes?}` as the Node addon does, in its order: the types
    /// of the fields, then that no other key is given, then the values.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &JsValue) -> Result<ClientCore, JsValue> {
        thrown(|| {
            let fields = Fields::of(options, "options")?;
            let text = fields.string("gateway")?;
            let login = fields.string("login")?;
            let key = fields.string("controlKey")?;
            let (timeout, connect_timeout) = (
                fields.opt_f64("timeoutMs")?,
                fields.opt_f64("connectTimeoutMs")?,
            );
            let retries = fields.opt_u64("retries")?;
            let allow_http = fields.opt_bool("allowHttp")?;
            let max_response_bytes = fields.opt_u64("maxResponseBytes")?;
            paynet_bind::check_js_option_keys(&fields.keys())?;
            let gateway = paynet_bind::js_gateway(&text)?;
            let limits = ClientLimits::from_js(
                timeout,
                connect_timeout,
                retries,
                allow_http,
                max_response_bytes,
                &number_text,
            )?;
            let settings = ClientSettings::new(gateway, &login, &key, limits)?;
            Ok(ClientCore {
                settings: Rc::new(settings),
            })
        })
    }

    /// The gateway's base URL.
    #[wasm_bindgen(getter)]
    pub fn gateway(&self) -> String {
        self.settings.gateway().to_string()
    }

    /// The login (OAuth consumer key).
    #[wasm_bindgen(getter)]
    pub fn login(&self) -> String {
        self.settings.login().to_owned()
    }

    /// How long one attempt may take, in milliseconds.
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> f64 {
        millis(self.settings.timeout())
    }

    /// How long the response's headers may take, in milliseconds, when shorter than
    /// `timeoutMs` (`connectTimeoutMs`: fetch cannot tell when it has connected).
    #[wasm_bindgen(getter, js_name = headersTimeoutMs)]
    pub fn headers_timeout_ms(&self) -> Option<f64> {
        self.settings.headers_timeout().map(millis)
    }

    /// Starts `command` (`getBalance`: `{endpointId, provider}`; `getManagerBalances`,
    /// `getMerchantBalances`: `{login, name?}`) with the call's `options` (`{signal?}`).
    /// Wrong argument types throw here (js/client.js turns that into the call's
    /// rejected promise); an empty or too long value fails the call's first `request()`.
    pub fn start(
        &self,
        command: &str,
        args: &JsValue,
        options: &JsValue,
    ) -> Result<ClientCall, JsValue> {
        thrown(|| {
            let fields = Fields::of(args, "args")?;
            let call = match command_kind(command)? {
                paynet_api::CommandKind::EndpointBalance => Call::EndpointBalance {
                    provider: fields.string("provider")?,
                    endpoint_id: fields.id("endpointId")?,
                },
                _ => Call::named(command, fields.string("login")?, fields.opt_string("name")?)?,
            };
            // `undefined` or `null`: no options; anything else must be an object.
            if !options.is_undefined() && !options.is_null() {
                Fields::of(options, "options")?
                    .opt_instance::<AbortSignal>("signal", "an AbortSignal")?;
            }
            Ok(ClientCall {
                exchange: paynet_bind::Exchange::new(&self.settings, &call),
                settings: Rc::clone(&self.settings),
            })
        })
    }
}

/// One call of a `Client`, from the first attempt to the answer.
#[wasm_bindgen]
pub struct ClientCall {
    settings: Rc<ClientSettings>,
    exchange: paynet_bind::Exchange,
}

#[wasm_bindgen]
impl ClientCall {
    /// The next attempt's request, signed now with a fresh nonce: `{url, method,
    /// headers, body}` for `fetch`.
    pub fn request(&self) -> Result<JsValue, JsValue> {
        thrown(|| {
            let nonce = host::fresh_nonce()?;
            let signed = self.exchange.sign(&self.settings, host::now(), &nonce)?;
            let headers = Plain::new();
            headers
                .set("authorization", signed.authorization_header())
                .set("content-type", paynet_bind::FORM_CONTENT_TYPE);
            let request = signed.request();
            let out = Plain::new();
            out.set("url", request.url.as_str())
                .set("method", request.method.as_str())
                .set("headers", headers.into_js())
                .set("body", signed.body());
            Ok(out.into_js())
        })
    }

    /// The attempt failed: `how` is `"before"` (no response: refused, reset, DNS),
    /// `"timeout"` or `"after"` (the body was cut off); `reason` is what `fetch` said.
    /// Returns to send again (only `"before"`, while retries are left); throws the
    /// call's failure otherwise.
    pub fn failed(&mut self, how: &str, reason: &str) -> Result<(), JsValue> {
        let failure = match how {
            "before" => AttemptFailure::BeforeResponse,
            "timeout" => AttemptFailure::Timeout,
            _ => AttemptFailure::AfterResponse,
        };
        thrown(|| self.exchange.failed(&self.settings, failure, reason))
    }

    /// The response began: its status (0 for an opaque redirect) and `Content-Length`
    /// header (or `null`). Throws when the redirect or the announced length is refused.
    pub fn respond(&mut self, status: u16, length: Option<String>) -> Result<(), JsValue> {
        let announced = length.and_then(|l| l.trim().parse().ok());
        thrown(|| self.exchange.respond(status, announced))
    }

    /// A chunk of the body; throws `PAYNET_RESPONSE_TOO_LARGE` as the body passes the
    /// cap (the caller then cancels the stream).
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        thrown(|| self.exchange.chunk(bytes))
    }

    /// The body is complete: the answer (`EndpointBalance` or an array of `Balance`),
    /// or throws the failure it means.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        thrown(|| Ok(crate::responses::answer(&self.exchange.finish()?)))
    }
}
