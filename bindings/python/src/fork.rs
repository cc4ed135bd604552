//! Fork safety: what a process made (a tokio runtime, a connection pool) is used by that
//! process only. A forked child (`os.fork`, multiprocessing, gunicorn `--preload`,
//! Celery prefork, a C extension calling `fork()` without Python's at-fork hooks) sees
//! its pid change at its next call and builds its own. What it inherited is leaked, never
//! used nor dropped: the inherited sockets are the parent's keep-alive connections
//! (using them would hand one process the other's answers), the runtime's threads do
//! not exist in the child (its timers never fire), and dropping either would deregister
//! the parent's sockets from the epoll instance both processes share.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub(crate) use paynet_bind::PerProcess;

/// The tokio runtime of this process that drives `AsyncClient` requests.
static RUNTIME: PerProcess<tokio::runtime::Runtime> = PerProcess::new();

/// This process's runtime (started on first use, started again after a fork).
pub(crate) fn runtime() -> Arc<tokio::runtime::Runtime> {
    let started = RUNTIME.get(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("paynet-oauth-io")
            .enable_all()
            .build()
    });
    // Like pyo3-async-runtimes' own runtime: without threads there is nothing to run on.
    started.expect("paynet_oauth: cannot start the tokio runtime")
}

/// Stops this process's runtime, waiting up to a second for its threads (registered
/// with `atexit`): a runtime thread still handing an answer to asyncio when the
/// interpreter finalizes would touch a Python that is gone. The GIL is released while
/// waiting, so a thread that waits for it finishes.
#[pyo3::pyfunction]
pub(crate) fn stop_runtime(py: pyo3::Python<'_>) {
    if let Some(runtime) = RUNTIME.take() {
        py.detach(move || {
            if let Ok(runtime) = Arc::try_unwrap(runtime) {
                runtime.shutdown_timeout(std::time::Duration::from_secs(1));
            }
        });
    }
}

/// The runtime's handle when called on one of its own threads (pyo3-async-runtimes
/// spawns the hand-off of each answer from there). Such a thread must not hold an `Arc`
/// of the runtime: when [`stop_runtime`] runs at exit meanwhile, that clone can be the
/// last, and a runtime dropped on its own thread panics ("Cannot drop a runtime in a
/// context where blocking is not allowed"), which killed the exiting process (SIGSEGV,
/// seen once in 24 exits of test_exit.py on a loaded machine).
fn own_thread_handle() -> Option<tokio::runtime::Handle> {
    tokio::runtime::Handle::try_current().ok()
}

tokio::task_local! {
    static TASK_LOCALS: std::cell::OnceCell<pyo3_async_runtimes::TaskLocals>;
}

/// `pyo3-async-runtimes`' tokio glue, spawning on [`runtime`] (the crate's own runtime
/// lives in a static that a forked child would inherit without its threads).
pub(crate) struct ForkSafeTokio;

impl pyo3_async_runtimes::generic::Runtime for ForkSafeTokio {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = tokio::task::JoinHandle<()>;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        match own_thread_handle() {
            Some(handle) => handle.spawn(fut),
            None => runtime().spawn(fut),
        }
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        match own_thread_handle() {
            Some(handle) => handle.spawn_blocking(f),
            None => runtime().spawn_blocking(f),
        }
    }
}

impl pyo3_async_runtimes::generic::ContextExt for ForkSafeTokio {
    fn scope<F, R>(
        locals: pyo3_async_runtimes::TaskLocals,
        fut: F,
    ) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = std::cell::OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<pyo3_async_runtimes::TaskLocals> {
        TASK_LOCALS
            .try_with(|c| c.get().cloned())
            .unwrap_or_default()
    }
}
