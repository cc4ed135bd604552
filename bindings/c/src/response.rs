//! A gateway answer (HTTP status + body) read into balances or a typed error, amounts
//! as exact decimal strings with the digits the gateway sent.

use std::ffi::c_char;

use paynet_bind::{Answer, BalanceField, Failure, Record};

use crate::buffer::{boundary, boundary_code, paynet_buffer, put_text, text};
use crate::detail::{fail, failed};
use crate::gateway::command_kind;
use crate::paynet_result;

/// A gateway answer: balances or the failure. Opaque; free it with
/// `paynet_response_free`.
pub struct paynet_response {
    status: u16,
    outcome: Result<Answer, Failure>,
}

impl paynet_response {
    /// An answer with its HTTP status (0 when there was none, or the client did not
    /// keep it).
    pub(crate) fn new(status: u16, outcome: Result<Answer, Failure>) -> Self {
        paynet_response { status, outcome }
    }

    /// Hands the answer to C in `*out` and gives its code (recording the failure's
    /// message as the detail).
    ///
    /// # Safety
    /// `out` must be a valid, non-NULL pointer.
    pub(crate) unsafe fn hand_out(self, out: *mut *mut paynet_response) -> paynet_result {
        let code = match &self.outcome {
            Ok(_) => paynet_result::PAYNET_OK,
            Err(f) => failed(f.clone()),
        };
        // SAFETY: `out` is non-NULL and valid (the caller's contract).
        unsafe { *out = Box::into_raw(Box::new(self)) };
        code
    }

    fn code(&self) -> paynet_result {
        match &self.outcome {
            Ok(_) => paynet_result::PAYNET_OK,
            Err(f) => paynet_result::of_kind(f.kind),
        }
    }

    fn count(&self) -> usize {
        self.outcome.as_ref().map_or(0, Answer::count)
    }

    /// The balance at `index`.
    fn record(&self, index: usize) -> Result<Record<'_>, paynet_result> {
        let record = self.outcome.as_ref().ok().and_then(|a| a.record(index));
        record.ok_or_else(|| self.out_of_range(index))
    }

    fn out_of_range(&self, index: usize) -> paynet_result {
        fail(
            paynet_result::PAYNET_INVALID_INPUT,
            format_args!(
                "balance index {index} out of range: the answer holds {}",
                self.count()
            ),
        )
    }

    /// The text of `field` of balance `index`; `Ok(None)` when the gateway left it out.
    fn field(&self, index: usize, field: u32) -> Result<Option<String>, paynet_result> {
        let field = BalanceField::from_number(field).ok_or_else(|| {
            fail(
                paynet_result::PAYNET_INVALID_INPUT,
                format_args!("unknown field {field} (0 to 9: see paynet_field)"),
            )
        })?;
        let value = self.record(index)?.get(field);
        Ok(value.map(|v| v.to_string()))
    }

    fn extra(&self, index: usize, name: &str) -> Result<Option<&str>, paynet_result> {
        let extra = self.record(index)?.extra();
        Ok(extra.get(name).map(String::as_str))
    }
}

/// Reads the gateway's answer to a command of `kind` (a `paynet_command_kind`): HTTP
/// `status` and `body_len` bytes of `body`. The result classifies the answer:
/// `PAYNET_OK` (balances), `PAYNET_GATEWAY_ERROR` (`error-message` on 200),
/// `PAYNET_ACCESS_DENIED` (403), `PAYNET_HTTP_ERROR` (another status) or
/// `PAYNET_UNEXPECTED_RESPONSE`; in all five cases `*out` receives a response to read
/// and free. Other codes (NULL, an unknown kind, a status outside 100 to 599:
/// `PAYNET_INVALID_INPUT`) leave `*out` untouched.
///
/// # Safety
/// `body` must be NULL (length 0) or valid for `body_len` bytes; `out` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_parse_response(
    kind: u32,
    status: u16,
    body: *const c_char,
    body_len: usize,
    out: *mut *mut paynet_response,
) -> paynet_result {
    boundary_code(|| {
        if out.is_null() || (body.is_null() && body_len > 0) {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let kind = command_kind(kind)?;
        let bytes: &[u8] = if body.is_null() {
            &[]
        } else {
            // SAFETY: the caller guarantees `body_len` readable bytes.
            unsafe { std::slice::from_raw_parts(body.cast::<u8>(), body_len) }
        };
        // A status outside 100-599 is the caller's mistake: no response to read.
        let outcome = match Answer::parse(kind.as_str(), status, bytes) {
            Err(f) if f.kind == paynet_bind::ErrorKind::InvalidInput => return Err(failed(f)),
            other => other,
        };
        // SAFETY: `out` is non-NULL and valid by contract.
        Ok(unsafe { paynet_response::new(status, outcome).hand_out(out) })
    })
}

/// Reads the response handle (NULL checked).
///
/// # Safety
/// `response` must be NULL or come from `paynet_parse_response` or `paynet_client_get_*` and not be freed.
unsafe fn get<'a>(response: *const paynet_response) -> Result<&'a paynet_response, paynet_result> {
    // SAFETY: forwarded from the caller.
    unsafe { response.as_ref() }.ok_or(paynet_result::PAYNET_NULL_ARGUMENT)
}

/// The shape of every text accessor: the handle and `out` checked (NULL:
/// `PAYNET_NULL_ARGUMENT`), then the text `read` finds written into `out`.
///
/// # Safety
/// As `get`; `out` must be NULL or valid.
unsafe fn read_into(
    response: *const paynet_response,
    out: *mut paynet_buffer,
    read: impl FnOnce(&paynet_response) -> Result<String, paynet_result>,
) -> paynet_result {
    boundary(|| {
        // SAFETY: by contract.
        let r = unsafe { get(response) }?;
        if out.is_null() {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let text = read(r)?;
        // SAFETY: `out` non-NULL, valid by contract.
        unsafe { put_text(out, &text) }
    })
}

/// The classification `paynet_parse_response` returned, again, and the HTTP status.
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `result` and `status` must be
/// valid pointers (either may be NULL: not wanted).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_outcome(
    response: *const paynet_response,
    result: *mut paynet_result,
    status: *mut u16,
) -> paynet_result {
    boundary(|| {
        // SAFETY: by contract.
        let r = unsafe { get(response) }?;
        // SAFETY: non-NULL pointers are valid by contract.
        unsafe {
            if let Some(result) = result.as_mut() {
                *result = r.code();
            }
            if let Some(status) = status.as_mut() {
                *status = r.status;
            }
        }
        Ok(())
    })
}

/// How many balances the answer holds (1 for the endpoint balance, 0 for an error).
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `count` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_count(
    response: *const paynet_response,
    count: *mut usize,
) -> paynet_result {
    boundary(|| {
        // SAFETY: by contract.
        let r = unsafe { get(response) }?;
        // SAFETY: NULL checked; otherwise valid by contract.
        let count = unsafe { count.as_mut() }.ok_or(paynet_result::PAYNET_NULL_ARGUMENT)?;
        *count = r.count();
        Ok(())
    })
}

/// Writes `field` (a `paynet_field`) of balance `index` as text into `out`: amounts as
/// exact decimals with the digits the gateway sent. `PAYNET_FIELD_ABSENT` when the
/// gateway left the field out or sent null (`out` untouched); `PAYNET_INVALID_INPUT`
/// for an index or field out of range.
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `out` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_field(
    response: *const paynet_response,
    index: usize,
    field: u32,
    out: *mut paynet_buffer,
) -> paynet_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_into(response, out, |r| {
            r.field(index, field)?
                .ok_or(paynet_result::PAYNET_FIELD_ABSENT)
        })
    }
}

/// Writes a field the SDK has no name for (kept from the gateway's answer), looked up by
/// its name as the gateway spelled it, e.g. `"settlement-currency"`.
/// `PAYNET_FIELD_ABSENT` when balance `index` has no such field.
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `name` valid for `name_len`
/// bytes; `out` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_extra_field(
    response: *const paynet_response,
    index: usize,
    name: *const c_char,
    name_len: usize,
    out: *mut paynet_buffer,
) -> paynet_result {
    let read = |r: &paynet_response| {
        // SAFETY: `name` is valid for `name_len` bytes by contract.
        let name = unsafe { text(name, name_len) }?;
        let value = r.extra(index, name)?;
        value
            .map(str::to_owned)
            .ok_or(paynet_result::PAYNET_FIELD_ABSENT)
    };
    // SAFETY: forwarded from the caller.
    unsafe { read_into(response, out, read) }
}

/// Writes what went wrong into `out`: the gateway's decoded `error-message`, or a
/// sentence for the other errors (access denied, HTTP status, what was unexpected).
/// `PAYNET_FIELD_ABSENT` when the answer was a success.
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `out` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_error_message(
    response: *const paynet_response,
    out: *mut paynet_buffer,
) -> paynet_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_into(response, out, |r| match &r.outcome {
            Ok(_) => Err(paynet_result::PAYNET_FIELD_ABSENT),
            Err(f) => Ok(f.gateway_message.as_ref().unwrap_or(&f.message).clone()),
        })
    }
}

/// Writes the raw body of an error answer (access denied, HTTP error, unexpected
/// response; lossy UTF-8) for logs. `PAYNET_FIELD_ABSENT` for a success or a gateway
/// error (its message is the useful part).
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*`; `out` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_error_body(
    response: *const paynet_response,
    out: *mut paynet_buffer,
) -> paynet_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_into(response, out, |r| match &r.outcome {
            Err(f) => f.body.clone().ok_or(paynet_result::PAYNET_FIELD_ABSENT),
            Ok(_) => Err(paynet_result::PAYNET_FIELD_ABSENT),
        })
    }
}

/// Frees a response; NULL is allowed.
///
/// # Safety
/// `response` must come from `paynet_parse_response` or `paynet_client_get_*` and not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_response_free(response: *mut paynet_response) {
    if !response.is_null() {
        // SAFETY: it came from `Box::into_raw` in `hand_out`.
        drop(unsafe { Box::from_raw(response) });
    }
}
