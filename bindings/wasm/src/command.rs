//! `commandRequest`: what the Request Builder signs for a balance command (the URL
//! and the form), built by the API layer from a gateway preset or URL.

use paynet_api::{Command, CommandKind, Gateway};
use paynet_bind::{Failure, command_kind};
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::inputs::Fields;
use crate::outputs::Plain;

/// `{gateway, command, subject, name?}` → `{method, url, params}`: `gateway` is a
/// preset name (`payneteasy-sandbox`) or a base URL; `subject` the endpoint id or the
/// manager/merchant login; `name` the balance provider (required for `get-balance`)
/// or the balance name. `params` is an array of `[name, value]` pairs for `sign`.
#[wasm_bindgen(js_name = commandRequest)]
pub fn command_request(args: &JsValue) -> Result<JsValue, JsValue> {
    thrown(|| {
        let fields = Fields::of(args, "args")?;
        let gateway = Gateway::from_str_or_preset(&fields.string("gateway")?)?;
        let subject = fields.string("subject")?;
        let name = fields.opt_string("name")?.filter(|n| !n.is_empty());
        let kind = command_kind(&fields.string("command")?)?;
        if kind == CommandKind::EndpointBalance && name.is_none() {
            return Err(Failure::invalid_input(
                "get-balance needs a balance provider (args.name)",
            ));
        }
        let command = Command::new(kind, &subject, name.as_deref())?;
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
