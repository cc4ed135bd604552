//! One request: faults, routing, signature verification, replay check, the answer.

use std::fmt;
use std::sync::atomic::Ordering;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use paynet_api::{EndpointBalance, render_balances, render_endpoint_balance, render_error_message};
use paynet_oauth::{AuthorizationHeader, Signer, TimeWindow};

use crate::connections::Connection;
use crate::faults::Fault;
use crate::fixtures::{AccountKind, decimal, to_balance};
use crate::server::{API_PREFIX, State};

/// The gateway's 403 page, as the docs show it.
const FORBIDDEN_PAGE: &str = "<!DOCTYPE html>\n<html>\n<head>\n    <title>403 Forbidden</title>\n</head>\n<body>\n    <p>Access is denied</p>\n</body>\n</html>\n";

/// Returned to hyper to close the connection without answering (an injected fault).
#[derive(Debug)]
pub(crate) struct CloseConnection;

impl fmt::Display for CloseConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection closed by an injected fault")
    }
}

impl std::error::Error for CloseConnection {}

/// A response body: whole, or (an injected fault) cut short by an error.
pub(crate) type Body = http_body_util::combinators::BoxBody<Bytes, CloseConnection>;

type Answer = Result<Response<Body>, CloseConnection>;

/// Which command a path names.
enum Route {
    Endpoint(String),
    Manager(String),
    Merchant(String),
}

/// Answers one request on `connection` (marked busy, not evictable, once the request
/// has arrived whole).
pub(crate) async fn handle(
    state: &State,
    request: Request<Incoming>,
    connection: &Connection,
) -> Answer {
    state.requests.fetch_add(1, Ordering::SeqCst);
    if state.faults.take_close() {
        return Err(CloseConnection);
    }
    if state.faults.stalled() {
        std::future::pending::<()>().await;
    }
    if let Some(status) = state.faults.status() {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
        let body = format!("<html><body>{status}</body></html>");
        return Ok(whole(html(status, body, None)));
    }
    if let Some((status, body)) = state.faults.answer() {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
        let mut response = html(status, String::new(), None);
        *response.body_mut() = Bytes::from(body);
        return Ok(whole(response));
    }
    if let Some(endless) = state.faults.endless_body() {
        return Ok(endless_body(endless));
    }
    let fault = state.faults.draw();
    match fault {
        Some(Fault::Drop) => return Err(CloseConnection),
        Some(Fault::Slow(delay)) => tokio::time::sleep(delay).await,
        Some(Fault::ServerError) => {
            let body = "<html><body>503 Service Unavailable</body></html>".to_owned();
            return Ok(whole(html(StatusCode::SERVICE_UNAVAILABLE, body, None)));
        }
        Some(Fault::Truncate) | None => {}
    }
    let response = respond(state, request, connection).await;
    Ok(if fault == Some(Fault::Truncate) {
        truncated(response)
    } else {
        whole(response)
    })
}

/// The gateway's answer to one request.
async fn respond(
    state: &State,
    request: Request<Incoming>,
    connection: &Connection,
) -> Response<Bytes> {
    if request.method() != Method::POST {
        let body = "<html><body>POST only</body></html>".into();
        return html(StatusCode::METHOD_NOT_ALLOWED, body, None);
    }
    let Some(route) = route(request.uri().path()) else {
        return html(
            StatusCode::NOT_FOUND,
            "<html><body>Not Found</body></html>".into(),
            None,
        );
    };
    let header = |name| {
        request
            .headers()
            .get(name)
            .and_then(|h: &hyper::header::HeaderValue| h.to_str().ok())
    };
    let host = header(hyper::header::HOST).unwrap_or("").to_owned();
    let authorization = header(hyper::header::AUTHORIZATION).map(str::to_owned);
    let path = request.uri().path_and_query().map_or("/", |p| p.as_str());
    let url = format!("http://{host}{path}");
    let reading = Limited::new(request.into_body(), 64 * 1024).collect();
    let body = match tokio::time::timeout(state.config.body_timeout, reading).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(_)) => {
            let body = "<html><body>Too large</body></html>".into();
            return closing(html(StatusCode::PAYLOAD_TOO_LARGE, body, None));
        }
        Err(_) => {
            let body = "<html><body>Request Timeout</body></html>".into();
            return closing(html(StatusCode::REQUEST_TIMEOUT, body, None));
        }
    };
    connection.set_idle(false);
    let Ok(body) = std::str::from_utf8(&body) else {
        return forbidden("the body is not UTF-8");
    };
    match authenticate(state, authorization.as_deref(), &url, body) {
        Ok(login) => answer(state, &route, &login, body),
        Err(reason) => forbidden(reason),
    }
}

/// The response with `Connection: close` (the rest of the request was not read).
fn closing(mut response: Response<Bytes>) -> Response<Bytes> {
    response.headers_mut().insert(
        hyper::header::CONNECTION,
        hyper::header::HeaderValue::from_static("close"),
    );
    response
}

/// A whole response body.
fn whole(response: Response<Bytes>) -> Response<Body> {
    response.map(|body| Full::new(body).map_err(|never| match never {}).boxed())
}

/// The response with its full Content-Length announced but only the first half of the
/// body sent before the connection is cut (a fault).
fn truncated(response: Response<Bytes>) -> Response<Body> {
    let (mut parts, bytes) = response.into_parts();
    parts
        .headers
        .insert(hyper::header::CONTENT_LENGTH, bytes.len().into());
    let half = bytes.slice(..bytes.len() / 2);
    let frames = [Ok(hyper::body::Frame::data(half)), Err(CloseConnection)];
    Response::from_parts(
        parts,
        http_body_util::StreamBody::new(Frames(frames.into_iter())).boxed(),
    )
}

/// HTTP 200 with a body of digits that never ends (a fault): chunked, or under a
/// (huge) announced Content-Length.
fn endless_body(endless: crate::EndlessBody) -> Response<Body> {
    let (mut parts, _) = html(StatusCode::OK, String::new(), None).into_parts();
    if let Some(length) = endless.content_length {
        parts
            .headers
            .insert(hyper::header::CONTENT_LENGTH, length.into());
    }
    let mut first = b"balance-amount=".to_vec();
    first.resize(64 * 1024, b'9');
    let chunk = Bytes::from(vec![b'9'; 64 * 1024]);
    let frames = std::iter::once(Bytes::from(first))
        .chain(std::iter::repeat(chunk))
        .map(|data| Ok(hyper::body::Frame::data(data)));
    Response::from_parts(
        parts,
        http_body_util::StreamBody::new(Frames(frames)).boxed(),
    )
}

/// A fixed sequence of body frames as a stream.
struct Frames<I>(I);

impl<I: Iterator + Unpin> futures_core::Stream for Frames<I> {
    type Item = I::Item;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Ready(self.0.next())
    }
}

fn route(path: &str) -> Option<Route> {
    let rest = path
        .strip_prefix(API_PREFIX)?
        .strip_prefix("/get-balance/")?;
    let decode = |s: &str| paynet_api::form::decode(&s.replace('+', "%2B"));
    let single = |s: &str| (!s.is_empty() && !s.contains('/')).then(|| decode(s));
    if let Some(login) = rest.strip_prefix("manager/") {
        return single(login).map(Route::Manager);
    }
    if let Some(login) = rest.strip_prefix("merchant/") {
        return single(login).map(Route::Merchant);
    }
    single(rest).map(Route::Endpoint)
}

/// Verifies the signature, the timestamp and the nonce; returns the login.
fn authenticate(
    state: &State,
    authorization: Option<&str>,
    url: &str,
    body: &str,
) -> Result<String, &'static str> {
    let authorization = authorization.ok_or("no Authorization header")?;
    let header = AuthorizationHeader::parse(authorization).map_err(|e| e.message())?;
    let mut buf = [0u8; 512];
    let login = header
        .decode_into("oauth_consumer_key", &mut buf)
        .map_err(|e| e.message())?
        .ok_or("no oauth_consumer_key")?;
    let login = std::str::from_utf8(login)
        .map_err(|_| "the login is not UTF-8")?
        .to_owned();
    let account = state
        .config
        .fixtures
        .account(&login)
        .ok_or("unknown login")?;
    let signer = Signer::new(&account.control_key, "");
    let now = (state.config.clock)();
    let incoming = paynet_oauth::Incoming {
        method: "POST",
        url,
        body,
    };
    let verified = paynet_oauth::verify(
        &header,
        &incoming,
        &signer,
        TimeWindow {
            now,
            window: state.config.window,
        },
    )
    .map_err(|e| e.message())?;
    // Both decoded: a re-encoded copy of a request is the same (login, nonce) pair.
    if !state.nonces.check_and_insert(
        &login,
        &verified.nonce,
        verified.timestamp,
        now,
        state.config.window,
    ) {
        return Err("nonce already used");
    }
    let mut accepted = state
        .accepted_nonces
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if accepted.len() >= 10_000 {
        accepted.remove(0);
    }
    accepted.push(verified.nonce.to_string());
    Ok(login)
}

fn answer(state: &State, route: &Route, login: &str, body: &str) -> Response<Bytes> {
    let fixtures = &state.config.fixtures;
    let form = paynet_api::form::parse(body);
    let param = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    };
    match route {
        Route::Endpoint(id) => {
            let Some(endpoint) = fixtures.endpoint(id).filter(|e| e.login == login) else {
                return if fixtures.endpoint(id).is_some() {
                    forbidden("the endpoint belongs to another merchant")
                } else {
                    gateway_error(&format!("Unknown endpoint {id}"))
                };
            };
            let Some(provider) = param("balance-provider").filter(|p| !p.is_empty()) else {
                return gateway_error("balance-provider is required");
            };
            match endpoint.providers.get(&provider).map(|a| decimal(a)) {
                Some(Ok(amount)) => {
                    let balance = EndpointBalance {
                        balance_amount: amount,
                        extra: Default::default(),
                    };
                    ok(render_endpoint_balance(&balance, state.config.format))
                }
                Some(Err(e)) => html(StatusCode::INTERNAL_SERVER_ERROR, e, None),
                None => gateway_error(&format!("Unknown balance provider {provider}")),
            }
        }
        Route::Manager(path_login) | Route::Merchant(path_login) => {
            let kind = if matches!(route, Route::Manager(_)) {
                AccountKind::Manager
            } else {
                AccountKind::Merchant
            };
            if path_login != login {
                return forbidden("the login does not match the path");
            }
            let Some(account) = fixtures.account(login).filter(|a| a.kind == kind) else {
                return forbidden("the login is not an account of this kind");
            };
            let name = param("balance-name").filter(|n| !n.is_empty());
            let wanted = account
                .balances
                .iter()
                .filter(|b| name.as_ref().is_none_or(|n| &b.name == n));
            let balances: Result<Vec<_>, _> = wanted.map(to_balance).collect();
            match balances {
                Ok(list) if list.is_empty() && name.is_some() => gateway_error(&format!(
                    "Unknown balance name {}",
                    name.unwrap_or_default()
                )),
                Ok(list) => ok(render_balances(&list, state.config.format)),
                Err(e) => html(StatusCode::INTERNAL_SERVER_ERROR, e, None),
            }
        }
    }
}

fn ok(body: String) -> Response<Bytes> {
    html(StatusCode::OK, body, None)
}

fn gateway_error(message: &str) -> Response<Bytes> {
    ok(render_error_message(message))
}

fn forbidden(reason: &str) -> Response<Bytes> {
    html(
        StatusCode::FORBIDDEN,
        FORBIDDEN_PAGE.to_owned(),
        Some(reason),
    )
}

/// A response with the gateway's content type; `reason` goes into an
/// `X-Paynet-Mock-Reason` header to help debug a 403 (the real gateway says nothing).
fn html(status: StatusCode, body: String, reason: Option<&str>) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/html;charset=utf-8"),
    );
    if let Some(reason) = reason.and_then(|r| hyper::header::HeaderValue::from_str(r).ok()) {
        headers.insert("x-paynet-mock-reason", reason);
    }
    response
}
