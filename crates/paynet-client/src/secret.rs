//! The control key: a secret that is wiped from memory when dropped and never printed.

use std::fmt;

use zeroize::Zeroizing;

/// A gateway control key (the OAuth consumer secret). `Debug` and `Display` print
/// `<redacted>`; the memory is zeroed on drop.
#[derive(Clone)]
pub struct ControlKey(Zeroizing<String>);

impl ControlKey {
    /// Wraps a control key; surrounding white space (a trailing newline from a key
    /// file) is removed ([`paynet_api::control_key_text`], the rule every surface uses).
    pub fn new(key: impl Into<String>) -> Self {
        let mut key: String = key.into();
        let trimmed = paynet_api::control_key_text(&key).to_owned();
        zeroize::Zeroize::zeroize(&mut key);
        ControlKey(Zeroizing::new(trimmed))
    }

    /// The key itself, for signing.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the key is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for ControlKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ControlKey(<redacted>)")
    }
}

impl fmt::Display for ControlKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}
