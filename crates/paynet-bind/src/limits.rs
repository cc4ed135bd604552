//! [`ClientLimits`]: a client's timeouts, retries, http policy and response cap as the
//! JavaScript options give them (`timeoutMs`, `connectTimeoutMs`, `retries`,
//! `allowHttp`, `maxResponseBytes`), checked once for the Node addon and the
//! WebAssembly build; unset ones keep the SDK's defaults. With the names of those
//! options ([`JS_CLIENT_OPTIONS`]), the check of their keys and of `options.gateway`.

use std::time::Duration;

use paynet_api::Gateway;

use crate::Failure;

/// The options of the JavaScript `new Client(options)` (the Node addon's and the
/// WebAssembly build's), in the order their types are checked.
pub const JS_CLIENT_OPTIONS: [&str; 8] = [
    "gateway",
    "login",
    "controlKey",
    "timeoutMs",
    "connectTimeoutMs",
    "retries",
    "allowHttp",
    "maxResponseBytes",
];

/// Refuses a key of the JavaScript options object that is not one of
/// [`JS_CLIENT_OPTIONS`] (as Python refuses an unknown keyword): `InvalidInput` naming
/// the first such key and the option it resembles, when one is close
/// (`options.timeout is not a Client option (did you mean timeoutMs?)`).
pub fn check_js_option_keys<K: AsRef<str>>(keys: &[K]) -> Result<(), Failure> {
    let Some(key) = keys
        .iter()
        .map(AsRef::as_ref)
        .find(|k| !JS_CLIENT_OPTIONS.contains(k))
    else {
        return Ok(());
    };
    let hint = match paynet_api::closest_name(key, JS_CLIENT_OPTIONS) {
        Some(name) => format!("did you mean {name}?"),
        None => format!("the options: {}", JS_CLIENT_OPTIONS.join(", ")),
    };
    Err(Failure::invalid_input(format!(
        "options.{key} is not a Client option ({hint})"
    )))
}

/// `options.gateway` of the JavaScript options: a preset name or a base URL; the
/// failure names the option once, then says why (the value, a "did you mean").
pub fn js_gateway(text: &str) -> Result<Gateway, Failure> {
    Gateway::from_str_or_preset(text)
        .map_err(|e| Failure::invalid_input(format!("options.gateway: {e}")))
}

/// A client's limits; `None` keeps the SDK's default (`paynet_api::DEFAULT_TIMEOUT`,
/// `DEFAULT_CONNECT_TIMEOUT`, `DEFAULT_RETRIES`, `DEFAULT_MAX_RESPONSE_BYTES`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientLimits {
    /// How long one attempt may take.
    pub timeout: Option<Duration>,
    /// How long connecting may take.
    pub connect_timeout: Option<Duration>,
    /// How many times a failure before any answer is retried.
    pub retries: Option<u32>,
    /// Allow a plain `http://` gateway off the loopback interface.
    pub allow_http: bool,
    /// The largest answer read, in bytes (at least 1).
    pub max_response_bytes: Option<usize>,
}

impl ClientLimits {
    /// The limits of the JavaScript options object (`options.timeoutMs`, …, named so in
    /// the messages): milliseconds for the timeouts, whole numbers for `retries` and
    /// `maxResponseBytes` (the caller has checked they are whole and non-negative).
    /// `show` writes a number for a message as JavaScript would (`String(n)`; the
    /// WebAssembly build asks JavaScript, since Rust's float formatting costs it 16 KB).
    pub fn from_js(
        timeout_ms: Option<f64>,
        connect_timeout_ms: Option<f64>,
        retries: Option<u64>,
        allow_http: Option<bool>,
        max_response_bytes: Option<u64>,
        show: &dyn Fn(f64) -> String,
    ) -> Result<Self, Failure> {
        let millis = |name, t| duration(name, t, 0.001, show);
        Ok(ClientLimits {
            timeout: timeout_ms
                .map(|t| millis("options.timeoutMs", t))
                .transpose()?,
            connect_timeout: connect_timeout_ms
                .map(|t| millis("options.connectTimeoutMs", t))
                .transpose()?,
            retries: retries.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
            allow_http: allow_http.unwrap_or(false),
            max_response_bytes: max_response_bytes
                .map(|n| response_cap("options.maxResponseBytes", n))
                .transpose()?,
        })
    }

    /// The attempt timeout, or the default.
    pub fn timeout_or_default(&self) -> Duration {
        self.timeout.unwrap_or(paynet_api::DEFAULT_TIMEOUT)
    }

    /// The retries, or the default.
    pub fn retries_or_default(&self) -> u32 {
        self.retries.unwrap_or(paynet_api::DEFAULT_RETRIES)
    }

    /// The response cap, or the default.
    pub fn max_response_bytes_or_default(&self) -> usize {
        self.max_response_bytes
            .unwrap_or(paynet_api::DEFAULT_MAX_RESPONSE_BYTES)
    }
}

/// `n` as JavaScript's `String(n)` writes it (`NaN`, `Infinity`, `1.5`, `1e+21`): the
/// Node addon shows the numbers it refuses so, as the WebAssembly build (which asks
/// JavaScript) does.
pub fn js_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if n == 0.0 {
        return "0".to_owned();
    }
    let magnitude = n.abs();
    if (1e-6..1e21).contains(&magnitude) {
        return n.to_string();
    }
    let text = format!("{n:e}");
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => text,
    }
}

/// A response cap given as a whole number of bytes: from 1 to the address space.
/// `name` is the argument's name in the caller's language, for the message.
pub fn response_cap(name: &str, limit: u64) -> Result<usize, Failure> {
    usize::try_from(limit)
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            Failure::invalid_input(format!(
                "{name} must be from 1 to the address space, not {limit}"
            ))
        })
}

/// A duration given as a number of `unit`s (1.0 for seconds, 0.001 for milliseconds),
/// checked: finite, positive and below a billion seconds, and not 0 once converted
/// ([`paynet_api::check_timeout`], the Rust client's rule). `name` is the argument's name
/// in the caller's language, for the message.
pub fn seconds(name: &str, value: f64, unit: f64) -> Result<Duration, Failure> {
    duration(name, value, unit, &|v| v.to_string())
}

/// A timeout given as a whole number of milliseconds (C's options): the rule of
/// [`seconds`] (more than 0, under 10^9 seconds), the value written exactly in the
/// message (through `f64` it was rounded: 18446744073709551615 showed as
/// 18446744073709552000).
pub fn milliseconds(name: &str, ms: u64) -> Result<Duration, Failure> {
    duration(name, ms as f64, 0.001, &|_| ms.to_string())
}

/// [`seconds`], with `show` writing the value in the message.
fn duration(
    name: &str,
    value: f64,
    unit: f64,
    show: &dyn Fn(f64) -> String,
) -> Result<Duration, Failure> {
    let secs = value * unit;
    // The Rust client's rule (no zero timeout) on the converted value too: a positive
    // value under a nanosecond becomes 0.
    let checked = (value.is_finite() && secs > 0.0 && secs < 1e9)
        .then(|| Duration::from_secs_f64(secs))
        .filter(|&d| paynet_api::check_timeout("timeout", d).is_ok());
    if let Some(duration) = checked {
        Ok(duration)
    } else {
        let what = if unit == 1.0 {
            "seconds"
        } else {
            "milliseconds"
        };
        Err(Failure::invalid_input(format!(
            "{name} must be a positive number of {what}, not {}",
            show(value)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milliseconds_are_checked_and_shown_exactly() {
        assert_eq!(
            milliseconds("timeout_ms", 1500).unwrap(),
            Duration::from_millis(1500)
        );
        let e = milliseconds("timeout_ms", u64::MAX).unwrap_err();
        assert_eq!(
            e.message,
            "timeout_ms must be a positive number of milliseconds, not 18446744073709551615"
        );
        assert!(milliseconds("timeout_ms", 1_000_000_000_000).is_err());
        assert!(milliseconds("timeout_ms", 999_999_999_999).is_ok());
    }

    /// A positive value under a nanosecond is refused as 0 is (before, it was taken as
    /// a zero timeout, and every call then failed as "did not answer in time").
    #[test]
    fn a_timeout_that_rounds_to_zero_is_refused() {
        let e = seconds("timeout", 1e-10, 1.0).unwrap_err();
        assert_eq!(
            e.message,
            "timeout must be a positive number of seconds, not 0.0000000001"
        );
        let show = |n: f64| js_number(n);
        let e = ClientLimits::from_js(Some(1e-7), None, None, None, None, &show).unwrap_err();
        assert_eq!(
            e.message,
            "options.timeoutMs must be a positive number of milliseconds, not 1e-7"
        );
        assert_eq!(
            seconds("timeout", 1e-9, 1.0).unwrap(),
            Duration::from_nanos(1)
        );
    }

    #[test]
    fn numbers_are_shown_as_javascript_writes_them() {
        for (n, js) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (-0.0, "0"),
            (1.5, "1.5"),
            (-1.0, "-1"),
            (600.0, "600"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1.5e300, "1.5e+300"),
            (1e-7, "1e-7"),
            (123_456_789_012.0, "123456789012"),
        ] {
            assert_eq!(js_number(n), js, "{n}");
        }
    }

    #[test]
    fn javascript_options_are_checked_and_named() {
        let show = |n: f64| n.to_string();
        let limits =
            ClientLimits::from_js(Some(250.0), None, Some(0), Some(true), Some(10), &show).unwrap();
        assert_eq!(limits.timeout, Some(Duration::from_millis(250)));
        assert_eq!(limits.connect_timeout, None);
        assert_eq!((limits.retries, limits.allow_http), (Some(0), true));
        assert_eq!(limits.max_response_bytes_or_default(), 10);
        let defaults = ClientLimits::default();
        assert_eq!(defaults.timeout_or_default(), Duration::from_secs(30));
        assert_eq!(defaults.retries_or_default(), 2);
        assert_eq!(defaults.max_response_bytes_or_default(), 1_048_576);
        let e = ClientLimits::from_js(Some(-1.0), None, None, None, None, &show).unwrap_err();
        assert_eq!(
            e.message,
            "options.timeoutMs must be a positive number of milliseconds, not -1"
        );
        let e = ClientLimits::from_js(None, Some(f64::NAN), None, None, None, &show).unwrap_err();
        assert!(
            e.message.starts_with("options.connectTimeoutMs"),
            "{}",
            e.message
        );
        let e = ClientLimits::from_js(None, None, None, None, Some(0), &show).unwrap_err();
        assert_eq!(
            e.message,
            "options.maxResponseBytes must be from 1 to the address space, not 0"
        );
    }

    /// An unknown key is refused, with the option it resembles (before, it was
    /// ignored: `timeout: 5` left the default timeout).
    #[test]
    fn unknown_javascript_options_are_refused() {
        assert!(check_js_option_keys(&JS_CLIENT_OPTIONS).is_ok());
        assert!(check_js_option_keys::<&str>(&[]).is_ok());
        let e = check_js_option_keys(&["gateway", "timeout"]).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
        assert_eq!(
            e.message,
            "options.timeout is not a Client option (did you mean timeoutMs?)"
        );
        let e = check_js_option_keys(&["proxy".to_owned()]).unwrap_err();
        assert_eq!(
            e.message,
            "options.proxy is not a Client option (the options: gateway, login, controlKey, \
             timeoutMs, connectTimeoutMs, retries, allowHttp, maxResponseBytes)"
        );
    }

    /// A mistyped preset: the option named once and the value once (before,
    /// `options.gateway "x": gateway "x" is not a preset`).
    #[test]
    fn the_gateway_option_says_its_value_once() {
        let e = js_gateway("payneteasy-sandbx").unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
        assert!(
            e.message.starts_with(
                "options.gateway: gateway \"payneteasy-sandbx\" is not a preset; \
                 did you mean \"payneteasy-sandbox\"?"
            ),
            "{}",
            e.message
        );
        assert_eq!(e.message.matches("payneteasy-sandbx").count(), 1);
        assert!(js_gateway("payneteasy-sandbox").is_ok());
    }
}
