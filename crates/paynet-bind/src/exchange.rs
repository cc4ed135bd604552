//! A balance request for a transport that only sends bytes and streams the answer back
//! (the WebAssembly build's `fetch`): [`ClientSettings`] checked once like the Rust
//! client's, and one [`Exchange`] per call that signs each attempt anew, applies the
//! retry rule and the size cap, and turns the status and body into the [`Answer`] or
//! the [`Failure`]. Everything but the I/O, so that every transport behaves alike.

use std::fmt;
use std::time::Duration;

use paynet_api::{AttemptFailure, BodyCap, Command, CommandKind, Gateway};

use crate::{Answer, Call, ClientLimits, Failure, OwnedRequest, OwnedSigned};

/// What a fetch-style client is built from: the gateway, the login, a signer keyed
/// with the control key (the key's text is not kept), and the limits.
pub struct ClientSettings {
    gateway: Gateway,
    login: String,
    signer: paynet_oauth::Signer,
    limits: ClientLimits,
}

impl fmt::Debug for ClientSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSettings")
            .field("gateway", &self.gateway.to_string())
            .field("login", &self.login)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl ClientSettings {
    /// Checks the settings as the Rust client's builder does: the gateway (parsed
    /// before, e.g. by `Gateway::from_str_or_preset`), a login of 1 to 256 characters,
    /// a non-empty control key (surrounding white space removed, as
    /// `paynet_client::ControlKey` does), plain `http://` only on the loopback
    /// interface unless `limits.allow_http`, and no zero timeout or response cap
    /// ([`paynet_api::check_limits`]).
    pub fn new(
        gateway: Gateway,
        login: &str,
        control_key: &str,
        limits: ClientLimits,
    ) -> Result<Self, Failure> {
        paynet_api::check_client(
            &gateway,
            login,
            paynet_api::control_key_text(control_key),
            limits.allow_http,
        )
        .and_then(|()| {
            paynet_api::check_limits(
                limits.timeout_or_default(),
                limits
                    .connect_timeout
                    .unwrap_or(paynet_api::DEFAULT_CONNECT_TIMEOUT),
                limits.max_response_bytes_or_default(),
            )
        })
        .map_err(|e| Failure::invalid_input(e.to_string()))?;
        Ok(ClientSettings {
            gateway,
            login: login.to_owned(),
            signer: crate::control_key_signer(control_key)?,
            limits,
        })
    }

    /// The gateway.
    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// The login (OAuth consumer key).
    pub fn login(&self) -> &str {
        &self.login
    }

    /// How long one attempt may take, from sending to the body's last byte.
    pub fn timeout(&self) -> Duration {
        self.limits.timeout_or_default()
    }

    /// How long the response's status and headers may take to arrive, when it is
    /// shorter than [`timeout`](Self::timeout): a transport that cannot tell when the
    /// connection is made (`fetch`) bounds connecting, sending and the gateway's first
    /// answer with the connect timeout, when one was given.
    pub fn headers_timeout(&self) -> Option<Duration> {
        self.limits.connect_timeout.filter(|&t| t < self.timeout())
    }
}

/// One call on a [`ClientSettings`], from the first attempt to the answer.
#[derive(Debug)]
pub struct Exchange {
    kind: CommandKind,
    command: Result<Command, Failure>,
    attempt: u32,
    cap: BodyCap,
    status: Option<u16>,
    body: Vec<u8>,
}

impl Exchange {
    /// Starts `call`. Its arguments are checked by the first [`sign`](Self::sign).
    pub fn new(settings: &ClientSettings, call: &Call) -> Self {
        let command = call.command();
        let kind = match call {
            Call::EndpointBalance { .. } => CommandKind::EndpointBalance,
            Call::ManagerBalances { .. } => CommandKind::ManagerBalances,
            Call::MerchantBalances { .. } => CommandKind::MerchantBalances,
        };
        Exchange {
            kind,
            command,
            attempt: 0,
            cap: BodyCap::new(settings.limits.max_response_bytes_or_default()),
            status: None,
            body: Vec::new(),
        }
    }

    /// The request of the next attempt, signed now with `timestamp` (Unix seconds) and
    /// a fresh `nonce`: send `POST` to its URL with its `authorization_header()`,
    /// `Content-Type: application/x-www-form-urlencoded` and `body()`, following no
    /// redirect. The login is checked as `Command::sign` checks it.
    pub fn sign(
        &self,
        settings: &ClientSettings,
        timestamp: u64,
        nonce: &str,
    ) -> Result<OwnedSigned, Failure> {
        let command = self.command.as_ref().map_err(Failure::clone)?;
        let mut request = OwnedRequest::for_command(&settings.gateway, command, &settings.login)?;
        request.timestamp = Some(timestamp.to_string());
        request.nonce = Some(nonce.to_owned());
        request.sign(&settings.signer)
    }

    /// The attempt failed without an answer (`reason`: what the transport said).
    /// `Ok(())`: send again (a new [`sign`](Self::sign)); otherwise the call's failure
    /// (`PAYNET_TIMEOUT`, or `PAYNET_TRANSPORT` once the retries are spent).
    pub fn failed(
        &mut self,
        settings: &ClientSettings,
        failure: AttemptFailure,
        reason: &str,
    ) -> Result<(), Failure> {
        let retries = settings.limits.retries_or_default();
        if paynet_api::may_retry(self.attempt, retries, &failure) {
            self.attempt += 1;
            self.body.clear();
            return Ok(());
        }
        let reason = reason.to_owned();
        Err(match failure {
            AttemptFailure::Timeout => paynet_api::TransportError::Timeout,
            AttemptFailure::AfterResponse => paynet_api::TransportError::Unreadable { reason },
            AttemptFailure::BeforeResponse => paynet_api::TransportError::Unreachable { reason },
        }
        .into())
    }

    /// The response began: its status and announced length (`Content-Length`). An
    /// announced length over the cap is refused before reading. A redirect the
    /// transport could not show (a browser's opaque redirect: `status` 0) is refused
    /// as the 3xx it was: `PAYNET_HTTP_ERROR`.
    pub fn respond(&mut self, status: u16, announced: Option<u64>) -> Result<(), Failure> {
        if status == 0 {
            return Err(Failure::new(
                crate::ErrorKind::HttpError,
                "the gateway answered with a redirect, which is not followed",
            ));
        }
        self.cap.announced(announced)?;
        self.status = Some(status);
        Ok(())
    }

    /// A chunk of the body; refused (`PAYNET_RESPONSE_TOO_LARGE`) as soon as the body
    /// passes the cap: the transport then stops reading and drops the connection.
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.cap.take(bytes.len())?;
        self.body.extend_from_slice(bytes);
        Ok(())
    }

    /// The body is complete: the answer, or the failure it means.
    pub fn finish(&mut self) -> Result<Answer, Failure> {
        let status = self
            .status
            .ok_or_else(|| Failure::internal("the body ended before the response began"))?;
        let body = std::mem::take(&mut self.body);
        Answer::parse(self.kind.as_str(), status, &body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const KEY: &str = "F9F65098-1111-1111-1111-621611111111";

    fn settings(limits: ClientLimits) -> ClientSettings {
        let gateway = Gateway::parse("http://127.0.0.1:9/paynet/api/v2").unwrap();
        ClientSettings::new(gateway, "balance_test_merchant14", KEY, limits).unwrap()
    }

    fn endpoint() -> Call {
        Call::EndpointBalance {
            endpoint_id: "1".into(),
            provider: "Test".into(),
        }
    }

    #[test]
    fn settings_are_checked_like_the_rust_client() {
        let remote = Gateway::parse("http://example.com/paynet/api/v2").unwrap();
        let e = ClientSettings::new(remote.clone(), "l", "k", ClientLimits::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidInput);
        assert!(
            e.message.contains("refusing plain http://"),
            "{}",
            e.message
        );
        let allowed = ClientLimits {
            allow_http: true,
            ..ClientLimits::default()
        };
        assert!(ClientSettings::new(remote, "l", "k", allowed).is_ok());
        let local = Gateway::parse("http://localhost/paynet/api/v2").unwrap();
        let e = ClientSettings::new(local.clone(), "l", " \n", ClientLimits::default());
        assert_eq!(e.unwrap_err().message, "the control key must not be empty");
        let e = ClientSettings::new(local.clone(), "", "k", ClientLimits::default());
        assert_eq!(e.unwrap_err().message, "the login must not be empty");
        // Refused when built, as the Rust client's builder refuses them (before, taken
        // and every call failed).
        let long = "l".repeat(300);
        let e = ClientSettings::new(local.clone(), &long, "k", ClientLimits::default());
        assert_eq!(
            e.unwrap_err().message,
            "login is longer than 256 characters (300)"
        );
        let zero = ClientLimits {
            timeout: Some(Duration::ZERO),
            ..ClientLimits::default()
        };
        let e = ClientSettings::new(local.clone(), "l", "k", zero);
        assert_eq!(e.unwrap_err().message, "timeout must be more than 0");
        let zero = ClientLimits {
            max_response_bytes: Some(0),
            ..ClientLimits::default()
        };
        let e = ClientSettings::new(local, "l", "k", zero);
        assert_eq!(
            e.unwrap_err().message,
            "max_response_bytes must be at least 1 byte"
        );
        let s = settings(ClientLimits::default());
        assert_eq!(s.timeout(), Duration::from_secs(30));
        assert_eq!(s.headers_timeout(), None);
        assert!(!format!("{s:?}").contains("F9F65098"));
        let s = settings(ClientLimits {
            connect_timeout: Some(Duration::from_millis(300)),
            ..ClientLimits::default()
        });
        assert_eq!(s.headers_timeout(), Some(Duration::from_millis(300)));
    }

    #[test]
    fn each_attempt_is_signed_anew_and_verifies_with_the_trimmed_key() {
        let s = settings(ClientLimits::default());
        let exchange = Exchange::new(&s, &endpoint());
        let first = exchange
            .sign(&s, 1_700_000_000, "aaaaaaaaaaaaaaaa")
            .unwrap();
        let second = exchange
            .sign(&s, 1_700_000_000, "bbbbbbbbbbbbbbbb")
            .unwrap();
        assert_ne!(first.signature(), second.signature());
        let url = &first.request().url;
        assert_eq!(url, "http://127.0.0.1:9/paynet/api/v2/get-balance/1");
        // What the Rust client sends for the same command, time and nonce.
        let command = paynet_api::Command::endpoint_balance("1", "Test").unwrap();
        let rust = command
            .sign(
                s.gateway(),
                s.login(),
                KEY,
                1_700_000_000,
                "aaaaaaaaaaaaaaaa",
            )
            .unwrap();
        assert_eq!(
            (first.authorization_header(), first.body(), url.clone()),
            (rust.authorization, rust.body, rust.url)
        );
        // The key given with a trailing newline (a key file) signs the same.
        let gateway = s.gateway().clone();
        let padded = ClientSettings::new(
            gateway,
            s.login(),
            &format!("{KEY}\n"),
            ClientLimits::default(),
        )
        .unwrap();
        let again = Exchange::new(&padded, &endpoint());
        let again = again
            .sign(&padded, 1_700_000_000, "aaaaaaaaaaaaaaaa")
            .unwrap();
        assert_eq!(again.signature(), first.signature());
        // A bad argument fails when signing, with the command's message.
        let empty = Call::EndpointBalance {
            endpoint_id: String::new(),
            provider: "Test".into(),
        };
        let e = Exchange::new(&s, &empty)
            .sign(&s, 1, "aaaaaaaaaaaaaaaa")
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidInput);
    }

    #[test]
    fn failures_before_an_answer_are_retried_then_reported() {
        let s = settings(ClientLimits {
            retries: Some(2),
            ..ClientLimits::default()
        });
        let mut exchange = Exchange::new(&s, &endpoint());
        let before = AttemptFailure::BeforeResponse;
        assert_eq!(exchange.failed(&s, before, "refused"), Ok(()));
        assert_eq!(exchange.failed(&s, before, "refused"), Ok(()));
        let e = exchange.failed(&s, before, "refused").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Transport);
        assert_eq!(e.message, "cannot reach the gateway: refused");
        // The gateway answered, unreadably: not sent again, and not "cannot reach".
        let mut exchange = Exchange::new(&s, &endpoint());
        let e = exchange
            .failed(&s, AttemptFailure::AfterResponse, "not HTTP")
            .unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                ErrorKind::Transport,
                "the gateway's response could not be read: not HTTP"
            )
        );
        let mut exchange = Exchange::new(&s, &endpoint());
        let e = exchange
            .failed(&s, AttemptFailure::Timeout, "")
            .unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (ErrorKind::Timeout, "the gateway did not answer in time")
        );
    }

    #[test]
    fn the_answer_is_read_through_the_cap() {
        let s = settings(ClientLimits {
            max_response_bytes: Some(32),
            ..ClientLimits::default()
        });
        let mut exchange = Exchange::new(&s, &endpoint());
        exchange.respond(200, Some(21)).unwrap();
        exchange.chunk(b"balance-amount=").unwrap();
        exchange.chunk(b"29.99\n").unwrap();
        let answer = exchange.finish().unwrap();
        assert!(
            matches!(answer, Answer::EndpointBalance(b) if b.balance_amount.to_string() == "29.99")
        );
        let mut exchange = Exchange::new(&s, &endpoint());
        let e = exchange.respond(200, Some(33)).unwrap_err();
        assert_eq!((e.kind, e.limit), (ErrorKind::ResponseTooLarge, Some(32)));
        let mut exchange = Exchange::new(&s, &endpoint());
        exchange.respond(200, None).unwrap();
        exchange.chunk(&[b'x'; 32]).unwrap();
        let e = exchange.chunk(b"x").unwrap_err();
        assert_eq!((e.kind, e.limit), (ErrorKind::ResponseTooLarge, Some(32)));
        let mut exchange = Exchange::new(&s, &endpoint());
        exchange.respond(403, None).unwrap();
        exchange.chunk(b"denied").unwrap();
        let e = exchange.finish().unwrap_err();
        assert_eq!(
            (e.kind, e.status, e.body.as_deref()),
            (ErrorKind::AccessDenied, Some(403), Some("denied"))
        );
        let mut exchange = Exchange::new(&s, &endpoint());
        exchange.respond(302, None).unwrap();
        assert_eq!(exchange.finish().unwrap_err().kind, ErrorKind::HttpError);
        let mut exchange = Exchange::new(&s, &endpoint());
        assert_eq!(
            exchange.respond(0, None).unwrap_err().kind,
            ErrorKind::HttpError
        );
    }
}
