//! `paynet`: the command line tool of the paynet-oauth SDK.

#![forbid(unsafe_code)]
// Doc comments here are clap's help text, read in a terminal: URLs stay bare.
#![allow(rustdoc::bare_urls)]

mod balance_cmd;
mod env;
mod failure;
mod mock_cmd;
mod numbers;
mod sanitize;
mod sign_cmd;

use std::process::ExitCode;

use std::ffi::OsString;

use clap::error::ErrorKind as ClapErrorKind;
use clap::{Parser, Subcommand};

use crate::failure::Failure;

/// Sign requests for, and get balances from, PaynetEasy-style payment gateways.
#[derive(Parser, Debug)]
#[command(name = "paynet", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "\
Quick start (against the built-in mock gateway):
  paynet mock --listen 127.0.0.1:8080 &
  export PAYNET_GATEWAY=http://127.0.0.1:8080/paynet/api/v2
  export PAYNET_CONTROL_KEY=F9F65098-1111-1111-1111-621611111111
  paynet balances --manager BalanceTestManager

Environment:
  PAYNET_GATEWAY      gateway base URL or preset (payneteasy-sandbox, payneteasy-production)
  PAYNET_LOGIN        login that signs
  PAYNET_CONTROL_KEY  the control key (or --control-key-file FILE)

Exit codes:
  0  success
  2  usage or configuration error
  3  the gateway answered with an error-message
  4  access denied (HTTP 403: wrong control key or login, or feature not enabled)
  5  network error or timeout
  6  any other HTTP error or an unexpected response (also one larger than
     --max-response-bytes, 1 MiB by default)
  141 stdout closed by its reader (`paynet ... | head -c0`): no message; the
      status a shell shows for a tool that SIGPIPE ended";

#[derive(Subcommand, Debug)]
enum Command {
    /// Get the balance of an endpoint for a balance provider.
    Balance(balance_cmd::BalanceArgs),
    /// Get the balances of a manager or a merchant.
    Balances(balance_cmd::BalancesArgs),
    Sign(sign_cmd::SignArgs),
    Mock(mock_cmd::MockArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return parse_failure(&error),
    };
    let json = match &cli.command {
        Command::Balance(args) => args.wants_json(),
        Command::Balances(args) => args.wants_json(),
        Command::Sign(args) => args.wants_json(),
        Command::Mock(_) => false,
    };
    let outcome: Result<(), Failure> = match cli.command {
        Command::Balance(args) => balance_cmd::run_balance(args),
        Command::Balances(args) => balance_cmd::run_balances(args),
        Command::Sign(args) => sign_cmd::run(args),
        Command::Mock(args) => mock_cmd::run(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if json => failure.report_json(),
        Err(failure) => failure.report(),
    }
}

/// Reports a command line clap could not parse: as clap prints it, or, when the command
/// line asks for JSON, as the same JSON object as every other failure. Help and the
/// version are printed by clap as they are.
fn parse_failure(error: &clap::Error) -> ExitCode {
    let shown_as_is = matches!(
        error.kind(),
        ClapErrorKind::DisplayHelp
            | ClapErrorKind::DisplayVersion
            | ClapErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_as_is || !asks_for_json(std::env::args_os().skip(1)) {
        error.exit()
    }
    Failure::from_clap(error).report_json()
}

/// Whether a command line asks for JSON output: `--json` anywhere before a `--`, or
/// `paynet sign --input`.
fn asks_for_json(args: impl IntoIterator<Item = OsString>) -> bool {
    let mut command = None;
    for arg in args {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg == "--json" {
            return true;
        }
        if command.is_none() && !arg.starts_with('-') {
            command = Some(arg.to_owned());
        }
        let input = arg == "--input" || arg.starts_with("--input=");
        if input && command.as_deref() == Some("sign") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::asks_for_json;

    fn asks(args: &[&str]) -> bool {
        asks_for_json(args.iter().map(Into::into))
    }

    #[test]
    fn json_is_asked_for_by_json_and_by_sign_input() {
        assert!(asks(&["balance", "--endpont", "1", "--json"]));
        assert!(asks(&["--json", "balances"]));
        assert!(asks(&["sign", "--input", "-", "--url", "x"]));
        assert!(asks(&["sign", "--url", "x", "--input=f.json"]));
        assert!(!asks(&["balance", "--endpont", "1"]));
        assert!(!asks(&["balances", "--", "--json"]));
        assert!(!asks(&["balances", "--input", "x"]));
    }
}
