//! Replay protection: nonces seen within the timestamp window, bounded in memory per
//! login and in total.

use std::collections::HashMap;
use std::sync::Mutex;

/// Remembers `(login, nonce)` pairs, both decoded (the login the secret was looked up
/// with and [`paynet_oauth::Verified::nonce`]), so a re-encoded copy of a request is
/// the same pair. A pair older than the timestamp window can be forgotten: a replay of
/// it fails the timestamp check anyway. So the store holds at most the requests of one
/// window, is capped per login (one client cannot fill it for the others) and is capped
/// in total on top of that.
#[derive(Debug)]
pub struct NonceStore {
    seen: Mutex<Seen>,
    cap: usize,
    per_login_cap: usize,
}

#[derive(Debug, Default)]
struct Seen {
    logins: HashMap<String, Login>,
    total: usize,
    /// The time of the last pruning of every login (when the total cap was reached).
    pruned_all_at: u64,
}

#[derive(Debug)]
struct Login {
    nonces: HashMap<String, u64>,
    /// The size at which expired entries are dropped next: twice the live size after
    /// the last pruning, so pruning costs O(1) per insert on average.
    prune_at: usize,
}

impl Default for Login {
    fn default() -> Self {
        Login {
            nonces: HashMap::new(),
            prune_at: 1024,
        }
    }
}

impl Login {
    /// Drops the entries older than `oldest_valid`; returns how many.
    fn prune(&mut self, oldest_valid: u64) -> usize {
        let before = self.nonces.len();
        self.nonces.retain(|_, &mut ts| ts >= oldest_valid);
        self.prune_at = (self.nonces.len() * 2).max(1024);
        before - self.nonces.len()
    }
}

impl NonceStore {
    /// A store that refuses new nonces once `cap` live entries are held in total, or
    /// `cap / 10` (at least 1) for one login.
    pub fn new(cap: usize) -> Self {
        NonceStore::with_limits(cap, (cap / 10).max(1))
    }

    /// A store that refuses new nonces once `cap` live entries are held in total or
    /// `per_login_cap` for one login.
    pub fn with_limits(cap: usize, per_login_cap: usize) -> Self {
        NonceStore {
            seen: Mutex::new(Seen::default()),
            cap,
            per_login_cap,
        }
    }

    /// Records the nonce of `login` (both decoded); false when it was already used (a
    /// replay) or the login's share or the whole store is full of live entries.
    /// Entries with timestamps older than `now - window` are dropped first when the
    /// store grows.
    pub fn check_and_insert(
        &self,
        login: &str,
        nonce: &str,
        timestamp: u64,
        now: u64,
        window: u64,
    ) -> bool {
        let mut guard = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let seen = &mut *guard;
        let oldest_valid = now.saturating_sub(window);
        if seen
            .logins
            .get(login)
            .is_some_and(|l| l.nonces.contains_key(nonce))
        {
            return false;
        }
        if seen.total >= self.cap && seen.pruned_all_at != now {
            // At most once a second: every login's expired entries.
            seen.pruned_all_at = now;
            let mut dropped = 0;
            for entry in seen.logins.values_mut() {
                dropped += entry.prune(oldest_valid);
            }
            seen.logins.retain(|_, l| !l.nonces.is_empty());
            seen.total -= dropped;
        }
        if seen.total >= self.cap {
            return false;
        }
        let entry = seen.logins.entry(login.to_owned()).or_default();
        if entry.nonces.len() >= entry.prune_at.min(self.per_login_cap) {
            seen.total -= entry.prune(oldest_valid);
        }
        if entry.nonces.len() >= self.per_login_cap {
            return false;
        }
        entry.nonces.insert(nonce.to_owned(), timestamp);
        seen.total += 1;
        true
    }

    /// How many nonces are held.
    pub fn len(&self) -> usize {
        self.seen.lock().unwrap_or_else(|e| e.into_inner()).total
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
        let store = NonceStore::with_limits(10, 10);
        for i in 0..10 {
            assert!(store.check_and_insert("m", &i.to_string(), 1000, 1000, 300));
        }
        assert!(!store.check_and_insert("m", "x", 1000, 1000, 300));
        assert!(!store.check_and_insert("other", "x", 1000, 1000, 300));
        assert_eq!(store.len(), 10);
        // Once the window has passed, old entries make room.
        assert!(store.check_and_insert("m", "y", 1400, 1400, 300));
        assert!(store.check_and_insert("other", "y", 1400, 1400, 300));
        assert_eq!(store.len(), 2);
    }

    #[test]
    fn one_login_cannot_fill_the_store_for_the_others() {
        let store = NonceStore::with_limits(1000, 100);
        let mut accepted = 0;
        for i in 0..10_000 {
            accepted +=
                usize::from(store.check_and_insert("greedy", &i.to_string(), 1000, 1000, 300));
        }
        assert_eq!(accepted, 100);
        assert_eq!(store.len(), 100);
        for login in ["a", "b", "c"] {
            for i in 0..100 {
                assert!(
                    store.check_and_insert(login, &i.to_string(), 1000, 1000, 300),
                    "{login} {i}"
                );
            }
        }
        assert_eq!(store.len(), 400);
    }
}
