//! Signing a command with the OAuth core: the request a transport sends as it is.

use crate::command::Command;
use crate::error::{CommandError, SignError};
use crate::gateway::Gateway;

/// The Content-Type of every request body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Checks a request's Content-Type before its body is signed as a form: the gateway's
/// API takes [`FORM_CONTENT_TYPE`] bodies only, and OAuth signs a body only when it is
/// one (RFC 5849 §3.4.1.3.1). The type's parameters (`; charset=utf-8`) and case are
/// ignored. Every surface that signs a caller's own request (the Rust `sign_request`,
/// `signForm`, the Python auth classes) refuses another type through this.
pub fn check_form_content_type(content_type: &str) -> Result<(), NotAFormError> {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case(FORM_CONTENT_TYPE) {
        Ok(())
    } else {
        Err(NotAFormError {
            content_type: content_type.to_owned(),
        })
    }
}

/// A body whose Content-Type is not the form type ([`check_form_content_type`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFormError {
    /// The Content-Type found.
    pub content_type: String,
}

impl std::fmt::Display for NotAFormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the gateway takes {FORM_CONTENT_TYPE} bodies; this request is {}",
            self.content_type
        )
    }
}

impl std::error::Error for NotAFormError {}

/// A signed request, ready to send: `POST url` with `Authorization: {authorization}`,
/// `Content-Type: {content_type}` and `body`, all to be sent byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// The HTTP method, always `POST`.
    pub method: &'static str,
    /// The full request URL, as signed.
    pub url: String,
    /// The Authorization header value: `OAuth realm="",oauth_version="1.0",…`.
    pub authorization: String,
    /// [`FORM_CONTENT_TYPE`].
    pub content_type: &'static str,
    /// The one-line form body: the command's parameters and the five `oauth_*`
    /// parameters, encoded and sorted (no `oauth_signature`).
    pub body: String,
    /// The base64 signature (also in `authorization`, percent-encoded there).
    pub signature: String,
}

impl Command {
    /// Signs this command for `gateway` with OAuth 1.0a HMAC-SHA1 (two-legged):
    /// `login` is the consumer key, `control_key` the consumer secret (read as every
    /// surface reads a control key: [`crate::control_key_text`]). The caller
    /// supplies the clock (`timestamp`, Unix seconds) and a fresh `nonce` (at least 11
    /// characters of `[A-Za-z0-9]` from a CSPRNG, as the gateway expects).
    pub fn sign(
        &self,
        gateway: &Gateway,
        login: &str,
        control_key: &str,
        timestamp: u64,
        nonce: &str,
    ) -> Result<SignedRequest, SignError> {
        crate::command::check_login(login).map_err(SignError::Parameter)?;
        let control_key = crate::control_key_text(control_key);
        if control_key.is_empty() {
            return Err(SignError::Parameter(CommandError::Empty {
                param: "control key",
            }));
        }
        let url = self.url(gateway);
        let owned = self.form();
        let form: Vec<(&str, &str)> = owned.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let timestamp = timestamp.to_string();
        let request = paynet_oauth::Request::new("POST", &url, &form, login, &timestamp, nonce);
        let signed = paynet_oauth::Signer::new(control_key, "").sign(&request)?;
        let mut authorization = String::with_capacity(signed.authorization_header_len());
        signed.write_authorization_header(&mut authorization)?;
        let mut body = String::with_capacity(signed.body_len());
        signed.write_body(&mut body)?;
        let signature = signed.signature().to_owned();
        Ok(SignedRequest {
            method: "POST",
            url,
            authorization,
            content_type: FORM_CONTENT_TYPE,
            body,
            signature,
        })
    }
}
