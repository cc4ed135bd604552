//! The parameter set of a request worked out once, when it is signed: each text
//! classified in one pass, the sorted order, and the exact length of every output.
//!
//! A parameter is named by a one-byte id (its source and its index there), so a
//! [`Plan`] stays small and the outputs are written from the request in sorted order,
//! without collecting or sorting again. The standard `oauth_*` parameters are pushed
//! already sorted and form names cannot start with `oauth_`, so the sort (an insertion
//! sort on indices) mostly confirms an order that is already there.

use core::fmt;

use crate::Error;
use crate::MAX_PARAMS;
use crate::ascii;
use crate::params::Text;
use crate::percent::Decoding;
use crate::request::Request;
use crate::sign::{SIGNATURE_LEN, SIGNATURE_METHOD};
use crate::sink::Sink;
#[cfg(feature = "template-writer")]
use crate::template;
use crate::url::UrlParts;

/// Id ranges: a form pair, a standard `oauth_*` parameter, an extra `oauth_*`
/// parameter, a query pair; the low five bits are the index in that source.
const FORM: u8 = 0x00;
const STD: u8 = 0x20;
const EXTRA: u8 = 0x40;
const QUERY: u8 = 0x60;
const INDEX: u8 = 0x1f;
/// The standard parameters as one block, when they are next to each other in the
/// sorted order (no extra `oauth_*` parameter and no query `oauth_*` name among them).
#[cfg(feature = "template-writer")]
const BLOCK: u8 = STD | INDEX;
const _: () = assert!(MAX_PARAMS <= 32, "a parameter index must fit in five bits");

/// The standard protocol parameters, in sorted order (their ids are `STD + index`).
const STD_NAMES: [&str; 6] = [
    "oauth_consumer_key",
    "oauth_nonce",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_token",
    "oauth_version",
];

/// `&name=` for each standard parameter, and the same encoded (`%26name%3D`).
const STD_ONCE: [&[u8]; 6] = [
    b"&oauth_consumer_key=",
    b"&oauth_nonce=",
    b"&oauth_signature_method=",
    b"&oauth_timestamp=",
    b"&oauth_token=",
    b"&oauth_version=",
];
const STD_TWICE: [&[u8]; 6] = [
    b"%26oauth_consumer_key%3D",
    b"%26oauth_nonce%3D",
    b"%26oauth_signature_method%3D",
    b"%26oauth_timestamp%3D",
    b"%26oauth_token%3D",
    b"%26oauth_version%3D",
];

/// Bit of [`Plan::oauth_clean`] for the realm (bits 0-5 are the standard values, bits
/// 8 and up the extra values).
const REALM_CLEAN: u32 = 1 << 31;

/// What signing worked out about a request's parameters; kept by `Signed`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plan {
    /// Parameter ids in sorted order.
    order: [u8; MAX_PARAMS],
    count: u8,
    /// Bit `2i` (name) and `2i + 1` (value) are set when form pair `i` needs no encoding.
    form_clean: u64,
    /// Which standard and extra `oauth_*` values (and the realm) need no encoding.
    oauth_clean: u32,
    /// Which bytes of the signature are escaped in the header (`+ / =`).
    signature_escapes: u32,
    /// Exact output lengths.
    pub(crate) header_len: usize,
    pub(crate) body_len: usize,
    pub(crate) normalized_len: usize,
    pub(crate) base_len: usize,
}

/// The query pairs of a request, classified (read once per output that needs them).
pub(crate) type QueryTexts<'a> = heapless::Vec<(Text<'a>, Text<'a>), MAX_PARAMS>;

impl Plan {
    /// Validates `r`, classifies its parameters and sorts them; `query` receives the
    /// pairs of `url.query` (`url` is `r`'s URL, parsed). The errors, and their order,
    /// are those of the earlier collect-and-sort.
    pub(crate) fn new<'a>(
        r: &Request<'a>,
        url: &UrlParts<'a>,
        query: &mut QueryTexts<'a>,
    ) -> Result<Self, Error> {
        validate(r)?;
        let mut plan = Plan {
            order: [0; MAX_PARAMS],
            count: 0,
            form_clean: 0,
            oauth_clean: 0,
            signature_escapes: 0,
            header_len: 0,
            body_len: 0,
            normalized_len: 0,
            base_len: 0,
        };
        // `name=value&` per pair, encoded once; the last `&` is taken off at the end.
        let query_len = if url.query.is_empty() {
            0
        } else {
            collect_query(url.query, query)?
        };
        for j in 0..query.len() {
            plan.push(QUERY | j as u8)?;
        }
        let mut body_len = 0;
        for (i, &(name, value)) in r.form.iter().enumerate() {
            let (name, name_len) = Text::classify(name.as_bytes());
            let (value, value_len) = Text::classify(value.as_bytes());
            plan.form_clean |=
                (u64::from(name.is_clean()) | u64::from(value.is_clean()) << 1) << (2 * (i & 31));
            body_len += name_len + value_len + 2;
            plan.push(FORM | i as u8)?;
        }
        // The header: `OAuth realm="…"`, then `,name="value"` per protocol parameter
        // (the signature method and the signature included).
        let (_, realm_len) = Text::classify(r.realm.as_bytes());
        if realm_len == r.realm.len() {
            plan.oauth_clean |= REALM_CLEAN;
        }
        let mut header_len = "OAuth realm=\"\"".len() + realm_len;
        // The standard parameters, written out: the consumer key and nonce are
        // classified, the signature method is constant and the timestamp digits
        // (validated), both clean; the token and the version when present.
        let (key, key_len) = Text::classify(r.consumer_key.as_bytes());
        let (nonce, nonce_len) = Text::classify(r.nonce.as_bytes());
        let mut std_len = STD_NAMES[0].len() + key_len + STD_NAMES[1].len() + nonce_len;
        std_len += STD_NAMES[2].len() + SIGNATURE_METHOD.len();
        std_len += STD_NAMES[3].len() + r.timestamp.len();
        let mut clean = u32::from(key.is_clean()) | u32::from(nonce.is_clean()) << 1 | 0b1100;
        let mut std_count = 4;
        if let Some(token) = r.token {
            let (token, token_len) = Text::classify(token.as_bytes());
            clean |= u32::from(token.is_clean()) << 4;
            std_len += STD_NAMES[4].len() + token_len;
            std_count += 1;
        }
        if let Some(version) = r.version {
            let (version, version_len) = Text::classify(version.as_bytes());
            clean |= u32::from(version.is_clean()) << 5;
            std_len += STD_NAMES[5].len() + version_len;
            std_count += 1;
        }
        plan.oauth_clean |= clean;
        body_len += std_len + 2 * std_count;
        header_len += std_len + 4 * std_count;
        plan.push(STD)?;
        plan.push(STD | 1)?;
        plan.push(STD | 2)?;
        plan.push(STD | 3)?;
        if r.token.is_some() {
            plan.push(STD | 4)?;
        }
        if r.version.is_some() {
            plan.push(STD | 5)?;
        }
        for (j, &(name, value)) in r.extra.iter().enumerate() {
            // Validated: `oauth_` and then `[A-Za-z0-9_]`, so written as it is.
            let (text, len) = Text::classify(value.as_bytes());
            plan.oauth_clean |= u32::from(text.is_clean()) << (8 + (j & 15));
            body_len += name.len() + len + 2;
            header_len += name.len() + len + 4;
            plan.push(EXTRA | j as u8)?;
        }
        // The signature's `+ / =` are escaped; it is added when known.
        plan.header_len = header_len + ",oauth_signature=\"\"".len();
        plan.body_len = body_len.saturating_sub(1);
        plan.normalized_len = (body_len + query_len).saturating_sub(1);
        let _placed = plan.sort(r, query, query.len() + r.form.len());
        #[cfg(feature = "template-writer")]
        if !_placed {
            plan.join_std_block(r);
        }
        Ok(plan)
    }

    #[inline]
    fn push(&mut self, id: u8) -> Result<(), Error> {
        let slot = self
            .order
            .get_mut(usize::from(self.count))
            .ok_or(Error::TooManyParameters)?;
        *slot = id;
        self.count += 1;
        Ok(())
    }

    /// Sorts by encoded name, then encoded value: in the size-first build, all of them
    /// with the one insertion sort (the same order as the merge of the template
    /// writer's build: stable, so the user's first on a tie; less code).
    #[cfg(not(feature = "template-writer"))]
    fn sort(&mut self, r: &Request<'_>, query: &[(Text<'_>, Text<'_>)], _users: usize) -> bool {
        self.insertion_sort(r, query, 0, usize::from(self.count));
        false
    }

    /// Sorts by encoded name, then encoded value. The user's parameters (query, then
    /// form: the first `users` ids) are sorted among themselves by an insertion sort;
    /// the protocol ones arrive sorted (the extras are sorted in among them); the two
    /// runs are then merged. A user name that does not start with `oauth_` sorts before
    /// or after every protocol name, which one comparison with `oauth_` tells.
    ///
    /// Without extra protocol parameters and without a user name that starts with
    /// `oauth_` (the usual request), the standard ids become one [`BLOCK`] id placed
    /// between the user's names that sort before `oauth_` and those after: returns
    /// `true` then (nothing left to join).
    #[cfg(feature = "template-writer")]
    fn sort(&mut self, r: &Request<'_>, query: &[(Text<'_>, Text<'_>)], users: usize) -> bool {
        let n = usize::from(self.count);
        if users > 1 {
            self.insertion_sort(r, query, 0, users);
        }
        if r.extra.is_empty() && self.place_std_block(r, query, users) {
            return true;
        }
        if !r.extra.is_empty() {
            self.insertion_sort(r, query, users, n);
        }
        if users == 0 {
            return false;
        }
        // When the user's run is used up after `k` places, `k` is `j`: the protocol
        // ids left are already where they belong.
        let mut merged = self.order;
        let (mut i, mut j, mut k) = (0, users, 0);
        while i < users {
            let u = self.order[i];
            let (name, value) = self.entry(r, query, u);
            let side = name.oauth_side();
            while j < n {
                let o = self.order[j];
                let user_first = match side {
                    Some(order) => order.is_lt(),
                    None => {
                        let (n2, v2) = self.entry(r, query, o);
                        name.cmp_encoded(&n2)
                            .then_with(|| value.cmp_encoded(&v2))
                            .is_le()
                    }
                };
                if user_first {
                    break;
                }
                merged[k] = o;
                k += 1;
                j += 1;
            }
            merged[k] = u;
            k += 1;
            i += 1;
        }
        debug_assert_eq!(k, j);
        self.order = merged;
        false
    }

    #[cfg(feature = "template-writer")]
    /// With the first `users` ids sorted and the standard ids after them (in order,
    /// no extra among them), replaces the standard ids with one [`BLOCK`] id placed
    /// where they sort among the user's; `false` (nothing changed) when a user name
    /// starts with `oauth_` and must be compared with them one by one.
    fn place_std_block(
        &mut self,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        users: usize,
    ) -> bool {
        // Sorted, the names before every `oauth_*` name come first.
        let mut before = 0;
        for i in 0..users {
            let (name, _) = self.entry(r, query, self.order[i]);
            match name.oauth_side() {
                Some(core::cmp::Ordering::Less) => before = i + 1,
                Some(_) => {}
                None => return false,
            }
        }
        self.order.copy_within(before..users, before + 1);
        self.order[before] = BLOCK;
        self.count = users as u8 + 1;
        true
    }

    #[cfg(feature = "template-writer")]
    /// Replaces the run of standard ids with one [`BLOCK`] id when they are next to
    /// each other and no extra parameter is among them; the block is written from a
    /// template ([`Plan::write_block`]).
    fn join_std_block(&mut self, r: &Request<'_>) {
        if !r.extra.is_empty() {
            return;
        }
        // One pass: where the standard ids start and end, and how many there are.
        let n = usize::from(self.count);
        let (mut start, mut last, mut standard) = (n, 0, 0);
        for (i, &id) in self.order[..n].iter().enumerate() {
            if id & !INDEX == STD {
                start = start.min(i);
                last = i;
                standard += 1;
            }
        }
        if standard == 0 || last + 1 - start != standard {
            return;
        }
        self.order[start] = BLOCK;
        self.order.copy_within(last + 1..n, start + 1);
        self.count -= (standard - 1) as u8;
    }

    /// Sorts `order[from..to]` in place, stably (an insertion sort: the runs are short
    /// and mostly in order).
    fn insertion_sort(
        &mut self,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        from: usize,
        to: usize,
    ) {
        for i in from + 1..to {
            let id = self.order[i];
            let (name, value) = self.entry(r, query, id);
            let mut j = i;
            while j > from {
                let (n2, v2) = self.entry(r, query, self.order[j - 1]);
                if n2
                    .cmp_encoded(&name)
                    .then_with(|| v2.cmp_encoded(&value))
                    .is_le()
                {
                    break;
                }
                self.order[j] = self.order[j - 1];
                j -= 1;
            }
            self.order[j] = id;
        }
    }

    /// The name and value of parameter `id`.
    #[inline]
    fn entry<'a>(
        &self,
        r: &Request<'a>,
        query: &[(Text<'a>, Text<'a>)],
        id: u8,
    ) -> (Text<'a>, Text<'a>) {
        let index = usize::from(id & INDEX);
        match id & !INDEX {
            FORM => {
                let (name, value) = r.form.get(index).copied().unwrap_or_default();
                let bits = self.form_clean >> (2 * index);
                (
                    Text::plain(name.as_bytes(), bits & 1 != 0),
                    Text::plain(value.as_bytes(), bits & 2 != 0),
                )
            }
            STD => (
                Text::plain(STD_NAMES[index].as_bytes(), true),
                self.std_value(r, index),
            ),
            EXTRA => {
                let (name, value) = r.extra.get(index).copied().unwrap_or_default();
                (
                    Text::plain(name.as_bytes(), true),
                    self.extra_value(value, index),
                )
            }
            _ => query.get(index).copied().unwrap_or_else(|| {
                let empty = Text::plain(b"", true);
                (empty, empty)
            }),
        }
    }
}

/// Classifies the pairs of `query` into `texts` and returns their normalized length
/// (`name=value&` each, encoded once).
pub(crate) fn collect_query<'a>(
    query: &'a str,
    texts: &mut QueryTexts<'a>,
) -> Result<usize, Error> {
    let mut len = 0;
    for (name, value) in query_pairs(query) {
        let name = Text::encoded(name.as_bytes(), Decoding::Form)?;
        let value = Text::encoded(value.as_bytes(), Decoding::Form)?;
        len += name.encoded_lens().0 + value.encoded_lens().0 + 2;
        texts
            .push((name, value))
            .map_err(|_| Error::TooManyParameters)?;
    }
    Ok(len)
}

/// Writes `&name=value` (`%26name%3Dvalue` when `twice`), without the `&` for the first.
#[inline]
fn put_pair<S: Sink + ?Sized>(
    sink: &mut S,
    first: bool,
    name: &Text<'_>,
    value: &Text<'_>,
    twice: bool,
) -> fmt::Result {
    let (amp, eq): (&[u8], &[u8]) = if twice {
        (b"%26", b"%3D")
    } else {
        (b"&", b"=")
    };
    if !first {
        sink.put(amp)?;
    }
    name.put(sink, twice)?;
    sink.put(eq)?;
    value.put(sink, twice)
}

/// The pairs of a form-encoded string (`a=1&b=2`), empty pieces left out.
fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    ascii::split(query, b'&')
        .filter(|p| !p.is_empty())
        .map(|pair| ascii::split_once(pair, b'=').unwrap_or((pair, "")))
}

impl Plan {
    /// Adds the signature's escapes to the header length and notes where they are.
    pub(crate) fn add_signature(&mut self, signature: &[u8; SIGNATURE_LEN]) {
        // `+` and `/` are below `0`; `=` is the padding, only ever last.
        #[cfg(feature = "template-writer")]
        let escapes = crate::scan::below(signature, b'0')
            | u32::from(signature[SIGNATURE_LEN - 1] == b'=') << (SIGNATURE_LEN - 1);
        // A loop per byte is smaller where 64-bit words are not native.
        #[cfg(not(feature = "template-writer"))]
        let escapes = signature.iter().enumerate().fold(0u32, |mask, (i, &b)| {
            mask | u32::from(!b.is_ascii_alphanumeric()) << i
        });
        self.signature_escapes = escapes;
        self.header_len += signature.len() + 2 * escapes.count_ones() as usize;
    }

    /// Gives a plan made with a one-byte nonce and timestamp (a [`crate::BoundSigner`]'s)
    /// the lengths and class of the real ones: the nonce `nonce_len` bytes encoded once
    /// (`clean` when that is itself), the timestamp `timestamp_len` digits.
    pub(crate) fn set_nonce_and_timestamp(
        &mut self,
        clean: bool,
        nonce_len: usize,
        timestamp_len: usize,
    ) {
        let grow = nonce_len + timestamp_len - 2;
        self.header_len += grow;
        self.body_len += grow;
        self.normalized_len += grow;
        self.oauth_clean = self.oauth_clean & !0b10 | u32::from(clean) << 1;
    }

    /// Bit `i` is set when byte `i` of the signature is escaped in the header.
    #[cfg(feature = "template-writer")]
    pub(crate) fn signature_escapes(&self) -> u32 {
        self.signature_escapes
    }

    /// Whether the realm needs no encoding.
    pub(crate) fn realm_clean(&self) -> bool {
        self.oauth_clean & REALM_CLEAN != 0
    }

    /// The value of the standard parameter `k` as stored in the request, classified.
    #[inline]
    fn std_value<'a>(&self, r: &Request<'a>, k: usize) -> Text<'a> {
        let value = match k {
            0 => r.consumer_key,
            1 => r.nonce,
            2 => SIGNATURE_METHOD,
            3 => r.timestamp,
            4 => r.token.unwrap_or_default(),
            _ => r.version.unwrap_or_default(),
        };
        Text::plain(value.as_bytes(), self.oauth_clean & (1 << k) != 0)
    }

    /// `oauth_consumer_key`, `oauth_nonce`, `oauth_timestamp`, `oauth_token` and
    /// `oauth_version` values for the header.
    #[inline]
    pub(crate) fn consumer_key<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 0)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn nonce<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 1)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn timestamp<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 3)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn token<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 4)
    }

    /// See [`Plan::consumer_key`].
    #[inline]
    pub(crate) fn version<'a>(&self, r: &Request<'a>) -> Text<'a> {
        self.std_value(r, 5)
    }

    /// The value of extra protocol parameter `j`, classified.
    #[inline]
    pub(crate) fn extra_value<'a>(&self, value: &'a str, j: usize) -> Text<'a> {
        Text::plain(
            value.as_bytes(),
            self.oauth_clean & (1 << (8 + (j & 15))) != 0,
        )
    }

    /// Writes the normalized parameters of `r` in sorted order: encoded once and joined
    /// by `&`, encoded twice and joined by `%26`, or (`body_only`) without the query
    /// pairs. `query` holds the classified query pairs (it may be empty with
    /// `body_only`).
    #[inline]
    pub(crate) fn put_params<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        twice: bool,
        body_only: bool,
    ) -> fmt::Result {
        let mut first = true;
        for &id in self.ids(body_only) {
            self.put_entry(sink, r, query, id, first, twice)?;
            first = false;
        }
        Ok(())
    }

    #[cfg(feature = "template-writer")]
    /// The same as [`Plan::put_params`], written into `dst` at `pos` (sized for it);
    /// returns the position after it.
    #[inline]
    pub(crate) fn write_params(
        &self,
        dst: &mut [u8],
        mut pos: usize,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        twice: bool,
        body_only: bool,
    ) -> usize {
        let mut first = true;
        for &id in self.ids(body_only) {
            pos = self.write_entry(dst, pos, r, query, id, first, twice);
            first = false;
        }
        pos
    }

    /// The ids in sorted order; with `body_only`, an iterator leaving out the query's.
    #[inline]
    pub(crate) fn ids(&self, body_only: bool) -> impl Iterator<Item = &u8> {
        self.order[..usize::from(self.count)]
            .iter()
            .filter(move |&&id| !body_only || id & !INDEX != QUERY)
    }

    /// Writes parameter `id` as `&name=value` (`%26name%3Dvalue` when `twice`), without
    /// the `&` when it is the `first`.
    #[inline]
    pub(crate) fn put_entry<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        id: u8,
        first: bool,
        twice: bool,
    ) -> fmt::Result {
        let index = usize::from(id & INDEX);
        #[cfg(feature = "template-writer")]
        if id == BLOCK {
            for (k, k_first) in self.std_present(r, first) {
                sink.put(std_piece(k, k_first, twice))?;
                self.std_value(r, k).put(sink, twice)?;
            }
            return Ok(());
        }
        // `&oauth_nonce=` (`%26oauth_nonce%3D`) as one constant piece; the size-first
        // build writes the name like any other.
        if cfg!(feature = "template-writer") && id & !INDEX == STD {
            sink.put(std_piece(index, first, twice))?;
            self.std_value(r, index).put(sink, twice)
        } else {
            let (name, value) = self.entry(r, query, id);
            put_pair(sink, first, &name, &value, twice)
        }
    }

    #[cfg(feature = "template-writer")]
    /// [`Plan::put_entry`] written into `dst` at `pos`; returns the position after it.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn write_entry(
        &self,
        dst: &mut [u8],
        pos: usize,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        id: u8,
        first: bool,
        twice: bool,
    ) -> usize {
        let index = usize::from(id & INDEX);
        if id == BLOCK {
            return self.write_block(dst, pos, r, first, twice);
        }
        if id & !INDEX == STD {
            // `&oauth_nonce=` (`%26oauth_nonce%3D`) is one constant piece.
            let pos = template::put(dst, pos, std_piece(index, first, twice));
            return self.std_value(r, index).write_at(dst, pos, twice);
        }
        let (name, value) = self.entry(r, query, id);
        let (amp, eq): (&[u8], &[u8]) = if twice {
            (b"%26", b"%3D")
        } else {
            (b"&", b"=")
        };
        let pos = if first {
            pos
        } else {
            template::put(dst, pos, amp)
        };
        let pos = name.write_at(dst, pos, twice);
        let pos = template::put(dst, pos, eq);
        value.write_at(dst, pos, twice)
    }

    #[cfg(feature = "template-writer")]
    /// The most bytes [`Plan::write_entry`] can write for `id`.
    #[inline(always)]
    pub(crate) fn entry_max_len(
        &self,
        r: &Request<'_>,
        query: &[(Text<'_>, Text<'_>)],
        id: u8,
        twice: bool,
    ) -> usize {
        let index = usize::from(id & INDEX);
        if id == BLOCK {
            self.block_max_len(r, twice)
        } else if id & !INDEX == STD {
            STD_TWICE[index].len() + self.std_value(r, index).max_len(twice)
        } else {
            let (name, value) = self.entry(r, query, id);
            6 + name.max_len(twice) + value.max_len(twice)
        }
    }
}

#[cfg(feature = "template-writer")]
impl Plan {
    /// The standard parameters `r` has, in sorted order, each with whether it is the
    /// first of the output (only the first of the block can be).
    fn std_present(&self, r: &Request<'_>, first: bool) -> impl Iterator<Item = (usize, bool)> {
        let present = [
            true,
            true,
            true,
            true,
            r.token.is_some(),
            r.version.is_some(),
        ];
        (0..STD_NAMES.len())
            .filter(move |&k| present[k])
            .enumerate()
            .map(move |(i, k)| (k, first && i == 0))
    }

    /// The most bytes [`Plan::write_block`] writes.
    #[inline]
    fn block_max_len(&self, r: &Request<'_>, twice: bool) -> usize {
        let c = self.oauth_clean;
        let len = |value: &str, bit: u32| {
            let text = Text::plain(value.as_bytes(), c & (1 << bit) != 0);
            text.max_len(twice)
        };
        // The constant pieces, encoded twice, with the signature method.
        let pieces = STD_TWICE.iter().map(|p| p.len()).sum::<usize>() + SIGNATURE_METHOD.len();
        pieces
            + len(r.consumer_key, 0)
            + len(r.nonce, 1)
            + r.timestamp.len()
            + r.token.map_or(0, |t| len(t, 4))
            + r.version.map_or(0, |v| len(v, 5))
    }

    /// Writes the standard block from a template:
    /// `&oauth_consumer_key=…&oauth_nonce=…&oauth_signature_method=HMAC-SHA1&oauth_timestamp=…`
    /// and the token and version when present (encoded once more when `twice`), the
    /// constant runs as one piece each and the timestamp (digits) copied as it is.
    #[inline]
    fn write_block(
        &self,
        dst: &mut [u8],
        pos: usize,
        r: &Request<'_>,
        first: bool,
        twice: bool,
    ) -> usize {
        let c = self.oauth_clean;
        let [key, nonce, middle, token, version]: [&[u8]; 5] = if twice {
            [
                b"%26oauth_consumer_key%3D",
                b"%26oauth_nonce%3D",
                b"%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D",
                b"%26oauth_token%3D",
                b"%26oauth_version%3D",
            ]
        } else {
            [
                b"&oauth_consumer_key=",
                b"&oauth_nonce=",
                b"&oauth_signature_method=HMAC-SHA1&oauth_timestamp=",
                b"&oauth_token=",
                b"&oauth_version=",
            ]
        };
        let amp = if !first {
            0
        } else if twice {
            3
        } else {
            1
        };
        let mut pos = template::put(dst, pos, key.get(amp..).unwrap_or_default());
        pos = Text::plain(r.consumer_key.as_bytes(), c & 1 != 0).write_at(dst, pos, twice);
        pos = template::put(dst, pos, nonce);
        pos = Text::plain(r.nonce.as_bytes(), c & 2 != 0).write_at(dst, pos, twice);
        pos = template::put(dst, pos, middle);
        pos = template::put(dst, pos, r.timestamp.as_bytes());
        if let Some(value) = r.token {
            pos = template::put(dst, pos, token);
            pos = Text::plain(value.as_bytes(), c & (1 << 4) != 0).write_at(dst, pos, twice);
        }
        if let Some(value) = r.version {
            pos = template::put(dst, pos, version);
            pos = Text::plain(value.as_bytes(), c & (1 << 5) != 0).write_at(dst, pos, twice);
        }
        pos
    }
}

/// `&oauth_nonce=` for standard parameter `index` (`%26oauth_nonce%3D` when `twice`),
/// without the `&` when it is the first.
#[inline(always)]
fn std_piece(index: usize, first: bool, twice: bool) -> &'static [u8] {
    let (piece, amp) = if twice {
        (STD_TWICE[index], 3)
    } else {
        (STD_ONCE[index], 1)
    };
    if first { &piece[amp..] } else { piece }
}

/// Checks what the parameter set cannot: the method, timestamp, nonce, the `oauth_*`
/// names and the number of header pairs.
fn validate(r: &Request<'_>) -> Result<(), Error> {
    if r.method.is_empty() || !r.method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::InvalidMethod);
    }
    crate::verify::parse_timestamp(r.timestamp)?;
    if r.nonce.is_empty() {
        return Err(Error::InvalidParameter);
    }
    // Protocol parameters travel in the header; the body repeats the header's. A form
    // pair named `oauth_*` would be signed but be in the body only, and the verifier
    // (like the gateway) reads every body `oauth_*` pair as a copy of a header value.
    if r.form.iter().any(|(name, _)| name.starts_with("oauth_")) {
        return Err(Error::InvalidParameter);
    }
    for (i, &(name, _)) in r.extra.iter().enumerate() {
        let standard = name == "oauth_signature" || STD_NAMES.contains(&name);
        // Header names are written as they are: `oauth_` and then `[A-Za-z0-9_]`.
        let well_formed = name.len() > "oauth_".len()
            && name.starts_with("oauth_")
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let repeated = r.extra[..i].iter().any(|&(earlier, _)| earlier == name);
        if standard || !well_formed || repeated {
            return Err(Error::InvalidParameter);
        }
    }
    // realm, consumer key, timestamp, nonce, signature method and signature, then the
    // optional ones: the header must stay readable by `AuthorizationHeader::parse`.
    let header_pairs =
        6 + usize::from(r.version.is_some()) + usize::from(r.token.is_some()) + r.extra.len();
    if header_pairs > crate::MAX_HEADER_PARAMS {
        return Err(Error::TooManyParameters);
    }
    Ok(())
}
