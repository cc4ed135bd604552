//! The gateway's balance commands as signed requests, for callers with their own HTTP
//! stack (libcurl): `POST url` with `Authorization` and the one-line form body.

use std::ffi::c_char;

use paynet_api::{Command, CommandKind, Gateway};
use paynet_bind::{fresh_nonce, now};

use crate::buffer::{Out, boundary, check_all, optional_text, paynet_buffer, text, write};
use crate::detail::{fail, failed};
use crate::paynet_result;
use crate::sign::header_slack;

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
/// characters from a CSPRNG seeded by the operating system (then a too-small header buffer asks
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
        paynet_build_request_ex(
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
        if flags & !PAYNET_ALLOW_HTTP != 0 {
            return Err(fail(
                paynet_result::PAYNET_INVALID_INPUT,
                format_args!("unknown flags {flags:#x} (only PAYNET_ALLOW_HTTP)"),
            ));
        }
        let gateway = Gateway::from_str_or_preset(gateway).map_err(|e| failed(e.into()))?;
        gateway
            .check_plain_http(flags & PAYNET_ALLOW_HTTP != 0)
            .map_err(|e| failed(e.into()))?;
        let command = Command::new(kind, subject, name).map_err(|e| failed(e.into()))?;
        let timestamp = if timestamp == 0 { now() } else { timestamp };
        let drawn = match nonce {
            Some(_) => None,
            None => Some(fresh_nonce().map_err(failed)?),
        };
        let signed = command
            .sign(
                &gateway,
                login,
                control_key,
                timestamp,
                nonce.or(drawn.as_deref()).unwrap_or_default(),
            )
            .map_err(|e| failed(e.into()))?;
        // With a drawn nonce the caller cannot ask for the same signature again: a
        // too-small header buffer asks for the longest header any signature could give.
        let slack = drawn.map_or(0, |_| header_slack(&signed.signature));
        let texts = [&signed.url, &signed.authorization, &signed.body];
        let outs = |slack| {
            [
                Out::new(url, signed.url.len()),
                Out::new(authorization, signed.authorization.len() + slack),
                Out::new(body, signed.body.len()),
            ]
        };
        // SAFETY: the buffers are non-NULL and valid by contract.
        unsafe {
            check_all(&outs(slack))?;
            for (out, text) in outs(0).iter().zip(texts) {
                write(out, |b| {
                    b.copy_from_slice(text.as_bytes());
                    Ok(b.len())
                })?;
            }
        }
        Ok(())
    })
}
