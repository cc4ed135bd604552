//! What the mock knows: accounts with their control keys and balances, and endpoints
//! with their balance providers. Built in (the API docs' examples) or read from JSON.

use std::collections::BTreeMap;
use std::path::Path;

use paynet_api::{Balance, Decimal};
use serde::Deserialize;

/// The control key of the API docs' examples, used by the built-in fixtures.
pub const DOCS_CONTROL_KEY: &str = "F9F65098-1111-1111-1111-621611111111";

/// Whether an account's balances are asked for with the manager or the merchant command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountKind {
    /// `/get-balance/manager/{login}`.
    Manager,
    /// `/get-balance/merchant/{login}` (and endpoint balances of its endpoints).
    Merchant,
}

/// One balance of an account, amounts as exact decimal strings.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BalanceFixture {
    /// The balance's name (`balance-name`).
    pub name: String,
    /// The amount, e.g. `"219.500"`.
    pub amount: String,
    /// The currency code.
    pub currency: String,
    /// Defaults to `amount`.
    #[serde(default)]
    pub online_balance_live_amount: Option<String>,
    /// Defaults to `0.000`.
    #[serde(default)]
    pub total_short_term_hold_amount: Option<String>,
    /// Defaults to `0.000`.
    #[serde(default)]
    pub total_rolling_reserve_amount: Option<String>,
    /// Defaults to `0.000`.
    #[serde(default)]
    pub amount_buffer_hold: Option<String>,
    /// The merchant a manager's balance belongs to (manager accounts only).
    #[serde(default)]
    pub merchant_login: Option<String>,
    /// `externalMerchantIdentifier` (null when absent).
    #[serde(default)]
    pub external_merchant_identifier: Option<String>,
}

/// A login with its control key and balances.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The login (OAuth consumer key).
    pub login: String,
    /// Its control key (OAuth consumer secret).
    pub control_key: String,
    /// Manager or merchant.
    pub kind: AccountKind,
    /// Its balances.
    #[serde(default)]
    pub balances: Vec<BalanceFixture>,
}

/// An endpoint: which merchant owns it and its balance per provider.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointFixture {
    /// The endpoint id in the URL.
    pub endpoint_id: String,
    /// The merchant login allowed to ask for it.
    pub login: String,
    /// Balance provider name → amount (exact decimal string).
    pub providers: BTreeMap<String, String>,
}

/// Everything the mock serves.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixtures {
    /// Managers and merchants.
    pub accounts: Vec<Account>,
    /// Endpoints.
    #[serde(default)]
    pub endpoints: Vec<EndpointFixture>,
}

impl Default for Fixtures {
    /// The API docs' examples: merchant `balance_test_merchant14` with endpoint `1`
    /// (provider `Test`, `29.99`) and balance `saa` = `219.500 USD`; manager
    /// `BalanceTestManager` with balance `saa` = `219.500 USD`; both with the docs'
    /// control key.
    fn default() -> Self {
        let saa = |merchant_login: Option<&str>| BalanceFixture {
            name: "saa".into(),
            amount: "219.500".into(),
            currency: "USD".into(),
            online_balance_live_amount: Some("219.500".into()),
            total_short_term_hold_amount: Some("0.000".into()),
            total_rolling_reserve_amount: Some("0.000".into()),
            amount_buffer_hold: Some("0.000".into()),
            merchant_login: merchant_login.map(str::to_owned),
            external_merchant_identifier: None,
        };
        Fixtures {
            accounts: vec![
                Account {
                    login: "balance_test_merchant14".into(),
                    control_key: DOCS_CONTROL_KEY.into(),
                    kind: AccountKind::Merchant,
                    balances: vec![saa(None)],
                },
                Account {
                    login: "BalanceTestManager".into(),
                    control_key: DOCS_CONTROL_KEY.into(),
                    kind: AccountKind::Manager,
                    balances: vec![saa(Some("balance_test_merchant14"))],
                },
            ],
            endpoints: vec![EndpointFixture {
                endpoint_id: "1".into(),
                login: "balance_test_merchant14".into(),
                providers: BTreeMap::from([("Test".to_owned(), "29.99".to_owned())]),
            }],
        }
    }
}

impl Fixtures {
    /// Reads fixtures from a JSON file (format in the crate's README) and checks that
    /// every amount is a decimal number.
    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let fixtures: Fixtures = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a fixtures file: {e}", path.display()))?;
        fixtures
            .validate()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(fixtures)
    }

    fn validate(&self) -> Result<(), String> {
        for account in &self.accounts {
            for b in &account.balances {
                to_balance(b)?;
            }
        }
        for e in &self.endpoints {
            for amount in e.providers.values() {
                decimal(amount)?;
            }
        }
        Ok(())
    }

    /// The account with this login.
    pub fn account(&self, login: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.login == login)
    }

    /// The endpoint with this id.
    pub fn endpoint(&self, endpoint_id: &str) -> Option<&EndpointFixture> {
        self.endpoints.iter().find(|e| e.endpoint_id == endpoint_id)
    }
}

/// Parses an exact decimal string.
pub(crate) fn decimal(text: &str) -> Result<Decimal, String> {
    text.parse::<Decimal>()
        .map_err(|e| format!("{text:?} is not a decimal amount: {e}"))
}

/// The balance as the gateway reports it.
pub(crate) fn to_balance(b: &BalanceFixture) -> Result<Balance, String> {
    let or_zero = |v: &Option<String>| decimal(v.as_deref().unwrap_or("0.000")).map(Some);
    let mut balance = Balance::new(b.name.clone(), decimal(&b.amount)?, b.currency.clone());
    balance.online_balance_live_amount = match &b.online_balance_live_amount {
        Some(v) => Some(decimal(v)?),
        None => Some(balance.amount),
    };
    balance.total_short_term_hold_amount = or_zero(&b.total_short_term_hold_amount)?;
    balance.total_rolling_reserve_amount = or_zero(&b.total_rolling_reserve_amount)?;
    balance.amount_buffer_hold = or_zero(&b.amount_buffer_hold)?;
    balance.merchant_login = b.merchant_login.clone();
    balance.external_merchant_identifier = b.external_merchant_identifier.clone();
    Ok(balance)
}
