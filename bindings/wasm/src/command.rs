//! `commandRequest`: what the Request Builder signs for a balance command (the URL
//! and the form), built by the API layer from a gateway preset or URL; `signCommand`:
//! that command signed as the clients sign it, which the page shows.

use paynet_api::{Command, CommandKind, Gateway};
use paynet_bind::{Failure, OwnedRequest, command_kind};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::inputs::Fields;
use crate::outputs::{Plain, signed_request};
use crate::signing::fill_time;

/// The gateway and the balance command of `{gateway, command, subject, name?}`.
fn command_of(fields: &Fields<'_>) -> Result<(Gateway, Command), Failure> {
    let gateway = Gateway::from_str_or_preset(&fields.string("gateway")?)?;
    let subject = fields.string("subject")?;
    let name = fields.opt_string("name")?.filter(|n| !n.is_empty());
    let kind = command_kind(&fields.string("command")?)?;
    if kind == CommandKind::EndpointBalance && name.is_none() {
        return Err(Failure::invalid_input(
            "get-balance needs a balance provider (args.name)",
        ));
    }
    Ok((gateway, Command::new(kind, &subject, name.as_deref())?))
}

/// `{gateway, command, subject, name?}` → `{method, url, params}`: `gateway` is a
/// preset name (`payneteasy-sandbox`) or a base URL; `subject` the endpoint id or the
/// manager/merchant login; `name` the balance provider (required for `get-balance`)
/// or the balance name. `params` is an array of `[name, value]` pairs for `sign`.
#[wasm_bindgen(js_name = commandRequest)]
pub fn command_request(args: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(args, "args")?;
        let (gateway, command) = command_of(&fields)?;
        let params = js_sys::Array::new();
        for (param, value) in command.form() {
            params.push(&js_sys::Array::of2(&param.into(), &value.into()));
        }
        let out = Plain::new();
        out.set("method", "POST")
            .set("url", command.url(&gateway))
            .set("params", params);
        Ok(out.into_js())
    })
}

/// `{gateway, command, subject, name?, login, controlKey, timestamp?, nonce?}` →
/// `{method, url, normalizedParameters, baseString, signature, authorizationHeader,
/// body, timestamp, nonce}`: the balance command signed as the clients sign it, the
/// login checked (1 to 256 characters) and the control key read by the control-key
/// rule (the white space around it dropped, an empty one refused), so the Request
/// Builder shows the signature the SDK sends.
#[wasm_bindgen(js_name = signCommand)]
pub fn sign_command(args: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(args, "args")?;
        let (gateway, command) = command_of(&fields)?;
        let mut request = OwnedRequest::for_command(&gateway, &command, &fields.string("login")?)?;
        let signer = paynet_bind::control_key_signer(&fields.string("controlKey")?)?;
        fill_time(&fields, &mut request)?;
        let (method, url) = (request.method.clone(), request.url.clone());
        let signed = request.sign(&signer)?;
        let out = signed_request(&signed);
        let _ = js_sys::Reflect::set(&out, &"method".into(), &method.into());
        let _ = js_sys::Reflect::set(&out, &"url".into(), &url.into());
        Ok(out)
    })
}
