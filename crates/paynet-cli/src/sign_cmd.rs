//! `paynet sign`: the gateway docs' request builder, for one request from flags or a
//! batch from JSON.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;
use paynet_bind::OwnedRequest;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::env;
use crate::failure::{Failure, write_stdout};

/// Sign one request (from flags) or many (from JSON) and print every step.
#[derive(Args, Debug)]
#[command(
    about = "Sign a request and print normalized parameters, base string, signature, header and body",
    after_help = SIGN_HELP
)]
pub(crate) struct SignArgs {
    /// Read one JSON object or an array of them (the format of tests/vectors) from FILE,
    /// or from standard input with `-`; writes JSON.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["url", "params", "consumer_key"])]
    input: Option<PathBuf>,
    /// HTTP method.
    #[arg(long, default_value = "POST")]
    method: String,
    /// The full request URL (its query string is signed too).
    #[arg(long, required_unless_present = "input")]
    url: Option<String>,
    /// A form body parameter, `name=value` (repeatable, order kept, duplicates allowed).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// The consumer key (the gateway login).
    #[arg(long, required_unless_present = "input")]
    consumer_key: Option<String>,
    /// The consumer secret (the gateway control key), used as given. Left out, it is
    /// read from the variable as every surface reads a control key: the white space
    /// around it dropped, an empty one refused [env: PAYNET_CONTROL_KEY]
    #[arg(long)]
    consumer_secret: Option<String>,
    /// `oauth_token` (not used by the gateway).
    #[arg(long)]
    token: Option<String>,
    /// The token secret (empty for the gateway).
    #[arg(long, default_value = "")]
    token_secret: String,
    /// `oauth_timestamp` in Unix seconds [default: now].
    #[arg(long)]
    timestamp: Option<String>,
    /// `oauth_nonce` [default: 16 random letters and digits].
    #[arg(long)]
    nonce: Option<String>,
    /// `oauth_version` value.
    #[arg(long, default_value = "1.0", conflicts_with = "no_oauth_version")]
    oauth_version: String,
    /// Leave `oauth_version` out.
    #[arg(long)]
    no_oauth_version: bool,
    /// The header's realm (never signed).
    #[arg(long, default_value = "")]
    realm: String,
    /// Print JSON instead of labelled lines (compact, on one line, like --input's); a
    /// failure is then a JSON object on stderr, as with --input.
    #[arg(long)]
    json: bool,
    /// Indent the JSON of --json and --input (compact, one line, when left out).
    #[arg(long)]
    pretty: bool,
}

impl SignArgs {
    /// Whether the output (and so an error on stderr) is JSON.
    pub(crate) fn wants_json(&self) -> bool {
        self.json || self.input.is_some()
    }
}

/// JSON text: indented with `--pretty`, else compact on one line.
fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<String, Failure> {
    if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| Failure::usage(e.to_string()))
}

const SIGN_HELP: &str = "\
Examples:
  paynet sign --url https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1 \\
      --param balance-provider=Test --consumer-key balance_test_merchant14 \\
      --consumer-secret F9F65098-1111-1111-1111-621611111111 \\
      --timestamp 1686923599 --nonce 2xGTFuAgetE
  paynet sign --input cases.json > signed.json

JSON input: {\"method\", \"url\", \"form\": [[name, value], ...], \"consumer_key\",
\"consumer_secret\", \"token\"?, \"token_secret\"?, \"timestamp\"? (now), \"nonce\"? (fresh),
\"version\"? (null leaves oauth_version out), \"oauth_extra\"?: [[name, value], ...], \"realm\"?}
JSON output: {\"normalized_parameters\", \"base_string\", \"signature\",
\"authorization_header\", \"body\"}; an array in gives an array out.";

/// One request in the JSON batch format (extra keys such as `id` or `expect` are ignored).
#[derive(Deserialize, Debug)]
struct Case {
    #[serde(default = "default_method")]
    method: String,
    url: String,
    #[serde(default)]
    form: Vec<(String, String)>,
    consumer_key: String,
    consumer_secret: String,
    token: Option<String>,
    #[serde(default)]
    token_secret: String,
    /// Unix seconds as a string or a number; null or absent means now.
    #[serde(default)]
    timestamp: Value,
    /// Absent means a fresh CSPRNG nonce.
    nonce: Option<String>,
    #[serde(default = "default_version")]
    version: Option<String>,
    #[serde(default)]
    oauth_extra: Vec<(String, String)>,
    #[serde(default)]
    realm: String,
}

fn default_method() -> String {
    "POST".into()
}

fn default_version() -> Option<String> {
    Some("1.0".into())
}

/// Everything `paynet sign` prints for one request.
#[derive(Serialize, Debug)]
struct Output {
    normalized_parameters: String,
    base_string: String,
    signature: String,
    authorization_header: String,
    body: String,
}

/// Runs `paynet sign`.
pub(crate) fn run(args: SignArgs) -> Result<(), Failure> {
    match &args.input {
        Some(path) => run_batch(path, args.pretty),
        None => run_flags(&args),
    }
}

fn run_flags(args: &SignArgs) -> Result<(), Failure> {
    let form = args
        .params
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .ok_or_else(|| Failure::usage(format!("--param {p:?} is not NAME=VALUE")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let consumer_secret = match &args.consumer_secret {
        Some(secret) => Some(secret.clone()),
        None => env::var(env::CONTROL_KEY, "--consumer-secret")?
            .map(|key| control_key(&key))
            .transpose()?,
    };
    let consumer_secret = consumer_secret.ok_or_else(|| {
        Failure::usage("no consumer secret given")
            .with_hint("pass --consumer-secret or set PAYNET_CONTROL_KEY to the control key")
    })?;
    let case = Case {
        method: args.method.clone(),
        url: args.url.clone().unwrap_or_default(),
        form,
        consumer_key: args.consumer_key.clone().unwrap_or_default(),
        consumer_secret,
        token: args.token.clone(),
        token_secret: args.token_secret.clone(),
        timestamp: args.timestamp.clone().map_or(Value::Null, Value::String),
        nonce: args.nonce.clone(),
        version: (!args.no_oauth_version).then(|| args.oauth_version.clone()),
        oauth_extra: Vec::new(),
        realm: args.realm.clone(),
    };
    let out = sign_case(&case)?;
    let text = if args.json {
        to_json(&out, args.pretty)? + "\n"
    } else {
        format!(
            "Normalized parameters: {}\nSignature base string: {}\nSignature: {}\nAuthorization header: Authorization: {}\nBody: {}\n",
            out.normalized_parameters,
            out.base_string,
            out.signature,
            out.authorization_header,
            out.body
        )
    };
    write_stdout(text.as_bytes())
}

/// PAYNET_CONTROL_KEY read by the control-key rule every surface applies (the clients,
/// `paynet balance`): the white space around it dropped
/// ([`paynet_api::control_key_text`]), an empty one refused as the clients refuse it
/// ([`paynet_bind::control_key_signer`]).
fn control_key(key: &str) -> Result<String, Failure> {
    paynet_bind::control_key_signer(key).map_err(Failure::refused)?;
    Ok(paynet_api::control_key_text(key).to_owned())
}

fn run_batch(path: &PathBuf, pretty: bool) -> Result<(), Failure> {
    let mut input = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut input).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|s| input = s)
    };
    read.map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    let value: Value = serde_json::from_str(&input)
        .map_err(|e| Failure::usage(format!("{} is not JSON: {e}", path.display())))?;
    let output = match value {
        Value::Array(items) => {
            let mut outs = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                outs.push(sign_value(item).map_err(|f| f.prefixed(&format!("case {i}: ")))?);
            }
            to_json(&outs, pretty)?
        }
        other => to_json(&sign_value(other)?, pretty)?,
    };
    // Everything is signed before anything is written: a bad case writes nothing.
    write_stdout(format!("{output}\n").as_bytes())
}

fn sign_value(value: Value) -> Result<Output, Failure> {
    let case: Case = serde_json::from_value(value)
        .map_err(|e| Failure::invalid_input(format!("not a request description: {e}")))?;
    sign_case(&case)
}

/// Signs one request; a failure carries the SDK's error kind.
fn sign_case(case: &Case) -> Result<Output, Failure> {
    let timestamp = match &case.timestamp {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        other => {
            return Err(Failure::invalid_input(format!(
                "timestamp must be a string or a number, not {other}"
            )));
        }
    };
    if let Some(text) = &timestamp {
        check_timestamp(text)?;
    }
    let request = OwnedRequest {
        method: case.method.clone(),
        url: case.url.clone(),
        form: case.form.clone(),
        consumer_key: case.consumer_key.clone(),
        timestamp,
        nonce: case.nonce.clone(),
        token: case.token.clone(),
        version: case.version.clone(),
        realm: case.realm.clone(),
        oauth_extra: case.oauth_extra.clone(),
    };
    let signed = request
        .sign_with_secret(&case.consumer_secret, &case.token_secret)
        .map_err(Failure::refused)?;
    Ok(Output {
        normalized_parameters: signed.normalized_parameters(),
        base_string: signed.base_string(),
        signature: signed.signature().to_owned(),
        authorization_header: signed.authorization_header(),
        body: signed.body(),
    })
}

/// Refuses a timestamp the SDK would refuse, with one message whatever the reason (the
/// SDK words text that is not digits and digits too large differently): the same error
/// kinds as the SDK, `InvalidInput` and `InvalidTimestamp`.
fn check_timestamp(text: &str) -> Result<(), Failure> {
    let kind = if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        paynet_bind::ErrorKind::InvalidInput
    } else if text.parse::<u64>().is_err() {
        paynet_bind::ErrorKind::InvalidTimestamp
    } else {
        return Ok(());
    };
    Err(Failure::refused(paynet_bind::Failure::new(
        kind,
        format!(
            "timestamp must be a whole number of seconds since the Unix epoch, at most {}, not {text:?}",
            u64::MAX
        ),
    )))
}
