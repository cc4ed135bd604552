//! Inputs and outputs across the C boundary: pointer + length text, output buffers,
//! the two-phase write (check every buffer, then write them all), the panic boundary.

use core::ffi::c_char;

use crate::paynet_result;

/// An output buffer: `ptr` to `cap` bytes owned by the caller. On success `len` is the
/// length written, not counting the terminating NUL that is always added (so `cap` must
/// be at least `len + 1`). When it is too small, `len` is set to the length needed and
/// nothing is written.
#[repr(C)]
#[derive(Debug)]
pub struct paynet_buffer {
    /// Where to write.
    pub ptr: *mut c_char,
    /// How many bytes `ptr` holds, including room for the NUL.
    pub cap: usize,
    /// Set by the library: bytes written (or needed), without the NUL.
    pub len: usize,
}

/// One form parameter; name and value are UTF-8, not NUL-terminated.
#[repr(C)]
#[derive(Debug)]
pub struct paynet_param {
    /// The name.
    pub name: *const c_char,
    /// The name's length in bytes.
    pub name_len: usize,
    /// The value.
    pub value: *const c_char,
    /// The value's length in bytes.
    pub value_len: usize,
}

/// Reads a required UTF-8 text: NULL is allowed only with length 0 (the empty text).
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that outlive `'a`.
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, paynet_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok("")
        } else {
            Err(paynet_result::PAYNET_NULL_ARGUMENT)
        };
    }
    // SAFETY: the caller guarantees `ptr` points to `len` readable bytes.
    let bytes = unsafe { core::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    core::str::from_utf8(bytes).map_err(|_| paynet_result::PAYNET_INVALID_UTF8)
}

/// Reads an optional UTF-8 text: NULL with length 0 means absent; NULL with a length
/// is `PAYNET_NULL_ARGUMENT` (a caller's bug, never silently "absent").
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn optional_text<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<Option<&'a str>, paynet_result> {
    if ptr.is_null() {
        if len == 0 {
            Ok(None)
        } else {
            Err(paynet_result::PAYNET_NULL_ARGUMENT)
        }
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { text(ptr, len) }.map(Some)
    }
}

/// An output the caller may or may not want, with the length it needs.
pub(crate) struct Out {
    buf: *mut paynet_buffer,
    needed: usize,
}

impl Out {
    /// An output of `needed` bytes (without the NUL) into `buf` (NULL: not wanted).
    pub(crate) fn new(buf: *mut paynet_buffer, needed: usize) -> Self {
        Out { buf, needed }
    }
}

/// Phase one of a write: every wanted buffer must be valid and large enough; when one
/// is too small, every wanted buffer's `len` is set to its needed length and nothing
/// else is touched.
///
/// # Safety
/// Each non-NULL `buf` must point to a valid `paynet_buffer`.
pub(crate) unsafe fn check_all(outs: &[Out]) -> Result<(), paynet_result> {
    let mut too_small = false;
    for out in outs {
        // SAFETY: the caller guarantees non-NULL buffers are valid.
        if let Some(buf) = unsafe { out.buf.as_ref() } {
            if buf.ptr.is_null() && buf.cap > 0 {
                return Err(paynet_result::PAYNET_NULL_ARGUMENT);
            }
            too_small |= buf.cap < out.needed.saturating_add(1);
        }
    }
    if too_small {
        for out in outs {
            // SAFETY: as above; only `len` is written.
            if let Some(buf) = unsafe { out.buf.as_mut() } {
                buf.len = out.needed;
            }
        }
        return Err(paynet_result::PAYNET_BUFFER_TOO_SMALL);
    }
    Ok(())
}

/// Phase two: gives the wanted buffer's bytes (exactly `needed` long) to `fill`, then
/// adds the NUL and sets `len`. Does nothing for an unwanted output.
///
/// # Safety
/// [`check_all`] must have accepted this output.
pub(crate) unsafe fn write(
    out: &Out,
    fill: impl FnOnce(&mut [u8]) -> Result<usize, paynet_result>,
) -> Result<(), paynet_result> {
    // SAFETY: checked by `check_all`: valid, and `cap >= needed + 1`.
    let Some(buf) = (unsafe { out.buf.as_mut() }) else {
        return Ok(());
    };
    if out.needed + 1 > buf.cap || buf.ptr.is_null() {
        return Err(paynet_result::PAYNET_BUFFER_TOO_SMALL);
    }
    // SAFETY: `ptr` holds `cap >= needed + 1` writable bytes owned by the caller.
    let bytes = unsafe { core::slice::from_raw_parts_mut(buf.ptr.cast::<u8>(), out.needed + 1) };
    let (data, nul) = bytes.split_at_mut(out.needed);
    let n = fill(data)?;
    nul[0] = 0;
    buf.len = n;
    Ok(())
}

/// Copies `text` into the wanted buffer `out` (two-phase: nothing written when it is
/// too small; then its `len` holds the length needed).
///
/// # Safety
/// `out` must be a valid, non-NULL `paynet_buffer`.
#[cfg(feature = "std")]
pub(crate) unsafe fn put_text(out: *mut paynet_buffer, text: &str) -> Result<(), paynet_result> {
    let outs = [Out::new(out, text.len())];
    // SAFETY: forwarded from the caller.
    unsafe {
        check_all(&outs)?;
        write(&outs[0], |b| {
            b.copy_from_slice(text.as_bytes());
            Ok(b.len())
        })
    }
}

/// Runs `body` inside a panic boundary (with `std`) and turns its result into a code.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), paynet_result>) -> paynet_result {
    #[cfg(feature = "std")]
    crate::detail::clear();
    #[cfg(feature = "std")]
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body))
        .unwrap_or(Err(paynet_result::PAYNET_PANIC));
    #[cfg(not(feature = "std"))]
    let outcome = body();
    match outcome {
        Ok(()) => paynet_result::PAYNET_OK,
        Err(code) => code,
    }
}

/// As [`boundary`], for a call whose success carries a code of its own (a gateway answer
/// that says "error" still hands out a response to read).
#[cfg(feature = "std")]
pub(crate) fn boundary_code(
    body: impl FnOnce() -> Result<paynet_result, paynet_result>,
) -> paynet_result {
    let mut code = paynet_result::PAYNET_OK;
    match boundary(|| {
        code = body()?;
        Ok(())
    }) {
        paynet_result::PAYNET_OK => code,
        failure => failure,
    }
}
