//! `paynet`: the command line tool of the paynet-oauth SDK.

#![forbid(unsafe_code)]
// Doc comments here are clap's help text, read in a terminal: URLs stay bare.
#![allow(rustdoc::bare_urls)]

mod balance_cmd;
mod failure;
mod mock_cmd;
mod sanitize;
mod sign_cmd;

use std::process::ExitCode;

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
     --max-response-bytes, 1 MiB by default)";

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
    let cli = Cli::parse();
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
