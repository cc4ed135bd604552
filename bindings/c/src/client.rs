//! The blocking gateway client: the three balance commands over HTTPS with timeouts,
//! retries and the response cap of the SDK's Rust client, answers read into the same
//! `paynet_response` as `paynet_parse_response` gives.

use std::ffi::c_char;

use paynet_bind::{Call, ClientOptions, ErrorKind, Failure, PerProcess, milliseconds};

use crate::buffer::{boundary, boundary_code, optional_text, text};
use crate::detail::failed;
use crate::gateway::PAYNET_ALLOW_HTTP;
use crate::paynet_result;
use crate::response::paynet_response;

/// A gateway client: one login and control key, and a connection pool per process (a
/// forked child builds its own at its first call and never touches its parent's).
/// Opaque; safe to share between threads (calls may run at the same time). Free it with
/// `paynet_client_free`.
pub struct paynet_client {
    settings: ClientOptions,
    inner: PerProcess<::paynet_client::blocking::Client>,
}

/// The settings of a client. NULL options mean every default; in a struct, 0 means
/// the default for each field except `retries` (0: never retry; negative: the default).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct paynet_client_options {
    /// How long one attempt may take, in milliseconds (0: 30 s; at most
    /// 999999999999).
    pub timeout_ms: u64,
    /// How long connecting may take, in milliseconds (0: 10 s; at most 999999999999).
    pub connect_timeout_ms: u64,
    /// How many times a connection failure before any answer is retried, re-signed
    /// (negative: 2).
    pub retries: i32,
    /// 0, or `PAYNET_ALLOW_HTTP` to allow a plain `http://` gateway off the loopback
    /// interface.
    pub flags: u32,
    /// The largest answer read, in bytes (0: 1 MiB); a larger one is
    /// `PAYNET_RESPONSE_TOO_LARGE`.
    pub max_response_bytes: u64,
}

/// The layer's settings for `gateway`, `login`, `control_key` with the C settings.
fn settings(
    gateway: &str,
    login: &str,
    control_key: &str,
    c: Option<&paynet_client_options>,
) -> Result<ClientOptions, Failure> {
    let mut o = ClientOptions::new(gateway, login, control_key)?;
    let Some(c) = c else { return Ok(o) };
    if c.flags & !PAYNET_ALLOW_HTTP != 0 {
        return Err(Failure::invalid_input(format!(
            "unknown flags {:#x} (only PAYNET_ALLOW_HTTP)",
            c.flags
        )));
    }
    o.allow_http = c.flags & PAYNET_ALLOW_HTTP != 0;
    if c.timeout_ms != 0 {
        o.timeout = Some(milliseconds("timeout_ms", c.timeout_ms)?);
    }
    if c.connect_timeout_ms != 0 {
        o.connect_timeout = Some(milliseconds("connect_timeout_ms", c.connect_timeout_ms)?);
    }
    o.retries = u32::try_from(c.retries).ok();
    if c.max_response_bytes != 0 {
        o = o.with_max_response_bytes("max_response_bytes", c.max_response_bytes)?;
    }
    Ok(o)
}

/// Creates a client for `gateway` (a base URL such as
/// `https://sandbox.payneteasy.com/paynet/api/v2`, or a preset name), signing with
/// `login` and `control_key`, and stores it in `*out`. `options` may be NULL (the
/// defaults). `PAYNET_INVALID_INPUT` for a bad gateway (a mistyped preset gets "did you
/// mean" in `paynet_last_error_detail`), an empty login or key, a bad option, or a
/// plain `http://` gateway off the loopback interface without `PAYNET_ALLOW_HTTP`.
///
/// # Safety
/// Texts must be NULL (length 0) or valid for their lengths; `options` NULL or valid;
/// `out` valid.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn paynet_client_new(
    gateway: *const c_char,
    gateway_len: usize,
    login: *const c_char,
    login_len: usize,
    control_key: *const c_char,
    control_key_len: usize,
    options: *const paynet_client_options,
    out: *mut *mut paynet_client,
) -> paynet_result {
    boundary(|| {
        if out.is_null() {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        // SAFETY: the caller guarantees valid texts and a NULL or valid `options`.
        let (gateway, login, control_key, c) = unsafe {
            (
                text(gateway, gateway_len)?,
                text(login, login_len)?,
                text(control_key, control_key_len)?,
                options.as_ref(),
            )
        };
        let settings = settings(gateway, login, control_key, c).map_err(failed)?;
        let client = paynet_client {
            inner: PerProcess::new(),
            settings,
        };
        // Built now, so that a bad setting is refused here and not at the first call.
        client
            .inner
            .get(|| client.settings.build_blocking())
            .map_err(failed)?;
        // SAFETY: `out` is non-NULL and valid by contract.
        unsafe { *out = Box::into_raw(Box::new(client)) };
        Ok(())
    })
}

/// Runs `call` on `client` and hands the answer to C: `PAYNET_OK`, or the code of what
/// the gateway or the network did (200 to 206), each with a response in `*out`.
///
/// # Safety
/// `client` NULL or from `paynet_client_new`; `out` NULL or valid.
unsafe fn run(
    client: *const paynet_client,
    call: impl FnOnce() -> Result<Call, paynet_result>,
    out: *mut *mut paynet_response,
) -> paynet_result {
    boundary_code(|| {
        // SAFETY: NULL is checked; otherwise it came from `paynet_client_new`.
        let client = unsafe { client.as_ref() }.ok_or(paynet_result::PAYNET_NULL_ARGUMENT)?;
        if out.is_null() {
            return Err(paynet_result::PAYNET_NULL_ARGUMENT);
        }
        let call = call()?;
        let outcome = (client.inner)
            .get(|| client.settings.build_blocking())
            .and_then(|inner| call.run_blocking(&inner));
        let status = match &outcome {
            Ok(_) => 200,
            Err(f) if f.kind == ErrorKind::GatewayError => 200,
            Err(f) if f.kind.number() < 200 => return Err(failed(f.clone())),
            Err(f) => f.status.unwrap_or(0),
        };
        // SAFETY: `out` is non-NULL and valid by contract.
        Ok(unsafe { paynet_response::new(status, outcome).hand_out(out) })
    })
}

/// The balance of endpoint `endpoint_id` with balance provider `provider`
/// (`/get-balance/{endpoint_id}`; the client's login is the merchant's). Returns
/// `PAYNET_OK`, or what the gateway or the network did: `PAYNET_GATEWAY_ERROR`,
/// `PAYNET_ACCESS_DENIED`, `PAYNET_HTTP_ERROR`, `PAYNET_UNEXPECTED_RESPONSE`,
/// `PAYNET_RESPONSE_TOO_LARGE`, `PAYNET_TIMEOUT` or `PAYNET_TRANSPORT`; in each of
/// these cases `*out` receives a response to read with the `paynet_response_*`
/// functions (its status is 0 when no HTTP status was kept) and free. Other codes (NULL,
/// `PAYNET_INVALID_INPUT` for an empty or too long argument) leave `*out` untouched.
///
/// # Safety
/// `client` must come from `paynet_client_new`; texts must be NULL (length 0) or valid
/// for their lengths; `out` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_client_get_balance(
    client: *const paynet_client,
    endpoint_id: *const c_char,
    endpoint_id_len: usize,
    provider: *const c_char,
    provider_len: usize,
    out: *mut *mut paynet_response,
) -> paynet_result {
    let call = || {
        // SAFETY: the caller guarantees valid texts.
        let (endpoint_id, provider) = unsafe {
            (
                text(endpoint_id, endpoint_id_len)?,
                text(provider, provider_len)?,
            )
        };
        Ok(Call::EndpointBalance {
            endpoint_id: endpoint_id.to_owned(),
            provider: provider.to_owned(),
        })
    };
    // SAFETY: forwarded from the caller.
    unsafe { run(client, call, out) }
}

/// The balances of manager `login` (`/get-balance/manager/{login}`), all of them or only
/// the one named `name` (NULL: all). Results and `*out` as `paynet_client_get_balance`.
///
/// # Safety
/// As `paynet_client_get_balance`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_client_get_manager_balances(
    client: *const paynet_client,
    login: *const c_char,
    login_len: usize,
    name: *const c_char,
    name_len: usize,
    out: *mut *mut paynet_response,
) -> paynet_result {
    let call = |login, name| Call::ManagerBalances { login, name };
    // SAFETY: forwarded from the caller.
    unsafe { balances(client, (login, login_len), (name, name_len), call, out) }
}

/// The balances of merchant `login` (`/get-balance/merchant/{login}`), all of them or
/// only the one named `name` (NULL: all). Results and `*out` as
/// `paynet_client_get_balance`.
///
/// # Safety
/// As `paynet_client_get_balance`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_client_get_merchant_balances(
    client: *const paynet_client,
    login: *const c_char,
    login_len: usize,
    name: *const c_char,
    name_len: usize,
    out: *mut *mut paynet_response,
) -> paynet_result {
    let call = |login, name| Call::MerchantBalances { login, name };
    // SAFETY: forwarded from the caller.
    unsafe { balances(client, (login, login_len), (name, name_len), call, out) }
}

/// A manager's or merchant's balances: reads the login and the optional name, runs the
/// call `make` builds from them.
///
/// # Safety
/// As `paynet_client_get_balance`.
unsafe fn balances(
    client: *const paynet_client,
    login: (*const c_char, usize),
    name: (*const c_char, usize),
    make: impl FnOnce(String, Option<String>) -> Call,
    out: *mut *mut paynet_response,
) -> paynet_result {
    let call = || {
        // SAFETY: the caller guarantees valid texts.
        let (login, name) = unsafe { (text(login.0, login.1)?, optional_text(name.0, name.1)?) };
        Ok(make(login.to_owned(), name.map(str::to_owned)))
    };
    // SAFETY: forwarded from the caller.
    unsafe { run(client, call, out) }
}

/// Frees a client (waits for nothing: no call may be running on it); NULL is allowed.
///
/// # Safety
/// `client` must come from `paynet_client_new` and not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn paynet_client_free(client: *mut paynet_client) {
    if !client.is_null() {
        // A panic while the runtime shuts down must not cross into C.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // SAFETY: it came from `Box::into_raw` in `paynet_client_new`.
            drop(unsafe { Box::from_raw(client) });
        }));
    }
}

/// The client is shared between C threads: it must stay `Send + Sync`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<paynet_client>();
};
