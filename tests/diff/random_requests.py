"""Random OAuth 1.0a request descriptions for differential tests (oauthlib as the oracle).

A case is a dict in the format of tests/vectors/oauth1-signing.json. The generator
stays inside what RFC 5849 defines and oauthlib implements as the RFC says; the few
places where oauthlib normalizes more than the RFC asks are avoided on purpose:
- IPv6 hosts are generated in their canonical compressed form (oauthlib rewrites them
  through `ipaddress`);
- port 0 is never generated (oauthlib drops it as "no port");
- form names never start with `oauth_` (oauthlib percent-decodes such values again);
- paths never carry a literal `;` (urllib splits it off as "params" and drops an empty one).
"""

from __future__ import annotations

import random
import string
from urllib.parse import quote

UNRESERVED = string.ascii_letters + string.digits + "-._~"
RESERVED = "!*'();:@&=+$,/?#[]% \"<>\\^`{|}"
# Code points without surrogates: ASCII controls, Latin-1, BMP scripts, astral (emoji).
UNICODE_RANGES = [(0x01, 0x7F), (0x80, 0x2FF), (0x400, 0x4FF), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xE000, 0xFFFD), (0x1F600, 0x1F64F)]


def _char(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(UNRESERVED)
    if roll < 0.75:
        return rng.choice(RESERVED)
    lo, hi = rng.choice(UNICODE_RANGES)
    return chr(rng.randint(lo, hi))


def text(rng: random.Random, max_len: int = 12, allow_empty: bool = True) -> str:
    n = rng.randint(0 if allow_empty else 1, max_len)
    return "".join(_char(rng) for _ in range(n))


def _host(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return f"{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.25:
        return rng.choice(["[::1]", "[2001:db8::1]", "[fe80::1:2]", "[2001:db8:0:1::ab]"])
    if kind < 0.3:
        return "localhost"
    labels = ["".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 4))]
    return ".".join(labels) + rng.choice(["", ".com", ".PaynetEasy.com", ".ru"])


def _path(rng: random.Random) -> str:
    segments = []
    for _ in range(rng.randint(0, 5)):
        segments.append(quote(text(rng, 8), safe=rng.choice(["", "-._~", "!$&'()*+,=:@"])))
    path = "/".join([""] + segments) if segments else rng.choice(["", "/"])
    if segments and rng.random() < 0.2:
        path += "/"
    return path


def _encode_query_part(rng: random.Random, s: str) -> str:
    encoded = quote(s, safe="")
    if rng.random() < 0.5:
        encoded = encoded.replace("%20", "+")
    return encoded


def _pairs(rng: random.Random, n: int, avoid_oauth: bool) -> list[list[str]]:
    pairs: list[list[str]] = []
    for _ in range(n):
        if pairs and rng.random() < 0.2:
            name = rng.choice(pairs)[0]  # a duplicate name
        else:
            name = text(rng, 10)
            while avoid_oauth and name.startswith("oauth_"):
                name = text(rng, 10)
        value = "" if rng.random() < 0.15 else text(rng, 16)
        pairs.append([name, value])
        if rng.random() < 0.1:
            pairs.append([name, value])  # an exact duplicate pair
    return pairs


def random_case(rng: random.Random, index: int) -> dict:
    scheme = rng.choice(["http", "https", "HTTP", "Https"])
    host = _host(rng)
    if rng.random() < 0.5:
        host = host.upper() if rng.random() < 0.3 else host
    port = ""
    roll = rng.random()
    if roll < 0.2:
        port = ":" + ("80" if scheme.lower() == "http" else "443")
    elif roll < 0.4:
        port = f":{rng.randint(1, 65535)}"
    query_pairs = _pairs(rng, rng.choice([0, 0, 1, 2, 4]), avoid_oauth=True)
    query = "&".join(f"{_encode_query_part(rng, k)}={_encode_query_part(rng, v)}" for k, v in query_pairs)
    url = f"{scheme}://{host}{port}{_path(rng)}" + (f"?{query}" if query else "")
    case = {
        "id": f"random-{index}",
        "method": rng.choice(["POST", "GET", "post", "PUT", "DELETE"]),
        "url": url,
        "form": _pairs(rng, rng.randint(0, 6), avoid_oauth=True),
        "consumer_key": text(rng, 20, allow_empty=False),
        "consumer_secret": text(rng, rng.choice([8, 36, 80])),
        "timestamp": str(rng.randint(0, 2**40)),
        "nonce": "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(1, 32))),
    }
    if rng.random() < 0.3:
        case["token"] = text(rng, 16, allow_empty=False)
        case["token_secret"] = text(rng, 16)
    if rng.random() < 0.2:
        case["version"] = None
    return case
