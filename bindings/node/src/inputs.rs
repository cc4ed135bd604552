//! Reading arguments from JavaScript values, field by field, so that every bad input
//! is a `PAYNET_INVALID_INPUT` error naming the field, and `version: null` (leave
//! `oauth_version` out) is told apart from a missing `version` (`"1.0"`).

use std::ffi::CStr;
use std::time::{SystemTime, UNIX_EPOCH};

use napi::ValueType;
use napi::bindgen_prelude::{JsObjectValue, JsValue, Object, Unknown};

use crate::errors::Failure;

/// The length of a generated nonce: 16 characters of `[A-Za-z0-9]` (95 bits).
pub(crate) const NONCE_LEN: usize = 16;

type Input<T> = Result<T, Failure>;

/// Turns a napi failure while reading `what` into an invalid-input error.
fn napi_failure(what: &str) -> impl FnOnce(napi::Error) -> Failure + '_ {
    move |e| Failure::invalid_input(format!("cannot read {what}: {}", e.reason))
}

/// The properties of one options object (`what` names it in messages).
pub(crate) struct Fields<'env> {
    object: Object<'env>,
    what: &'static str,
}

/// A value is absent when it is `undefined` or `null`.
fn is_absent(t: ValueType) -> bool {
    matches!(t, ValueType::Undefined | ValueType::Null)
}

/// The type of `value` as `typeof` would say it (for messages).
fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        _ => "an unsupported value",
    }
}

fn value_type(value: &Unknown<'_>, what: &str) -> Input<ValueType> {
    value.get_type().map_err(napi_failure(what))
}

/// The text of a JavaScript string (`what` names it in messages).
pub(crate) fn string_of(value: &Unknown<'_>, what: &str) -> Input<String> {
    let t = value_type(value, what)?;
    if t != ValueType::String {
        return Err(Failure::invalid_input(format!(
            "{what} must be a string, not {}",
            type_name(t)
        )));
    }
    let units = value
        .coerce_to_string()
        .and_then(|s| s.into_utf16())
        .map_err(napi_failure(what))?;
    // napi's copy ends with the C terminator it was written with.
    let text = units.as_slice();
    let text = text.split_last().map_or(text, |(_, t)| t);
    String::from_utf16(text)
        .map_err(|_| Failure::invalid_input(format!("{what} holds a lone UTF-16 surrogate")))
}

/// An optional string argument (`undefined` or `null` when absent).
pub(crate) fn opt_string_of(value: &Unknown<'_>, what: &str) -> Input<Option<String>> {
    if is_absent(value_type(value, what)?) {
        return Ok(None);
    }
    string_of(value, what).map(Some)
}

impl<'env> Fields<'env> {
    /// The fields of `value`, which must be an object.
    pub(crate) fn of(value: Unknown<'env>, what: &'static str) -> Input<Self> {
        let t = value_type(&value, what)?;
        if t != ValueType::Object {
            return Err(Failure::invalid_input(format!(
                "{what} must be an object, not {}",
                type_name(t)
            )));
        }
        let object = value.coerce_to_object().map_err(napi_failure(what))?;
        Ok(Fields { object, what })
    }

    fn get(&self, name: &CStr) -> Input<Unknown<'env>> {
        self.object
            .get_c_named_property_unchecked::<Unknown<'env>>(name)
            .map_err(|e| {
                Failure::invalid_input(format!(
                    "cannot read {}.{}: {}",
                    self.what,
                    name.to_string_lossy(),
                    e.reason
                ))
            })
    }

    fn label(&self, name: &CStr) -> String {
        format!("{}.{}", self.what, name.to_string_lossy())
    }

    /// A required string.
    pub(crate) fn string(&self, name: &CStr) -> Input<String> {
        self.opt_string(name)?
            .ok_or_else(|| Failure::invalid_input(format!("{} is required", self.label(name))))
    }

    /// An optional string (`undefined` or `null` when absent).
    pub(crate) fn opt_string(&self, name: &CStr) -> Input<Option<String>> {
        let value = self.get(name)?;
        if is_absent(value_type(&value, self.what)?) {
            return Ok(None);
        }
        string_of(&value, &self.label(name)).map(Some)
    }

    /// `version`: absent → `"1.0"`, `null` → leave `oauth_version` out.
    pub(crate) fn version(&self) -> Input<Option<String>> {
        let value = self.get(c"version")?;
        match value_type(&value, self.what)? {
            ValueType::Undefined => Ok(Some("1.0".to_owned())),
            ValueType::Null => Ok(None),
            _ => string_of(&value, &self.label(c"version")).map(Some),
        }
    }

    /// An optional non-negative integer (a JavaScript number).
    pub(crate) fn opt_u64(&self, name: &CStr) -> Input<Option<u64>> {
        let value = self.get(name)?;
        let t = value_type(&value, self.what)?;
        if is_absent(t) {
            return Ok(None);
        }
        if t != ValueType::Number {
            return Err(Failure::invalid_input(format!(
                "{} must be a number, not {}",
                self.label(name),
                type_name(t)
            )));
        }
        let n = value
            .coerce_to_number()
            .and_then(|n| n.get_double())
            .map_err(napi_failure(self.what))?;
        whole_number(n).map(Some).ok_or_else(|| {
            Failure::invalid_input(format!(
                "{} must be a non-negative whole number, not {n}",
                self.label(name)
            ))
        })
    }

    /// A required string, or a whole number given as a JavaScript number.
    pub(crate) fn string_or_whole_number(&self, name: &CStr) -> Input<String> {
        let value = self.get(name)?;
        if value_type(&value, self.what)? == ValueType::Number {
            return self
                .opt_u64(name)
                .map(|n| n.unwrap_or_default().to_string());
        }
        self.string(name)
    }

    /// An optional boolean.
    pub(crate) fn opt_bool(&self, name: &CStr) -> Input<Option<bool>> {
        let value = self.get(name)?;
        let t = value_type(&value, self.what)?;
        if is_absent(t) {
            return Ok(None);
        }
        if t != ValueType::Boolean {
            return Err(Failure::invalid_input(format!(
                "{} must be a boolean, not {}",
                self.label(name),
                type_name(t)
            )));
        }
        value
            .coerce_to_bool()
            .map(Some)
            .map_err(napi_failure(self.what))
    }

    /// `timestamp`: a number or a string of decimal digits; absent → now.
    pub(crate) fn timestamp(&self) -> Input<String> {
        let value = self.get(c"timestamp")?;
        let t = value_type(&value, self.what)?;
        if is_absent(t) {
            return Ok(now().to_string());
        }
        let label = self.label(c"timestamp");
        if t == ValueType::Number {
            let n = value
                .coerce_to_number()
                .and_then(|n| n.get_double())
                .map_err(napi_failure(self.what))?;
            return whole_number(n).map(|n| n.to_string()).ok_or_else(|| {
                Failure::invalid_input(format!(
                    "{label} must be a non-negative whole number of seconds, not {n}"
                ))
            });
        }
        let text = string_of(&value, &label)?;
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::invalid_input(format!(
                "{label} must be a number of seconds, not {text:?}"
            )));
        }
        Ok(text)
    }

    /// `nonce`: a non-empty string; absent → 16 random characters of `[A-Za-z0-9]`.
    pub(crate) fn nonce(&self) -> Input<String> {
        match self.opt_string(c"nonce")? {
            Some(n) if n.is_empty() => Err(Failure::invalid_input(format!(
                "{} must not be empty",
                self.label(c"nonce")
            ))),
            Some(n) => Ok(n),
            None => Ok(random_nonce()),
        }
    }

    /// Name/value pairs: an object of strings or an array of `[name, value]` string
    /// pairs; absent → none.
    pub(crate) fn pairs(&self, name: &CStr) -> Input<Vec<(String, String)>> {
        let value = self.get(name)?;
        let t = value_type(&value, self.what)?;
        if is_absent(t) {
            return Ok(Vec::new());
        }
        let label = self.label(name);
        if t != ValueType::Object {
            return Err(Failure::invalid_input(format!(
                "{label} must be an object or an array of [name, value] pairs, not {}",
                type_name(t)
            )));
        }
        let object = value.coerce_to_object().map_err(napi_failure(self.what))?;
        if value.is_array().map_err(napi_failure(self.what))? {
            array_pairs(&object, &label)
        } else {
            object_pairs(&object, &label)
        }
    }
}

fn array_pairs(array: &Object<'_>, label: &str) -> Input<Vec<(String, String)>> {
    let len = array.get_array_length().map_err(napi_failure(label))?;
    let mut pairs = Vec::with_capacity(len as usize);
    for i in 0..len {
        let item: Unknown<'_> = array.get_element(i).map_err(napi_failure(label))?;
        let what = format!("{label}[{i}]");
        let shape_error =
            || Failure::invalid_input(format!("{what} must be a [name, value] pair of strings"));
        if value_type(&item, &what)? != ValueType::Object || !item.is_array().unwrap_or(false) {
            return Err(shape_error());
        }
        let pair = item.coerce_to_object().map_err(napi_failure(&what))?;
        if pair.get_array_length().map_err(napi_failure(&what))? != 2 {
            return Err(shape_error());
        }
        let name: Unknown<'_> = pair.get_element(0).map_err(napi_failure(&what))?;
        let value: Unknown<'_> = pair.get_element(1).map_err(napi_failure(&what))?;
        pairs.push((
            string_of(&name, &format!("{what}[0]"))?,
            string_of(&value, &format!("{what}[1]"))?,
        ));
    }
    Ok(pairs)
}

fn object_pairs(object: &Object<'_>, label: &str) -> Input<Vec<(String, String)>> {
    let names = Object::keys(object).map_err(napi_failure(label))?;
    let mut pairs = Vec::with_capacity(names.len());
    for name in names {
        let value: Unknown<'_> = object
            .get_named_property_unchecked(&name)
            .map_err(napi_failure(label))?;
        let text = string_of(&value, &format!("{label}[{name:?}]"))?;
        pairs.push((name, text));
    }
    Ok(pairs)
}

/// `n` as a whole number of at most 2^53 (what a JavaScript number holds exactly).
fn whole_number(n: f64) -> Option<u64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    // The range check makes the cast exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (n.is_finite() && (0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

/// The current Unix time in seconds.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// 16 characters of `[A-Za-z0-9]` from the thread's CSPRNG (ChaCha, seeded by the OS).
pub(crate) fn random_nonce() -> String {
    use rand::Rng as _;
    let mut rng = rand::rng();
    (0..NONCE_LEN)
        .map(|_| char::from(rng.sample(rand::distr::Alphanumeric)))
        .collect()
}
