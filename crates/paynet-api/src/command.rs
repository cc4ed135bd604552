//! The three balance commands: validated parameters, URL and form body.

use std::fmt;

use crate::error::CommandError;
use crate::form::encode_path_segment;
use crate::gateway::Gateway;

/// The longest `balance-provider` or `balance-name` the gateway accepts, in characters.
pub const MAX_NAME_LEN: usize = 128;

/// The longest endpoint id or login accepted, in characters (also for the login that
/// signs): far more than any real one, and a clear error instead of a huge request.
pub const MAX_ID_LEN: usize = 256;

/// Which of the three commands; also says how to read the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandKind {
    /// `POST /get-balance/{endpoint_id}`: one amount, an [`crate::EndpointBalance`].
    EndpointBalance,
    /// `POST /get-balance/manager/{login}`: a list of [`crate::Balance`].
    ManagerBalances,
    /// `POST /get-balance/merchant/{login}`: a list of [`crate::Balance`].
    MerchantBalances,
}

impl CommandKind {
    /// A stable snake_case name: `endpoint_balance`, `manager_balances`, `merchant_balances`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EndpointBalance => "endpoint_balance",
            Self::ManagerBalances => "manager_balances",
            Self::MerchantBalances => "merchant_balances",
        }
    }
}

impl fmt::Display for CommandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One balance request, validated on construction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Command {
    kind: CommandKind,
    /// The endpoint id or the manager/merchant login (unencoded).
    subject: String,
    /// `balance-provider` (required) or `balance-name` (optional).
    name: Option<String>,
}

impl Command {
    /// The command of `kind` for `subject` (the endpoint id, or the manager's or
    /// merchant's login) and `name` (the balance provider, required for the endpoint
    /// balance; otherwise the optional balance name): for callers that hold the kind as
    /// data, such as a C enum or a page's menu.
    pub fn new(kind: CommandKind, subject: &str, name: Option<&str>) -> Result<Self, CommandError> {
        match kind {
            CommandKind::EndpointBalance => Self::endpoint_balance(subject, name.unwrap_or("")),
            CommandKind::ManagerBalances => Self::manager_balances(subject, name),
            CommandKind::MerchantBalances => Self::merchant_balances(subject, name),
        }
    }

    /// The balance of an endpoint for a balance provider: `/get-balance/{endpoint_id}`
    /// with the required `balance-provider` (1 to 128 characters). Signed with the
    /// merchant's login and control key.
    pub fn endpoint_balance(
        endpoint_id: &str,
        balance_provider: &str,
    ) -> Result<Self, CommandError> {
        check_segment("endpoint id", endpoint_id)?;
        check_name("balance-provider", balance_provider)?;
        Ok(Self {
            kind: CommandKind::EndpointBalance,
            subject: endpoint_id.to_owned(),
            name: Some(balance_provider.to_owned()),
        })
    }

    /// The balances of a manager: `/get-balance/manager/{login}`, all of them or only the
    /// one named `balance_name` (1 to 128 characters when given).
    pub fn manager_balances(login: &str, balance_name: Option<&str>) -> Result<Self, CommandError> {
        Self::balances(
            CommandKind::ManagerBalances,
            "manager login",
            login,
            balance_name,
        )
    }

    /// The balances of a merchant: `/get-balance/merchant/{login}`, all of them or only
    /// the one named `balance_name` (1 to 128 characters when given).
    pub fn merchant_balances(
        login: &str,
        balance_name: Option<&str>,
    ) -> Result<Self, CommandError> {
        Self::balances(
            CommandKind::MerchantBalances,
            "merchant login",
            login,
            balance_name,
        )
    }

    fn balances(
        kind: CommandKind,
        what: &'static str,
        login: &str,
        balance_name: Option<&str>,
    ) -> Result<Self, CommandError> {
        check_segment(what, login)?;
        if let Some(name) = balance_name {
            check_name("balance-name", name)?;
        }
        Ok(Self {
            kind,
            subject: login.to_owned(),
            name: balance_name.map(str::to_owned),
        })
    }

    /// Which command this is.
    pub fn kind(&self) -> CommandKind {
        self.kind
    }

    /// The endpoint id (endpoint balance) or the manager/merchant login, unencoded.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// `balance-provider` of an endpoint balance command.
    pub fn balance_provider(&self) -> Option<&str> {
        match self.kind {
            CommandKind::EndpointBalance => self.name.as_deref(),
            _ => None,
        }
    }

    /// `balance-name` of a manager/merchant command, if one was given.
    pub fn balance_name(&self) -> Option<&str> {
        match self.kind {
            CommandKind::EndpointBalance => None,
            _ => self.name.as_deref(),
        }
    }

    /// The path after the gateway's base URL, its variable segment percent-encoded:
    /// `/get-balance/1`, `/get-balance/manager/BalanceTestManager`, …
    pub fn path(&self) -> String {
        let dir = match self.kind {
            CommandKind::EndpointBalance => "/get-balance/",
            CommandKind::ManagerBalances => "/get-balance/manager/",
            CommandKind::MerchantBalances => "/get-balance/merchant/",
        };
        format!("{dir}{}", encode_path_segment(&self.subject))
    }

    /// The full URL to `POST` to (and to sign).
    pub fn url(&self, gateway: &Gateway) -> String {
        gateway.url(&self.path())
    }

    /// The form parameters (unencoded): `[("balance-provider", …)]`, `[("balance-name", …)]`,
    /// or none when no balance name was given.
    pub fn form(&self) -> Vec<(&'static str, String)> {
        let param = match self.kind {
            CommandKind::EndpointBalance => "balance-provider",
            _ => "balance-name",
        };
        self.name.iter().map(|v| (param, v.clone())).collect()
    }
}

fn non_empty(param: &'static str, value: &str) -> Result<(), CommandError> {
    if value.is_empty() {
        Err(CommandError::Empty { param })
    } else {
        Ok(())
    }
}

/// A required endpoint id or login: 1 to [`MAX_ID_LEN`] characters.
/// Checks a login (the OAuth consumer key) as every signed command does: not empty, at
/// most [`MAX_ID_LEN`] characters.
pub fn check_login(login: &str) -> Result<(), CommandError> {
    check_id("login", login)
}

pub(crate) fn check_id(param: &'static str, value: &str) -> Result<(), CommandError> {
    non_empty(param, value)?;
    let len = value.chars().count();
    if len > MAX_ID_LEN {
        return Err(CommandError::TooLong {
            param,
            max: MAX_ID_LEN,
            len,
        });
    }
    Ok(())
}

/// An endpoint id or login that becomes a path segment: as [`check_id`], and not a dot
/// segment (`.` or `..`), which HTTP clients drop from the path before sending (WHATWG
/// URL does so for `%2e` too, so escaping is no way out): the URL signed would not be
/// the one requested.
fn check_segment(param: &'static str, value: &str) -> Result<(), CommandError> {
    check_id(param, value)?;
    if value == "." || value == ".." {
        return Err(CommandError::DotSegment { param });
    }
    Ok(())
}

fn check_name(param: &'static str, value: &str) -> Result<(), CommandError> {
    non_empty(param, value)?;
    let len = value.chars().count();
    if len > MAX_NAME_LEN {
        return Err(CommandError::TooLong {
            param,
            max: MAX_NAME_LEN,
            len,
        });
    }
    Ok(())
}
