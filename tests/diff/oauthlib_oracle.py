"""What oauthlib computes for a random request of random_requests.py: the oracle of
both differential tests (`make diff-test` through the CLI, and the Python package's
test_diff_oauthlib.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

from oauthlib.oauth1.rfc5849 import signature as oauth_sig


def oauth_params(case: dict[str, Any]) -> list[tuple[str, str]]:
    """The case's `oauth_*` parameters other than the signature."""
    params = [
        ("oauth_consumer_key", case["consumer_key"]),
        ("oauth_nonce", case["nonce"]),
        ("oauth_signature_method", "HMAC-SHA1"),
        ("oauth_timestamp", case["timestamp"]),
    ]
    if case.get("token") is not None:
        params.append(("oauth_token", case["token"]))
    if case.get("version", "1.0") is not None:
        params.append(("oauth_version", case.get("version", "1.0")))
    return params


def oracle(case: dict[str, Any]) -> dict[str, str]:
    """oauthlib's normalized parameters, base string and signature for `case`."""
    form = [tuple(p) for p in case["form"]]
    params = oauth_sig.collect_parameters(uri_query=urlparse(case["url"]).query, body=form)
    params += oauth_params(case)
    normalized = oauth_sig.normalize_parameters(params)
    base = oauth_sig.signature_base_string(case["method"], oauth_sig.base_string_uri(case["url"]), normalized)
    credentials = SimpleNamespace(client_secret=case["consumer_secret"], resource_owner_secret=case.get("token_secret", ""))
    signature = oauth_sig.sign_hmac_sha1_with_client(base, credentials)
    return {"normalized_parameters": normalized, "base_string": base, "signature": signature}
