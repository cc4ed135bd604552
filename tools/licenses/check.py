#!/usr/bin/env python3
"""Offline license and ban check over the Cargo dependency graph (like `cargo deny check
licenses bans`): every package's SPDX license expression must be satisfiable with the
licenses tools/licenses/policy.toml allows, and no banned crate may appear.

usage: check.py [--manifest-path Cargo.toml]   (exit 1 with a list of offenders)
"""
import argparse
import json
import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

POLICY = Path(__file__).with_name("policy.toml")


def tokens(expr):
    # Old crates write `MIT/Apache-2.0`: the slash meant OR.
    expr = expr.replace("/", " OR ")
    return re.findall(r"\(|\)|[A-Za-z0-9.+-]+", expr)


def satisfiable(expr, allowed):
    """Evaluates an SPDX expression: OR needs one side allowed, AND both; `X WITH E` is
    allowed when the whole `X WITH E` is listed (or X is, since an exception only adds
    permissions)."""
    toks = tokens(expr)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def primary():
        tok = take()
        if tok == "(":
            value = disjunction()
            if take() != ")":
                raise ValueError("unbalanced parentheses")
            return value
        if peek() == "WITH":
            take()
            exception = take()
            return f"{tok} WITH {exception}" in allowed or tok in allowed
        return tok in allowed

    def conjunction():
        value = primary()
        while peek() == "AND":
            take()
            value = primary() and value
        return value

    def disjunction():
        value = conjunction()
        while peek() == "OR":
            take()
            value = conjunction() or value
        return value

    result = disjunction()
    if pos != len(toks):
        raise ValueError(f"unexpected {toks[pos]!r}")
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest-path", default="Cargo.toml")
    args = ap.parse_args()
    policy = tomllib.loads(POLICY.read_text())
    allowed = set(policy["licenses"]["allow"])
    banned = set(policy["bans"]["deny"])
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--offline", "--manifest-path",
         args.manifest_path], check=True, capture_output=True, text=True).stdout)
    in_graph = {node["id"] for node in meta["resolve"]["nodes"]}
    workspace = set(meta["workspace_members"])
    problems = []
    versions = defaultdict(set)
    checked = 0
    for pkg in meta["packages"]:
        if pkg["id"] not in in_graph:
            continue
        checked += 1
        versions[pkg["name"]].add(pkg["version"])
        name = f'{pkg["name"]} {pkg["version"]}'
        if pkg["name"] in banned:
            problems.append(f"{name}: banned by tools/licenses/policy.toml")
        license = pkg.get("license")
        if not license:
            problems.append(f"{name}: no SPDX license (license-file: {pkg.get('license_file')})")
            continue
        try:
            ok = satisfiable(license, allowed)
        except (ValueError, IndexError) as e:
            problems.append(f"{name}: cannot read license {license!r}: {e}")
            continue
        if not ok:
            problems.append(f"{name}: license {license!r} not allowed")
    for p in problems:
        print(f"licenses: {p}", file=sys.stderr)
    duplicated = sorted(n for n, v in versions.items() if len(v) > 1)
    if problems:
        sys.exit(1)
    print(f"licenses: {checked} packages ({len(workspace)} ours) all allowed, none banned; "
          f"{len(duplicated)} crates in two versions ({', '.join(duplicated[:6])}"
          f"{', ...' if len(duplicated) > 6 else ''})")


if __name__ == "__main__":
    main()
