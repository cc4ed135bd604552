"""Differential test: paynet_oauth.sign against oauthlib on random requests.

oauthlib's RFC 5849 functions are the oracle (collect_parameters, normalize_parameters,
base_string_uri, signature_base_string, sign_hmac_sha1_with_client). Each random request has random
Unicode, reserved characters, duplicate and empty names and values, a query plus a form
body, odd hosts and ports. The header and the body are checked too (parsed back with
oauthlib and urllib), and paynet_oauth.verify must accept every request.

PAYNET_DIFF_N sets the number of requests (default 2000), PAYNET_DIFF_SEED the seed
(default: random, printed so that a failure can be repeated).
"""

from __future__ import annotations

import json
import os
import random
import string
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlparse

from oauthlib.oauth1.rfc5849 import signature as oauth_sig
from oauthlib.oauth1.rfc5849 import utils as oauth_utils

import paynet_oauth

N = int(os.environ.get("PAYNET_DIFF_N", "2000"))

UNRESERVED = string.ascii_letters + string.digits + "-._~"
RESERVED = "!*'();:@&=+$,/?#[]% \"<>\\^`{|}"
# Code points without surrogates: ASCII controls, Latin-1, Cyrillic, CJK, private use, emoji.
UNICODE_RANGES = [(0x01, 0x7F), (0x80, 0x2FF), (0x400, 0x4FF), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xE000, 0xFFFD), (0x1F600, 0x1F64F)]
ALNUM = string.ascii_letters + string.digits


def _char(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(UNRESERVED)
    if roll < 0.75:
        return rng.choice(RESERVED)
    lo, hi = rng.choice(UNICODE_RANGES)
    return chr(rng.randint(lo, hi))


def _text(rng: random.Random, max_len: int = 12, allow_empty: bool = True) -> str:
    return "".join(_char(rng) for _ in range(rng.randint(0 if allow_empty else 1, max_len)))


def _name(rng: random.Random) -> str:
    # oauthlib percent-decodes the values of oauth_* names once more (RFC 5849 does
    # not): such names are left out of the form and the query.
    name = _text(rng, 10)
    while name.startswith("oauth_"):
        name = _text(rng, 10)
    return name


def _pairs(rng: random.Random, n: int) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for _ in range(n):
        name = rng.choice(pairs)[0] if pairs and rng.random() < 0.2 else _name(rng)  # duplicate names
        value = "" if rng.random() < 0.15 else _text(rng, 16)
        pairs.append((name, value))
        if rng.random() < 0.1:
            pairs.append((name, value))  # an exact duplicate pair
    return pairs


def _host(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return f"{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.25:
        # Canonical IPv6 only: oauthlib rewrites addresses through `ipaddress`.
        return rng.choice(["[::1]", "[2001:db8::1]", "[fe80::1:2]", "[2001:db8:0:1::ab]"])
    if kind < 0.3:
        return "localhost"
    labels = ["".join(rng.choice(ALNUM) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 4))]
    host = ".".join(labels) + rng.choice(["", ".com", ".PaynetEasy.com", ".ru"])
    return host.upper() if rng.random() < 0.2 else host


def _path(rng: random.Random) -> str:
    # No literal ';' (urllib splits it off as "params"), every other byte encoded or a
    # character a path may carry.
    segments = [quote(_text(rng, 8), safe=rng.choice(["", "-._~", "!$&'()*+,=:@"])) for _ in range(rng.randint(0, 5))]
    path = "/".join([""] + segments) if segments else rng.choice(["", "/"])
    return path + "/" if segments and rng.random() < 0.2 else path


def _query_part(rng: random.Random, s: str) -> str:
    encoded = quote(s, safe="")
    return encoded.replace("%20", "+") if rng.random() < 0.5 else encoded


def random_case(rng: random.Random) -> dict[str, Any]:
    scheme = rng.choice(["http", "https", "HTTP", "Https"])
    port = ""
    roll = rng.random()
    if roll < 0.2:
        port = ":" + ("80" if scheme.lower() == "http" else "443")  # default ports are dropped
    elif roll < 0.4:
        port = f":{rng.randint(1, 65535)}"  # port 0 means "none" to oauthlib: never generated
    query_pairs = _pairs(rng, rng.choice([0, 0, 1, 2, 4]))
    query = "&".join(f"{_query_part(rng, k)}={_query_part(rng, v)}" for k, v in query_pairs)
    url = f"{scheme}://{_host(rng)}{port}{_path(rng)}" + (f"?{query}" if query else "")
    case: dict[str, Any] = {
        "method": rng.choice(["POST", "GET", "post", "PUT", "DELETE"]),
        "url": url,
        "form": _pairs(rng, rng.randint(0, 6)),
        "consumer_key": _text(rng, 20, allow_empty=False),
        "consumer_secret": _text(rng, rng.choice([8, 36, 80])),
        "timestamp": str(rng.randint(0, 2**40)),
        "nonce": "".join(rng.choice(ALNUM) for _ in range(rng.randint(1, 32))),
        "token": None,
        "token_secret": "",
        "version": "1.0",
    }
    if rng.random() < 0.3:
        case["token"] = _text(rng, 16, allow_empty=False)
        case["token_secret"] = _text(rng, 16)
    if rng.random() < 0.2:
        case["version"] = None
    return case


def oauth_params(case: dict[str, Any]) -> list[tuple[str, str]]:
    params = [
        ("oauth_consumer_key", case["consumer_key"]),
        ("oauth_nonce", case["nonce"]),
        ("oauth_signature_method", "HMAC-SHA1"),
        ("oauth_timestamp", case["timestamp"]),
    ]
    if case["token"] is not None:
        params.append(("oauth_token", case["token"]))
    if case["version"] is not None:
        params.append(("oauth_version", case["version"]))
    return params


def oracle(case: dict[str, Any]) -> dict[str, str]:
    """What oauthlib computes for a case."""
    params = oauth_sig.collect_parameters(uri_query=urlparse(case["url"]).query, body=list(case["form"]))
    params += oauth_params(case)
    normalized = oauth_sig.normalize_parameters(params)
    base = oauth_sig.signature_base_string(case["method"], oauth_sig.base_string_uri(case["url"]), normalized)
    credentials = SimpleNamespace(client_secret=case["consumer_secret"], resource_owner_secret=case["token_secret"])
    signature = oauth_sig.sign_hmac_sha1_with_client(base, credentials)
    return {"normalized_parameters": normalized, "base_string": base, "signature": signature}


def _sign(case: dict[str, Any], rng: random.Random) -> paynet_oauth.SignedRequest:
    form: Any = case["form"]
    if len({k for k, _ in form}) == len(form) and rng.random() < 0.5:
        form = dict(form)  # a mapping when names are unique
    elif rng.random() < 0.3:
        form = iter(form)
    kwargs: dict[str, Any] = dict(
        consumer_key=case["consumer_key"],
        timestamp=int(case["timestamp"]) if rng.random() < 0.5 else case["timestamp"],
        nonce=case["nonce"],
        token=case["token"],
        version=case["version"],
    )
    if rng.random() < 0.5:
        return paynet_oauth.Signer(case["consumer_secret"], case["token_secret"]).sign(case["method"], case["url"], form, **kwargs)
    return paynet_oauth.sign(
        case["method"], case["url"], form, consumer_secret=case["consumer_secret"], token_secret=case["token_secret"], **kwargs
    )


def test_against_oauthlib() -> None:
    seed = int(os.environ.get("PAYNET_DIFF_SEED", random.SystemRandom().randrange(2**32)))
    print(f"oauthlib differential test: {N} random requests, seed {seed} (PAYNET_DIFF_SEED={seed} to repeat)")
    rng = random.Random(seed)
    for i in range(N):
        case = random_case(rng)
        want = oracle(case)
        signed = _sign(case, rng)
        context = f"request {i} of seed {seed}: {json.dumps(case, ensure_ascii=False)}"
        for key in ("normalized_parameters", "base_string", "signature"):
            assert getattr(signed, key) == want[key], f"{key} differs from oauthlib for {context}"

        # The header, parsed by oauthlib: every oauth_* value and the signature.
        header = {k: unquote(v) for k, v in oauth_utils.parse_authorization_header(signed.authorization_header)}
        assert header.pop("oauth_signature") == want["signature"], context
        assert header.pop("realm") == "", context
        assert sorted(header.items()) == sorted(oauth_params(case)), context

        # The body: the form pairs plus the oauth_* values, sorted by encoded name/value.
        body = parse_qsl(signed.body, keep_blank_values=True)
        assert sorted(body) == sorted(list(case["form"]) + oauth_params(case)), context
        encoded = [tuple(p.split("=", 1)) for p in signed.body.split("&")] if signed.body else []
        assert encoded == sorted(encoded), context

        # The verifier accepts what the signer made.
        verified = paynet_oauth.verify(
            case["method"],
            case["url"],
            signed.body,
            signed.authorization_header,
            consumer_secret=case["consumer_secret"],
            token_secret=case["token_secret"],
            now=int(case["timestamp"]),
        )
        assert verified.consumer_key == case["consumer_key"], context
        assert verified.nonce == case["nonce"], context
    print(f"{N} passed, 0 failed")
