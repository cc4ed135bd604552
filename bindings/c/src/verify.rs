//! Server-side verification of an incoming request.

use core::ffi::c_char;

use paynet_oauth::percent::{Decoding, decode_into, decoded_len};
use paynet_oauth::{AuthorizationHeader, Incoming, Signer, TimeWindow};

use crate::buffer::{Out, boundary, check_all, paynet_buffer, text, write};
use crate::paynet_result;

/// What `paynet_verify_ex` established about a genuine request. The buffers may be
/// NULL (not wanted); `timestamp` is set by the library.
///
/// To refuse replays, remember `(consumer_key, nonce)` (both decoded, as written here)
/// for the timestamp window and refuse a pair seen before: `oauth_nonce="%39iMz…"` is
/// the nonce `9iMz…`, and the header's raw text must never be the key.
#[repr(C)]
#[derive(Debug)]
pub struct paynet_verified {
    /// `oauth_consumer_key` (the login), percent-decoded.
    pub consumer_key: *mut paynet_buffer,
    /// `oauth_token`, percent-decoded; empty when the header has none.
    pub token: *mut paynet_buffer,
    /// `oauth_nonce`, percent-decoded (1 to 128 bytes of UTF-8).
    pub nonce: *mut paynet_buffer,
    /// Set by the library: `oauth_timestamp` in Unix seconds.
    pub timestamp: u64,
}

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
    let mut nothing_wanted = paynet_verified {
        consumer_key: core::ptr::null_mut(),
        token: core::ptr::null_mut(),
        nonce: core::ptr::null_mut(),
        timestamp: 0,
    };
    // SAFETY: the texts are forwarded from the caller under the same contract;
    // `nothing_wanted` is a valid `paynet_verified` that wants no buffer.
    unsafe {
        paynet_verify_ex(
            method,
            method_len,
            url,
            url_len,
            body,
            body_len,
            authorization_header,
            authorization_header_len,
            consumer_secret,
            consumer_secret_len,
            token_secret,
            token_secret_len,
            now,
            window,
            &mut nothing_wanted,
        )
    }
}

/// As `paynet_verify`, and on `PAYNET_OK` writes what was verified into the wanted
/// buffers of `out` (decoded consumer key, token and nonce) and sets
/// `out->timestamp`. When a wanted buffer is too small the call returns
/// `PAYNET_BUFFER_TOO_SMALL` after a successful verification, sets every wanted
/// buffer's `len` to the length it needs and writes nothing else: call it again with
/// larger buffers.
///
/// # Safety
/// Texts must be NULL (length 0) or valid for their lengths; `out` must point to a
/// valid `paynet_verified` whose non-NULL buffers are valid `paynet_buffer`s.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_verify_ex(
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
    out: *mut paynet_verified,
) -> paynet_result {
    boundary(|| {
        // SAFETY: the caller guarantees valid texts and a valid (or NULL) `out`.
        let (method, url, body, header, secret, token_secret, out) = unsafe {
            (
                text(method, method_len)?,
                text(url, url_len)?,
                text(body, body_len)?,
                text(authorization_header, authorization_header_len)?,
                text(consumer_secret, consumer_secret_len)?,
                text(token_secret, token_secret_len)?,
                out.as_mut().ok_or(paynet_result::PAYNET_NULL_ARGUMENT)?,
            )
        };
        let header = AuthorizationHeader::parse(header)?;
        let incoming = Incoming { method, url, body };
        let signer = Signer::new(secret, token_secret);
        let verified =
            paynet_oauth::verify(&header, &incoming, &signer, TimeWindow { now, window })?;
        let consumer_key = verified.consumer_key;
        let token = header.get("oauth_token").unwrap_or("");
        let decoded_len = |s: &str| decoded_len(s.as_bytes(), Decoding::Percent);
        let outs = [
            Out::new(out.consumer_key, decoded_len(consumer_key)?),
            Out::new(out.token, decoded_len(token)?),
            Out::new(out.nonce, verified.nonce.len()),
        ];
        // SAFETY: the caller guarantees the wanted buffers are valid; `check_all`
        // accepts them before any is written.
        unsafe {
            check_all(&outs)?;
            write(&outs[0], decoded(consumer_key))?;
            write(&outs[1], decoded(token))?;
            write(&outs[2], |b| {
                b.copy_from_slice(verified.nonce.as_bytes());
                Ok(b.len())
            })?;
        }
        out.timestamp = verified.timestamp;
        Ok(())
    })
}

/// Writes the percent-decoded `encoded` into an output's bytes.
fn decoded(encoded: &str) -> impl FnOnce(&mut [u8]) -> Result<usize, paynet_result> + '_ {
    move |b| Ok(decode_into(encoded.as_bytes(), Decoding::Percent, b)?)
}
