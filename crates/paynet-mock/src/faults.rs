//! Failures the mock can inject, switchable while it runs.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Injected failures, shared with the running server.
#[derive(Debug, Default)]
pub struct Faults {
    close_next: AtomicU32,
    stall: AtomicBool,
    status: Mutex<Option<u16>>,
}

impl Faults {
    /// Closes the connection of the next `n` requests without answering.
    pub fn close_next(&self, n: u32) {
        self.close_next.store(n, Ordering::SeqCst);
    }

    /// Reads requests but never answers them (a hung gateway).
    pub fn set_stall(&self, stall: bool) {
        self.stall.store(stall, Ordering::SeqCst);
    }

    /// Answers every request with `status` and a small HTML body (e.g. 502), or
    /// normally again with `None`.
    pub fn set_status(&self, status: Option<u16>) {
        *self.status.lock().unwrap_or_else(|e| e.into_inner()) = status;
    }

    /// True (once per injected failure) when this request's connection is to be closed.
    pub(crate) fn take_close(&self) -> bool {
        self.close_next
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    pub(crate) fn stalled(&self) -> bool {
        self.stall.load(Ordering::SeqCst)
    }

    pub(crate) fn status(&self) -> Option<u16> {
        *self.status.lock().unwrap_or_else(|e| e.into_inner())
    }
}
