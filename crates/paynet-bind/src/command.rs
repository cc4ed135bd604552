//! The three balance commands as a binding calls them: [`command_kind`] reads a command
//! name once for every surface, and [`Call`] runs one on a client.

use paynet_api::{Balance, Command, CommandKind, EndpointBalance, Response};

use crate::Failure;

/// The command a name stands for: `get-balance` (or `endpoint_balance`,
/// `getBalance`), `get-balance/manager` (`manager_balances`, `getManagerBalances`),
/// `get-balance/merchant` (`merchant_balances`, `getMerchantBalances`).
pub fn command_kind(name: &str) -> Result<CommandKind, Failure> {
    match name {
        "get-balance" | "endpoint_balance" | "getBalance" => Ok(CommandKind::EndpointBalance),
        "get-balance/manager" | "manager_balances" | "getManagerBalances" => {
            Ok(CommandKind::ManagerBalances)
        }
        "get-balance/merchant" | "merchant_balances" | "getMerchantBalances" => {
            Ok(CommandKind::MerchantBalances)
        }
        other => Err(Failure::invalid_input(format!(
            "unknown command {other:?}: expected \"get-balance\", \"get-balance/manager\" or \"get-balance/merchant\""
        ))),
    }
}

/// The refusal of a status that is not an HTTP status (`shown` as the caller wrote it).
fn not_a_status(shown: &str) -> Failure {
    Failure::invalid_input(format!(
        "status {shown} is not an HTTP status (a whole number from 100 to 599)"
    ))
}

/// A gateway answer read by [`parse_answer`](Answer::parse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The balance of an endpoint.
    EndpointBalance(EndpointBalance),
    /// The balances of a manager or merchant.
    Balances(Vec<Balance>),
}

impl Answer {
    /// Reads the gateway's answer (`status`, `body`) to the command named `command`.
    pub fn parse(command: &str, status: u16, body: &[u8]) -> Result<Self, Failure> {
        if !(100..=599).contains(&status) {
            return Err(not_a_status(&status.to_string()));
        }
        Ok(
            match paynet_api::parse_response(command_kind(command)?, status, body)? {
                Response::EndpointBalance(b) => Answer::EndpointBalance(b),
                Response::Balances(list) => Answer::Balances(list),
            },
        )
    }

    /// [`parse`](Answer::parse) with the status as a JavaScript number: one that is not
    /// a whole number from 100 to 599 is refused, never rounded or wrapped, and `show`
    /// writes it in the message as JavaScript would (`Infinity`, `1.5`).
    pub fn parse_number(
        command: &str,
        status: f64,
        body: &[u8],
        show: &dyn Fn(f64) -> String,
    ) -> Result<Self, Failure> {
        if status.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&status) {
            // Whole and in range: the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return Self::parse(command, status as u16, body);
        }
        Err(not_a_status(&show(status)))
    }
}

/// One balance request, with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// `getBalance`: an endpoint's balance with one provider.
    EndpointBalance {
        /// The endpoint id.
        endpoint_id: String,
        /// The balance provider, e.g. `Test`.
        provider: String,
    },
    /// `getManagerBalances`: a manager's balances, all or the one named.
    ManagerBalances {
        /// The manager's login.
        login: String,
        /// Only this balance.
        name: Option<String>,
    },
    /// `getMerchantBalances`: a merchant's balances, all or the one named.
    MerchantBalances {
        /// The merchant's login.
        login: String,
        /// Only this balance.
        name: Option<String>,
    },
}

impl Call {
    /// The call of the command named `command` (any spelling [`command_kind`] reads)
    /// with its arguments in order: the endpoint id and the provider, or the login and
    /// the optional balance name. A missing provider is refused.
    pub fn named(command: &str, target: String, arg: Option<String>) -> Result<Self, Failure> {
        Ok(match command_kind(command)? {
            CommandKind::EndpointBalance => Call::EndpointBalance {
                endpoint_id: target,
                provider: arg.ok_or_else(|| {
                    Failure::invalid_input("get-balance needs a balance provider")
                })?,
            },
            CommandKind::ManagerBalances => Call::ManagerBalances {
                login: target,
                name: arg,
            },
            CommandKind::MerchantBalances => Call::MerchantBalances {
                login: target,
                name: arg,
            },
        })
    }

    /// The API layer's command for this call (its arguments checked: empty, too long).
    pub fn command(&self) -> Result<Command, Failure> {
        Ok(match self {
            Call::EndpointBalance {
                endpoint_id,
                provider,
            } => Command::endpoint_balance(endpoint_id, provider)?,
            Call::ManagerBalances { login, name } => {
                Command::manager_balances(login, name.as_deref())?
            }
            Call::MerchantBalances { login, name } => {
                Command::merchant_balances(login, name.as_deref())?
            }
        })
    }

    /// Sends this request with the async client.
    #[cfg(feature = "client")]
    pub async fn run(self, client: &paynet_client::Client) -> Result<Answer, Failure> {
        Ok(match self {
            Call::EndpointBalance {
                endpoint_id,
                provider,
            } => Answer::EndpointBalance(client.get_balance(&endpoint_id, &provider).await?),
            Call::ManagerBalances { login, name } => {
                Answer::Balances(client.get_manager_balances(&login, name.as_deref()).await?)
            }
            Call::MerchantBalances { login, name } => Answer::Balances(
                client
                    .get_merchant_balances(&login, name.as_deref())
                    .await?,
            ),
        })
    }

    /// Sends this request with the blocking client.
    #[cfg(feature = "client")]
    pub fn run_blocking(self, client: &paynet_client::blocking::Client) -> Result<Answer, Failure> {
        Ok(match self {
            Call::EndpointBalance {
                endpoint_id,
                provider,
            } => Answer::EndpointBalance(client.get_balance(&endpoint_id, &provider)?),
            Call::ManagerBalances { login, name } => {
                Answer::Balances(client.get_manager_balances(&login, name.as_deref())?)
            }
            Call::MerchantBalances { login, name } => {
                Answer::Balances(client.get_merchant_balances(&login, name.as_deref())?)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names() {
        assert_eq!(
            command_kind("getBalance").unwrap(),
            CommandKind::EndpointBalance
        );
        assert_eq!(
            command_kind("get-balance/merchant").unwrap(),
            CommandKind::MerchantBalances
        );
        assert!(command_kind("get-balances").is_err());
        let a = Answer::parse("get-balance", 200, b"balance-amount=29.99\n").unwrap();
        assert!(matches!(a, Answer::EndpointBalance(b) if b.balance_amount.to_string() == "29.99"));
        assert_eq!(
            Answer::parse("get-balance", 403, b"").unwrap_err().kind,
            crate::ErrorKind::AccessDenied
        );
        assert!(Answer::parse("get-balance", 99, b"").is_err());
    }

    #[test]
    fn calls_by_name() {
        let call = Call::named("getBalance", "1".into(), Some("Test".into())).unwrap();
        let want = Call::EndpointBalance {
            endpoint_id: "1".into(),
            provider: "Test".into(),
        };
        assert_eq!(call, want);
        let call = Call::named("manager_balances", "m".into(), None).unwrap();
        let want = Call::ManagerBalances {
            login: "m".into(),
            name: None,
        };
        assert_eq!(call, want);
        let call = Call::named("get-balance/merchant", "m".into(), Some("n".into())).unwrap();
        assert!(matches!(call, Call::MerchantBalances { name: Some(n), .. } if n == "n"));
        assert!(Call::named("get-balance", "1".into(), None).is_err());
        assert!(Call::named("balances", "1".into(), None).is_err());
        let command = Call::named("getBalance", "7".into(), Some("Test".into()))
            .and_then(|c| c.command())
            .unwrap();
        assert_eq!(command.path(), "/get-balance/7");
        let empty = Call::named("getManagerBalances", String::new(), None).unwrap();
        assert_eq!(
            empty.command().unwrap_err().kind,
            crate::ErrorKind::InvalidInput
        );
    }
}
