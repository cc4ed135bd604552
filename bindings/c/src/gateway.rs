//! The gateway's balance commands as signed requests, for callers with their own HTTP
//! stack (libcurl): `POST url` with `Authorization` and the one-line form body.

use std::ffi::c_char;
use std::time::{SystemTime, UNIX_EPOCH};

use paynet_api::{Command, CommandKind, Gateway, SignError};

use crate::buffer::{Out, boundary, check_all, optional_text, paynet_buffer, text, write};
use crate::detail::fail;
use crate::paynet_result;

/// Reads a command kind given as a plain integer (C may pass any value).
pub(crate) fn command_kind(kind: u32) -> Result<CommandKind, paynet_result> {
    match kind {
        0 => Ok(CommandKind::EndpointBalance),
        1 => Ok(CommandKind::ManagerBalances),
        2 => Ok(CommandKind::MerchantBalances),
        other => Err(fail(
            paynet_result::PAYNET_INVALID_INPUT,
            format_args!("unknown command kind {other} (0, 1 or 2: see paynet_command_kind)"),
        )),
    }
}

/// One balance command for one gateway.
#[repr(C)]
#[derive(Debug)]
pub struct paynet_command {
    /// A `paynet_command_kind` value.
    pub kind: u32,
    /// The gateway: a base URL such as `https://sandbox.payneteasy.com/paynet/api/v2`,
    /// or a preset name (`payneteasy-sandbox`, `payneteasy-production`).
    pub gateway: *const c_char,
    /// Its length.
    pub gateway_len: usize,
    /// The endpoint id or the manager/merchant login.
    pub subject: *const c_char,
    /// Its length.
    pub subject_len: usize,
    /// The balance provider (endpoint command, required) or balance name (optional:
    /// NULL for all balances).
    pub name: *const c_char,
    /// Its length.
    pub name_len: usize,
}

/// Builds and signs `command`: the login is the consumer key, the control key the
/// consumer secret. `timestamp` is Unix seconds (0: now); `nonce` NULL draws 16 random
/// characters from the operating system's CSPRNG (then a too-small header buffer asks
/// for the longest header any signature could give, since a retry draws a new nonce).
/// Writes the request URL, the
/// Authorization header value and the form body (send it with
/// `Content-Type: application/x-www-form-urlencoded`) into the buffers, none of which
/// may be NULL. Bad input gives `PAYNET_INVALID_INPUT` (see `paynet_last_error_detail`),
/// and so does a plain `http://` gateway that is not on the loopback interface (the
/// policy of every transport of the SDK; `paynet_build_request_ex` can allow it).
///
/// # Safety
/// Texts must be NULL (length 0) or valid for their lengths; the buffers must be valid.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_build_request(
    command: *const paynet_command,
    login: *const c_char,
    login_len: usize,
    control_key: *const c_char,
    control_key_len: usize,
    timestamp: u64,
    nonce: *const c_char,
    nonce_len: usize,
    url: *mut paynet_buffer,
    authorization: *mut paynet_buffer,
    body: *mut paynet_buffer,
) -> paynet_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        build_request(
            command,
            login,
            login_len,
            control_key,
            control_key_len,
            timestamp,
            nonce,
            nonce_len,
            0,
            url,
            authorization,
            body,
        )
    }
}

/// `flags` bit for [`paynet_build_request_ex`]: allow a plain `http://` gateway that is
/// not on the loopback interface (the Authorization header and the balances then cross
/// the network in clear).
pub const PAYNET_ALLOW_HTTP: u32 = 1;

/// As `paynet_build_request`, with `flags`: 0, or `PAYNET_ALLOW_HTTP`. Unknown bits
/// give `PAYNET_INVALID_INPUT`.
///
/// # Safety
/// As `paynet_build_request`.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_build_request_ex(
    command: *const paynet_command,
    login: *const c_char,
    login_len: usize,
    control_key: *const c_char,
    control_key_len: usize,
    timestamp: u64,
    nonce: *const c_char,
    nonce_len: usize,
    flags: u32,
    url: *mut paynet_buffer,
    authorization: *mut paynet_buffer,
    body: *mut paynet_buffer,
) -> paynet_result {
    // SAFETY: forwarded from the caller.
    unsafe {
        build_request(
            command,
            login,
            login_len,
            control_key,
            control_key_len,
            timestamp,
            nonce,
            nonce_len,
            flags,
            url,
            authorization,
            body,
        )
    }
}

/// The body of both request builders.
///
/// # Safety
/// As `paynet_build_request`.
#[allow(clippy::too_many_arguments)]
unsafe fn build_request(
    command: *const paynet_command,
    login: *const c_char,
    login_len: usize,
    control_key: *const c_char,
    control_key_len: usize,
    timestamp: u64,
    nonce: *const c_char,
    nonce_len: usize,
    flags: u32,
    url: *mut paynet_buffer,
    authorization: *mut paynet_buffer,
    body: *mut paynet_buffer,
) -> paynet_result {
    boundary(|| {
        // SAFETY: NULL is checked; otherwise valid by contract.
        let Some(c) = (unsafe { command.as_ref() }) else {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        };
        if url.is_null() || authorization.is_null() || body.is_null() {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let kind = command_kind(c.kind)?;
        // SAFETY: the caller guarantees valid texts.
        let (gateway, subject, name, login, control_key, nonce) = unsafe {
            (
                text(c.gateway, c.gateway_len)?,
                text(c.subject, c.subject_len)?,
                optional_text(c.name, c.name_len)?,
                text(login, login_len)?,
                text(control_key, control_key_len)?,
                optional_text(nonce, nonce_len)?,
            )
        };
        let invalid = |e: &dyn std::fmt::Display| fail(paynet_result::PAYNET_INVALID_INPUT, e);
        if flags & !PAYNET_ALLOW_HTTP != 0 {
            return Err(invalid(&format_args!(
                "unknown flags {flags:#x} (only PAYNET_ALLOW_HTTP)"
            )));
        }
        let gateway = Gateway::from_str_or_preset(gateway).map_err(|e| invalid(&e))?;
        gateway
            .check_plain_http(flags & PAYNET_ALLOW_HTTP != 0)
            .map_err(|e| invalid(&e))?;
        let command = match kind {
            CommandKind::EndpointBalance => Command::endpoint_balance(subject, name.unwrap_or("")),
            CommandKind::ManagerBalances => Command::manager_balances(subject, name),
            CommandKind::MerchantBalances => Command::merchant_balances(subject, name),
        }
        .map_err(|e| invalid(&e))?;
        let timestamp = if timestamp == 0 { now() } else { timestamp };
        let random;
        let drawn = nonce.is_none();
        let nonce = match nonce {
            Some(n) => n,
            None => {
                random = random_nonce()?;
                random.as_str()
            }
        };
        let signed = command
            .sign(&gateway, login, control_key, timestamp, nonce)
            .map_err(|e| match e {
                SignError::OAuth(e) => fail(e.into(), e),
                other => invalid(&other),
            })?;
        // With a drawn nonce the caller cannot ask for the same signature again, and the
        // header's length varies with how many of the signature's 28 characters need
        // percent-encoding: ask for the longest, so the retry always fits.
        let escaped = signed
            .signature
            .bytes()
            .filter(|b| !b.is_ascii_alphanumeric())
            .count();
        let slack = if drawn { 2 * (28 - escaped) } else { 0 };
        let outs = [
            Out::new(url, signed.url.len()),
            Out::new(authorization, signed.authorization.len() + slack),
            Out::new(body, signed.body.len()),
        ];
        let texts = [&signed.url, &signed.authorization, &signed.body];
        // SAFETY: the buffers are non-NULL and valid by contract.
        unsafe {
            check_all(&outs)?;
            let outs = [
                Out::new(url, signed.url.len()),
                Out::new(authorization, signed.authorization.len()),
                Out::new(body, signed.body.len()),
            ];
            for (out, text) in outs.iter().zip(texts) {
                write(out, |b| {
                    b.copy_from_slice(text.as_bytes());
                    Ok(b.len())
                })?;
            }
        }
        Ok(())
    })
}

/// Unix seconds now.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A fresh nonce from the OS CSPRNG, as every transport of the SDK draws it.
fn random_nonce() -> Result<String, paynet_result> {
    paynet_api::random_nonce(paynet_api::NONCE_LEN).map_err(|e| {
        fail(
            paynet_result::PAYNET_WRITE_FAILED,
            format_args!("the operating system's random generator failed: {e}"),
        )
    })
}
