//! The detail of the last failure on this thread (which parameter, which URL, what the
//! gateway said), for messages a person reads. The result code stays the contract.

use std::cell::RefCell;

use crate::buffer::{paynet_buffer, put_text};
use crate::paynet_result;

thread_local! {
    static DETAIL: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Forgets the previous detail (every exported call starts with this).
pub(crate) fn clear() {
    DETAIL.with(|d| d.borrow_mut().clear());
}

/// Records why the current call fails, and gives back its code.
pub(crate) fn fail(code: paynet_result, detail: impl std::fmt::Display) -> paynet_result {
    DETAIL.with(|d| {
        use std::fmt::Write;
        let mut d = d.borrow_mut();
        d.clear();
        let _ = write!(d, "{detail}");
    });
    code
}

/// Turns a failure of the std layer into its code (the same number in the layer's
/// table), recording its message as the detail: the one conversion of the C library.
pub(crate) fn failed(failure: paynet_bind::Failure) -> paynet_result {
    fail(paynet_result::of_kind(failure.kind), failure.message)
}

/// Writes a readable explanation of why the last call on this thread failed into
/// `out`. Every other call of the library resets it, a successful one too: read it
/// right after the call that failed. Empty when that call left none (then
/// `paynet_result_message` says it all). Calling it does not change the detail.
///
/// # Safety
/// `out` must be a valid `paynet_buffer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_last_error_detail(out: *mut paynet_buffer) -> paynet_result {
    let body = || {
        if out.is_null() {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        // SAFETY: `out` is non-NULL and valid by contract.
        DETAIL.with(|d| unsafe { put_text(out, &d.borrow()) })
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(Ok(())) => paynet_result::PAYNET_OK,
        Ok(Err(code)) => code,
        Err(_) => paynet_result::PAYNET_PANIC,
    }
}
