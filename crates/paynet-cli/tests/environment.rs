//! The environment variables `paynet` reads: one that holds bytes that are not UTF-8
//! is named (its value never shown) when it is used, and ignored when a flag replaces it.

mod support;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Output};

use support::{BALANCE, KEY, Mock};

/// Bytes that are not UTF-8, with a part that must never be printed.
fn not_utf8() -> &'static OsStr {
    OsStr::from_bytes(b"SECRET\xffVALUE")
}

fn paynet(env: &[(&str, &OsStr)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_paynet"));
    command
        .args(args)
        .env_remove("PAYNET_GATEWAY")
        .env_remove("PAYNET_LOGIN")
        .env_remove("PAYNET_CONTROL_KEY");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// The run failed with exit code 2 and a message naming `variable` as not UTF-8 text,
/// without its value.
fn names_the_variable(o: &Output, variable: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty());
    assert!(
        err.contains(&format!("{variable} is not UTF-8 text")),
        "{err}"
    );
    assert!(!err.contains("SECRET") && !err.contains("VALUE"), "{err}");
    assert!(!err.contains("no control key given"), "{err}");
    assert!(!err.contains("one or more arguments"), "{err}");
}

#[test]
fn a_control_key_variable_that_is_not_utf8_is_named() {
    let mock = Mock::start(&[]);
    let gateway = OsStr::new(&mock.url);
    let env = [
        ("PAYNET_GATEWAY", gateway),
        ("PAYNET_CONTROL_KEY", not_utf8()),
    ];
    names_the_variable(&paynet(&env, &BALANCE), "PAYNET_CONTROL_KEY");
    let sign = ["sign", "--url", "https://x/y", "--consumer-key", "k"];
    names_the_variable(&paynet(&env, &sign), "PAYNET_CONTROL_KEY");
    // With --json: the same failure as a JSON object.
    let o = paynet(&env, &[&sign[..], &["--json"]].concat());
    names_the_variable(&o, "PAYNET_CONTROL_KEY");
    let v: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "usage");

    // A flag in its place: the variable is not read.
    let o = paynet(&env, &[&sign[..], &["--consumer-secret", "s"]].concat());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let file = std::env::temp_dir().join(format!("paynet-env-key-{}", std::process::id()));
    std::fs::write(&file, KEY).unwrap();
    let o = paynet(
        &env,
        &[
            &BALANCE[..],
            &["--control-key-file", file.to_str().unwrap()],
        ]
        .concat(),
    );
    let _ = std::fs::remove_file(&file);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    // Help needs no variable.
    assert_eq!(paynet(&env, &["sign", "--help"]).status.code(), Some(0));
}

#[test]
fn login_and_gateway_variables_that_are_not_utf8_are_named() {
    let mock = Mock::start(&[]);
    let gateway = OsStr::new(&mock.url);
    let key = OsStr::new(KEY);
    let env = [
        ("PAYNET_GATEWAY", gateway),
        ("PAYNET_CONTROL_KEY", key),
        ("PAYNET_LOGIN", not_utf8()),
    ];
    let balance_without_login = &BALANCE[..5];
    names_the_variable(&paynet(&env, balance_without_login), "PAYNET_LOGIN");
    names_the_variable(
        &paynet(&env, &["balances", "--manager", "BalanceTestManager"]),
        "PAYNET_LOGIN",
    );
    assert_eq!(paynet(&env, &BALANCE).status.code(), Some(0));

    let env = [("PAYNET_GATEWAY", not_utf8()), ("PAYNET_CONTROL_KEY", key)];
    names_the_variable(&paynet(&env, &BALANCE), "PAYNET_GATEWAY");
    let o = paynet(&env, &[&BALANCE[..], &["--gateway", &mock.url]].concat());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

/// On a 403 the hint names the login that signed and where it came from (the control
/// key never).
#[test]
fn access_denied_names_the_login_that_signed() {
    let mock = Mock::start(&[]);
    let gateway = OsStr::new(&mock.url);
    let key = OsStr::new(KEY);
    let merchant = OsStr::new("balance_test_merchant14");
    let manager = ["balances", "--manager", "BalanceTestManager"];
    // Extra environment, arguments, and how the hint names the login that signed.
    type Case<'a> = (&'a [(&'a str, &'a OsStr)], Vec<&'a str>, &'a str);
    let cases: [Case; 3] = [
        (
            &[("PAYNET_LOGIN", merchant)],
            manager.to_vec(),
            "\"balance_test_merchant14\" (from PAYNET_LOGIN)",
        ),
        (
            &[],
            [&manager[..], &["--login", "balance_test_merchant14"]].concat(),
            "\"balance_test_merchant14\" (from --login)",
        ),
        (
            &[("PAYNET_CONTROL_KEY", OsStr::new("wrong-key"))],
            manager.to_vec(),
            "\"BalanceTestManager\" (from --manager)",
        ),
    ];
    for (extra_env, args, signed_as) in cases {
        let mut env = vec![("PAYNET_GATEWAY", gateway), ("PAYNET_CONTROL_KEY", key)];
        env.extend_from_slice(extra_env);
        for json in [false, true] {
            let args = if json {
                [&args[..], &["--json"]].concat()
            } else {
                args.clone()
            };
            let o = paynet(&env, &args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(4), "{args:?}: {err}");
            let hint = if json {
                let v: serde_json::Value = serde_json::from_str(err.trim()).unwrap();
                v["error"]["hint"].as_str().unwrap().to_owned()
            } else {
                err.lines()
                    .find_map(|l| l.strip_prefix("hint: "))
                    .unwrap()
                    .to_owned()
            };
            assert!(
                hint.contains(&format!("signed as {signed_as}")),
                "{args:?}: {hint}"
            );
            assert!(hint.contains("control key"), "{hint}");
            assert!(!err.contains(KEY) && !err.contains("wrong-key"), "{err}");
        }
    }
}

/// `paynet sign` reads PAYNET_CONTROL_KEY as every surface reads a control key: the
/// white space around it dropped, an empty one refused (before, `"KEY "` signed with
/// the space and `"  "` signed with a blank key, while `paynet balance` trimmed).
#[test]
fn sign_reads_the_control_key_variable_by_the_control_key_rule() {
    let sign = [
        "sign",
        "--url",
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1",
        "--param",
        "balance-provider=Test",
        "--consumer-key",
        "balance_test_merchant14",
        "--timestamp",
        "1686923599",
        "--nonce",
        "2xGTFuAgetE",
        "--json",
    ];
    let signature = |key: &str| {
        let o = paynet(&[("PAYNET_CONTROL_KEY", OsStr::new(key))], &sign);
        assert_eq!(o.status.code(), Some(0), "{key:?}: {o:?}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["signature"].as_str().unwrap().to_owned()
    };
    let plain = signature(KEY);
    for padded in [
        format!("{KEY} "),
        format!("{KEY}\n"),
        format!(" \t{KEY}\r\n"),
    ] {
        assert_eq!(signature(&padded), plain, "{padded:?}");
    }
    // The key as given on the command line is the same key.
    let o = paynet(&[], &[&sign[..], &["--consumer-secret", KEY]].concat());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["signature"], plain.as_str());

    let refusal = |key: &str| {
        let o = paynet(&[("PAYNET_CONTROL_KEY", OsStr::new(key))], &sign);
        assert!(o.stdout.is_empty(), "{key:?}: {o:?}");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let empty = refusal("");
    assert_eq!(empty.0, Some(2), "{}", empty.1);
    assert!(
        empty.1.contains("the control key must not be empty"),
        "{}",
        empty.1
    );
    assert_eq!(refusal(" \n"), empty);
}
