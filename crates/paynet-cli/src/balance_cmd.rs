//! `paynet balance` and `paynet balances`: get balances from a gateway and print them
//! as a table or JSON, with exit codes a script can act on.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use paynet_api::{Balance, BalanceField, Gateway, PRESETS};
use paynet_client::{ControlKey, Error, ResponseError, blocking::Client};
use serde_json::{Value, json};

use crate::env;
use crate::failure::{Failure, write_stdout};
use crate::numbers;
use crate::sanitize::{CELL_CHARS, terminal_json, terminal_text};

/// Where and as whom to connect; shared by `balance` and `balances`.
#[derive(Args, Debug)]
pub(crate) struct Connection {
    /// The gateway: a base URL such as https://gate.example.com/paynet/api/v2, or a
    /// preset name (payneteasy-sandbox, payneteasy-production) [env: PAYNET_GATEWAY]
    #[arg(long, value_name = "URL|PRESET")]
    gateway: Option<String>,
    /// The login that signs the request (OAuth consumer key) [env: PAYNET_LOGIN]
    #[arg(long)]
    login: Option<String>,
    /// A file holding the control key (the white space around it, such as its trailing
    /// newline, is ignored). Without it the key is read from the PAYNET_CONTROL_KEY
    /// environment variable.
    #[arg(long, value_name = "FILE")]
    control_key_file: Option<PathBuf>,
    /// Never accepted: a key given as a flag stays in the shell history and shows in
    /// `ps` to every user of the machine. Present only to say so clearly.
    #[arg(long, hide = true, value_name = "KEY")]
    control_key: Option<String>,
    /// Print JSON (amounts as strings) instead of a table; a failure is then a JSON
    /// object on stderr: {"error": {"kind", "code", "message", "hint", "exit_code"}}.
    #[arg(long)]
    json: bool,
    /// Seconds to wait for the gateway (per attempt), a whole number, at least 1.
    #[arg(long, default_value_t = 30, value_name = "SECONDS", value_parser = numbers::timeout_seconds)]
    timeout: u64,
    /// Allow a plain http:// gateway that is not on this machine.
    #[arg(long)]
    allow_http: bool,
    /// The largest response accepted, in bytes, at least 1; a larger (or endless)
    /// answer is abandoned at this size with exit code 6.
    #[arg(
        long,
        default_value_t = paynet_client::DEFAULT_MAX_RESPONSE_BYTES,
        value_name = "BYTES",
        value_parser = numbers::response_bytes
    )]
    max_response_bytes: usize,
}

/// The login that signs, and where it came from (for the hint on a 403: the documented
/// precedence can make it another login than the one the user had in mind).
#[derive(Debug)]
struct Login {
    name: String,
    /// `--login`, `PAYNET_LOGIN`, `--manager` or `--merchant`.
    from: &'static str,
}

impl Connection {
    /// The login given with --login, else PAYNET_LOGIN's, if any.
    fn login(&self) -> Result<Option<Login>, Failure> {
        let (name, from) = match &self.login {
            Some(login) => (Some(login.clone()), "--login"),
            None => (env::var(env::LOGIN, "--login")?, env::LOGIN),
        };
        Ok(name.map(|name| Login { name, from }))
    }
}

/// `paynet balance`: the balance of one endpoint for a balance provider.
#[derive(Args, Debug)]
#[command(after_help = BALANCE_HELP)]
pub(crate) struct BalanceArgs {
    /// The endpoint id.
    #[arg(long, value_name = "ID")]
    endpoint: String,
    /// The balance provider (balance-provider), e.g. Test.
    #[arg(long, value_name = "NAME")]
    provider: String,
    #[command(flatten)]
    connection: Connection,
}

impl BalanceArgs {
    /// Whether the output (and so an error on stderr) is JSON.
    pub(crate) fn wants_json(&self) -> bool {
        self.connection.json
    }
}

/// `paynet balances`: the balances of a manager or a merchant.
#[derive(Args, Debug)]
#[command(after_help = BALANCES_HELP)]
#[group(id = "owner", required = true, multiple = false, args = ["manager", "merchant"])]
pub(crate) struct BalancesArgs {
    /// A manager login: get the manager's balances.
    #[arg(long, value_name = "LOGIN")]
    manager: Option<String>,
    /// A merchant login: get the merchant's balances.
    #[arg(long, value_name = "LOGIN")]
    merchant: Option<String>,
    /// Only the balance with this name (balance-name); all balances when left out.
    #[arg(long, value_name = "N")]
    name: Option<String>,
    #[command(flatten)]
    connection: Connection,
}

impl BalancesArgs {
    /// Whether the output (and so an error on stderr) is JSON.
    pub(crate) fn wants_json(&self) -> bool {
        self.connection.json
    }
}

const BALANCE_HELP: &str = "\
Examples:
  export PAYNET_GATEWAY=payneteasy-sandbox PAYNET_CONTROL_KEY=...
  paynet balance --endpoint 1 --provider Test --login balance_test_merchant14
  paynet balance --endpoint 1 --provider Test --login balance_test_merchant14 --json

Environment:
  PAYNET_GATEWAY      gateway base URL or preset (instead of --gateway)
  PAYNET_LOGIN        merchant login that signs (instead of --login; required)
  PAYNET_CONTROL_KEY  the control key (or --control-key-file FILE)

Exit codes: 0 ok, 2 usage/configuration, 3 gateway error, 4 access denied (403),
5 network error or timeout, 6 other HTTP error or unexpected response (or larger
than --max-response-bytes).";

const BALANCES_HELP: &str = "\
Examples:
  paynet balances --manager BalanceTestManager
  paynet balances --merchant balance_test_merchant14 --name saa --json

The login that signs defaults to the manager or merchant login given.

Exit codes: 0 ok, 2 usage/configuration, 3 gateway error, 4 access denied (403),
5 network error or timeout, 6 other HTTP error or unexpected response (or larger
than --max-response-bytes).";

/// Runs `paynet balance`.
pub(crate) fn run_balance(args: BalanceArgs) -> Result<(), Failure> {
    let login = args.connection.login()?.ok_or_else(|| {
        Failure::usage("no login given")
            .with_hint("pass --login or set PAYNET_LOGIN to the merchant login")
    })?;
    let client = connect(&args.connection, &login)?;
    let balance = client
        .get_balance(&args.endpoint, &args.provider)
        .map_err(|e| failure(e, &login))?;
    let text = if args.connection.json {
        json!({
            "endpoint_id": args.endpoint,
            "provider": args.provider,
            "balance_amount": balance.balance_amount.to_string(),
        })
        .to_string()
            + "\n"
    } else {
        format!(
            "Endpoint {} ({}): {}\n",
            terminal_text(&args.endpoint, CELL_CHARS),
            terminal_text(&args.provider, CELL_CHARS),
            balance.balance_amount
        )
    };
    print(&text)
}

/// Runs `paynet balances`.
pub(crate) fn run_balances(args: BalancesArgs) -> Result<(), Failure> {
    let (owner, is_manager, flag) = match (&args.manager, &args.merchant) {
        (Some(m), _) => (m.clone(), true, "--manager"),
        (None, Some(m)) => (m.clone(), false, "--merchant"),
        (None, None) => return Err(Failure::usage("give --manager LOGIN or --merchant LOGIN")),
    };
    let login = args.connection.login()?.unwrap_or_else(|| Login {
        name: owner.clone(),
        from: flag,
    });
    let client = connect(&args.connection, &login)?;
    let name = args.name.as_deref();
    let balances = if is_manager {
        client.get_manager_balances(&owner, name)
    } else {
        client.get_merchant_balances(&owner, name)
    }
    .map_err(|e| failure(e, &login))?;
    let text = if args.connection.json {
        Value::Array(balances.iter().map(balance_json).collect()).to_string() + "\n"
    } else {
        table(&balances)
    };
    print(&text)
}

fn connect(connection: &Connection, login: &Login) -> Result<Client, Failure> {
    let gateway_text = match &connection.gateway {
        Some(gateway) => Some(gateway.clone()),
        None => env::var(env::GATEWAY, "--gateway")?,
    };
    let gateway_text = gateway_text.ok_or_else(|| {
        Failure::usage("no gateway given").with_hint(format!(
            "pass --gateway or set PAYNET_GATEWAY to a base URL or a preset ({})",
            preset_names()
        ))
    })?;
    if connection.control_key.is_some() {
        return Err(Failure::usage(
            "the control key is never taken as a flag: it would stay in the shell history and show in `ps` to every user of this machine",
        )
        .with_hint("set PAYNET_CONTROL_KEY or pass --control-key-file FILE"));
    }
    // The message lists the presets (and the closest one to a typo) once.
    let gateway = Gateway::from_str_or_preset(&gateway_text)
        .map_err(|e| Failure::refused(paynet_bind::Failure::from(e)))?;
    gateway
        .check_plain_http(connection.allow_http)
        .map_err(|e| {
            Failure::refused(paynet_bind::Failure::from(e)).with_hint(
                "pass --allow-http to send the request and read the balances over plain http anyway",
            )
        })?;
    let key = match &connection.control_key_file {
        Some(path) => read_key_file(path)?,
        None => env::var(env::CONTROL_KEY, "--control-key-file FILE")?.ok_or_else(|| {
            Failure::usage("no control key given")
                .with_hint("set PAYNET_CONTROL_KEY or pass --control-key-file FILE")
        })?,
    };
    let timeout = Duration::from_secs(connection.timeout);
    Client::builder(gateway, &login.name, ControlKey::new(key))
        .configure(|b| {
            b.timeout(timeout)
                .connect_timeout(timeout)
                .allow_http(connection.allow_http)
                .max_response_bytes(connection.max_response_bytes)
        })
        .build()
        .map_err(|e| failure(e, login))
}

/// The most bytes read from a control key file: a key is a few dozen characters.
const MAX_KEY_FILE_BYTES: u64 = 4096;

/// Reads a control key file, at most [`MAX_KEY_FILE_BYTES`] (never a device or a huge
/// file whole).
fn read_key_file(path: &std::path::Path) -> Result<String, Failure> {
    use std::io::Read;
    let cannot = |e: &dyn std::fmt::Display| {
        Failure::usage(format!(
            "cannot read the control key file {}: {e}",
            path.display()
        ))
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_KEY_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(cannot(&format_args!(
            "it is larger than {MAX_KEY_FILE_BYTES} bytes; it should hold only the key"
        )));
    }
    String::from_utf8(bytes).map_err(|_| cannot(&"it is not UTF-8 text"))
}

fn preset_names() -> String {
    PRESETS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Maps a client error to the documented exit codes, through the SDK's error kinds;
/// `login` signed the request.
fn failure(e: Error, login: &Login) -> Failure {
    use paynet_bind::ErrorKind as K;
    let kind = paynet_bind::Failure::from_client_error(&e);
    let code = match kind {
        K::GatewayError => 3,
        K::AccessDenied => 4,
        K::Timeout | K::Transport => 5,
        K::InvalidInput => 2,
        _ => 6,
    };
    let hint = match &e {
        Error::Response(ResponseError::AccessDenied { .. }) => Some(format!(
            "signed as {:?} (from {}); check the login, the control key and this machine's clock",
            login.name, login.from
        )),
        Error::Timeout | Error::Transport(_) => Some(
            "check the gateway URL and the network; --timeout SECONDS waits longer".to_owned(),
        ),
        Error::ResponseTooLarge { .. } => Some(
            "a balance answer is a few hundred bytes; check the gateway URL (--max-response-bytes BYTES raises the limit)".to_owned(),
        ),
        Error::Response(ResponseError::Http { status: 404, .. }) => Some(
            "is the API path missing from the gateway URL? It ends with the API prefix, e.g. https://host/paynet/api/v2 (the mock: http://ADDR/paynet/api/v2)".to_owned(),
        ),
        _ => None,
    };
    Failure {
        code,
        hint,
        error_kind: Some(kind),
        ..Failure::usage(e.to_string())
    }
}

fn balance_json(b: &Balance) -> Value {
    BalanceField::BALANCE
        .iter()
        .map(|f| {
            let value = f
                .of(b)
                .map_or(Value::Null, |v| Value::String(v.to_string()));
            (f.snake_name().to_owned(), value)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The table's columns: a heading and the field shown under it.
const COLUMNS: [(&str, BalanceField); 8] = [
    ("NAME", BalanceField::Name),
    ("AMOUNT", BalanceField::Amount),
    ("CURRENCY", BalanceField::Currency),
    ("LIVE", BalanceField::OnlineBalanceLiveAmount),
    ("HOLD", BalanceField::TotalShortTermHoldAmount),
    ("RESERVE", BalanceField::TotalRollingReserveAmount),
    ("BUFFER HOLD", BalanceField::AmountBufferHold),
    ("MERCHANT", BalanceField::MerchantLogin),
];

fn table(balances: &[Balance]) -> String {
    if balances.is_empty() {
        return "No balances.\n".into();
    }
    let header = COLUMNS.map(|(heading, _)| heading);
    let rows: Vec<[String; 8]> = balances
        .iter()
        .map(|b| {
            COLUMNS.map(|(_, f)| {
                let cell = f.of(b).map_or_else(|| "-".to_owned(), |v| v.to_string());
                terminal_text(&cell, CELL_CHARS)
            })
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let text: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(text.join("  ").trim_end());
        out.push('\n');
    };
    line(&header.map(str::to_owned));
    for row in &rows {
        line(row);
    }
    out
}

/// Writes `text` to stdout; JSON output gets its raw C1 and invisible characters
/// escaped (same value), tables are already escaped cell by cell.
fn print(text: &str) -> Result<(), Failure> {
    write_stdout(terminal_json(text).as_bytes())
}
