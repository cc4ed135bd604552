//! Bounding connections: a limit on how many are open at once, and when it (or the
//! process's descriptor limit) is reached, room made by closing the connection that has
//! waited longest without a request being handled (an idle keep-alive connection, or
//! one whose request arrives too slowly), never a request being answered.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

/// The open connections of one server.
pub(crate) struct Connections {
    slots: Arc<Semaphore>,
    /// Evictable connections by the order in which they became evictable.
    idle: Mutex<BTreeMap<u64, Arc<Notify>>>,
    next: AtomicU64,
    evicted: AtomicU64,
}

/// One open connection: holds its slot until dropped.
pub(crate) struct Connection {
    connections: Arc<Connections>,
    evict: Arc<Notify>,
    /// Its key in `idle` while it is evictable.
    idle_since: Mutex<Option<u64>>,
    _slot: OwnedSemaphorePermit,
}

impl Connections {
    /// Room for `limit` connections (at least 1).
    pub(crate) fn new(limit: usize) -> Arc<Self> {
        Arc::new(Connections {
            slots: Arc::new(Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS))),
            idle: Mutex::new(BTreeMap::new()),
            next: AtomicU64::new(0),
            evicted: AtomicU64::new(0),
        })
    }

    /// Waits for a free slot, closing the longest-idle connection when there is none.
    /// Waits (without spinning) when every connection is busy answering.
    pub(crate) async fn slot(self: &Arc<Self>) -> OwnedSemaphorePermit {
        if let Ok(permit) = Arc::clone(&self.slots).try_acquire_owned() {
            return permit;
        }
        self.evict_oldest_idle();
        Arc::clone(&self.slots)
            .acquire_owned()
            .await
            .unwrap_or_else(|_| unreachable!("the semaphore is never closed"))
    }

    /// Closes the connection that has been evictable longest; false when none is.
    pub(crate) fn evict_oldest_idle(&self) -> bool {
        let oldest = self
            .idle
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_first();
        match oldest {
            Some((_, evict)) => {
                evict.notify_one();
                self.evicted.fetch_add(1, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    /// Registers a new connection in `slot`, evictable until a request is handled.
    pub(crate) fn open(self: &Arc<Self>, slot: OwnedSemaphorePermit) -> Arc<Connection> {
        let connection = Arc::new(Connection {
            connections: Arc::clone(self),
            evict: Arc::new(Notify::new()),
            idle_since: Mutex::new(None),
            _slot: slot,
        });
        connection.set_idle(true);
        connection
    }

    /// How many connections were closed to make room.
    pub(crate) fn evicted(&self) -> u64 {
        self.evicted.load(Ordering::Relaxed)
    }
}

impl Connection {
    /// Marks the connection evictable (waiting for or reading a request) or not (a
    /// request is being answered).
    pub(crate) fn set_idle(&self, idle: bool) {
        let mut since = self.idle_since.lock().unwrap_or_else(|e| e.into_inner());
        let mut map = self
            .connections
            .idle
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(key) = since.take() {
            map.remove(&key);
        }
        if idle {
            let key = self.connections.next.fetch_add(1, Ordering::Relaxed);
            map.insert(key, Arc::clone(&self.evict));
            *since = Some(key);
        }
    }

    /// Resolves when the server closes this connection to make room.
    pub(crate) async fn evicted(&self) {
        self.evict.notified().await;
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if let Some(key) = self
            .idle_since
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            self.connections
                .idle
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Connections;

    #[tokio::test]
    async fn the_longest_idle_connection_makes_room() {
        let connections = Connections::new(2);
        let a = connections.open(connections.slot().await);
        let b = connections.open(connections.slot().await);
        b.set_idle(false); // b is answering a request: never evicted
        let third = tokio::spawn({
            let connections = connections.clone();
            async move { connections.slot().await }
        });
        // a is told to close; its slot frees when it is dropped.
        tokio::time::timeout(std::time::Duration::from_secs(1), a.evicted())
            .await
            .unwrap();
        drop(a);
        let _slot = tokio::time::timeout(std::time::Duration::from_secs(1), third)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(connections.evicted(), 1);
        // Nothing idle is left: no eviction, no spin.
        assert!(!connections.evict_oldest_idle());
        drop(b);
    }
}
