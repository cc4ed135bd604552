//! How a command fails: a message for stderr and the process exit code.

use std::fmt;
use std::process::ExitCode;

use crate::sanitize::{MESSAGE_CHARS, terminal_text};

/// Exit code 2: bad usage or configuration (flags, files, environment, input).
pub(crate) const EXIT_USAGE: u8 = 2;

/// A command's failure: printed as `paynet: <message>` (and a hint line) on stderr.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

impl Failure {
    /// A usage or configuration error (exit code 2).
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a second line telling the user what to do.
    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Prints the failure on stderr and returns its exit code. The message may quote
    /// the gateway: control characters are escaped and long text is cut.
    pub(crate) fn report(&self) -> ExitCode {
        let message = terminal_text(&self.message, MESSAGE_CHARS);
        eprintln!("paynet: {message}");
        if let Some(hint) = &self.hint {
            eprintln!("hint: {}", terminal_text(hint, MESSAGE_CHARS));
        }
        ExitCode::from(self.code)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
