//! The server: a TCP listener, HTTP/1.1 connections (keep-alive), graceful stop.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::{Faults, Fixtures, Format, NonceStore};

/// The path under which the mock serves the API, as the real gateways do.
pub const API_PREFIX: &str = "/paynet/api/v2";

/// How the mock behaves.
pub struct MockConfig {
    /// The accounts and endpoints served.
    pub fixtures: Fixtures,
    /// The accepted clock skew of `oauth_timestamp`, in seconds (default 300).
    pub window: u64,
    /// The response format (default: the documented one, trailing commas included).
    pub format: Format,
    /// The clock (Unix seconds); the system clock by default.
    pub clock: Arc<dyn Fn() -> u64 + Send + Sync>,
    /// The most nonces remembered at once (default 1,000,000).
    pub nonce_capacity: usize,
    /// The most nonces remembered at once for one login (default 100,000), so that one
    /// client cannot fill the store for the others.
    pub nonce_capacity_per_login: usize,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            fixtures: Fixtures::default(),
            window: 300,
            format: Format::Documented,
            clock: Arc::new(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            }),
            nonce_capacity: 1_000_000,
            nonce_capacity_per_login: 100_000,
        }
    }
}

/// What the request handler shares.
pub(crate) struct State {
    pub(crate) config: MockConfig,
    pub(crate) faults: Faults,
    pub(crate) nonces: NonceStore,
    pub(crate) accepted_nonces: Mutex<Vec<String>>,
    pub(crate) requests: std::sync::atomic::AtomicU64,
}

/// A running mock gateway on a tokio runtime.
pub struct MockGateway {
    addr: SocketAddr,
    state: Arc<State>,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl MockGateway {
    /// Binds `listen` (port 0 picks a free port) and starts serving on the current
    /// tokio runtime.
    pub async fn start(listen: SocketAddr, config: MockConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            nonces: NonceStore::with_limits(config.nonce_capacity, config.nonce_capacity_per_login),
            config,
            faults: Faults::default(),
            accepted_nonces: Mutex::new(Vec::new()),
            requests: Default::default(),
        });
        let (stop, mut stopped) = oneshot::channel();
        let serving = Arc::clone(&state);
        let task = tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        let _ = stream.set_nodelay(true);
                        let state = Arc::clone(&serving);
                        tokio::spawn(async move {
                            let service = service_fn(move |request| {
                                let state = Arc::clone(&state);
                                async move { crate::handler::handle(&state, request).await }
                            });
                            let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), service).await;
                        });
                    }
                }
            }
        });
        Ok(MockGateway {
            addr,
            state,
            stop: Some(stop),
            task,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API base URL, e.g. `http://127.0.0.1:40123/paynet/api/v2`.
    pub fn base_url(&self) -> String {
        format!("http://{}{API_PREFIX}", self.addr)
    }

    /// The failures to inject.
    pub fn faults(&self) -> &Faults {
        &self.state.faults
    }

    /// The nonces (decoded) of the requests that passed verification, oldest first (the
    /// last 10,000).
    pub fn accepted_nonces(&self) -> Vec<String> {
        self.state
            .accepted_nonces
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many requests arrived (whatever their outcome).
    pub fn requests(&self) -> u64 {
        self.state
            .requests
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// How many nonces the replay store holds.
    pub fn nonces_held(&self) -> usize {
        self.state.nonces.len()
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for MockGateway {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A mock gateway on its own runtime thread, for blocking code and tests without an
/// async runtime. Stops when dropped.
pub struct BackgroundMock {
    gateway: Option<MockGateway>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl BackgroundMock {
    /// Starts a mock on 127.0.0.1 with a free port.
    pub fn start(config: MockConfig) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let gateway = runtime.block_on(MockGateway::start(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            config,
        ))?;
        Ok(BackgroundMock {
            gateway: Some(gateway),
            runtime: Some(runtime),
        })
    }

    /// The running gateway.
    pub fn gateway(&self) -> &MockGateway {
        self.gateway
            .as_ref()
            .unwrap_or_else(|| unreachable!("set until drop"))
    }
}

impl Drop for BackgroundMock {
    fn drop(&mut self) {
        if let (Some(gateway), Some(runtime)) = (self.gateway.take(), self.runtime.take()) {
            runtime.block_on(gateway.shutdown());
            runtime.shutdown_background();
        }
    }
}
