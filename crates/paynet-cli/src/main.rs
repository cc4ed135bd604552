//! `paynet`: the command line tool of the paynet-oauth SDK.

#![forbid(unsafe_code)]

mod failure;
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
Exit codes:
  0  success
  2  usage or configuration error
  3  the gateway answered with an error-message
  4  access denied (HTTP 403: wrong control key or login, or feature not enabled)
  5  network error or timeout
  6  any other HTTP error or an unexpected response";

#[derive(Subcommand, Debug)]
enum Command {
    Sign(sign_cmd::SignArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome: Result<(), Failure> = match cli.command {
        Command::Sign(args) => sign_cmd::run(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
