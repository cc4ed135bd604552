//! How a command fails: a message for stderr and the process exit code.

use std::fmt;
use std::process::ExitCode;

use crate::sanitize::{MESSAGE_CHARS, terminal_text};

/// Exit code 2: bad usage or configuration (flags, files, environment, input).
pub(crate) const EXIT_USAGE: u8 = 2;

/// Exit status 141 (128 + SIGPIPE): stdout was closed by its reader, the status a
/// shell reports for a tool that SIGPIPE ended (`cat`, `grep` in `… | head`).
pub(crate) const EXIT_CLOSED_STDOUT: u8 = 141;

/// A command's failure: printed as `paynet: <message>` (and a hint line) on stderr.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
    /// The SDK's error kind when the failure is one (the `PAYNET_…` code every binding
    /// uses), for scripts that switch on it.
    pub(crate) error_kind: Option<paynet_bind::ErrorKind>,
    /// Ends the program without a word (stdout closed by its reader).
    pub(crate) quiet: bool,
}

impl Failure {
    /// A usage or configuration error (exit code 2).
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
            hint: None,
            error_kind: None,
            quiet: false,
        }
    }

    /// Stdout was closed by its reader: the end is quiet, as for common Unix tools
    /// (exit status [`EXIT_CLOSED_STDOUT`], nothing on stderr).
    pub(crate) fn closed_stdout() -> Self {
        Failure {
            code: EXIT_CLOSED_STDOUT,
            quiet: true,
            ..Failure::usage("stdout was closed")
        }
    }

    /// A value the SDK refuses (the same failure Python and Node report for it): a
    /// usage error (exit code 2) that carries the failure's `PAYNET_…` code.
    pub(crate) fn refused(failure: paynet_bind::Failure) -> Self {
        Failure {
            error_kind: Some(failure.kind),
            ..Failure::usage(failure.message)
        }
    }

    /// A request description the SDK's bindings would refuse as invalid input (a
    /// missing field, a value of the wrong type): a usage error with the code
    /// `PAYNET_INVALID_INPUT`.
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Failure::refused(paynet_bind::Failure::invalid_input(message))
    }

    /// The same failure with `prefix` before its message (e.g. `case 3: `).
    pub(crate) fn prefixed(mut self, prefix: &str) -> Self {
        self.message.insert_str(0, prefix);
        self
    }

    /// A command line clap could not parse (exit code 2): clap's message, its first
    /// paragraph folded onto one line without the `error: ` label, and the rest (the
    /// tips, the usage line) as the hint; plain text, never terminal colors.
    pub(crate) fn from_clap(error: &clap::Error) -> Self {
        // `Display` of clap's styled text leaves the styles out.
        let text = error.render().to_string();
        let fold = |paragraph: &str| paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
        // The message's first line, then the items it lists (one per line), if any.
        let mut lines = paragraphs.next().unwrap_or_default().lines().map(fold);
        let first = lines.next().unwrap_or_default();
        let items: Vec<String> = lines.filter(|l| !l.is_empty()).collect();
        let first = if items.is_empty() {
            first
        } else {
            format!("{first} {}", items.join(", "))
        };
        let message = first.strip_prefix("error: ").unwrap_or(&first).to_owned();
        let rest: Vec<String> = paragraphs
            .map(fold)
            .map(|p| {
                p.strip_prefix("tip: ")
                    .map_or_else(|| p.clone(), str::to_owned)
            })
            .collect();
        let failure = Failure::usage(message);
        if rest.is_empty() {
            failure
        } else {
            failure.with_hint(rest.join("; "))
        }
    }

    /// Adds a second line telling the user what to do.
    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// What kind of failure this is, as a stable word for scripts: the exit code's,
    /// except that of exit code 2 a value the SDK refused (a failure with a `PAYNET_…`
    /// code, e.g. a malformed URL) is `invalid_input` and only the command line's own
    /// errors are `usage`.
    pub(crate) fn kind(&self) -> &'static str {
        match self.code {
            EXIT_USAGE if self.error_kind.is_some() => "invalid_input",
            EXIT_USAGE => "usage",
            3 => "gateway_error",
            4 => "access_denied",
            5 => "network",
            6 => "http_or_unexpected_response",
            _ => "failure",
        }
    }

    /// Prints the failure on stderr as one JSON object (for `--json` and `--input`):
    /// `{"error": {"kind", "code", "message", "hint", "exit_code"}}` (`code` is the
    /// `PAYNET_…` code of the SDK's error-kind table, or null), and returns its exit code.
    pub(crate) fn report_json(&self) -> ExitCode {
        if self.quiet {
            return ExitCode::from(self.code);
        }
        let message = terminal_text(&self.message, MESSAGE_CHARS);
        let hint = self
            .hint
            .as_deref()
            .map(|h| terminal_text(h, MESSAGE_CHARS));
        let object = serde_json::json!({
            "error": {
                "kind": self.kind(),
                "code": self.error_kind.map(paynet_bind::ErrorKind::code),
                "message": message,
                "hint": hint,
                "exit_code": self.code,
            }
        });
        to_stderr(&object.to_string());
        ExitCode::from(self.code)
    }

    /// Prints the failure on stderr and returns its exit code. The message may quote
    /// the gateway: control characters are escaped and long text is cut.
    pub(crate) fn report(&self) -> ExitCode {
        if self.quiet {
            return ExitCode::from(self.code);
        }
        let message = terminal_text(&self.message, MESSAGE_CHARS);
        let mut text = format!("paynet: {message}");
        if let Some(hint) = &self.hint {
            text.push_str("\nhint: ");
            text.push_str(&terminal_text(hint, MESSAGE_CHARS));
        }
        to_stderr(&text);
        ExitCode::from(self.code)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Writes `text` and a newline to stderr. A stderr that cannot be written (its reader
/// gone: `paynet … 2>&1 | head -c0`) is ignored: there is nowhere left to say so, and
/// the failure's exit code still says what happened (`eprintln!` would panic, exit 101).
fn to_stderr(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Writes `bytes` to stdout and flushes it. Stdout closed by its reader (`EPIPE`) is
/// [`Failure::closed_stdout`]; any other write error a usage failure that says so.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Failure::closed_stdout(),
            _ => Failure::usage(format!("cannot write the output: {e}")),
        })
}
