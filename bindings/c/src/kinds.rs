//! The constants of the gateway functions (commands, balance fields). They cross the ABI
//! as `uint32_t`, since C may pass any value; the enums name the values, which are fixed.
//! Always in the header, so firmware code can share the names with the full library.

/// Which balance command (values fixed).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum paynet_command_kind {
    /// `/get-balance/{endpoint_id}`: `subject` is the endpoint id, `name` the required
    /// balance provider.
    PAYNET_COMMAND_ENDPOINT_BALANCE = 0,
    /// `/get-balance/manager/{login}`: `subject` is the manager login, `name` an optional
    /// balance name.
    PAYNET_COMMAND_MANAGER_BALANCES = 1,
    /// `/get-balance/merchant/{login}`: `subject` is the merchant login, `name` an
    /// optional balance name.
    PAYNET_COMMAND_MERCHANT_BALANCES = 2,
}

/// A field of one balance (values fixed).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum paynet_field {
    /// `name` (manager/merchant balances).
    PAYNET_FIELD_NAME = 0,
    /// `amount`: hold and reserve included.
    PAYNET_FIELD_AMOUNT = 1,
    /// `online-balance-live-amount`.
    PAYNET_FIELD_ONLINE_BALANCE_LIVE_AMOUNT = 2,
    /// `total-short-term-hold-amount`.
    PAYNET_FIELD_TOTAL_SHORT_TERM_HOLD_AMOUNT = 3,
    /// `total-rolling-reserve-amount`.
    PAYNET_FIELD_TOTAL_ROLLING_RESERVE_AMOUNT = 4,
    /// `currency`.
    PAYNET_FIELD_CURRENCY = 5,
    /// `merchantLogin` (manager answers).
    PAYNET_FIELD_MERCHANT_LOGIN = 6,
    /// `externalMerchantIdentifier`.
    PAYNET_FIELD_EXTERNAL_MERCHANT_IDENTIFIER = 7,
    /// `amount-buffer-hold`.
    PAYNET_FIELD_AMOUNT_BUFFER_HOLD = 8,
    /// `balance-amount`: the one field of the endpoint balance answer.
    PAYNET_FIELD_BALANCE_AMOUNT = 9,
}
