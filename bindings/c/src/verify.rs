//! Server-side verification of an incoming request.

use core::ffi::c_char;

use paynet_oauth::{AuthorizationHeader, Incoming, Signer, TimeWindow};

use crate::buffer::{boundary, text};
use crate::paynet_result;

/// Verifies an incoming request's Authorization header against its method, URL and
/// form body with the consumer secret (token secret may be NULL), accepting a
/// timestamp within `window` seconds of `now`. `PAYNET_OK` when it is genuine;
/// otherwise the code of the check that failed.
///
/// # Safety
/// Texts must be NULL (length 0) or valid for their lengths.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_verify(
    method: *const c_char,
    method_len: usize,
    url: *const c_char,
    url_len: usize,
    body: *const c_char,
    body_len: usize,
    authorization_header: *const c_char,
    authorization_header_len: usize,
    consumer_secret: *const c_char,
    consumer_secret_len: usize,
    token_secret: *const c_char,
    token_secret_len: usize,
    now: u64,
    window: u64,
) -> paynet_result {
    boundary(|| {
        // SAFETY: the caller guarantees valid texts.
        let (method, url, body, header, secret, token_secret) = unsafe {
            (
                text(method, method_len)?,
                text(url, url_len)?,
                text(body, body_len)?,
                text(authorization_header, authorization_header_len)?,
                text(consumer_secret, consumer_secret_len)?,
                text(token_secret, token_secret_len)?,
            )
        };
        let header = AuthorizationHeader::parse(header)?;
        let signer = Signer::new(secret, token_secret);
        paynet_oauth::verify(
            &header,
            &Incoming { method, url, body },
            &signer,
            TimeWindow { now, window },
        )?;
        Ok(())
    })
}
