//! The async client: the three balance commands over reqwest.

use std::fmt;
use std::sync::Arc;

use paynet_api::{Balance, Command, EndpointBalance, Gateway, Response, SignedRequest};

use crate::{ClientBuilder, Clock, ControlKey, Error, NonceSource};

/// An async client for one gateway and one set of credentials. Cheap to clone;
/// clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) gateway: Gateway,
    pub(crate) login: String,
    pub(crate) control_key: ControlKey,
    pub(crate) retries: u32,
    pub(crate) max_response_bytes: usize,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) nonces: Arc<dyn NonceSource>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("gateway", &self.inner.gateway.to_string())
            .field("login", &self.inner.login)
            .field("control_key", &self.inner.control_key)
            .field("retries", &self.inner.retries)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts configuring a client: `login` is the OAuth consumer key (the merchant or
    /// manager login), `control_key` its secret.
    pub fn builder(gateway: Gateway, login: &str, control_key: ControlKey) -> ClientBuilder {
        ClientBuilder::new(gateway, login, control_key)
    }

    pub(crate) fn from_inner(inner: Inner) -> Self {
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The gateway this client talks to.
    pub fn gateway(&self) -> &Gateway {
        &self.inner.gateway
    }

    /// The balance of an endpoint for a balance provider (`/get-balance/{endpoint_id}`).
    pub async fn get_balance(
        &self,
        endpoint_id: &str,
        provider: &str,
    ) -> Result<EndpointBalance, Error> {
        match self
            .execute(&Command::endpoint_balance(endpoint_id, provider)?)
            .await?
        {
            Response::EndpointBalance(balance) => Ok(balance),
            other => Err(unexpected(&other)),
        }
    }

    /// A manager's balances, all of them or the one named (`/get-balance/manager/{login}`).
    pub async fn get_manager_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.balances(Command::manager_balances(login, name)?).await
    }

    /// A merchant's balances, all of them or the one named (`/get-balance/merchant/{login}`).
    pub async fn get_merchant_balances(
        &self,
        login: &str,
        name: Option<&str>,
    ) -> Result<Vec<Balance>, Error> {
        self.balances(Command::merchant_balances(login, name)?)
            .await
    }

    async fn balances(&self, command: Command) -> Result<Vec<Balance>, Error> {
        match self.execute(&command).await? {
            Response::Balances(balances) => Ok(balances),
            other => Err(unexpected(&other)),
        }
    }

    /// Signs and sends `command`, retrying connection failures with a new signature,
    /// and reads the answer.
    pub async fn execute(&self, command: &Command) -> Result<Response, Error> {
        let inner = &self.inner;
        let mut attempt = 0;
        loop {
            let signed = self.sign(command)?;
            let request = inner
                .http
                .post(&signed.url)
                .header(reqwest::header::AUTHORIZATION, &signed.authorization)
                .header(reqwest::header::CONTENT_TYPE, signed.content_type)
                .body(signed.body);
            match request.send().await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    let body = read_capped(response, inner.max_response_bytes).await?;
                    return paynet_api::parse_response(command.kind(), status, &body)
                        .map_err(Error::from);
                }
                Err(e) if paynet_api::may_retry(attempt, inner.retries, &failure_of(&e)) => {
                    attempt += 1;
                }
                Err(e) => return Err(classify(e)),
            }
        }
    }

    fn sign(&self, command: &Command) -> Result<SignedRequest, Error> {
        let inner = &self.inner;
        let nonce = inner
            .nonces
            .nonce()
            .map_err(|e| Error::InvalidInput(format!("no random numbers for the nonce: {e}")))?;
        Ok(command.sign(
            &inner.gateway,
            &inner.login,
            inner.control_key.expose(),
            inner.clock.now(),
            &nonce,
        )?)
    }
}

/// Reads the body through the SDK's size cap ([`paynet_api::BodyCap`]): refused from
/// its Content-Length before reading, or chunk by chunk while reading, so an endless
/// body costs at most `limit` plus one chunk of memory.
async fn read_capped(mut response: reqwest::Response, limit: usize) -> Result<Vec<u8>, Error> {
    let too_large = |_| Error::ResponseTooLarge { limit };
    let mut cap = paynet_api::BodyCap::new(limit);
    let announced = response.content_length();
    cap.announced(announced).map_err(too_large)?;
    // The announced length is at most `limit` here; a lying one is still capped below.
    let mut body = Vec::with_capacity(announced.map_or(0, |n| usize::try_from(n).unwrap_or(limit)));
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        cap.take(chunk.len()).map_err(too_large)?;
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn unexpected(response: &Response) -> Error {
    Error::Response(paynet_api::ResponseError::Unexpected {
        body: String::new(),
        reason: format!("a response of the wrong kind: {response:?}"),
    })
}

/// How reqwest's failure of `send` reads for the retry rule ([`paynet_api::may_retry`]):
/// refused, reset or closed before the gateway answered is before any response.
fn failure_of(e: &reqwest::Error) -> paynet_api::AttemptFailure {
    if e.is_timeout() {
        paynet_api::AttemptFailure::Timeout
    } else if crate::error::answered(e) {
        paynet_api::AttemptFailure::AfterResponse
    } else if e.is_connect() || e.is_request() {
        paynet_api::AttemptFailure::BeforeResponse
    } else {
        paynet_api::AttemptFailure::AfterResponse
    }
}

pub(crate) fn classify(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(e)
    }
}
