//! `paynet mock`: run the local mock gateway until interrupted.

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use paynet_mock::{EndlessBody, Fixtures, Format, MockConfig, MockGateway};

use crate::failure::Failure;
use crate::numbers;

/// `--listen`: HOST:PORT where HOST is an IP address or a name (`localhost:0`); a name
/// resolves to its first IPv4 address when it has one, else its first address.
fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    let addrs: Vec<SocketAddr> = text
        .to_socket_addrs()
        .map_err(|e| format!("expected HOST:PORT (e.g. 127.0.0.1:8080 or localhost:0): {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("{text} resolves to no address"))
}

/// Run a local gateway that verifies signatures and serves balances from fixtures.
#[derive(Args, Debug)]
#[command(after_help = MOCK_HELP)]
pub(crate) struct MockArgs {
    /// Address to listen on, HOST:PORT (an IP address or a name such as localhost);
    /// port 0 picks a free port (printed on the first line).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR", value_parser = parse_listen)]
    listen: SocketAddr,
    /// A JSON fixtures file (see crates/paynet-mock/README.md); built-in fixtures
    /// (the API docs' examples) when left out.
    #[arg(long, value_name = "FILE")]
    fixtures: Option<PathBuf>,
    /// Accepted clock skew of oauth_timestamp, in seconds.
    #[arg(long, default_value_t = 300, value_name = "SECONDS", value_parser = numbers::seconds)]
    window: u64,
    /// Response format.
    #[arg(long, value_enum, default_value_t = ResponseFormat::Documented)]
    format: ResponseFormat,
    /// The most connections open at once; when reached (or when out of file
    /// descriptors), the connection idle the longest is closed to make room.
    #[arg(long, default_value_t = 1024, value_name = "N", value_parser = numbers::count)]
    max_connections: usize,
    /// Seconds a client may take to send a request's headers (also on an idle
    /// keep-alive connection) before it is closed.
    #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = numbers::timeout_seconds)]
    header_timeout: u64,
    /// Seconds a client may take to send a request's body (then 408 and closed).
    #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = numbers::timeout_seconds)]
    body_timeout: u64,
    /// Hostile mode for testing clients: answer every request with HTTP 200 and a
    /// body that never ends.
    #[arg(long)]
    endless_body: bool,
}

/// How the mock writes balances.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum ResponseFormat {
    /// As the API docs show it: JSON with a trailing comma.
    Documented,
    /// Strict JSON.
    Json,
    /// name=value lines.
    Form,
}

const MOCK_HELP: &str = "\
Built-in fixtures (control key F9F65098-1111-1111-1111-621611111111 for both):
  merchant balance_test_merchant14: endpoint 1, provider Test = 29.99; balance saa = 219.500 USD
  manager  BalanceTestManager:      balance saa = 219.500 USD

The first line on stdout is `paynet mock listening on http://ADDR/paynet/api/v2`.
Stop it with Ctrl-C or SIGTERM.";

/// Runs `paynet mock`.
pub(crate) fn run(args: MockArgs) -> Result<(), Failure> {
    let fixtures = match &args.fixtures {
        Some(path) => Fixtures::from_file(path).map_err(Failure::usage)?,
        None => Fixtures::default(),
    };
    let format = match args.format {
        ResponseFormat::Documented => Format::Documented,
        ResponseFormat::Json => Format::Json,
        ResponseFormat::Form => Format::FormLines,
    };
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| Failure::usage(format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let config = MockConfig {
            fixtures,
            window: args.window,
            format,
            max_connections: args.max_connections,
            header_timeout: std::time::Duration::from_secs(args.header_timeout),
            body_timeout: std::time::Duration::from_secs(args.body_timeout),
            ..MockConfig::default()
        };
        let mock = MockGateway::start(args.listen, config)
            .await
            .map_err(|e| Failure::usage(format!("cannot listen on {}: {e}", args.listen)))?;
        if args.endless_body {
            mock.faults().set_endless_body(Some(EndlessBody::default()));
        }
        let mut stdout = std::io::stdout();
        let _ = writeln!(stdout, "paynet mock listening on {}", mock.base_url());
        let _ = stdout.flush();
        wait_for_stop().await;
        mock.shutdown().await;
        Ok(())
    })
}

async fn wait_for_stop() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[cfg(test)]
mod tests {
    use super::parse_listen;

    #[test]
    fn listen_takes_addresses_and_names() {
        assert_eq!(
            parse_listen("127.0.0.1:0").unwrap().to_string(),
            "127.0.0.1:0"
        );
        assert_eq!(
            parse_listen("[::1]:8080").unwrap().to_string(),
            "[::1]:8080"
        );
        let local = parse_listen("localhost:0").unwrap();
        assert!(local.ip().is_loopback() && local.port() == 0, "{local}");
        let err = parse_listen("localhost").unwrap_err();
        assert!(err.contains("HOST:PORT"), "{err}");
    }
}
