"""The signing API: argument forms, defaults, errors, verification, secrets hygiene."""

from __future__ import annotations

import collections
import inspect
import os
import re
import sys
import time
from typing import Any

import pytest

import paynet_oauth
from conftest import CONTROL_KEY, MERCHANT

URL = "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID"
FIXED = dict(consumer_key=MERCHANT, consumer_secret=CONTROL_KEY, timestamp="1686923599", nonce="2xGTFuAgetE")
DOC_SIGNATURE = "CROVVmkEAaZtIzV8pkEZKiHgHps="


def test_the_docs_example() -> None:
    signed = paynet_oauth.sign("POST", URL, {"balance-provider": "Test"}, **FIXED)
    assert signed.signature == DOC_SIGNATURE
    assert signed.authorization_header == (
        'OAuth realm="",oauth_version="1.0",oauth_consumer_key="balance_test_merchant14",'
        'oauth_timestamp="1686923599",oauth_nonce="2xGTFuAgetE",oauth_signature_method="HMAC-SHA1",'
        'oauth_signature="CROVVmkEAaZtIzV8pkEZKiHgHps%3D"'
    )
    assert signed.body == (
        "balance-provider=Test&oauth_consumer_key=balance_test_merchant14&oauth_nonce=2xGTFuAgetE"
        "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1686923599&oauth_version=1.0"
    )
    assert signed.headers == {
        "Authorization": signed.authorization_header,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    assert (signed.method, signed.url, signed.timestamp, signed.nonce) == ("POST", URL, "1686923599", "2xGTFuAgetE")


class Pairs:
    """A user mapping type that is not a dict: has items()."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def items(self) -> list[tuple[str, str]]:
        return self._pairs


@pytest.mark.parametrize(
    "params",
    [
        {"balance-provider": "Test"},
        [("balance-provider", "Test")],
        (("balance-provider", "Test"),),
        [["balance-provider", "Test"]],
        iter([("balance-provider", "Test")]),
        (p for p in [("balance-provider", "Test")]),
        collections.OrderedDict([("balance-provider", "Test")]),
        Pairs([("balance-provider", "Test")]),
        {"balance-provider": "Test"}.items(),
    ],
    ids=["dict", "list", "tuple", "list-of-lists", "iterator", "generator", "ordereddict", "items()", "dict_items"],
)
def test_params_as_a_mapping_or_pairs(params: Any) -> None:
    assert paynet_oauth.sign("POST", URL, params, **FIXED).signature == DOC_SIGNATURE


def test_params_order_does_not_matter_and_duplicates_are_kept() -> None:
    a = paynet_oauth.sign("POST", URL, [("a", "2"), ("a", "1"), ("b", "")], **FIXED)
    b = paynet_oauth.sign("POST", URL, [("b", ""), ("a", "1"), ("a", "2")], **FIXED)
    assert a.signature == b.signature
    assert a.normalized_parameters.startswith("a=1&a=2&b=&")


def test_int_values_are_written_in_decimal() -> None:
    a = paynet_oauth.sign("POST", URL, {"n": 42}, **FIXED)
    b = paynet_oauth.sign("POST", URL, {"n": "42"}, **FIXED)
    assert a.signature == b.signature


@pytest.mark.parametrize("bad", ["ab", [("a",)], [("a", "b", "c")], ["ab"], [("a", 1.5)], [("a", None)], [(b"a", "b")], 5])
def test_bad_params_are_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError):
        paynet_oauth.sign("POST", URL, bad, **FIXED)


def test_no_params() -> None:
    for params in (None, {}, []):
        signed = paynet_oauth.sign("POST", URL, params, **FIXED)
        assert signed.body.startswith("oauth_consumer_key=")
    assert paynet_oauth.sign("POST", URL, consumer_key="k", consumer_secret="s").body.startswith("oauth_")


def test_version_none_leaves_oauth_version_out() -> None:
    signed = paynet_oauth.sign("POST", URL, {}, version=None, **FIXED)
    assert "oauth_version" not in signed.authorization_header
    assert "oauth_version" not in signed.body
    assert "oauth_version" not in signed.base_string
    assert paynet_oauth.sign("POST", URL, {}, **FIXED).body.endswith("oauth_version=1.0")


def test_token_realm_and_extra() -> None:
    signed = paynet_oauth.sign(
        "POST", URL, {}, token="tok en", token_secret="ts", realm="Photos", oauth_extra={"oauth_callback": "oob"}, **FIXED
    )
    assert signed.authorization_header.startswith('OAuth realm="Photos",')
    assert 'oauth_token="tok%20en"' in signed.authorization_header
    assert "oauth_callback=oob" in signed.body
    assert "realm" not in signed.normalized_parameters
    verified = paynet_oauth.verify(
        "POST", URL, signed.body, signed.authorization_header, consumer_secret=CONTROL_KEY, token_secret="ts", now=1686923599
    )
    assert verified.consumer_key == MERCHANT


def test_timestamp_int_str_and_default_now() -> None:
    a = paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s", timestamp=1686923599, nonce="n")
    b = paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s", timestamp="1686923599", nonce="n")
    assert a.signature == b.signature and a.timestamp == "1686923599"
    before = int(time.time())
    c = paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s")
    assert before <= int(c.timestamp) <= int(time.time())


@pytest.mark.parametrize("bad", [-1, "12a", "", 2**64])
def test_bad_timestamps_are_invalid_input(bad: Any) -> None:
    with pytest.raises(paynet_oauth.InvalidInputError):
        paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s", timestamp=bad)


@pytest.mark.parametrize("bad", [1.5, True, b"1"])
def test_timestamps_of_other_types_are_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError):
        paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s", timestamp=bad)


def test_default_nonces_are_16_alphanumerics_and_fresh() -> None:
    nonces = {paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s").nonce for _ in range(2000)}
    assert len(nonces) == 2000
    assert paynet_oauth.NONCE_LEN == 16
    assert all(re.fullmatch(r"[A-Za-z0-9]{16}", n) for n in nonces)
    # Every character of the alphabet shows up: not a narrower generator.
    assert len(set("".join(nonces))) == 62


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_does_not_repeat_its_parents_nonces() -> None:
    paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s")  # seed this thread's generator
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.write(write, paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s").nonce.encode())
        finally:
            os._exit(0)
    os.close(write)
    child = os.read(read, 64).decode()
    os.close(read)
    os.waitpid(pid, 0)
    parent = paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s").nonce
    assert len(child) == 16 and child != parent


@pytest.mark.parametrize(
    ("url", "method", "params", "error", "code"),
    [
        ("not a url", "POST", {}, paynet_oauth.MalformedUrlError, "MalformedUrl"),
        ("https://", "POST", {}, paynet_oauth.MalformedUrlError, "MalformedUrl"),
        ("https://host:99999/", "POST", {}, paynet_oauth.MalformedUrlError, "MalformedUrl"),
        (URL, "", {}, paynet_oauth.InvalidMethodError, "InvalidMethod"),
        (URL, "PO ST", {}, paynet_oauth.InvalidMethodError, "InvalidMethod"),
        (URL + "?a=%zz", "POST", {}, paynet_oauth.InvalidPercentEncodingError, "InvalidPercentEncoding"),
        (URL, "POST", {"oauth_signature": "x"}, paynet_oauth.InvalidParameterError, "InvalidParameter"),
        (URL, "POST", [(str(i), "v") for i in range(60)], paynet_oauth.TooManyParametersError, "TooManyParameters"),
    ],
)
def test_core_errors_map_to_one_class_each(url: str, method: str, params: Any, error: type, code: str) -> None:
    with pytest.raises(error) as info:
        paynet_oauth.sign(method, url, params, consumer_key="k", consumer_secret="s")
    assert isinstance(info.value, paynet_oauth.InvalidInputError)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, paynet_oauth.PaynetError)
    assert info.value.code == code
    assert str(info.value)


def test_empty_nonce_is_invalid() -> None:
    # The core's kind on every surface (Node and wasm too), with a message naming the nonce.
    message = re.escape("the nonce must not be empty (leave it out for a fresh one)")
    with pytest.raises(paynet_oauth.InvalidParameterError, match=f"^{message}$"):
        paynet_oauth.sign("POST", URL, {}, consumer_key="k", consumer_secret="s", nonce="")
    with pytest.raises(paynet_oauth.InvalidParameterError, match=f"^{message}$"):
        paynet_oauth.Signer("s").sign("POST", URL, {}, consumer_key="k", nonce="")


def test_signer_reuse_matches_one_off_signing() -> None:
    signer = paynet_oauth.Signer(CONTROL_KEY)
    signed = signer.sign("POST", URL, {"balance-provider": "Test"}, consumer_key=MERCHANT, timestamp="1686923599", nonce="2xGTFuAgetE")
    assert signed.signature == DOC_SIGNATURE
    assert signer.verify("POST", URL, signed.body, signed.authorization_header, now=1686923599).nonce == "2xGTFuAgetE"


def _fresh(**kw: Any) -> paynet_oauth.SignedRequest:
    return paynet_oauth.sign("POST", URL, {"balance-provider": "Test"}, consumer_key=MERCHANT, consumer_secret=CONTROL_KEY, **kw)


def test_verify_accepts_bytes_bodies_and_rejects_tampering() -> None:
    signed = _fresh()
    ok = paynet_oauth.verify("POST", URL, signed.body.encode(), signed.authorization_header, consumer_secret=CONTROL_KEY)
    assert ok.consumer_key == MERCHANT and ok.nonce == signed.nonce and ok.timestamp == int(signed.timestamp)
    assert "Verified(" in repr(ok)

    cases: list[tuple[str, str, str, str, type]] = [
        ("POST", URL, signed.body.replace("Test", "Tesu"), signed.authorization_header, paynet_oauth.SignatureMismatchError),
        ("POST", URL + "x", signed.body, signed.authorization_header, paynet_oauth.SignatureMismatchError),
        ("GET", URL, signed.body, signed.authorization_header, paynet_oauth.SignatureMismatchError),
        ("POST", URL, signed.body.replace(signed.nonce, "other"), signed.authorization_header, paynet_oauth.OAuthParameterMismatchError),
        ("POST", URL, signed.body, "Basic abc", paynet_oauth.MalformedHeaderError),
        ("POST", URL, signed.body, re.sub(r',oauth_nonce="[^"]*"', "", signed.authorization_header), paynet_oauth.MissingOAuthParameterError),
        ("POST", URL, signed.body, signed.authorization_header + ',oauth_nonce="x"', paynet_oauth.DuplicateOAuthParameterError),
        ("POST", URL, signed.body, signed.authorization_header.replace("HMAC-SHA1", "PLAINTEXT"), paynet_oauth.UnsupportedSignatureMethodError),
        ("POST", URL, signed.body, signed.authorization_header.replace('oauth_version="1.0"', 'oauth_version="2.0"'), paynet_oauth.UnsupportedVersionError),
    ]
    for method, url, body, header, error in cases:
        with pytest.raises(error) as info:
            paynet_oauth.verify(method, url, body, header, consumer_secret=CONTROL_KEY)
        assert isinstance(info.value, paynet_oauth.PaynetError)

    with pytest.raises(paynet_oauth.SignatureMismatchError):
        paynet_oauth.verify("POST", URL, signed.body, signed.authorization_header, consumer_secret="wrong")
    assert issubclass(paynet_oauth.SignatureMismatchError, paynet_oauth.VerificationError)


def test_verify_checks_the_time_window() -> None:
    signed = _fresh(timestamp=1_000_000)
    args = ("POST", URL, signed.body, signed.authorization_header)
    assert paynet_oauth.verify(*args, consumer_secret=CONTROL_KEY, now=1_000_300).timestamp == 1_000_000
    with pytest.raises(paynet_oauth.TimestampOutOfWindowError):
        paynet_oauth.verify(*args, consumer_secret=CONTROL_KEY, now=1_000_301)
    with pytest.raises(paynet_oauth.TimestampOutOfWindowError):
        paynet_oauth.verify(*args, consumer_secret=CONTROL_KEY)  # now: 1970 is long gone
    assert paynet_oauth.verify(*args, consumer_secret=CONTROL_KEY, now=1_000_500, window=500).nonce == signed.nonce
    # Signer.verify has the same default window, and both signatures say which.
    assert paynet_oauth.Signer(CONTROL_KEY).verify(*args, now=1_000_300).timestamp == 1_000_000
    with pytest.raises(paynet_oauth.TimestampOutOfWindowError):
        paynet_oauth.Signer(CONTROL_KEY).verify(*args, now=1_000_301)
    for verify in (paynet_oauth.verify, paynet_oauth.Signer.verify):
        assert inspect.signature(verify).parameters["window"].default == 300


def test_verify_rejects_a_non_numeric_timestamp_signed_by_someone_else() -> None:
    from oauthlib.oauth1 import Client

    client = Client(MERCHANT, client_secret=CONTROL_KEY, timestamp="1e6", nonce="abcdefghijk")
    _, headers, body = client.sign(
        URL, http_method="POST", body="balance-provider=Test", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    with pytest.raises(paynet_oauth.InvalidTimestampError):
        paynet_oauth.verify("POST", URL, body, headers["Authorization"], consumer_secret=CONTROL_KEY)


def test_unicode_everywhere() -> None:
    signed = paynet_oauth.sign(
        "POST", "https://ExAmPlE.com:443/путь/%E2%82%AC?q=é", {"имя": "значение €", "": ""}, consumer_key="ключ", consumer_secret="секрет"
    )
    verified = paynet_oauth.verify(
        "POST", "https://ExAmPlE.com:443/путь/%E2%82%AC?q=é", signed.body, signed.authorization_header, consumer_secret="секрет"
    )
    assert verified.consumer_key == "ключ"


def test_lone_surrogates_are_rejected() -> None:
    # An InvalidInputError (a ValueError, as the UnicodeEncodeError this test expected
    # before was); test_lone_surrogates.py checks every argument.
    with pytest.raises(paynet_oauth.InvalidInputError):
        paynet_oauth.sign("POST", URL, {"a": "\ud800"}, consumer_key="k", consumer_secret="s")


def test_results_are_immutable() -> None:
    signed = _fresh()
    with pytest.raises(AttributeError):
        signed.signature = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        signed.other = 1  # type: ignore[attr-defined]


def test_no_secret_in_any_repr_or_str() -> None:
    secret = "S3cr3t-Control-Key-0123456789"
    signer = paynet_oauth.Signer(secret, "token-secret-xyz")
    signed = paynet_oauth.sign("POST", URL, {"a": "b"}, consumer_key="login", consumer_secret=secret, token_secret="token-secret-xyz")
    texts = [repr(signer), str(signer), repr(signed), str(signed)]
    try:
        paynet_oauth.verify("POST", URL, signed.body, signed.authorization_header, consumer_secret=secret + "x")
    except paynet_oauth.PaynetError as e:
        texts += [repr(e), str(e), repr(e.args)]
    for text in texts:
        assert secret not in text and "token-secret-xyz" not in text
        assert paynet_oauth.percent_encode(secret) not in text
    assert "redacted" in repr(signer)


def test_version_and_presets() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", paynet_oauth.__version__)
    assert paynet_oauth.GATEWAY_PRESETS["payneteasy-sandbox"] == "https://sandbox.payneteasy.com/paynet/api/v2"
    assert paynet_oauth.GATEWAY_PRESETS["payneteasy-production"] == "https://gate.payneteasy.com/paynet/api/v2"
    assert paynet_oauth.gateway_url("payneteasy-production") == "https://gate.payneteasy.com/paynet/api/v2"
    assert paynet_oauth.gateway_url("https://Pay.Example.com/checkout/api/v2/") == "https://pay.example.com/checkout/api/v2"
    with pytest.raises(paynet_oauth.InvalidInputError):
        paynet_oauth.gateway_url("nowhere")


def test_the_module_imports_neither_requests_nor_httpx() -> None:
    import subprocess

    code = "import sys, paynet_oauth; print('requests' in sys.modules, 'httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_debug_outputs_describe_the_request_as_signed() -> None:
    # They are written when read, from what the result kept of the arguments: a params
    # dict or list changed afterwards, and a generated timestamp and nonce, must not
    # change them; the base string read later is the one whose HMAC is the signature.
    import base64
    import hashlib
    import hmac
    import urllib.parse

    params: dict[str, str] = {"balance-provider": "Test", "n": "1"}
    pairs = [("a", "1"), ("b", "é")]
    signer = paynet_oauth.Signer(CONTROL_KEY)
    for signed in [
        paynet_oauth.sign("POST", URL, params, consumer_key=MERCHANT, consumer_secret=CONTROL_KEY),
        signer.sign("POST", URL, pairs, consumer_key=MERCHANT, oauth_extra={"oauth_callback": "https://cb/é"}),
    ]:
        params["balance-provider"] = "Changed"
        params["added"] = "x"
        pairs.append(("c", "3"))
        base = signed.base_string
        assert "Changed" not in base and "added" not in base and "c%3D3" not in base
        assert f"oauth_nonce%3D{signed.nonce}" in base and f"oauth_timestamp%3D{signed.timestamp}" in base
        key = f"{paynet_oauth.percent_encode(CONTROL_KEY)}&".encode()
        assert base64.b64encode(hmac.new(key, base.encode(), hashlib.sha1).digest()).decode() == signed.signature
        assert signed.normalized_parameters == urllib.parse.unquote(base.split("&")[2])
