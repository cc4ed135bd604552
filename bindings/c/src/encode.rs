//! RFC 3986 percent-encoding, as the signature uses it, for callers that build URLs.

use core::ffi::c_char;

use paynet_oauth::percent;

use crate::buffer::{Out, boundary, check_all, paynet_buffer, write};
use crate::paynet_result;

/// Percent-encodes `input_len` bytes of `input` (any bytes; unreserved characters
/// `A-Z a-z 0-9 - . _ ~` stay, everything else becomes `%XX` with upper-case hex) into
/// `out`.
///
/// # Safety
/// `input` must be NULL (with length 0) or valid for `input_len` bytes; `out` must be a
/// valid `paynet_buffer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_percent_encode(
    input: *const c_char,
    input_len: usize,
    out: *mut paynet_buffer,
) -> paynet_result {
    boundary(|| {
        if out.is_null() || (input.is_null() && input_len > 0) {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let bytes: &[u8] = if input.is_null() {
            &[]
        } else {
            // SAFETY: the caller guarantees `input_len` readable bytes.
            unsafe { core::slice::from_raw_parts(input.cast::<u8>(), input_len) }
        };
        let outs = [Out::new(out, percent::encoded_len(bytes))];
        // SAFETY: `out` is non-NULL and, by contract, valid.
        unsafe {
            check_all(&outs)?;
            write(&outs[0], |b| Ok(percent::encode_into(bytes, b)?))
        }
    })
}
