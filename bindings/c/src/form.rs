//! Signing a form request the caller built with their own HTTP stack (libcurl): the
//! URL's query and the body's fields are signed; the caller sends the header and the
//! body this call writes.

use std::ffi::c_char;

use paynet_bind::OwnedRequest;

use crate::buffer::{boundary, optional_text, text};
use crate::detail::failed;
use crate::paynet_result;
use crate::sign::{header_slack, paynet_signed, paynet_signer, write_signed};

/// Signs a form request built by the caller: `method` and `url` (its query is signed
/// and stays in the URL), the form `body` as it would be sent
/// (`application/x-www-form-urlencoded`: ASCII, `a=1&b=x%20y`), `login` as the consumer
/// key. `content_type` is the request's Content-Type, or NULL when not known; another
/// type than the form's gives `PAYNET_INVALID_INPUT`, as do an empty login and a body
/// that is not percent-encoded UTF-8. `timestamp` is Unix seconds (0: now); `nonce`
/// NULL draws 16 characters from a CSPRNG seeded by the operating system (then a
/// too-small header buffer asks for the longest header any signature could give).
///
/// Writes the wanted outputs of `out`: send the `authorization_header` as
/// `Authorization` and the one-line `body` in place of yours (your fields and the
/// `oauth_*` values, encoded and sorted).
///
/// # Safety
/// `signer` must come from `paynet_signer_new`; texts must be NULL (length 0) or valid
/// for their lengths; `out` must point to a valid `paynet_signed` whose non-NULL
/// buffers are valid.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_sign_form(
    signer: *const paynet_signer,
    login: *const c_char,
    login_len: usize,
    method: *const c_char,
    method_len: usize,
    url: *const c_char,
    url_len: usize,
    body: *const c_char,
    body_len: usize,
    content_type: *const c_char,
    content_type_len: usize,
    timestamp: u64,
    nonce: *const c_char,
    nonce_len: usize,
    out: *const paynet_signed,
) -> paynet_result {
    boundary(|| {
        // SAFETY: NULL is checked; otherwise valid by contract.
        let (Some(signer), Some(out)) = (unsafe { signer.as_ref() }, unsafe { out.as_ref() })
        else {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        };
        if body.is_null() && body_len > 0 {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let bytes: &[u8] = if body.is_null() {
            &[]
        } else {
            // SAFETY: the caller guarantees `body_len` readable bytes.
            unsafe { std::slice::from_raw_parts(body.cast::<u8>(), body_len) }
        };
        // SAFETY: the caller guarantees valid texts.
        let (login, method, url, content_type, nonce) = unsafe {
            (
                text(login, login_len)?,
                text(method, method_len)?,
                text(url, url_len)?,
                optional_text(content_type, content_type_len)?,
                optional_text(nonce, nonce_len)?,
            )
        };
        let mut request = OwnedRequest::new(method, url, login);
        request.timestamp = (timestamp != 0).then(|| timestamp.to_string());
        request.nonce = nonce.map(str::to_owned);
        let signed =
            paynet_bind::sign_form(&signer.0, request, bytes, content_type).map_err(failed)?;
        let slack = match nonce {
            Some(_) => 0,
            None => header_slack(signed.signature()),
        };
        // SAFETY: the caller guarantees the wanted buffers are valid.
        unsafe { write_signed(signed.signed(), out, slack) }
    })
}
