//! A signer bound to one request but for its timestamp and nonce: a terminal's or a
//! client's repeated call (the same balance command, login and form each time).
//!
//! Everything of the base string before the nonce's value is the same for every call,
//! so it is fed to the keyed HMAC once, when the signer is made (its whole 64-byte
//! blocks hashed, the rest held in the HMAC's block buffer), and the parameters are
//! validated, classified and sorted once. Each call then writes only the rest (the
//! nonce, the constant text up to the timestamp, the timestamp and the constant end)
//! into a stack buffer, feeds it to a copy of that state and adjusts the lengths.

use core::fmt;

use crate::Error;
use crate::params::Text;
use crate::plan::{Plan, QueryTexts};
use crate::request::Request;
use crate::sign::{BlockFeeder, HmacSha1, Signer, finish, put_prefix, sign_prepared};
use crate::signed::Signed;
use crate::sink::{Sink, SliceSink, erase};
use crate::url::UrlParts;

/// The longest base string whose constant parts are kept (a get-balance base string
/// is 277 bytes); a longer one is signed the ordinary way each time.
const RENDER: usize = 1024;
/// Room for the constant parts written with each call: the text between nonce and
/// timestamp, and the end.
const TAIL: usize = 192;
/// The stack buffer each call writes the rest of the base string into; a longer rest
/// (a long nonce) is streamed through a [`BlockFeeder`].
#[cfg(feature = "template-writer")]
const FEED: usize = 128;

/// The base string's constant parts around the nonce and the timestamp, and the
/// parameter plan worked out with placeholder values for them.
#[derive(Clone)]
struct Template {
    /// The plan of the request with a one-byte nonce and timestamp, without the
    /// signature.
    plan: Plan,
    /// Bytes of the base string the HMAC state has absorbed: all before the nonce.
    absorbed: usize,
    /// `mid` and `end` one after another: the base string's constant bytes between the
    /// nonce's value and the timestamp's, and after that.
    tail: [u8; TAIL],
    mid: usize,
    end: usize,
}

/// A [`Signer`] bound to one request except its `oauth_timestamp` and `oauth_nonce`,
/// for signing the same call again and again (a balance poll). Its signatures and
/// outputs are those of [`Signer::sign`] for the request with that timestamp and
/// nonce; the request's other errors come when it is made ([`Signer::bind`]).
///
/// A request whose URL has a query, or whose base string is longer than 1 KiB, is
/// bound too, and signed the ordinary way with each call.
///
/// Like the signer, it holds key-equivalent HMAC state, wiped when dropped, and its
/// `Debug` shows only the method and URL.
#[derive(Clone)]
pub struct BoundSigner<'u> {
    request: Request<'u>,
    url: UrlParts<'u>,
    /// The keyed HMAC, after the `template.absorbed` bytes of the base string.
    mac: HmacSha1,
    template: Option<Template>,
}

// Wiped on drop like `Signer` (the same HMAC state type; checked there).
impl zeroize::ZeroizeOnDrop for BoundSigner<'_> {}

impl fmt::Debug for BoundSigner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BoundSigner")
            .field("method", &self.request.method)
            .field("url", &self.request.url)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// Binds this signer to `request` but for its timestamp and nonce (which are
    /// ignored here, and given to [`BoundSigner::sign`] with each call). The request
    /// is checked as [`Signer::sign`] checks it, and its errors are returned here.
    pub fn bind<'u>(&self, request: &Request<'u>) -> Result<BoundSigner<'u>, Error> {
        let url = UrlParts::parse(request.url)?;
        let with = |value: &'static str| Request {
            timestamp: value,
            nonce: value,
            ..*request
        };
        let (zero, one) = (with("0"), with("1"));
        let mut query = QueryTexts::new();
        let plan = Plan::new(&zero, &url, &mut query)?;
        let mut bound = BoundSigner {
            request: zero,
            url,
            mac: self.mac().clone(),
            template: None,
        };
        // With a query, a query pair named `oauth_nonce` or `oauth_timestamp` could
        // sort on either side of the standard one, depending on the value.
        if url.query.is_empty() {
            bound.template = template(&mut bound.mac, plan, &zero, &one, &url);
        }
        Ok(bound)
    }
}

/// The base string of `request` (a plan of its own) into `buf`; `None` when longer.
fn render(request: &Request<'_>, url: &UrlParts<'_>, buf: &mut [u8; RENDER]) -> Option<usize> {
    let mut query = QueryTexts::new();
    let plan = Plan::new(request, url, &mut query).ok()?;
    let mut sink = SliceSink { buf, pos: 0 };
    put_prefix(erase(&mut sink), request.method, url).ok()?;
    plan.put_params(erase(&mut sink), request, &query, true, false)
        .ok()?;
    Some(sink.pos)
}

/// Renders the base string with nonce and timestamp `0` and with `1`: they differ in
/// exactly two bytes, the nonce's and then the timestamp's, the rest being constant.
/// Feeds the whole blocks before the nonce to `mac` and keeps the other constant
/// parts; `None` (and `mac` untouched) when they do not fit.
fn template(
    mac: &mut HmacSha1,
    plan: Plan,
    zero: &Request<'_>,
    one: &Request<'_>,
    url: &UrlParts<'_>,
) -> Option<Template> {
    let (mut a, mut b) = ([0u8; RENDER], [0u8; RENDER]);
    let len = render(zero, url, &mut a)?;
    if render(one, url, &mut b)? != len {
        return None;
    }
    let mut differ = (0..len).filter(|&i| a[i] != b[i]);
    let (nonce, timestamp) = (differ.next()?, differ.next()?);
    if differ.next().is_some() {
        return None;
    }
    let (mid, end) = (&a[nonce + 1..timestamp], &a[timestamp + 1..len]);
    let mut tail = [0u8; TAIL];
    tail.get_mut(..mid.len())?.copy_from_slice(mid);
    tail.get_mut(mid.len()..mid.len() + end.len())?
        .copy_from_slice(end);
    let mut feeder = BlockFeeder::new(mac);
    let _ = feeder.put(&a[..nonce]);
    feeder.finish();
    Some(Template {
        plan,
        absorbed: nonce,
        tail,
        mid: mid.len(),
        end: end.len(),
    })
}

impl<'u> BoundSigner<'u> {
    /// Signs the bound request with `timestamp` (Unix seconds) and `nonce`; the result
    /// is the one [`Signer::sign`] gives for it.
    pub fn sign<'a>(&self, timestamp: &'a str, nonce: &'a str) -> Result<Signed<'a>, Error>
    where
        'u: 'a,
    {
        let request = Request {
            timestamp,
            nonce,
            ..self.request
        };
        let Some(t) = &self.template else {
            return sign_prepared(self.mac.clone(), None, &request, self.url);
        };
        // The checks of the request that depend on these two, in the same order.
        crate::verify::parse_timestamp(timestamp)?;
        if nonce.is_empty() {
            return Err(Error::InvalidParameter);
        }
        let (text, nonce_len) = Text::classify(nonce.as_bytes());
        let (mid, end) = t.tail.split_at(t.mid);
        let end = end.get(..t.end).unwrap_or_default();
        let mut mac = self.mac.clone();
        let fed = feed_rest(&mut mac, &text, mid, timestamp.as_bytes(), end);
        let mut plan = t.plan;
        plan.set_nonce_and_timestamp(text.is_clean(), nonce_len, timestamp.len());
        plan.base_len = t.absorbed + fed;
        let signature = finish(mac);
        plan.add_signature(&signature);
        Ok(Signed::new(request, plan, signature))
    }

    /// The bound method.
    pub fn method(&self) -> &'u str {
        self.request.method
    }

    /// The bound URL.
    pub fn url(&self) -> &'u str {
        self.request.url
    }
}

/// Feeds `mac` the base string after the constant part before the nonce: the nonce
/// encoded twice, `mid`, the timestamp and `end`; returns how many bytes that was.
/// Through a stack buffer in one `update` when it fits (the usual nonce); streamed
/// otherwise, and in the size-first build.
#[inline]
fn feed_rest(mac: &mut HmacSha1, nonce: &Text<'_>, mid: &[u8], ts: &[u8], end: &[u8]) -> usize {
    #[cfg(feature = "template-writer")]
    if nonce.max_len(true) + mid.len() + ts.len() + end.len() <= FEED {
        use crate::template::put;
        let mut buf = [0u8; FEED];
        let pos = nonce.write_at(&mut buf, 0, true);
        let pos = put(&mut buf, pos, mid);
        let pos = put(&mut buf, pos, ts);
        let pos = put(&mut buf, pos, end);
        let written = buf.get(..pos).unwrap_or_default();
        #[cfg(feature = "rustcrypto-sha1")]
        hmac::Mac::update(mac, written);
        #[cfg(not(feature = "rustcrypto-sha1"))]
        mac.update(written);
        return pos;
    }
    let mut feeder = BlockFeeder::new(mac);
    let _ = nonce.put(&mut feeder, true);
    let _ = feeder.put(mid);
    let _ = feeder.put(ts);
    let _ = feeder.put(end);
    feeder.finish()
}
