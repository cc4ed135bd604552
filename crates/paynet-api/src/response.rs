//! Gateway responses → typed results, as the spec's Responses section says.
//!
//! The Content-Type is ignored. A UTF-8 BOM and surrounding white space are stripped.
//! 403 is [`ResponseError::AccessDenied`], any other status outside 2xx is
//! [`ResponseError::Http`]. A body starting with `[` or `{` is read as tolerant JSON
//! ([`crate::json`]); anything else as `name=value` fields separated by line feeds and/or
//! `&` ([`crate::form`]). Any body carrying `error-message` is [`ResponseError::Gateway`];
//! a body that is none of these, or lacks a required field, is
//! [`ResponseError::Unexpected`] — never a zero balance.
//!
//! When a field appears twice in one object, the last one counts. Unknown fields are
//! kept in `extra`: strings as their text, numbers as their source text, anything else
//! (`true`, `null`, arrays, objects) as compact JSON.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::amount::parse_amount;
use crate::command::CommandKind;
use crate::error::ResponseError;
use crate::json::{self, Value};

/// The gateway's field names.
pub mod field {
    /// Endpoint balance: the amount.
    pub const BALANCE_AMOUNT: &str = "balance-amount";
    /// The gateway's error message, on a failed request.
    pub const ERROR_MESSAGE: &str = "error-message";
    /// Balance: its name.
    pub const NAME: &str = "name";
    /// Balance: the amount, short-term hold and rolling reserve included.
    pub const AMOUNT: &str = "amount";
    /// Balance: amount minus hold minus reserve.
    pub const ONLINE_BALANCE_LIVE_AMOUNT: &str = "online-balance-live-amount";
    /// Balance: total short-term hold.
    pub const TOTAL_SHORT_TERM_HOLD_AMOUNT: &str = "total-short-term-hold-amount";
    /// Balance: total rolling reserve.
    pub const TOTAL_ROLLING_RESERVE_AMOUNT: &str = "total-rolling-reserve-amount";
    /// Balance: currency code.
    pub const CURRENCY: &str = "currency";
    /// Balance: merchant login (manager responses only).
    pub const MERCHANT_LOGIN: &str = "merchantLogin";
    /// Balance: the merchant's external identifier (may be null).
    pub const EXTERNAL_MERCHANT_IDENTIFIER: &str = "externalMerchantIdentifier";
    /// Balance: outgoing operations without a final status.
    pub const AMOUNT_BUFFER_HOLD: &str = "amount-buffer-hold";

    /// Every field of a [`crate::Balance`], in the order the gateway writes them.
    pub const BALANCE_FIELDS: [&str; 9] = [
        NAME,
        AMOUNT,
        ONLINE_BALANCE_LIVE_AMOUNT,
        TOTAL_SHORT_TERM_HOLD_AMOUNT,
        TOTAL_ROLLING_RESERVE_AMOUNT,
        CURRENCY,
        MERCHANT_LOGIN,
        EXTERNAL_MERCHANT_IDENTIFIER,
        AMOUNT_BUFFER_HOLD,
    ];
}

/// The answer to [`CommandKind::EndpointBalance`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EndpointBalance {
    /// `balance-amount`, with the digits the gateway sent.
    pub balance_amount: Decimal,
    /// Any other fields of the object.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub extra: BTreeMap<String, String>,
}

/// One balance of a manager or merchant.
///
/// `name`, `amount` and `currency` are required; the other fields are `None` when the
/// gateway leaves them out or sends `null`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Balance {
    /// `name`.
    pub name: String,
    /// `amount`, short-term hold and rolling reserve included.
    pub amount: Decimal,
    /// `online-balance-live-amount`: amount minus hold minus reserve.
    pub online_balance_live_amount: Option<Decimal>,
    /// `total-short-term-hold-amount`.
    pub total_short_term_hold_amount: Option<Decimal>,
    /// `total-rolling-reserve-amount`.
    pub total_rolling_reserve_amount: Option<Decimal>,
    /// `currency`, e.g. `USD`.
    pub currency: String,
    /// `merchantLogin` (manager responses only).
    pub merchant_login: Option<String>,
    /// `externalMerchantIdentifier`.
    pub external_merchant_identifier: Option<String>,
    /// `amount-buffer-hold`: outgoing operations without a final status.
    pub amount_buffer_hold: Option<Decimal>,
    /// Any other fields of the object.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub extra: BTreeMap<String, String>,
}

impl Balance {
    /// A balance with the required fields and nothing else.
    pub fn new(name: impl Into<String>, amount: Decimal, currency: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            amount,
            online_balance_live_amount: None,
            total_short_term_hold_amount: None,
            total_rolling_reserve_amount: None,
            currency: currency.into(),
            merchant_login: None,
            external_merchant_identifier: None,
            amount_buffer_hold: None,
            extra: BTreeMap::new(),
        }
    }
}

/// A successful answer to any of the commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The answer to [`CommandKind::EndpointBalance`].
    EndpointBalance(EndpointBalance),
    /// The answer to [`CommandKind::ManagerBalances`] or [`CommandKind::MerchantBalances`].
    Balances(Vec<Balance>),
}

/// Reads the answer to a command of `kind`.
pub fn parse_response(
    kind: CommandKind,
    status: u16,
    body: &[u8],
) -> Result<Response, ResponseError> {
    match kind {
        CommandKind::EndpointBalance => {
            parse_endpoint_balance(status, body).map(Response::EndpointBalance)
        }
        CommandKind::ManagerBalances | CommandKind::MerchantBalances => {
            parse_balances(status, body).map(Response::Balances)
        }
    }
}

/// Reads the answer to `/get-balance/{endpoint_id}`: a JSON array holding one object (a
/// bare object is accepted too) or form fields, with `balance-amount`.
pub fn parse_endpoint_balance(status: u16, body: &[u8]) -> Result<EndpointBalance, ResponseError> {
    let (raw, parsed) = classify(status, body)?;
    let unexpected = |reason: String| ResponseError::Unexpected {
        body: raw.clone(),
        reason,
    };
    let record = match parsed {
        Parsed::Json(Value::Array(mut items)) => match items.len() {
            1 => object_record(items.remove(0)).map_err(unexpected)?,
            0 => return Err(unexpected("an empty array, no balance".to_owned())),
            n => {
                return Err(unexpected(format!(
                    "{n} objects where one balance was expected"
                )));
            }
        },
        Parsed::Json(value) => object_record(value).map_err(unexpected)?,
        Parsed::Form(record) => record,
    };
    endpoint_from(record).map_err(unexpected)
}

/// Reads the answer to `/get-balance/manager/{login}` or `/get-balance/merchant/{login}`:
/// a JSON array of objects (a bare object counts as a list of one), or form fields, where
/// a field already seen starts the next balance.
pub fn parse_balances(status: u16, body: &[u8]) -> Result<Vec<Balance>, ResponseError> {
    let (raw, parsed) = classify(status, body)?;
    let unexpected = |reason: String| ResponseError::Unexpected {
        body: raw.clone(),
        reason,
    };
    let records = match parsed {
        Parsed::Json(Value::Array(items)) => items
            .into_iter()
            .map(object_record)
            .collect::<Result<Vec<_>, _>>()
            .map_err(unexpected)?,
        Parsed::Json(value) => vec![object_record(value).map_err(unexpected)?],
        Parsed::Form(record) => split_records(record),
    };
    records
        .into_iter()
        .enumerate()
        .map(|(i, record)| balance_from(record).map_err(|e| format!("balance {}: {e}", i + 1)))
        .collect::<Result<_, _>>()
        .map_err(unexpected)
}

/// One field's value, from JSON or from a form.
#[derive(Debug)]
enum Field {
    Null,
    Text(String),
    Number(String),
    /// `true`/`false`, arrays and objects, as compact JSON.
    Other(String),
}

type Record = Vec<(String, Field)>;

enum Parsed {
    Json(Value),
    Form(Record),
}

/// Status checks, BOM and white space, JSON or form, `error-message`. Returns the raw
/// body (for diagnostics) with what it parsed to.
fn classify(status: u16, body: &[u8]) -> Result<(String, Parsed), ResponseError> {
    let raw = String::from_utf8_lossy(body).into_owned();
    if status == 403 {
        return Err(ResponseError::AccessDenied { body: raw });
    }
    if !(200..300).contains(&status) {
        return Err(ResponseError::Http { status, body: raw });
    }
    let text = raw.trim();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim();
    let unexpected = |reason: String| ResponseError::Unexpected {
        body: raw.clone(),
        reason,
    };
    if text.is_empty() {
        return Err(unexpected("an empty body".to_owned()));
    }
    let parsed = if text.starts_with(['[', '{']) {
        let value = json::parse(text).map_err(|e| unexpected(e.to_string()))?;
        if let Some(message) = json_error_message(&value) {
            return Err(ResponseError::Gateway { message });
        }
        Parsed::Json(value)
    } else {
        let pairs = crate::form::parse(text);
        let message = pairs
            .iter()
            .rev()
            .find(|(name, value)| name == field::ERROR_MESSAGE && value.is_some());
        if let Some((_, Some(message))) = message {
            return Err(ResponseError::Gateway {
                message: message.clone(),
            });
        }
        let mut record = Record::with_capacity(pairs.len());
        for (name, value) in pairs {
            let Some(value) = value else {
                return Err(unexpected("neither JSON nor name=value fields".to_owned()));
            };
            record.push((name, Field::Text(value)));
        }
        Parsed::Form(record)
    };
    Ok((raw, parsed))
}

/// `error-message` of the top-level object or of any object in the top-level array.
fn json_error_message(value: &Value) -> Option<String> {
    let from = |v: &Value| match v.get(field::ERROR_MESSAGE)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    match value {
        Value::Array(items) => items.iter().find_map(from),
        other => from(other),
    }
}

fn object_record(value: Value) -> Result<Record, String> {
    let Value::Object(members) = value else {
        return Err(format!(
            "{} where an object was expected",
            value.type_name()
        ));
    };
    Ok(members
        .into_iter()
        .map(|(name, value)| {
            let field = match value {
                Value::Null => Field::Null,
                Value::String(s) => Field::Text(s),
                Value::Number(n) => Field::Number(n),
                other => Field::Other(other.to_string()),
            };
            (name, field)
        })
        .collect())
}

/// Form fields → records: a name already present in the current record starts a new one.
fn split_records(record: Record) -> Vec<Record> {
    let mut records = vec![Record::new()];
    for (name, value) in record {
        let current = records.last_mut().expect("never empty");
        if current.iter().any(|(n, _)| *n == name) {
            records.push(vec![(name, value)]);
        } else {
            current.push((name, value));
        }
    }
    records
}

/// The fields of one object, taken by name, the rest kept.
struct Fields(BTreeMap<String, Field>);

impl Fields {
    /// Refuses a field given twice: which one the gateway meant is unknown, so the
    /// answer is unexpected rather than read as either value.
    fn new(record: Record) -> Result<Self, String> {
        let mut fields = BTreeMap::new();
        for (name, value) in record {
            if fields.contains_key(&name) {
                return Err(format!("the field {name} appears more than once"));
            }
            fields.insert(name, value);
        }
        Ok(Self(fields))
    }

    fn amount(&mut self, name: &str) -> Result<Option<Decimal>, String> {
        match self.0.remove(name) {
            None | Some(Field::Null) => Ok(None),
            Some(Field::Text(s) | Field::Number(s)) => parse_amount(&s)
                .map(Some)
                .map_err(|why| format!("{name} {s:?} {why}")),
            Some(Field::Other(s)) => Err(format!("{name} is {s}, not an amount")),
        }
    }

    fn text(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.0.remove(name) {
            None | Some(Field::Null) => Ok(None),
            Some(Field::Text(s) | Field::Number(s)) => Ok(Some(s)),
            Some(Field::Other(s)) => Err(format!("{name} is {s}, not a string")),
        }
    }

    fn extra(self) -> BTreeMap<String, String> {
        self.0
            .into_iter()
            .map(|(name, field)| {
                let value = match field {
                    Field::Null => "null".to_owned(),
                    Field::Text(s) | Field::Number(s) | Field::Other(s) => s,
                };
                (name, value)
            })
            .collect()
    }
}

fn required<T>(value: Option<T>, name: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("no {name}"))
}

fn endpoint_from(record: Record) -> Result<EndpointBalance, String> {
    let mut fields = Fields::new(record)?;
    let balance_amount = required(fields.amount(field::BALANCE_AMOUNT)?, field::BALANCE_AMOUNT)?;
    Ok(EndpointBalance {
        balance_amount,
        extra: fields.extra(),
    })
}

fn balance_from(record: Record) -> Result<Balance, String> {
    let mut f = Fields::new(record)?;
    Ok(Balance {
        name: required(f.text(field::NAME)?, field::NAME)?,
        amount: required(f.amount(field::AMOUNT)?, field::AMOUNT)?,
        online_balance_live_amount: f.amount(field::ONLINE_BALANCE_LIVE_AMOUNT)?,
        total_short_term_hold_amount: f.amount(field::TOTAL_SHORT_TERM_HOLD_AMOUNT)?,
        total_rolling_reserve_amount: f.amount(field::TOTAL_ROLLING_RESERVE_AMOUNT)?,
        currency: required(f.text(field::CURRENCY)?, field::CURRENCY)?,
        merchant_login: f.text(field::MERCHANT_LOGIN)?,
        external_merchant_identifier: f.text(field::EXTERNAL_MERCHANT_IDENTIFIER)?,
        amount_buffer_hold: f.amount(field::AMOUNT_BUFFER_HOLD)?,
        extra: f.extra(),
    })
}
