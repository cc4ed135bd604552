//! Signing: `paynet_sign` (allocation-free, also in `no_std` builds) and, with `std`,
//! the reusable `paynet_signer`.

use core::ffi::c_char;

use paynet_oauth::{MAX_PARAMS, Request, Signer};

use crate::buffer::{
    Out, boundary, check_all, optional_text, paynet_buffer, paynet_param, text, write,
};
use crate::paynet_result;

/// A request to sign. Texts are UTF-8 pointer + length; `token`, `version` and `realm`
/// may be NULL (no token, `oauth_version="1.0"`, empty realm). Set `omit_version` to
/// non-zero to leave `oauth_version` out.
#[repr(C)]
#[derive(Debug)]
pub struct paynet_request {
    /// HTTP method, e.g. "POST".
    pub method: *const c_char,
    /// Its length.
    pub method_len: usize,
    /// The full URL as sent (its query is signed too).
    pub url: *const c_char,
    /// Its length.
    pub url_len: usize,
    /// The form body parameters (may be NULL when `params_len` is 0).
    pub params: *const paynet_param,
    /// How many.
    pub params_len: usize,
    /// oauth_consumer_key: the gateway login.
    pub consumer_key: *const c_char,
    /// Its length.
    pub consumer_key_len: usize,
    /// oauth_token, or NULL.
    pub token: *const c_char,
    /// Its length.
    pub token_len: usize,
    /// oauth_timestamp: Unix seconds as decimal text.
    pub timestamp: *const c_char,
    /// Its length.
    pub timestamp_len: usize,
    /// oauth_nonce: fresh per request.
    pub nonce: *const c_char,
    /// Its length.
    pub nonce_len: usize,
    /// oauth_version, or NULL for "1.0".
    pub version: *const c_char,
    /// Its length.
    pub version_len: usize,
    /// Non-zero: no oauth_version at all.
    pub omit_version: u8,
    /// The header's realm, or NULL for "".
    pub realm: *const c_char,
    /// Its length.
    pub realm_len: usize,
    /// Further oauth_* protocol parameters (oauth_callback, oauth_verifier), signed and
    /// sent in the header; NULL when `oauth_extra_len` is 0.
    pub oauth_extra: *const paynet_param,
    /// How many.
    pub oauth_extra_len: usize,
}

/// The outputs of a signature; any of them may be NULL (not wanted).
#[repr(C)]
#[derive(Debug)]
pub struct paynet_signed {
    /// The Authorization header value, `OAuth realm="",…`.
    pub authorization_header: *mut paynet_buffer,
    /// The one-line form body (form + oauth_* parameters, sorted).
    pub body: *mut paynet_buffer,
    /// The base64 signature (28 characters).
    pub signature: *mut paynet_buffer,
    /// Debug: the normalized parameters.
    pub normalized_parameters: *mut paynet_buffer,
    /// Debug: the signature base string.
    pub base_string: *mut paynet_buffer,
}

/// Signs `request` with the consumer secret (the control key) and token secret (may be
/// NULL: empty), writing the wanted outputs of `out`.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out`'s non-NULL buffers must be
/// valid `paynet_buffer`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_sign(
    request: *const paynet_request,
    consumer_secret: *const c_char,
    consumer_secret_len: usize,
    token_secret: *const c_char,
    token_secret_len: usize,
    out: *const paynet_signed,
) -> paynet_result {
    boundary(|| {
        // SAFETY: the caller guarantees valid pointers for the given lengths.
        let secret = unsafe { text(consumer_secret, consumer_secret_len) }?;
        // SAFETY: as above.
        let token_secret = unsafe { text(token_secret, token_secret_len) }?;
        // SAFETY: as above.
        unsafe { sign_with(&Signer::new(secret, token_secret), request, out) }
    })
}

/// Signs with a prepared signer: reads the request, signs, writes the outputs.
///
/// # Safety
/// As [`paynet_sign`].
pub(crate) unsafe fn sign_with(
    signer: &Signer,
    request: *const paynet_request,
    out: *const paynet_signed,
) -> Result<(), paynet_result> {
    // SAFETY: NULL is checked; otherwise the caller guarantees validity.
    let (Some(r), Some(out)) = (unsafe { request.as_ref() }, unsafe { out.as_ref() }) else {
        return Err(paynet_result::PAYNET_NULL_ARGUMENT);
    };
    let mut form: [(&str, &str); MAX_PARAMS] = [("", ""); MAX_PARAMS];
    // SAFETY: the caller guarantees `params` holds `params_len` valid entries.
    let form = unsafe { read_params(r.params, r.params_len, &mut form) }?;
    let mut extra: [(&str, &str); MAX_PARAMS] = [("", ""); MAX_PARAMS];
    // SAFETY: as above for `oauth_extra`.
    let extra = unsafe { read_params(r.oauth_extra, r.oauth_extra_len, &mut extra) }?;
    // SAFETY: the caller guarantees each text is valid for its length.
    let (method, url, key, timestamp, nonce) = unsafe {
        (
            text(r.method, r.method_len)?,
            text(r.url, r.url_len)?,
            text(r.consumer_key, r.consumer_key_len)?,
            text(r.timestamp, r.timestamp_len)?,
            text(r.nonce, r.nonce_len)?,
        )
    };
    // SAFETY: as above.
    let (token, version, realm) = unsafe {
        (
            optional_text(r.token, r.token_len)?,
            optional_text(r.version, r.version_len)?.unwrap_or("1.0"),
            optional_text(r.realm, r.realm_len)?.unwrap_or(""),
        )
    };
    let request = Request::new(method, url, form, key, timestamp, nonce)
        .with_token(token)
        .with_oauth_extra(extra)
        .with_version((r.omit_version == 0).then_some(version))
        .with_realm(realm);
    let signed = signer.sign(&request).map_err(|e| refused(e, nonce))?;
    // SAFETY: forwarded from the caller.
    unsafe { write_signed(&signed, out, 0) }
}

/// The code of a request the core refused to sign. With `std`, an `InvalidParameter`
/// for an empty nonce leaves the detail every other way of signing gives
/// (`paynet_bind::Failure::empty_nonce`'s message); the code is the core's either way.
fn refused(e: paynet_oauth::Error, nonce: &str) -> paynet_result {
    #[cfg(feature = "std")]
    if e == paynet_oauth::Error::InvalidParameter && nonce.is_empty() {
        return crate::detail::failed(paynet_bind::Failure::empty_nonce());
    }
    #[cfg(not(feature = "std"))]
    let _ = nonce;
    e.into()
}

/// Writes the wanted outputs of `signed` into `out` (two-phase: nothing is written when
/// a buffer is too small). `header_slack` is added to the header's needed length when
/// a buffer is too small (see [`header_slack`]).
///
/// # Safety
/// `out`'s non-NULL buffers must be valid `paynet_buffer`s.
pub(crate) unsafe fn write_signed(
    signed: &paynet_oauth::Signed<'_>,
    out: &paynet_signed,
    header_slack: usize,
) -> Result<(), paynet_result> {
    let outs = |header_slack: usize| {
        [
            Out::new(
                out.authorization_header,
                signed.authorization_header_len() + header_slack,
            ),
            Out::new(out.body, signed.body_len()),
            Out::new(out.signature, signed.signature().len()),
            Out::new(
                out.normalized_parameters,
                signed.normalized_parameters_len(),
            ),
            Out::new(out.base_string, signed.base_string_len()),
        ]
    };
    // SAFETY: the caller guarantees the non-NULL buffers are valid.
    unsafe {
        check_all(&outs(header_slack))?;
        let outs = outs(0);
        write(&outs[0], |b| Ok(signed.authorization_header_into(b)?))?;
        write(&outs[1], |b| Ok(signed.body_into(b)?))?;
        write(&outs[2], |b| {
            b.copy_from_slice(signed.signature().as_bytes());
            Ok(b.len())
        })?;
        write(&outs[3], |b| Ok(signed.normalized_parameters_into(b)?))?;
        write(&outs[4], |b| Ok(signed.base_string_into(b)?))?;
    }
    Ok(())
}

/// How much longer an Authorization header can get when it is signed again with a
/// fresh nonce: each letter or digit of the signature may become a three-character
/// escape. A call that draws the nonce asks for this much more when a buffer is too
/// small, so the retry (which draws a new one) always fits.
#[cfg(feature = "std")]
pub(crate) fn header_slack(signature: &str) -> usize {
    2 * signature.bytes().filter(u8::is_ascii_alphanumeric).count()
}

/// Reads `len` parameters from `params` into `slots` (at most [`MAX_PARAMS`]).
///
/// # Safety
/// `params` must be NULL (with `len` 0) or hold `len` valid entries whose texts are valid
/// for their lengths and outlive `'a`.
unsafe fn read_params<'a, 's>(
    params: *const paynet_param,
    len: usize,
    slots: &'s mut [(&'a str, &'a str); MAX_PARAMS],
) -> Result<&'s [(&'a str, &'a str)], paynet_result> {
    if len > MAX_PARAMS {
        return Err(paynet_result::PAYNET_TOO_MANY_PARAMETERS);
    }
    if params.is_null() && len > 0 {
        return Err(paynet_result::PAYNET_NULL_ARGUMENT);
    }
    for (i, slot) in slots.iter_mut().enumerate().take(len) {
        // SAFETY: `params` holds `len` entries (non-NULL, checked above).
        let p = unsafe { &*params.add(i) };
        // SAFETY: the caller guarantees each text is valid for its length.
        *slot = unsafe { (text(p.name, p.name_len)?, text(p.value, p.value_len)?) };
    }
    Ok(&slots[..len])
}

#[cfg(feature = "std")]
mod signer {
    use core::ffi::c_char;

    use paynet_oauth::Signer;

    use super::{paynet_request, paynet_signed, sign_with};
    use crate::buffer::{boundary, text};
    use crate::paynet_result;

    /// A reusable signer holding the keyed HMAC state (key setup done once). Opaque.
    pub struct paynet_signer(pub(crate) Signer);

    /// Creates a signer for the consumer secret (the control key) and token secret
    /// (may be NULL: empty) and stores it in `*out`. Free it with `paynet_signer_free`.
    ///
    /// # Safety
    /// Texts must be valid for their lengths; `out` must be a valid pointer.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn paynet_signer_new(
        consumer_secret: *const c_char,
        consumer_secret_len: usize,
        token_secret: *const c_char,
        token_secret_len: usize,
        out: *mut *mut paynet_signer,
    ) -> paynet_result {
        boundary(|| {
            if out.is_null() {
                return Err(paynet_result::PAYNET_NULL_ARGUMENT);
            }
            // SAFETY: the caller guarantees valid texts.
            let (secret, token_secret) = unsafe {
                (
                    text(consumer_secret, consumer_secret_len)?,
                    text(token_secret, token_secret_len)?,
                )
            };
            let signer = Box::new(paynet_signer(Signer::new(secret, token_secret)));
            // SAFETY: `out` is non-NULL and valid.
            unsafe { *out = Box::into_raw(signer) };
            Ok(())
        })
    }

    /// Signs `request` with `signer` (see `paynet_sign`).
    ///
    /// # Safety
    /// `signer` must come from `paynet_signer_new`; the rest as `paynet_sign`.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn paynet_signer_sign(
        signer: *const paynet_signer,
        request: *const paynet_request,
        out: *const paynet_signed,
    ) -> paynet_result {
        boundary(|| {
            // SAFETY: NULL is checked; otherwise it came from `paynet_signer_new`.
            let signer = unsafe { signer.as_ref() }.ok_or(paynet_result::PAYNET_NULL_ARGUMENT)?;
            // SAFETY: forwarded from the caller.
            unsafe { sign_with(&signer.0, request, out) }
        })
    }

    /// Frees a signer (and wipes nothing else); NULL is allowed.
    ///
    /// # Safety
    /// `signer` must come from `paynet_signer_new` and not be used afterwards.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn paynet_signer_free(signer: *mut paynet_signer) {
        if !signer.is_null() {
            // SAFETY: it came from `Box::into_raw` in `paynet_signer_new`.
            drop(unsafe { Box::from_raw(signer) });
        }
    }
}

#[cfg(feature = "std")]
pub use signer::*;
