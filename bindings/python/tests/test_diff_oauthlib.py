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
import sys
from typing import Any
from urllib.parse import parse_qsl, unquote

from oauthlib.oauth1.rfc5849 import utils as oauth_utils

import paynet_oauth
from conftest import ROOT

# The generator and the oracle are the ones `make diff-test` runs through the CLI.
sys.path.insert(0, str(ROOT / "tests" / "diff"))
import random_requests  # noqa: E402
from oauthlib_oracle import oauth_params, oracle  # noqa: E402

N = int(os.environ.get("PAYNET_DIFF_N", "2000"))


def random_case(rng: random.Random, index: int) -> dict[str, Any]:
    """A random request of tests/diff/random_requests.py (the generator of `make
    diff-test` too), every optional field present."""
    case = random_requests.random_case(rng, index)
    case["form"] = [tuple(p) for p in case["form"]]
    case.setdefault("token", None)
    case.setdefault("token_secret", "")
    case.setdefault("version", "1.0")
    return case


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
        case = random_case(rng, i)
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
