//! The balance `Client` (promises over the Rust transport on napi's tokio runtime) and
//! `parseResponse` (the response reader alone, for gateways reached another way).

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use napi::Env;
use napi::bindgen_prelude::{Buffer, Either, FnArgs, Function, ToNapiValue, Unknown};
use napi::threadsafe_function::{ThreadsafeCallContext, ThreadsafeFunctionCallMode};
use napi_derive::napi;

use paynet_api::{CommandKind, Gateway, Response};
use paynet_client::ControlKey;

use crate::errors::Failure;
use crate::inputs::Fields;

/// The balance of an endpoint (`getBalance`). Amounts are decimal strings with the
/// digits the gateway sent, never JavaScript numbers.
#[napi(object)]
pub struct EndpointBalance {
    /// `balance-amount`, e.g. `"29.99"`.
    pub balance_amount: String,
    /// Any other fields the gateway sent.
    pub extra: HashMap<String, String>,
}

/// One balance of a manager or merchant. Amounts are decimal strings; optional fields
/// are `null` when the gateway left them out.
#[napi(object, use_nullable = true)]
pub struct Balance {
    /// `name`.
    pub name: String,
    /// `amount`, short-term hold and rolling reserve included.
    pub amount: String,
    /// `online-balance-live-amount`: amount minus hold minus reserve.
    pub online_balance_live_amount: Option<String>,
    /// `total-short-term-hold-amount`.
    pub total_short_term_hold_amount: Option<String>,
    /// `total-rolling-reserve-amount`.
    pub total_rolling_reserve_amount: Option<String>,
    /// `currency`, e.g. `"USD"`.
    pub currency: String,
    /// `merchantLogin` (manager responses only).
    pub merchant_login: Option<String>,
    /// `externalMerchantIdentifier`.
    pub external_merchant_identifier: Option<String>,
    /// `amount-buffer-hold`: outgoing operations without a final status.
    pub amount_buffer_hold: Option<String>,
    /// Any other fields the gateway sent.
    pub extra: HashMap<String, String>,
}

impl From<paynet_api::EndpointBalance> for EndpointBalance {
    fn from(b: paynet_api::EndpointBalance) -> Self {
        EndpointBalance {
            balance_amount: b.balance_amount.to_string(),
            extra: b.extra.into_iter().collect(),
        }
    }
}

impl From<paynet_api::Balance> for Balance {
    fn from(b: paynet_api::Balance) -> Self {
        let text = |d: Option<paynet_api::Decimal>| d.map(|d| d.to_string());
        Balance {
            name: b.name,
            amount: b.amount.to_string(),
            online_balance_live_amount: text(b.online_balance_live_amount),
            total_short_term_hold_amount: text(b.total_short_term_hold_amount),
            total_rolling_reserve_amount: text(b.total_rolling_reserve_amount),
            currency: b.currency,
            merchant_login: b.merchant_login,
            external_merchant_identifier: b.external_merchant_identifier,
            amount_buffer_hold: text(b.amount_buffer_hold),
            extra: b.extra.into_iter().collect(),
        }
    }
}

fn balances(list: Vec<paynet_api::Balance>) -> Vec<Balance> {
    list.into_iter().map(Balance::from).collect()
}

/// The command a response answers: `get-balance` (or `endpoint_balance`),
/// `get-balance/manager` (`manager_balances`), `get-balance/merchant` (`merchant_balances`).
fn command_kind(command: &str) -> Option<CommandKind> {
    match command {
        "get-balance" | "endpoint_balance" => Some(CommandKind::EndpointBalance),
        "get-balance/manager" | "manager_balances" => Some(CommandKind::ManagerBalances),
        "get-balance/merchant" | "merchant_balances" => Some(CommandKind::MerchantBalances),
        _ => None,
    }
}

/// Reads a gateway response to `command` (`"get-balance"`, `"get-balance/manager"` or
/// `"get-balance/merchant"`): an `EndpointBalance` for the first, an array of `Balance`
/// for the others. Throws an `Error` with `code` `PAYNET_GATEWAY_ERROR` (an
/// `error-message`), `PAYNET_ACCESS_DENIED` (403), `PAYNET_HTTP_ERROR` (another status)
/// or `PAYNET_UNEXPECTED_RESPONSE` (anything else, never read as zero).
#[napi(ts_return_type = "EndpointBalance | Array<Balance>")]
pub fn parse_response(
    env: Env,
    command: String,
    status: f64,
    body: Either<String, Buffer>,
) -> napi::Result<Either<EndpointBalance, Vec<Balance>>> {
    let run = || {
        let kind = command_kind(&command).ok_or_else(|| {
            Failure::invalid_input(format!(
                "unknown command {command:?}: use \"get-balance\", \"get-balance/manager\" or \"get-balance/merchant\""
            ))
        })?;
        let status = http_status(status)?;
        let bytes: &[u8] = match &body {
            Either::A(text) => text.as_bytes(),
            Either::B(buffer) => buffer,
        };
        match paynet_api::parse_response(kind, status, bytes) {
            Ok(Response::EndpointBalance(b)) => Ok(Either::A(b.into())),
            Ok(Response::Balances(list)) => Ok(Either::B(balances(list))),
            Err(e) => Err(Failure::client(e.into())),
        }
    };
    run().map_err(|f: Failure| f.into_napi(&env))
}

/// `status` as an HTTP status: a whole number from 100 to 599. Anything else
/// (`4294967496`, `200.5`, `NaN`, `-1`) is refused, never wrapped or rounded.
fn http_status(status: f64) -> Result<u16, Failure> {
    if status.fract() == 0.0 && (100.0..=599.0).contains(&status) {
        // Whole and in range: the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Ok(status as u16);
    }
    Err(Failure::invalid_input(format!(
        "status {status} is not an HTTP status (a whole number from 100 to 599)"
    )))
}

/// What `new Client(...)` needs.
#[napi(object, object_to_js = false)]
#[allow(dead_code)]
pub struct ClientOptions {
    /// The gateway: a base URL (`https://host/paynet/api/v2`) or a preset name
    /// (`payneteasy-sandbox`, `payneteasy-production`).
    pub gateway: String,
    /// The login (OAuth consumer key) of the merchant or manager.
    pub login: String,
    /// The control key (OAuth consumer secret). Kept in native memory only.
    pub control_key: String,
    /// How long one attempt may take, in milliseconds; default 30000.
    pub timeout_ms: Option<f64>,
    /// How long connecting may take, in milliseconds; default 10000.
    pub connect_timeout_ms: Option<f64>,
    /// How many times a connection failure before any response is retried (each
    /// retry signed anew); default 2.
    pub retries: Option<f64>,
    /// Allow a plain `http://` gateway off the loopback interface; default false.
    pub allow_http: Option<bool>,
    /// The largest response body read, in bytes; default 1048576 (1 MiB). A larger
    /// answer is abandoned as it passes the cap: `PAYNET_RESPONSE_TOO_LARGE`.
    pub max_response_bytes: Option<f64>,
}

/// What `getBalance` needs.
#[napi(object)]
pub struct GetBalanceArgs {
    /// The endpoint id.
    #[napi(ts_type = "string | number")]
    pub endpoint_id: Either<String, f64>,
    /// The balance provider, e.g. `"Test"`.
    pub provider: String,
}

/// What `getManagerBalances` and `getMerchantBalances` need.
#[napi(object)]
pub struct BalancesArgs {
    /// The manager's or merchant's login.
    pub login: String,
    /// Only the balance of this name; default all of them.
    pub name: Option<String>,
}

/// A client for one gateway and one set of credentials. Its methods return promises
/// and run on the addon's async runtime: the event loop is never blocked. The control
/// key stays in native memory (it is not a property, `util.inspect` cannot show it).
#[napi]
pub struct Client {
    inner: paynet_client::Client,
}

#[napi]
impl Client {
    /// Checks the options and builds the client (no connection is made yet).
    #[napi(constructor, ts_args_type = "options: ClientOptions")]
    pub fn new(env: Env, options: Unknown<'_>) -> napi::Result<Self> {
        let run = || -> Result<Self, Failure> {
            let fields = Fields::of(options, "options")?;
            let gateway_text = fields.string(c"gateway")?;
            let gateway = Gateway::from_str_or_preset(&gateway_text).map_err(|e| {
                Failure::invalid_input(format!("options.gateway {gateway_text:?}: {e}"))
            })?;
            let login = fields.string(c"login")?;
            let key = ControlKey::new(fields.string(c"controlKey")?);
            let mut builder = paynet_client::Client::builder(gateway, &login, key);
            if let Some(ms) = fields.opt_u64(c"timeoutMs")? {
                builder = builder.timeout(Duration::from_millis(ms));
            }
            if let Some(ms) = fields.opt_u64(c"connectTimeoutMs")? {
                builder = builder.connect_timeout(Duration::from_millis(ms));
            }
            if let Some(n) = fields.opt_u64(c"retries")? {
                let n = u32::try_from(n).map_err(|_| {
                    Failure::invalid_input(format!("options.retries {n} is too large"))
                })?;
                builder = builder.retries(n);
            }
            if let Some(allow) = fields.opt_bool(c"allowHttp")? {
                builder = builder.allow_http(allow);
            }
            if let Some(n) = fields.opt_u64(c"maxResponseBytes")? {
                let n = usize::try_from(n).ok().filter(|&n| n > 0).ok_or_else(|| {
                    Failure::invalid_input(format!(
                        "options.maxResponseBytes {n} must be from 1 to the address space"
                    ))
                })?;
                builder = builder.max_response_bytes(n);
            }
            let inner = builder.build().map_err(Failure::client)?;
            Ok(Client { inner })
        };
        run().map_err(|f| f.into_napi(&env))
    }

    /// The balance of an endpoint for a balance provider (`/get-balance/{endpointId}`).
    #[napi(
        ts_args_type = "args: GetBalanceArgs",
        ts_return_type = "Promise<EndpointBalance>"
    )]
    pub fn get_balance(&self, env: &Env, args: Unknown<'_>, done: Done<'_>) -> napi::Result<()> {
        let read = || -> Result<(String, String), Failure> {
            let fields = Fields::of(args, "args")?;
            let id = endpoint_id(&fields)?;
            Ok((id, fields.string(c"provider")?))
        };
        let (id, provider) = read().map_err(|f| f.into_napi(env))?;
        let client = self.inner.clone();
        spawn(done, async move {
            client
                .get_balance(&id, &provider)
                .await
                .map(EndpointBalance::from)
        })
    }

    /// A manager's balances, all of them or the one named (`/get-balance/manager/{login}`).
    #[napi(
        ts_args_type = "args: BalancesArgs",
        ts_return_type = "Promise<Array<Balance>>"
    )]
    pub fn get_manager_balances(
        &self,
        env: &Env,
        args: Unknown<'_>,
        done: Done<'_>,
    ) -> napi::Result<()> {
        let (login, name) = balances_args(args).map_err(|f| f.into_napi(env))?;
        let client = self.inner.clone();
        spawn(done, async move {
            client
                .get_manager_balances(&login, name.as_deref())
                .await
                .map(balances)
        })
    }

    /// A merchant's balances, all of them or the one named (`/get-balance/merchant/{login}`).
    #[napi(
        ts_args_type = "args: BalancesArgs",
        ts_return_type = "Promise<Array<Balance>>"
    )]
    pub fn get_merchant_balances(
        &self,
        env: &Env,
        args: Unknown<'_>,
        done: Done<'_>,
    ) -> napi::Result<()> {
        let (login, name) = balances_args(args).map_err(|f| f.into_napi(env))?;
        let client = self.inner.clone();
        spawn(done, async move {
            client
                .get_merchant_balances(&login, name.as_deref())
                .await
                .map(balances)
        })
    }
}

/// `endpointId` as text: a string, or a whole number.
fn endpoint_id(fields: &Fields<'_>) -> Result<String, Failure> {
    fields.string_or_whole_number(c"endpointId")
}

fn balances_args(args: Unknown<'_>) -> Result<(String, Option<String>), Failure> {
    let fields = Fields::of(args, "args")?;
    Ok((fields.string(c"login")?, fields.opt_string(c"name")?))
}

/// The completion callback the native client methods take (see [`spawn`]).
type Done<'env> = Function<'env, Unknown<'static>, Unknown<'static>>;

/// What `done` receives: `(error, null)` or `(null, value)`.
type Settled<T> = FnArgs<(Option<napi::Error>, Option<T>)>;

/// Runs `work` on napi's tokio runtime and calls `done(error, value)` on the JavaScript
/// thread (`main.js` turns it into a promise); the error is an `Error` carrying `code`
/// and details.
///
/// `done` is a napi-rs `ThreadsafeFunction`: when its environment is torn down first
/// (a `Worker` terminated while the request waits), napi-rs marks it aborted and the
/// late call returns `Closing` instead of reaching a freed environment. (napi-rs's
/// promise helper, `spawn_future_with_callback`, calls a raw threadsafe function there
/// and aborts the process.)
fn spawn<T, F>(done: Done<'_>, work: F) -> napi::Result<()>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = Result<T, paynet_client::Error>> + Send + 'static,
{
    let done = done
        .build_threadsafe_function::<Result<T, Failure>>()
        .callee_handled::<false>()
        .build_callback(|ctx: ThreadsafeCallContext<Result<T, Failure>>| {
            Ok::<Settled<T>, napi::Error>(match ctx.value {
                Ok(value) => (None, Some(value)).into(),
                Err(failure) => (Some(failure.into_napi(&ctx.env)), None).into(),
            })
        })?;
    napi::bindgen_prelude::spawn(async move {
        let outcome = work.await.map_err(Failure::client);
        // `Closing`: the environment that asked is gone and nobody waits for the answer.
        let _ = done.call(outcome, ThreadsafeFunctionCallMode::NonBlocking);
    });
    Ok(())
}
