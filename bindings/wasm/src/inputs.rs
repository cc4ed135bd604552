//! Reading arguments from JavaScript values, field by field: every bad input is a
//! `PAYNET_INVALID_INPUT` failure naming the field (`request.timestamp must be …`), and
//! `version: null` (leave `oauth_version` out) is told apart from a missing `version`.

use js_sys::{Array, JsString, Map, Object, Reflect};
use paynet_bind::{Failure, check_timestamp};
use wasm_bindgen::{JsCast, JsValue};

type Input<T> = Result<T, Failure>;

/// What `value` is, for messages, worded as the Node addon words it: `null`,
/// `undefined`, `an array`, `an object`, `a number`, `a string`, …
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_owned();
    }
    if value.is_undefined() {
        return "undefined".to_owned();
    }
    if Array::is_array(value) {
        return "an array".to_owned();
    }
    let t = value.js_typeof().as_string().unwrap_or_default();
    let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {t}")
}

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// The text of a JavaScript string (`what` names it in messages).
pub(crate) fn string_of(value: &JsValue, what: &str) -> Input<String> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(Failure::invalid_input(format!(
            "{what} must be a string, not {}",
            type_name(value)
        )));
    };
    // The copy turns a lone surrogate into U+FFFD; only then is the string walked
    // again (`is_valid_utf16` makes one JavaScript call per UTF-16 unit: 20 µs a sign
    // when it ran on every string).
    let copy = String::from(text);
    if copy.contains('\u{FFFD}') && !text.is_valid_utf16() {
        return Err(Failure::invalid_input(format!(
            "{what} holds a lone UTF-16 surrogate"
        )));
    }
    Ok(copy)
}

#[cfg(feature = "package")]
/// A string or the bytes of a `Uint8Array` (a Node `Buffer` is one).
pub(crate) fn bytes_of(value: &JsValue, what: &str) -> Input<Vec<u8>> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Ok(bytes.to_vec()),
        None if value.is_string() => string_of(value, what).map(String::into_bytes),
        None => Err(Failure::invalid_input(format!(
            "{what} must be a string or a Uint8Array, not {}",
            type_name(value)
        ))),
    }
}

/// `n` as JavaScript writes it (`String(n)`): formatting floats in Rust would add
/// about 16 KiB of code to the .wasm for the few messages that show one.
pub(crate) fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// `n` as a whole number of at most 2^53 - 1 (what a JavaScript number holds exactly).
pub(crate) fn whole_number(n: f64) -> Option<u64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    // The range check makes the cast exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    ((0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0).then_some(n as u64)
}

/// The properties of one options object (`what` names it in messages).
pub(crate) struct Fields<'a> {
    object: &'a JsValue,
    what: &'static str,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object.
    pub(crate) fn of(value: &'a JsValue, what: &'static str) -> Input<Self> {
        if !value.is_object() || value.is_null() {
            return Err(Failure::invalid_input(format!(
                "{what} must be an object, not {}",
                type_name(value)
            )));
        }
        Ok(Fields {
            object: value,
            what,
        })
    }

    fn label(&self, name: &str) -> String {
        format!("{}.{name}", self.what)
    }

    fn get(&self, name: &str) -> Input<JsValue> {
        Reflect::get(self.object, &JsValue::from_str(name)).map_err(|e| {
            Failure::invalid_input(format!(
                "cannot read {}: {}",
                self.label(name),
                crate::errors::describe(&e)
            ))
        })
    }

    /// A required string.
    pub(crate) fn string(&self, name: &str) -> Input<String> {
        self.opt_string(name)?
            .ok_or_else(|| Failure::invalid_input(format!("{} is required", self.label(name))))
    }

    /// An optional string (`undefined` or `null` when absent).
    pub(crate) fn opt_string(&self, name: &str) -> Input<Option<String>> {
        let value = self.get(name)?;
        if is_absent(&value) {
            return Ok(None);
        }
        string_of(&value, &self.label(name)).map(Some)
    }

    /// `version`: absent → `"1.0"`, `null` → leave `oauth_version` out.
    pub(crate) fn version(&self) -> Input<Option<String>> {
        let value = self.get("version")?;
        if value.is_undefined() {
            Ok(Some("1.0".to_owned()))
        } else if value.is_null() {
            Ok(None)
        } else if value.is_string() {
            string_of(&value, &self.label("version")).map(Some)
        } else {
            Err(Failure::invalid_input(format!(
                "{} must be a string or null, not {}",
                self.label("version"),
                type_name(&value)
            )))
        }
    }

    /// An optional non-negative whole number (a JavaScript number).
    #[cfg(feature = "package")]
    pub(crate) fn opt_u64(&self, name: &str) -> Input<Option<u64>> {
        let value = self.get(name)?;
        if is_absent(&value) {
            return Ok(None);
        }
        let Some(n) = value.as_f64() else {
            return Err(Failure::invalid_input(format!(
                "{} must be a number, not {}",
                self.label(name),
                type_name(&value)
            )));
        };
        whole_number(n).map(Some).ok_or_else(|| {
            Failure::invalid_input(format!(
                "{} must be a non-negative whole number, not {}",
                self.label(name),
                number_text(n)
            ))
        })
    }

    #[cfg(feature = "client")]
    /// The object's own enumerable string keys (`Object.keys`).
    pub(crate) fn keys(&self) -> Vec<String> {
        let object: &Object = self.object.unchecked_ref();
        Object::keys(object)
            .iter()
            .map(|k| k.as_string().unwrap_or_default())
            .collect()
    }

    #[cfg(feature = "client")]
    /// An optional number (any JavaScript number; the caller checks its range).
    pub(crate) fn opt_f64(&self, name: &str) -> Input<Option<f64>> {
        self.opt_of(name, "a number", JsValue::as_f64)
    }

    #[cfg(feature = "client")]
    /// An optional boolean.
    pub(crate) fn opt_bool(&self, name: &str) -> Input<Option<bool>> {
        self.opt_of(name, "a boolean", JsValue::as_bool)
    }

    #[cfg(feature = "client")]
    /// An optional field read by `read` (`None` when it is of another type, which is
    /// refused as not `what`).
    fn opt_of<T>(
        &self,
        name: &str,
        what: &str,
        read: fn(&JsValue) -> Option<T>,
    ) -> Input<Option<T>> {
        let value = self.get(name)?;
        if is_absent(&value) {
            return Ok(None);
        }
        read(&value).map(Some).ok_or_else(|| {
            Failure::invalid_input(format!(
                "{} must be {what}, not {}",
                self.label(name),
                type_name(&value)
            ))
        })
    }

    #[cfg(feature = "client")]
    /// Checks that an optional field is an instance of `T` (`what` names the class).
    pub(crate) fn opt_instance<T: JsCast>(&self, name: &str, what: &str) -> Input<()> {
        let value = self.get(name)?;
        if is_absent(&value) || value.is_instance_of::<T>() {
            return Ok(());
        }
        Err(Failure::invalid_input(format!(
            "{} must be {what}, not {}",
            self.label(name),
            type_name(&value)
        )))
    }

    #[cfg(feature = "client")]
    /// A required string or whole number, as a string (an id such as `endpointId`).
    pub(crate) fn id(&self, name: &str) -> Input<String> {
        let value = self.get(name)?;
        if let Some(n) = value.as_f64() {
            return whole_number(n).map(|n| n.to_string()).ok_or_else(|| {
                Failure::invalid_input(format!(
                    "{} must be a string or a whole number, not {}",
                    self.label(name),
                    number_text(n)
                ))
            });
        }
        if is_absent(&value) {
            return Err(Failure::invalid_input(format!(
                "{} is required",
                self.label(name)
            )));
        }
        if !value.is_string() {
            return Err(Failure::invalid_input(format!(
                "{} must be a string or a whole number, not {}",
                self.label(name),
                type_name(&value)
            )));
        }
        string_of(&value, &self.label(name))
    }

    /// `timestamp`: a whole number or a string of decimal digits; absent → `None`.
    pub(crate) fn timestamp(&self) -> Input<Option<String>> {
        let value = self.get("timestamp")?;
        if is_absent(&value) {
            return Ok(None);
        }
        let label = self.label("timestamp");
        let refused = |shown: String| {
            Failure::invalid_input(format!(
                "{label} must be a non-negative whole number of seconds or a string, not {shown}"
            ))
        };
        if let Some(n) = value.as_f64() {
            return whole_number(n)
                .map(|n| Some(n.to_string()))
                .ok_or_else(|| refused(number_text(n)));
        }
        if !value.is_string() {
            return Err(refused(type_name(&value)));
        }
        let text = string_of(&value, &label)?;
        check_timestamp(&text)?;
        Ok(Some(text))
    }

    /// Name/value pairs: an object of strings, an array of `[name, value]` string
    /// pairs or a `Map`; absent → none.
    pub(crate) fn pairs(&self, name: &str) -> Input<Vec<(String, String)>> {
        let value = self.get(name)?;
        if is_absent(&value) {
            return Ok(Vec::new());
        }
        let label = self.label(name);
        if value.is_instance_of::<Map>() {
            return array_pairs(&Array::from(&value), &label);
        }
        if Array::is_array(&value) {
            return array_pairs(value.unchecked_ref(), &label);
        }
        if !value.is_object() {
            return Err(Failure::invalid_input(format!(
                "{label} must be an object or an array of [name, value] pairs, not {}",
                type_name(&value)
            )));
        }
        let object: &Object = value.unchecked_ref();
        let mut pairs = Vec::new();
        for key in Object::keys(object).iter() {
            let name = string_of(&key, &label)?;
            let text = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            let text = string_of(&text, &format!("{label}[{name:?}]"))?;
            pairs.push((name, text));
        }
        Ok(pairs)
    }
}

fn array_pairs(array: &Array, label: &str) -> Input<Vec<(String, String)>> {
    let mut pairs = Vec::with_capacity(array.length() as usize);
    for (i, item) in array.iter().enumerate() {
        let what = format!("{label}[{i}]");
        if !Array::is_array(&item) || Array::from(&item).length() != 2 {
            return Err(Failure::invalid_input(format!(
                "{what} must be a [name, value] pair of strings"
            )));
        }
        let pair: &Array = item.unchecked_ref();
        pairs.push((
            string_of(&pair.get(0), &format!("{what}[0]"))?,
            string_of(&pair.get(1), &format!("{what}[1]"))?,
        ));
    }
    Ok(pairs)
}
