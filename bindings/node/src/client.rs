//! The balance `Client`: [`paynet_bind::ClientOptions`] and [`paynet_bind::Call`] on
//! napi's tokio runtime. `main.js` checks the argument types and turns the completion
//! callback into a promise that an `AbortSignal` can cancel.

use napi::Env;
use napi::bindgen_prelude::{FnArgs, Function, Unknown};
use napi::threadsafe_function::{ThreadsafeCallContext, ThreadsafeFunctionCallMode};
use napi_derive::napi;

use paynet_bind::{Call, ClientLimits, Failure};

use crate::errors::{js, to_js};
use crate::response::{self, JsAnswer};

/// A client for one gateway and one set of credentials. Its methods return promises
/// and run on the addon's async runtime: the event loop is never blocked. The control
/// key stays in native memory (`util.inspect` shows the gateway and the login only).
#[napi]
pub struct Client {
    inner: paynet_client::Client,
    options: paynet_bind::ClientOptions,
}

#[napi]
impl Client {
    /// Checks the options and builds the client (no connection is made yet).
    // `main.js` passes the keys of the options object and the fields it checked
    // (`ClientOptions` in index.d.ts) one by one; `retries` and `maxResponseBytes` are
    // whole numbers from 0 to 2^53.
    #[napi(constructor, ts_args_type = "options: ClientOptions")]
    #[allow(
        clippy::too_many_arguments,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    pub fn new(
        env: Env,
        keys: Vec<String>,
        gateway: String,
        login: String,
        control_key: String,
        timeout_ms: Option<f64>,
        connect_timeout_ms: Option<f64>,
        retries: Option<f64>,
        allow_http: Option<bool>,
        max_response_bytes: Option<f64>,
    ) -> napi::Result<Self> {
        let read = || -> Result<paynet_bind::ClientOptions, Failure> {
            paynet_bind::check_js_option_keys(&keys)?;
            let options = paynet_bind::ClientOptions::for_gateway(
                paynet_bind::js_gateway(&gateway)?,
                &login,
                &control_key,
            );
            let limits = ClientLimits::from_js(
                timeout_ms,
                connect_timeout_ms,
                retries.map(|n| n as u64),
                allow_http,
                max_response_bytes.map(|n| n as u64),
                &paynet_bind::js_number,
            )?;
            Ok(options.with_limits(&limits))
        };
        let options = js(&env, read())?;
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

    /// Sends `command` (`getBalance`: endpoint id, provider; `getManagerBalances`,
    /// `getMerchantBalances`: login, name) and calls `done(error, value)` when answered.
    #[napi(skip_typescript, js_name = "run")]
    pub fn run<'env>(
        &self,
        env: &'env Env,
        command: String,
        first: String,
        second: Option<String>,
        done: Done<'_>,
    ) -> napi::Result<Cancel<'env>> {
        let call = js(env, Call::named(&command, first, second))?;
        self.spawn(env, done, call)
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
