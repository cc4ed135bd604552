//! The three commands: validation, URL, form.

use paynet_api::{Command, CommandError, CommandKind, Gateway, MAX_NAME_LEN};

fn sandbox() -> Gateway {
    Gateway::preset("payneteasy-sandbox").unwrap()
}

#[test]
fn endpoint_balance() {
    let c = Command::endpoint_balance("1", "Test").unwrap();
    assert_eq!(c.kind(), CommandKind::EndpointBalance);
    assert_eq!(c.subject(), "1");
    assert_eq!(c.balance_provider(), Some("Test"));
    assert_eq!(c.balance_name(), None);
    assert_eq!(c.path(), "/get-balance/1");
    assert_eq!(
        c.url(&sandbox()),
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/1"
    );
    assert_eq!(c.form(), vec![("balance-provider", "Test".to_owned())]);
}

#[test]
fn manager_and_merchant() {
    let m = Command::manager_balances("BalanceTestManager", Some("saa")).unwrap();
    assert_eq!(m.kind(), CommandKind::ManagerBalances);
    assert_eq!(
        m.url(&sandbox()),
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/manager/BalanceTestManager"
    );
    assert_eq!(m.form(), vec![("balance-name", "saa".to_owned())]);
    assert_eq!(m.balance_name(), Some("saa"));
    assert_eq!(m.balance_provider(), None);

    let all = Command::merchant_balances("balance_test_merchant14", None).unwrap();
    assert_eq!(all.kind(), CommandKind::MerchantBalances);
    assert_eq!(all.path(), "/get-balance/merchant/balance_test_merchant14");
    assert!(all.form().is_empty());
    assert_eq!(all.kind().to_string(), "merchant_balances");

    let g = Gateway::parse("http://127.0.0.1:8080/checkout/api/v2/").unwrap();
    assert_eq!(
        all.url(&g),
        "http://127.0.0.1:8080/checkout/api/v2/get-balance/merchant/balance_test_merchant14"
    );
}

#[test]
fn path_segments_are_percent_encoded() {
    let c = Command::merchant_balances("a b/c?d#e%f+g~h.i-j_k@é", None).unwrap();
    assert_eq!(
        c.path(),
        "/get-balance/merchant/a%20b%2Fc%3Fd%23e%25f%2Bg~h.i-j_k%40%C3%A9"
    );
    assert_eq!(c.subject(), "a b/c?d#e%f+g~h.i-j_k@é");
    let c = Command::endpoint_balance("../1", "p").unwrap();
    assert_eq!(c.path(), "/get-balance/..%2F1");
    // The form keeps values unencoded; signing encodes them.
    let c = Command::manager_balances("m", Some("a b&c")).unwrap();
    assert_eq!(c.form(), vec![("balance-name", "a b&c".to_owned())]);
}

#[test]
fn validation_names_the_parameter() {
    let long = "x".repeat(MAX_NAME_LEN + 1);
    let max = "é".repeat(MAX_NAME_LEN); // 128 characters, 256 bytes: accepted
    assert!(Command::endpoint_balance("1", &max).is_ok());
    assert!(Command::manager_balances("m", Some(&max)).is_ok());
    let cases: Vec<(Result<Command, CommandError>, &str)> = vec![
        (
            Command::endpoint_balance("1", ""),
            "balance-provider must not be empty",
        ),
        (
            Command::endpoint_balance("1", &long),
            "balance-provider is longer than 128 characters (129)",
        ),
        (
            Command::endpoint_balance("", "Test"),
            "endpoint id must not be empty",
        ),
        (
            Command::manager_balances("", None),
            "manager login must not be empty",
        ),
        (
            Command::merchant_balances("", Some("a")),
            "merchant login must not be empty",
        ),
        (
            Command::manager_balances("m", Some("")),
            "balance-name must not be empty",
        ),
        (
            Command::merchant_balances("m", Some(&long)),
            "balance-name is longer than 128 characters (129)",
        ),
    ];
    for (result, message) in cases {
        assert_eq!(result.unwrap_err().to_string(), message);
    }
    assert_eq!(
        Command::manager_balances("m", Some(&long)).unwrap_err(),
        CommandError::TooLong {
            param: "balance-name",
            max: 128,
            len: 129
        }
    );
}

#[test]
fn a_command_from_its_kind_is_the_named_constructor() {
    assert_eq!(
        Command::new(CommandKind::EndpointBalance, "1", Some("Test")),
        Command::endpoint_balance("1", "Test")
    );
    assert_eq!(
        Command::new(CommandKind::ManagerBalances, "mgr", None),
        Command::manager_balances("mgr", None)
    );
    assert_eq!(
        Command::new(CommandKind::MerchantBalances, "m", Some("USD")),
        Command::merchant_balances("m", Some("USD"))
    );
    // The endpoint balance needs its provider; the other two take the name as optional.
    assert_eq!(
        Command::new(CommandKind::EndpointBalance, "1", None),
        Command::endpoint_balance("1", "")
    );
    assert!(Command::new(CommandKind::EndpointBalance, "1", None).is_err());
}
