//! The server: a TCP listener, HTTP/1.1 connections (keep-alive), graceful stop.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::connections::Connections;
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
    /// The most connections open at once (default 1024). When it is reached, or when
    /// the process runs out of file descriptors, the connection idle the longest (no
    /// request being answered) is closed to make room.
    pub max_connections: usize,
    /// How long a client may take to send a request's headers, counted from when the
    /// server starts waiting for them (also on an idle keep-alive connection); the
    /// connection is closed after that (default 10 s).
    pub header_timeout: Duration,
    /// How long a client may take to send a request's body once its headers arrived;
    /// answered with 408 and closed after that (default 10 s).
    pub body_timeout: Duration,
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
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
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
    pub(crate) connections: Arc<Connections>,
    pub(crate) accept_errors: std::sync::atomic::AtomicU64,
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
            connections: Connections::new(config.max_connections),
            config,
            faults: Faults::default(),
            accepted_nonces: Mutex::new(Vec::new()),
            requests: Default::default(),
            accept_errors: Default::default(),
        });
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&state), stopped));
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

    /// How many connections were closed to make room for new ones (the connection
    /// limit or the descriptor limit was reached).
    pub fn connections_evicted(&self) -> u64 {
        self.state.connections.evicted()
    }

    /// How many times `accept` failed (e.g. out of file descriptors).
    pub fn accept_errors(&self) -> u64 {
        self.state
            .accept_errors
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

/// Accepts connections until stopped: one slot each (see [`MockConfig::max_connections`]);
/// when `accept` fails (out of descriptors), an idle connection is closed and the loop
/// backs off briefly instead of spinning.
async fn accept_loop(listener: TcpListener, state: Arc<State>, mut stopped: oneshot::Receiver<()>) {
    let mut backoff = Duration::from_millis(1);
    loop {
        let slot = tokio::select! {
            _ = &mut stopped => break,
            slot = state.connections.slot() => slot,
        };
        let accepted = tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, _)) => {
                backoff = Duration::from_millis(1);
                let connection = state.connections.open(slot);
                tokio::spawn(serve(stream, Arc::clone(&state), connection));
            }
            Err(_) => {
                // EMFILE/ENFILE (or a connection reset before it was accepted): the
                // pending connection stays queued, so accepting again at once would
                // spin. Free a descriptor if an idle connection holds one, and wait.
                drop(slot);
                state
                    .accept_errors
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let freed = state.connections.evict_oldest_idle();
                tokio::time::sleep(backoff).await;
                if !freed {
                    backoff = (backoff * 2).min(Duration::from_millis(50));
                }
            }
        }
    }
}

/// Serves one connection until it closes, times out or is evicted.
async fn serve(
    stream: TcpStream,
    state: Arc<State>,
    connection: Arc<crate::connections::Connection>,
) {
    let _ = stream.set_nodelay(true);
    let header_timeout = state.config.header_timeout;
    let handling = Arc::clone(&connection);
    let service = service_fn(move |request| {
        let state = Arc::clone(&state);
        let handling = Arc::clone(&handling);
        async move {
            let answer = crate::handler::handle(&state, request, &handling).await;
            handling.set_idle(true);
            answer
        }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .keep_alive(true);
    let serving = builder.serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = serving => {}
        () = connection.evicted() => {}
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
