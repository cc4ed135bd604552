//! Signing commands with the OAuth core.

use paynet_api::{Command, CommandError, FORM_CONTENT_TYPE, Gateway, SignError};

const KEY: &str = "F9F65098-1111-1111-1111-621611111111";

fn sandbox() -> Gateway {
    Gateway::from_str_or_preset("https://sandbox.payneteasy.com/paynet/api/v2").unwrap()
}

#[test]
fn manager_command_matches_the_docs_signature() {
    let command = Command::manager_balances("BalanceTestManager", Some("saa")).unwrap();
    let signed = command
        .sign(
            &sandbox(),
            "BalanceTestManager",
            KEY,
            1_686_924_196,
            "sT33IbJ4QHs",
        )
        .unwrap();
    assert_eq!(signed.signature, "UejIT4eT36s+D0qxSTLMsorv1+g=");
    assert_eq!(signed.method, "POST");
    assert_eq!(
        signed.url,
        "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/manager/BalanceTestManager"
    );
    assert_eq!(signed.content_type, FORM_CONTENT_TYPE);
    assert_eq!(
        signed.authorization,
        "OAuth realm=\"\",oauth_version=\"1.0\",oauth_consumer_key=\"BalanceTestManager\",\
         oauth_timestamp=\"1686924196\",oauth_nonce=\"sT33IbJ4QHs\",\
         oauth_signature_method=\"HMAC-SHA1\",oauth_signature=\"UejIT4eT36s%2BD0qxSTLMsorv1%2Bg%3D\""
    );
    assert_eq!(
        signed.body,
        "balance-name=saa&oauth_consumer_key=BalanceTestManager&oauth_nonce=sT33IbJ4QHs&\
         oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686924196&oauth_version=1.0"
    );
}

#[test]
fn endpoint_command_matches_the_shared_vector() {
    // tests/vectors/oauth1-signing.json, case paynet-get-balance.
    let command = Command::endpoint_balance("ENDPOINTID", "Test").unwrap();
    let signed = command
        .sign(
            &sandbox(),
            "balance_test_merchant14",
            KEY,
            1_686_923_599,
            "2xGTFuAgetE",
        )
        .unwrap();
    assert_eq!(signed.signature, "CROVVmkEAaZtIzV8pkEZKiHgHps=");
    assert!(
        signed
            .body
            .starts_with("balance-provider=Test&oauth_consumer_key=")
    );
    // A key read from a file or the environment keeps its newline: read as the clients
    // read it (C's paynet_build_request signed with the newline, and got a 403).
    for padded in [format!("{KEY}\n"), format!(" {KEY}\r\n")] {
        let again = command
            .sign(
                &sandbox(),
                "balance_test_merchant14",
                &padded,
                1_686_923_599,
                "2xGTFuAgetE",
            )
            .unwrap();
        assert_eq!(again.signature, signed.signature, "{padded:?}");
    }
}

#[test]
fn without_balance_name_the_body_has_only_oauth_parameters() {
    let command = Command::merchant_balances("m 1", None).unwrap();
    let signed = command
        .sign(&sandbox(), "m 1", KEY, 1, "abcdefghijk")
        .unwrap();
    assert!(
        signed.url.ends_with("/get-balance/merchant/m%201"),
        "{}",
        signed.url
    );
    assert!(
        signed.body.starts_with("oauth_consumer_key=m%201&"),
        "{}",
        signed.body
    );
    assert_eq!(signed.signature.len(), 28);
}

#[test]
fn refusals() {
    let command = Command::merchant_balances("m", None).unwrap();
    assert_eq!(
        command.sign(&sandbox(), "", KEY, 1, "abcdefghijk"),
        Err(SignError::Parameter(CommandError::Empty { param: "login" }))
    );
    for blank in ["", " \n"] {
        let err = command
            .sign(&sandbox(), "m", blank, 1, "abcdefghijk")
            .unwrap_err();
        assert_eq!(err.to_string(), "control key must not be empty");
    }
    let long = "m".repeat(paynet_api::MAX_ID_LEN + 1);
    let err = command.sign(&sandbox(), &long, KEY, 1, "abcdefghijk");
    assert_eq!(
        err.unwrap_err().to_string(),
        paynet_api::check_login(&long).unwrap_err().to_string()
    );
    assert!(paynet_api::check_login("m").is_ok());
    let err = command.sign(&sandbox(), "m", KEY, 1, "").unwrap_err();
    assert!(matches!(err, SignError::OAuth(_)), "{err:?}");
}
