//! The balance record's fields, enumerable once: the mock's writer, the CLI and every
//! binding render a balance by walking [`BalanceField::BALANCE`] instead of listing the
//! fields again.

use rust_decimal::Decimal;

use crate::response::{Balance, EndpointBalance, field as w};

/// One field of a balance, with its name in the gateway's answer and in each
/// language's casing. The discriminants are the C library's `paynet_field` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum BalanceField {
    /// `name` of a manager's or merchant's balance.
    Name = 0,
    /// `amount`: hold and reserve included.
    Amount = 1,
    /// `online-balance-live-amount`: amount minus hold minus reserve.
    OnlineBalanceLiveAmount = 2,
    /// `total-short-term-hold-amount`.
    TotalShortTermHoldAmount = 3,
    /// `total-rolling-reserve-amount`.
    TotalRollingReserveAmount = 4,
    /// `currency`, e.g. `USD`.
    Currency = 5,
    /// `merchantLogin` (manager answers).
    MerchantLogin = 6,
    /// `externalMerchantIdentifier`.
    ExternalMerchantIdentifier = 7,
    /// `amount-buffer-hold`: outgoing operations without a final status.
    AmountBufferHold = 8,
    /// `balance-amount`: the one field of an endpoint's balance.
    BalanceAmount = 9,
}

/// A field's value: an exact decimal (with the digits the gateway sent) or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// An amount.
    Amount(&'a Decimal),
    /// A name, currency or identifier.
    Text(&'a str),
}

impl std::fmt::Display for FieldValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldValue::Amount(d) => d.fmt(f),
            FieldValue::Text(t) => f.write_str(t),
        }
    }
}

impl BalanceField {
    /// The fields of a manager's or merchant's [`Balance`], in the order they are shown.
    pub const BALANCE: [BalanceField; 9] = [
        BalanceField::Name,
        BalanceField::Amount,
        BalanceField::OnlineBalanceLiveAmount,
        BalanceField::TotalShortTermHoldAmount,
        BalanceField::TotalRollingReserveAmount,
        BalanceField::Currency,
        BalanceField::MerchantLogin,
        BalanceField::ExternalMerchantIdentifier,
        BalanceField::AmountBufferHold,
    ];

    /// The fields of an [`EndpointBalance`].
    pub const ENDPOINT_BALANCE: [BalanceField; 1] = [BalanceField::BalanceAmount];

    /// Every field, in the order of their numbers.
    pub const ALL: [BalanceField; 10] = [
        BalanceField::Name,
        BalanceField::Amount,
        BalanceField::OnlineBalanceLiveAmount,
        BalanceField::TotalShortTermHoldAmount,
        BalanceField::TotalRollingReserveAmount,
        BalanceField::Currency,
        BalanceField::MerchantLogin,
        BalanceField::ExternalMerchantIdentifier,
        BalanceField::AmountBufferHold,
        BalanceField::BalanceAmount,
    ];

    /// The field with the C library's number `n`.
    pub fn from_number(n: u32) -> Option<Self> {
        Self::ALL.into_iter().find(|f| *f as u32 == n)
    }

    /// The name in the gateway's answer (`online-balance-live-amount`).
    pub fn wire_name(self) -> &'static str {
        match self {
            BalanceField::Name => w::NAME,
            BalanceField::Amount => w::AMOUNT,
            BalanceField::OnlineBalanceLiveAmount => w::ONLINE_BALANCE_LIVE_AMOUNT,
            BalanceField::TotalShortTermHoldAmount => w::TOTAL_SHORT_TERM_HOLD_AMOUNT,
            BalanceField::TotalRollingReserveAmount => w::TOTAL_ROLLING_RESERVE_AMOUNT,
            BalanceField::Currency => w::CURRENCY,
            BalanceField::MerchantLogin => w::MERCHANT_LOGIN,
            BalanceField::ExternalMerchantIdentifier => w::EXTERNAL_MERCHANT_IDENTIFIER,
            BalanceField::AmountBufferHold => w::AMOUNT_BUFFER_HOLD,
            BalanceField::BalanceAmount => w::BALANCE_AMOUNT,
        }
    }

    /// The name in Rust and Python (`online_balance_live_amount`).
    pub fn snake_name(self) -> &'static str {
        match self {
            BalanceField::Name => "name",
            BalanceField::Amount => "amount",
            BalanceField::OnlineBalanceLiveAmount => "online_balance_live_amount",
            BalanceField::TotalShortTermHoldAmount => "total_short_term_hold_amount",
            BalanceField::TotalRollingReserveAmount => "total_rolling_reserve_amount",
            BalanceField::Currency => "currency",
            BalanceField::MerchantLogin => "merchant_login",
            BalanceField::ExternalMerchantIdentifier => "external_merchant_identifier",
            BalanceField::AmountBufferHold => "amount_buffer_hold",
            BalanceField::BalanceAmount => "balance_amount",
        }
    }

    /// The name in JavaScript (`onlineBalanceLiveAmount`).
    pub fn camel_name(self) -> &'static str {
        match self {
            BalanceField::Name => "name",
            BalanceField::Amount => "amount",
            BalanceField::OnlineBalanceLiveAmount => "onlineBalanceLiveAmount",
            BalanceField::TotalShortTermHoldAmount => "totalShortTermHoldAmount",
            BalanceField::TotalRollingReserveAmount => "totalRollingReserveAmount",
            BalanceField::Currency => "currency",
            BalanceField::MerchantLogin => "merchantLogin",
            BalanceField::ExternalMerchantIdentifier => "externalMerchantIdentifier",
            BalanceField::AmountBufferHold => "amountBufferHold",
            BalanceField::BalanceAmount => "balanceAmount",
        }
    }

    /// Whether the value is an amount (a decimal) rather than text.
    pub fn is_amount(self) -> bool {
        !matches!(
            self,
            BalanceField::Name
                | BalanceField::Currency
                | BalanceField::MerchantLogin
                | BalanceField::ExternalMerchantIdentifier
        )
    }

    /// Whether every answer has it (`name`, `amount`, `currency`, `balance-amount`).
    pub fn is_required(self) -> bool {
        matches!(
            self,
            BalanceField::Name
                | BalanceField::Amount
                | BalanceField::Currency
                | BalanceField::BalanceAmount
        )
    }

    /// This field of `balance` (`None` when the gateway left it out, and for
    /// `BalanceAmount`, which only an endpoint's balance has).
    pub fn of(self, balance: &Balance) -> Option<FieldValue<'_>> {
        fn amount(d: &Option<Decimal>) -> Option<FieldValue<'_>> {
            d.as_ref().map(FieldValue::Amount)
        }
        fn text(t: &Option<String>) -> Option<FieldValue<'_>> {
            t.as_deref().map(FieldValue::Text)
        }
        match self {
            BalanceField::Name => Some(FieldValue::Text(&balance.name)),
            BalanceField::Amount => Some(FieldValue::Amount(&balance.amount)),
            BalanceField::OnlineBalanceLiveAmount => amount(&balance.online_balance_live_amount),
            BalanceField::TotalShortTermHoldAmount => amount(&balance.total_short_term_hold_amount),
            BalanceField::TotalRollingReserveAmount => {
                amount(&balance.total_rolling_reserve_amount)
            }
            BalanceField::Currency => Some(FieldValue::Text(&balance.currency)),
            BalanceField::MerchantLogin => text(&balance.merchant_login),
            BalanceField::ExternalMerchantIdentifier => text(&balance.external_merchant_identifier),
            BalanceField::AmountBufferHold => amount(&balance.amount_buffer_hold),
            BalanceField::BalanceAmount => None,
        }
    }

    /// This field of an endpoint's balance (only `BalanceAmount` is there).
    pub fn of_endpoint(self, balance: &EndpointBalance) -> Option<FieldValue<'_>> {
        (self == BalanceField::BalanceAmount).then_some(FieldValue::Amount(&balance.balance_amount))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_the_api_s_fields() {
        let wire: Vec<_> = BalanceField::BALANCE
            .iter()
            .map(|f| f.wire_name())
            .collect();
        assert_eq!(wire, crate::field::BALANCE_FIELDS);
        for (n, f) in BalanceField::ALL.iter().enumerate() {
            assert_eq!(BalanceField::from_number(n as u32), Some(*f));
        }
        assert_eq!(BalanceField::from_number(10), None);
    }

    #[test]
    fn values_are_read_from_a_balance() {
        let body = br#"[{"name":"saa","amount":219.500,"currency":"USD","merchantLogin":"m"}]"#;
        let b = &crate::parse_balances(200, body).unwrap()[0];
        let shown: Vec<_> = BalanceField::BALANCE
            .iter()
            .filter_map(|f| f.of(b).map(|v| format!("{}={v}", f.camel_name())))
            .collect();
        assert_eq!(
            shown,
            [
                "name=saa",
                "amount=219.500",
                "currency=USD",
                "merchantLogin=m"
            ]
        );
    }
}
