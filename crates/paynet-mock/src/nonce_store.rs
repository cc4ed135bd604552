//! Replay protection: nonces seen within the timestamp window, bounded in memory.

use std::collections::HashMap;
use std::sync::Mutex;

/// Remembers `(consumer key, nonce)` pairs. A pair older than the timestamp window can
/// be forgotten: a replay of it fails the timestamp check anyway. So the store holds at
/// most the requests of one window, and is capped on top of that.
#[derive(Debug)]
pub struct NonceStore {
    seen: Mutex<Seen>,
    cap: usize,
}

#[derive(Debug, Default)]
struct Seen {
    nonces: HashMap<(String, String), u64>,
    /// The size at which expired entries are dropped next: twice the live size after
    /// the last pruning, so pruning costs O(1) per insert on average.
    prune_at: usize,
}

impl NonceStore {
    /// A store that refuses new nonces once `cap` live entries are held.
    pub fn new(cap: usize) -> Self {
        NonceStore {
            seen: Mutex::new(Seen {
                nonces: HashMap::new(),
                prune_at: 1024,
            }),
            cap,
        }
    }

    /// Records the nonce; false when it was already used (a replay) or the store is
    /// full of live entries. Entries with timestamps older than `now - window` are
    /// dropped first when the store grows.
    pub fn check_and_insert(
        &self,
        consumer_key: &str,
        nonce: &str,
        timestamp: u64,
        now: u64,
        window: u64,
    ) -> bool {
        let mut guard = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let seen = &mut *guard;
        let key = (consumer_key.to_owned(), nonce.to_owned());
        if seen.nonces.contains_key(&key) {
            return false;
        }
        if seen.nonces.len() >= seen.prune_at.min(self.cap) {
            let oldest_valid = now.saturating_sub(window);
            seen.nonces.retain(|_, &mut ts| ts >= oldest_valid);
            seen.prune_at = (seen.nonces.len() * 2).max(1024);
        }
        if seen.nonces.len() >= self.cap {
            return false;
        }
        seen.nonces.insert(key, timestamp);
        true
    }

    /// How many nonces are held.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .nonces
            .len()
    }

    /// True when no nonce is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::NonceStore;

    #[test]
    fn a_replay_is_refused() {
        let store = NonceStore::new(100);
        assert!(store.check_and_insert("m", "abc", 1000, 1000, 300));
        assert!(!store.check_and_insert("m", "abc", 1000, 1001, 300));
        assert!(store.check_and_insert("other", "abc", 1000, 1001, 300));
    }

    #[test]
    fn a_flood_of_unique_nonces_stays_bounded() {
        let store = NonceStore::new(1_000_000);
        // 100 requests per second for an hour, each with a unique nonce.
        for second in 0..3600u64 {
            for i in 0..100 {
                let now = 1_700_000_000 + second;
                assert!(store.check_and_insert("m", &format!("{second}-{i}"), now, now, 300));
            }
        }
        // At most about two windows of entries (300 s * 100/s, doubled by the pruning
        // schedule) remain, not the 360,000 sent.
        assert!(
            store.len() <= 2 * 301 * 100 + 1024,
            "{} nonces held",
            store.len()
        );
    }

    #[test]
    fn a_full_store_refuses_rather_than_grows() {
        let store = NonceStore::new(10);
        for i in 0..10 {
            assert!(store.check_and_insert("m", &i.to_string(), 1000, 1000, 300));
        }
        assert!(!store.check_and_insert("m", "x", 1000, 1000, 300));
        assert_eq!(store.len(), 10);
        // Once the window has passed, old entries make room.
        assert!(store.check_and_insert("m", "y", 1400, 1400, 300));
    }
}
