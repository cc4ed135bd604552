//! The balance `Client`: [`paynet_bind::ClientOptions`] and [`paynet_bind::Call`] on
//! napi's tokio runtime. `main.js` checks the argument types and turns the completion
//! callback into a promise that an `AbortSignal` can cancel.

use napi::Env;
use napi::bindgen_prelude::{Either, FnArgs, Function, Unknown};
use napi::threadsafe_function::{ThreadsafeCallContext, ThreadsafeFunctionCallMode};
use napi_derive::napi;

use paynet_bind::{Call, Failure, seconds};

use crate::errors::{js, to_js};
use crate::response::{self, JsAnswer};

/// What `new Client(...)` needs.
#[napi(object, object_to_js = false)]
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
/// key stays in native memory (`util.inspect` shows the gateway and the login only).
#[napi]
pub struct Client {
    inner: paynet_client::Client,
    options: paynet_bind::ClientOptions,
}

// `main.js` passes whole numbers from 0 to 2^53 only (`retries`, `maxResponseBytes`).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn options_of(o: &ClientOptions) -> Result<paynet_bind::ClientOptions, Failure> {
    let mut options = paynet_bind::ClientOptions::new(&o.gateway, &o.login, &o.control_key)
        .map_err(|f| Failure::invalid_input(format!("options.gateway {:?}: {f}", o.gateway)))?;
    if o.login.is_empty() {
        return Err(Failure::invalid_input("options.login must not be empty"));
    }
    options.timeout = o
        .timeout_ms
        .map(|t| seconds("options.timeoutMs", t, 0.001))
        .transpose()?;
    options.connect_timeout = (o.connect_timeout_ms)
        .map(|t| seconds("options.connectTimeoutMs", t, 0.001))
        .transpose()?;
    options.retries = o.retries.map(|n| n.min(f64::from(u32::MAX)) as u32);
    options.allow_http = o.allow_http.unwrap_or(false);
    if let Some(n) = o.max_response_bytes {
        options = options.with_max_response_bytes("options.maxResponseBytes", n as u64)?;
    }
    Ok(options)
}

#[napi]
impl Client {
    /// Checks the options and builds the client (no connection is made yet).
    #[napi(constructor)]
    pub fn new(env: Env, options: ClientOptions) -> napi::Result<Self> {
        let options = js(&env, options_of(&options))?;
        let inner = js(&env, options.build_async())?;
        Ok(Client { inner, options })
    }

    /// The gateway's base URL.
    #[napi(getter)]
    pub fn gateway(&self) -> String {
        self.options.gateway.to_string()
    }

    /// The login (OAuth consumer key).
    #[napi(getter)]
    pub fn login(&self) -> String {
        self.options.login.clone()
    }

    /// The balance of an endpoint for a balance provider (`/get-balance/{endpointId}`).
    #[napi(
        ts_args_type = "args: GetBalanceArgs, options?: CallOptions",
        ts_return_type = "Promise<EndpointBalance>"
    )]
    pub fn get_balance<'env>(
        &self,
        env: &'env Env,
        args: GetBalanceArgs,
        done: Done<'_>,
    ) -> napi::Result<Cancel<'env>> {
        let endpoint_id = match args.endpoint_id {
            Either::A(text) => text,
            Either::B(number) => number.to_string(),
        };
        let provider = args.provider;
        self.spawn(
            env,
            done,
            Call::EndpointBalance {
                endpoint_id,
                provider,
            },
        )
    }

    /// A manager's balances, all of them or the one named (`/get-balance/manager/{login}`).
    #[napi(
        ts_args_type = "args: BalancesArgs, options?: CallOptions",
        ts_return_type = "Promise<Array<Balance>>"
    )]
    pub fn get_manager_balances<'env>(
        &self,
        env: &'env Env,
        args: BalancesArgs,
        done: Done<'_>,
    ) -> napi::Result<Cancel<'env>> {
        let (login, name) = (args.login, args.name);
        self.spawn(env, done, Call::ManagerBalances { login, name })
    }

    /// A merchant's balances, all of them or the one named (`/get-balance/merchant/{login}`).
    #[napi(
        ts_args_type = "args: BalancesArgs, options?: CallOptions",
        ts_return_type = "Promise<Array<Balance>>"
    )]
    pub fn get_merchant_balances<'env>(
        &self,
        env: &'env Env,
        args: BalancesArgs,
        done: Done<'_>,
    ) -> napi::Result<Cancel<'env>> {
        let (login, name) = (args.login, args.name);
        self.spawn(env, done, Call::MerchantBalances { login, name })
    }

    /// Runs `call` on napi's tokio runtime and calls `done(error, value)` on the
    /// JavaScript thread (`main.js` turns it into a promise).
    ///
    /// `done` is a napi-rs `ThreadsafeFunction`: when its environment is torn down first
    /// (a `Worker` terminated while the request waits), napi-rs marks it aborted and the
    /// late call returns `Closing` instead of reaching a freed environment. (napi-rs's
    /// promise helper, `spawn_future_with_callback`, calls a raw threadsafe function
    /// there and aborts the process.)
    fn spawn<'env>(
        &self,
        env: &'env Env,
        done: Done<'_>,
        call: Call,
    ) -> napi::Result<Cancel<'env>> {
        let done = done
            .build_threadsafe_function::<Result<JsAnswer, Failure>>()
            .callee_handled::<false>()
            .build_callback(|ctx: ThreadsafeCallContext<Result<JsAnswer, Failure>>| {
                Ok::<Settled, napi::Error>(match ctx.value {
                    Ok(value) => (None, Some(value)).into(),
                    Err(failure) => (Some(to_js(&ctx.env, &failure)), None).into(),
                })
            })?;
        let client = self.inner.clone();
        let task = napi::bindgen_prelude::spawn(async move {
            let outcome = call.run(&client).await.map(|a| response::to_js(&a));
            // `Closing`: the environment that asked is gone and nobody waits for the answer.
            let _ = done.call(outcome, ThreadsafeFunctionCallMode::NonBlocking);
        });
        env.create_function_from_closure("cancel", move |_| {
            task.abort();
            Ok(())
        })
    }
}

/// What the native client methods return: a function that drops the request (and its
/// connection); its callback is then never called.
type Cancel<'env> = Function<'env, (), ()>;

/// The completion callback the native client methods take (see `Client::spawn`).
type Done<'env> = Function<'env, Unknown<'static>, Unknown<'static>>;

/// What `done` receives: `(error, null)` or `(null, value)`.
type Settled = FnArgs<(Option<napi::Error>, Option<JsAnswer>)>;
