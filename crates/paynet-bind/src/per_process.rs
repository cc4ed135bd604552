//! [`PerProcess`]: fork safety for what a process makes (a client's connection pool, a
//! tokio runtime). A forked child (a pre-forking server, gunicorn `--preload`, Celery
//! prefork, a plain `fork()` in C) sees its pid change at its next call and makes its
//! own. What it inherited is kept aside for the rest of the process, never used nor
//! dropped: the inherited sockets are the parent's keep-alive connections (using them
//! would hand one process the other's answers), a runtime's threads do not exist in the
//! child, and dropping either would deregister the parent's sockets from the epoll
//! instance both processes share.

use std::any::Any;
use std::sync::{Arc, Mutex, PoisonError};

/// The values inherited from a parent process by every [`PerProcess`] dropped in this
/// one: held for the rest of the process, never used nor dropped, and reachable, so
/// that a leak checker at exit (LeakSanitizer, valgrind) does not report them as lost
/// (a forked child that frees its client and exits normally failed under ASan).
static RETIRED: Mutex<Vec<Box<dyn Any + Send>>> = Mutex::new(Vec::new());

/// One value per process: made on first use, made again in a forked child.
#[derive(Debug)]
pub struct PerProcess<T: Send + Sync + 'static>(Mutex<Slot<T>>);

/// This process's value and the ones inherited from parents: kept (so that a leak
/// checker sees them reachable while the owner lives) but never used nor dropped.
#[derive(Debug)]
struct Slot<T> {
    current: Option<(u32, Arc<T>)>,
    inherited: Vec<Arc<T>>,
}

impl<T> Slot<T> {
    /// Moves a value made by another process to `inherited`.
    fn retire_if_inherited(&mut self, pid: u32) {
        if self
            .current
            .as_ref()
            .is_some_and(|(owner, _)| *owner != pid)
        {
            if let Some((_, value)) = self.current.take() {
                self.inherited.push(value);
            }
        }
    }
}

impl<T: Send + Sync + 'static> PerProcess<T> {
    /// Empty: the first [`PerProcess::get`] makes the value.
    pub const fn new() -> Self {
        PerProcess(Mutex::new(Slot {
            current: None,
            inherited: Vec::new(),
        }))
    }

    /// This process's value, made by `make` when there is none yet or when the one
    /// held was made by another process (then kept aside, never used nor dropped).
    pub fn get<E>(&self, make: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        let pid = std::process::id();
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slot.retire_if_inherited(pid);
        if let Some((_, value)) = slot.current.as_ref() {
            return Ok(Arc::clone(value));
        }
        let fresh = Arc::new(make()?);
        slot.current = Some((pid, Arc::clone(&fresh)));
        Ok(fresh)
    }

    /// Takes this process's value out (a value made by another process is kept aside,
    /// as in [`PerProcess::get`]); the next `get` makes a new one.
    pub fn take(&self) -> Option<Arc<T>> {
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        slot.retire_if_inherited(std::process::id());
        slot.current.take().map(|(_, value)| value)
    }
}

impl<T: Send + Sync + 'static> Default for PerProcess<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Drop for PerProcess<T> {
    fn drop(&mut self) {
        let slot = self.0.get_mut().unwrap_or_else(PoisonError::into_inner);
        slot.retire_if_inherited(std::process::id());
        let inherited = std::mem::take(&mut slot.inherited);
        if inherited.is_empty() {
            return;
        }
        // Never wait here: a child forked while another thread held the lock would
        // wait forever. Then the values are leaked unreachable instead.
        match RETIRED.try_lock() {
            Ok(mut retired) => retired.push(Box::new(inherited)),
            Err(_) => std::mem::forget(inherited),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_per_process_and_again_after_take() {
        let made = std::cell::Cell::new(0);
        let slot = PerProcess::new();
        let make = || {
            made.set(made.get() + 1);
            Ok::<_, ()>(made.get())
        };
        assert_eq!(*slot.get(make).unwrap(), 1);
        assert_eq!(*slot.get(make).unwrap(), 1);
        assert_eq!(made.get(), 1);
        assert_eq!(slot.take().as_deref(), Some(&1));
        assert_eq!(*slot.get(make).unwrap(), 2);
        assert_eq!(
            slot.get(|| Err::<usize, _>("not called")).map(|v| *v),
            Ok(2)
        );
    }

    #[test]
    fn a_value_of_another_process_is_replaced_and_leaked() {
        let inherited = Arc::new("inherited");
        let slot = PerProcess::new();
        slot.0.lock().unwrap().current = Some((u32::MAX, Arc::clone(&inherited)));
        assert_eq!(*slot.get(|| Ok::<_, ()>("mine")).unwrap(), "mine");
        assert_eq!(Arc::strong_count(&inherited), 2);
        slot.0.lock().unwrap().current = Some((u32::MAX, Arc::new("another")));
        assert_eq!(slot.take(), None);
        // Kept, never dropped: the slot's references stay counted after it is gone,
        // held where a leak checker sees them.
        drop(slot);
        assert_eq!(Arc::strong_count(&inherited), 2);
        let retired = RETIRED.lock().unwrap();
        assert!(retired.iter().any(|held| {
            held.downcast_ref::<Vec<Arc<&str>>>()
                .is_some_and(|v| v.iter().any(|a| Arc::ptr_eq(a, &inherited)))
        }));
    }
}
