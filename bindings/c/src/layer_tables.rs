//! The C names checked against the std layer's tables, so they cannot drift: every
//! `paynet_result` is a row of `paynet_bind::ERROR_KINDS` (same number, same name, its
//! message the row's summary), every core error maps to the code of its kind, and every
//! `paynet_field` is a `BalanceField` (same number, same name, its wire name in the
//! header's documentation), and every `paynet_command_kind` is the API's command of its
//! name. The header read here is the committed one, which `make
//! test-c` checks against a fresh cbindgen run.

use core::ffi::CStr;

use paynet_bind::{BalanceField, CORE_ERRORS, ERROR_KINDS, ErrorKind};

use crate::{paynet_result, paynet_result_message};

/// The constants of `enum NAME` in the committed header: (doc comment, name, value).
fn header_enum(name: &str) -> Vec<(String, String, u32)> {
    let header = include_str!("../../../include/paynet_oauth.h");
    let start = header
        .find(&format!("enum {name}\n"))
        .expect("enum in header");
    let body = &header[start..];
    let body = &body[..body.find("};").expect("end of enum")];
    let (mut doc, mut constants) = (String::new(), Vec::new());
    for line in body.lines().map(str::trim) {
        // `NAME = VALUE,`, the last one without the comma (C89 allows none there).
        let constant = line
            .strip_suffix(',')
            .unwrap_or(line)
            .split_once(" = ")
            .filter(|(name, _)| name.starts_with("PAYNET_"));
        if let Some((name, value)) = constant {
            let value = value.parse().expect("a number");
            constants.push((std::mem::take(&mut doc), name.to_owned(), value));
        } else if let Some(text) = line.strip_prefix("* ") {
            doc.push_str(text);
            doc.push(' ');
        }
    }
    constants
}

fn message(number: u32) -> &'static str {
    // SAFETY: `paynet_result_message` returns a static NUL-terminated text.
    unsafe { CStr::from_ptr(paynet_result_message(number)) }
        .to_str()
        .expect("UTF-8")
}

#[test]
fn every_result_code_is_a_row_of_the_error_kind_table() {
    let in_header: Vec<(String, u32)> = header_enum("paynet_result")
        .into_iter()
        .map(|(_, name, value)| (name, value))
        .collect();
    let mut expected = vec![("PAYNET_OK".to_owned(), 0)];
    expected.extend(ERROR_KINDS.iter().map(|k| (k.code.to_owned(), k.number)));
    assert_eq!(in_header, expected);
    assert_eq!(message(0), "ok");
    for row in ERROR_KINDS {
        let code = paynet_result::from_u32(row.number).expect("a variant");
        assert_eq!(format!("{code:?}"), row.code);
        assert_eq!(paynet_result::of_kind(row.kind), code);
        assert_eq!(message(row.number), row.summary, "{}", row.code);
    }
}

#[test]
fn every_core_error_has_the_code_of_its_kind() {
    for error in CORE_ERRORS {
        let kind = ErrorKind::of_core(error);
        assert_ne!(kind, ErrorKind::Internal, "{error:?}");
        assert_eq!(
            paynet_result::from(error),
            paynet_result::of_kind(kind),
            "{error:?}"
        );
    }
}

#[test]
fn every_field_is_a_balance_field() {
    let in_header = header_enum("paynet_field");
    assert_eq!(in_header.len(), BalanceField::ALL.len());
    for (field, (doc, name, value)) in BalanceField::ALL.iter().zip(&in_header) {
        assert_eq!(*value, *field as u32);
        let want = format!("PAYNET_FIELD_{}", field.snake_name().to_uppercase());
        assert_eq!(*name, want);
        let wire = format!("`{}`", field.wire_name());
        assert!(doc.contains(&wire), "{name}: {doc:?} does not name {wire}");
    }
}

#[test]
fn every_command_kind_is_a_command_of_the_api() {
    let in_header = header_enum("paynet_command_kind");
    assert_eq!(in_header.len(), 3);
    for (_, name, value) in in_header {
        let kind = crate::gateway::command_kind(value).expect("a command");
        let want = format!("PAYNET_COMMAND_{}", kind.as_str().to_uppercase());
        assert_eq!(name, want);
        let named = paynet_bind::command_kind(kind.as_str()).expect("a command name");
        assert_eq!(named, kind);
    }
}
