//! Fresh nonces for the transports (client, CLI, bindings): one generator, so every
//! surface draws them the same way; [`nonce_with`] takes the random bytes from any
//! source (a browser's `crypto.getRandomValues`), [`random_nonce`] from a stream the OS
//! seeds.

/// The nonce length every transport of this SDK uses.
pub const NONCE_LEN: usize = 16;

/// `len` characters of `[A-Za-z0-9]`, each equally likely (rejection sampling), from a
/// ChaCha20 stream that this thread seeds from the operating system's CSPRNG.
///
/// Why a stream and not the OS for every nonce: a `getrandom` system call costs about
/// as much as the whole HMAC of a request (350 ns of a 2.5 µs Python `sign`); the
/// stream costs tens of nanoseconds. It is seeded on a thread's first nonce and seeded
/// again whenever the process id has changed since (a forked child, however it forked:
/// `os.fork`, a C `fork()` without at-fork hooks, a preloading server's workers), so a
/// child never repeats its parent's nonces. The error is the OS generator's, on seeding.
#[cfg(feature = "nonce")]
pub fn random_nonce(len: usize) -> Result<String, getrandom::Error> {
    stream::with_thread_stream(|fill| nonce_with(len, fill))
}

/// This thread's seeded ChaCha20 stream and the process it was seeded in.
#[cfg(feature = "nonce")]
mod stream {
    use core::cell::RefCell;
    use rand_chacha::ChaCha20Rng;
    use rand_chacha::rand_core::{RngCore, SeedableRng};

    /// A byte source drawing from a stream; the error type is the seeding's.
    pub(super) type Fill<'a> = dyn FnMut(&mut [u8]) -> Result<(), getrandom::Error> + 'a;

    /// The stream and the process id at seeding.
    pub(super) struct Seeded {
        pub(super) rng: ChaCha20Rng,
        pid: u32,
    }

    std::thread_local! {
        static STREAM: RefCell<Option<Seeded>> = const { RefCell::new(None) };
    }

    /// Calls `f` with a byte source drawing from this thread's stream, seeding it first
    /// if this thread has none yet or this process is not the one that seeded it.
    pub(super) fn with_thread_stream<R>(
        f: impl FnOnce(&mut Fill<'_>) -> Result<R, getrandom::Error>,
    ) -> Result<R, getrandom::Error> {
        STREAM.with_borrow_mut(|slot| with_stream_of(slot, std::process::id(), f))
    }

    /// [`with_thread_stream`] for the stream in `slot` and the process `pid`.
    pub(super) fn with_stream_of<R>(
        slot: &mut Option<Seeded>,
        pid: u32,
        f: impl FnOnce(&mut Fill<'_>) -> Result<R, getrandom::Error>,
    ) -> Result<R, getrandom::Error> {
        let seeded = match slot {
            Some(seeded) if seeded.pid == pid => seeded,
            _ => {
                let mut seed = [0u8; 32];
                getrandom::fill(&mut seed)?;
                slot.insert(Seeded {
                    rng: ChaCha20Rng::from_seed(seed),
                    pid,
                })
            }
        };
        f(&mut |bytes: &mut [u8]| {
            seeded.rng.fill_bytes(bytes);
            Ok(())
        })
    }
}

/// `len` characters of `[A-Za-z0-9]` from the random bytes `fill` writes (a CSPRNG),
/// each equally likely (rejection sampling).
pub fn nonce_with<E>(
    len: usize,
    mut fill: impl FnMut(&mut [u8]) -> Result<(), E>,
) -> Result<String, E> {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut nonce = String::with_capacity(len);
    while nonce.len() < len {
        let mut bytes = [0u8; 32];
        fill(&mut bytes)?;
        // 248 = 4 * 62: bytes at or above it would favour the first characters.
        for b in bytes
            .into_iter()
            .filter(|&b| b < 248)
            .take(len - nonce.len())
        {
            nonce.push(char::from(ALPHABET[usize::from(b % 62)]));
        }
    }
    Ok(nonce)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_byte_source_gives_the_alphabet_evenly() {
        let mut next = 0u8;
        let counting = |buf: &mut [u8]| {
            for b in buf {
                *b = next;
                next = next.wrapping_add(1);
            }
            Ok::<(), ()>(())
        };
        let nonce = nonce_with(248, counting).unwrap();
        // Bytes 0..248 each once: every character exactly four times.
        for c in nonce.chars() {
            assert_eq!(nonce.matches(c).count(), 4, "{c}");
        }
    }

    #[cfg(feature = "nonce")]
    #[test]
    fn nonces_have_the_length_and_alphabet_and_differ() {
        let a = random_nonce(NONCE_LEN).unwrap();
        let b = random_nonce(NONCE_LEN).unwrap();
        assert_eq!(a.len(), NONCE_LEN);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()), "{a}");
        assert_ne!(a, b);
        assert_eq!(random_nonce(100).unwrap().len(), 100);
        assert_eq!(random_nonce(0).unwrap(), "");
    }

    #[cfg(feature = "nonce")]
    #[test]
    fn a_stream_is_seeded_again_in_another_process() {
        use rand_chacha::rand_core::RngCore;
        let draw = |slot: &mut Option<stream::Seeded>, pid| {
            stream::with_stream_of(slot, pid, |fill| nonce_with(NONCE_LEN, fill)).unwrap()
        };
        let mut slot = None;
        let first = draw(&mut slot, 100);
        // The same process goes on with the same stream: what a copy of it gives next.
        let mut copy = slot.as_ref().unwrap().rng.clone();
        let next_of_copy = nonce_with(NONCE_LEN, |b: &mut [u8]| {
            copy.fill_bytes(b);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(draw(&mut slot, 100), next_of_copy);
        // A forked child (another pid) holding the same copy draws from a new seed.
        let mut copy = slot.as_ref().unwrap().rng.clone();
        let parent_next = nonce_with(NONCE_LEN, |b: &mut [u8]| {
            copy.fill_bytes(b);
            Ok::<(), ()>(())
        })
        .unwrap();
        let child = draw(&mut slot, 101);
        assert_ne!(child, parent_next);
        assert_ne!(child, first);
    }

    #[cfg(feature = "nonce")]
    #[test]
    fn threads_draw_different_nonces() {
        let drawn: Vec<Vec<String>> = (0..4)
            .map(|_| {
                std::thread::spawn(|| (0..100).map(|_| random_nonce(NONCE_LEN).unwrap()).collect())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let all: std::collections::HashSet<&String> = drawn.iter().flatten().collect();
        assert_eq!(all.len(), 400);
    }
}
