//! Writing responses the way the gateway does, for a mock gateway and for tests.
//!
//! Amounts are written with their exact digits (`219.500`). Optional fields that are
//! `None` are left out, except `externalMerchantIdentifier`, written as `null` in JSON
//! like the docs do. `extra` fields are written after the known ones as strings; an
//! extra field whose name is a known field or `error-message` is skipped, so what is
//! written parses back to the same value.

use std::fmt::Write as _;

use crate::balance_field::{BalanceField, FieldValue};
use crate::form;
use crate::json::write_string;
use crate::response::{Balance, EndpointBalance, field};

/// How to write a response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON laid out exactly like the docs' examples: indented, `"name":value` with no
    /// space, and — for the endpoint balance — a comma after the last field
    /// (`[\n  {\n    "balance-amount":29.99,\n  }\n]`), which strict parsers reject.
    Documented,
    /// Compact strict JSON: `[{"balance-amount":29.99}]`.
    Json,
    /// Form-encoded `name=value` lines, each ended by a line feed (`balance-amount=29.99\n`);
    /// a list of balances is the balances' fields one after another.
    FormLines,
}

/// A value to write: an amount (bare in JSON), a string, or JSON `null`.
enum Val {
    Number(String),
    Text(String),
    Null,
}

type Object = Vec<(&'static str, Val)>;

/// Writes the answer to the endpoint balance command.
pub fn render_endpoint_balance(balance: &EndpointBalance, format: Format) -> String {
    let object: Object = vec![(
        field::BALANCE_AMOUNT,
        Val::Number(balance.balance_amount.to_string()),
    )];
    let objects = [(object, extras(&balance.extra, &[field::BALANCE_AMOUNT]))];
    let mut out = String::new();
    match format {
        Format::Documented => write_documented(&mut out, &objects, true),
        Format::Json => write_json(&mut out, &objects),
        Format::FormLines => write_form(&mut out, &objects),
    }
    out
}

/// Writes the answer to the manager or merchant balances command.
pub fn render_balances(balances: &[Balance], format: Format) -> String {
    let objects: Vec<_> = balances
        .iter()
        .map(|b| (balance_object(b), extras(&b.extra, &field::BALANCE_FIELDS)))
        .collect();
    let mut out = String::new();
    match format {
        Format::Documented => write_documented(&mut out, &objects, false),
        Format::Json => write_json(&mut out, &objects),
        Format::FormLines => write_form(&mut out, &objects),
    }
    out
}

/// Writes the gateway's failure answer: `error-message=…` form-encoded, ended by a line
/// feed, e.g. `error-message=Unknown+balance+provider+saa\n`.
pub fn render_error_message(message: &str) -> String {
    format!("{}={}\n", field::ERROR_MESSAGE, form::encode(message))
}

fn balance_object(b: &Balance) -> Object {
    BalanceField::BALANCE
        .iter()
        .filter_map(|f| {
            let value = match f.of(b) {
                Some(FieldValue::Amount(d)) => Val::Number(d.to_string()),
                Some(FieldValue::Text(t)) => Val::Text(t.to_owned()),
                // The gateway writes a missing external id as null and leaves the
                // other absent fields out.
                None if *f == BalanceField::ExternalMerchantIdentifier => Val::Null,
                None => return None,
            };
            Some((f.wire_name(), value))
        })
        .collect()
}

fn extras<'a>(
    extra: &'a std::collections::BTreeMap<String, String>,
    known: &[&str],
) -> Vec<(&'a str, Val)> {
    extra
        .iter()
        .filter(|(name, _)| !known.contains(&name.as_str()) && *name != field::ERROR_MESSAGE)
        .map(|(name, value)| (name.as_str(), Val::Text(value.clone())))
        .collect()
}

type Members<'a> = (Object, Vec<(&'a str, Val)>);

fn members<'a>((known, extra): &'a Members<'a>) -> impl Iterator<Item = (&'a str, &'a Val)> {
    known
        .iter()
        .map(|(n, v)| (*n, v))
        .chain(extra.iter().map(|(n, v)| (*n, v)))
}

fn write_value(out: &mut String, value: &Val) {
    match value {
        Val::Number(n) => out.push_str(n),
        Val::Text(s) => write_string(out, s).expect("writing to a String"),
        Val::Null => out.push_str("null"),
    }
}

fn write_member(out: &mut String, name: &str, value: &Val) {
    write_string(out, name).expect("writing to a String");
    out.push(':');
    write_value(out, value);
}

fn write_documented(out: &mut String, objects: &[Members<'_>], trailing_comma: bool) {
    if objects.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push_str("[\n");
    for (i, object) in objects.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("  {\n");
        let mut first = true;
        for (name, value) in members(object) {
            if !first {
                out.push_str(",\n");
            }
            first = false;
            out.push_str("    ");
            write_member(out, name, value);
        }
        if trailing_comma && !first {
            out.push(',');
        }
        out.push_str("\n  }");
    }
    out.push_str("\n]");
}

fn write_json(out: &mut String, objects: &[Members<'_>]) {
    out.push('[');
    for (i, object) in objects.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        for (j, (name, value)) in members(object).enumerate() {
            if j > 0 {
                out.push(',');
            }
            write_member(out, name, value);
        }
        out.push('}');
    }
    out.push(']');
}

fn write_form(out: &mut String, objects: &[Members<'_>]) {
    for object in objects {
        for (name, value) in members(object) {
            let value = match value {
                Val::Number(s) | Val::Text(s) => s,
                Val::Null => continue,
            };
            let _ = writeln!(out, "{}={}", form::encode(name), form::encode(value));
        }
    }
}
