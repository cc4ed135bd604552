//! Failures the mock can inject, switchable while it runs.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// Injected failures, shared with the running server.
#[derive(Debug, Default)]
pub struct Faults {
    close_next: AtomicU32,
    stall: AtomicBool,
    status: Mutex<Option<u16>>,
    answer: Mutex<Option<(u16, Vec<u8>)>>,
    endless: Mutex<Option<EndlessBody>>,
    chaos: Mutex<Option<Chaos>>,
    rng: AtomicU64,
}

/// Random failures for soak tests: each request independently gets at most one of
/// them, with these probabilities (0.0 to 1.0).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Chaos {
    /// Close the connection without answering.
    pub drop: f64,
    /// Answer after `slow_for`.
    pub slow: f64,
    /// How long a slow answer waits.
    pub slow_for: Duration,
    /// Answer HTTP 503.
    pub server_error: f64,
    /// Announce the whole body in Content-Length, send half of it, close the connection.
    pub truncate: f64,
}

/// A hostile answer: HTTP 200 whose body never ends (a client must stop reading at
/// its size cap).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EndlessBody {
    /// A Content-Length to announce (the body still streams until the client
    /// leaves); `None` streams it chunked.
    pub content_length: Option<u64>,
}

/// What chaos chose for one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    Drop,
    Slow(Duration),
    ServerError,
    Truncate,
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

    /// Answers every request with `status` and exactly these body bytes, unchecked
    /// (hostile text: control characters, duplicate fields, huge numbers), or normally
    /// again with `None`.
    pub fn set_answer(&self, answer: Option<(u16, Vec<u8>)>) {
        *self.answer.lock().unwrap_or_else(|e| e.into_inner()) = answer;
    }

    /// Answers every request with a body that never ends, or normally again with
    /// `None`.
    pub fn set_endless_body(&self, endless: Option<EndlessBody>) {
        *self.endless.lock().unwrap_or_else(|e| e.into_inner()) = endless;
    }

    pub(crate) fn answer(&self) -> Option<(u16, Vec<u8>)> {
        self.answer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn endless_body(&self) -> Option<EndlessBody> {
        *self.endless.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// True (once per injected failure) when this request's connection is to be closed.
    pub(crate) fn take_close(&self) -> bool {
        self.close_next
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    /// Turns random failures on (`Some`) or off.
    pub fn set_chaos(&self, chaos: Option<Chaos>) {
        *self.chaos.lock().unwrap_or_else(|e| e.into_inner()) = chaos;
    }

    /// Draws this request's random failure, if chaos is on.
    pub(crate) fn draw(&self) -> Option<Fault> {
        let chaos = (*self.chaos.lock().unwrap_or_else(|e| e.into_inner()))?;
        // xorshift64*: plenty for spreading faults; not for anything secret.
        let mut x = self.rng.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed) | 1;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let roll = (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
        let mut edge = chaos.drop;
        if roll < edge {
            return Some(Fault::Drop);
        }
        edge += chaos.slow;
        if roll < edge {
            return Some(Fault::Slow(chaos.slow_for));
        }
        edge += chaos.server_error;
        if roll < edge {
            return Some(Fault::ServerError);
        }
        edge += chaos.truncate;
        (roll < edge).then_some(Fault::Truncate)
    }

    pub(crate) fn stalled(&self) -> bool {
        self.stall.load(Ordering::SeqCst)
    }

    pub(crate) fn status(&self) -> Option<u16> {
        *self.status.lock().unwrap_or_else(|e| e.into_inner())
    }
}
