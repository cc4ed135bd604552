#!/usr/bin/env bash
# The project's one pinned nightly, for everything that needs nightly (miri, cargo-fuzz).
# The stable toolchain is pinned in rust-toolchain.toml; this is the nightly's one place.
#
#   tools/toolchain/nightly.sh [miri]   prints the rustup toolchain name to use as +NAME
#
# A machine of the project's kind ships this compiler as `nightly`; it is used as it is
# when its rustc is exactly the pinned one, so nothing is downloaded. Otherwise the pinned
# dated toolchain is installed once. `miri` also makes sure the miri and rust-src
# components are there. Failures say why on stderr and exit 1.
set -euo pipefail

PIN_CHANNEL=nightly-2026-05-20                   # rustup's channel (the manifest's date)
PIN_RUSTC="rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"

fail() { echo "nightly toolchain: $*" >&2; exit 1; }
command -v rustup >/dev/null || fail "rustup is not on PATH"

chosen=""
for name in "$PIN_CHANNEL" nightly; do
  if [ "$(rustc "+$name" --version 2>/dev/null || true)" = "$PIN_RUSTC" ]; then
    chosen=$name
    break
  fi
done
if [ -z "$chosen" ]; then
  echo "installing the pinned $PIN_CHANNEL ($PIN_RUSTC), once" >&2
  log=$(mktemp)
  rustup toolchain install "$PIN_CHANNEL" --profile minimal >"$log" 2>&1 \
    || { tail -5 "$log" >&2; rm -f "$log"; fail "cannot install $PIN_CHANNEL"; }
  rm -f "$log"
  chosen=$PIN_CHANNEL
  [ "$(rustc "+$chosen" --version)" = "$PIN_RUSTC" ] || fail "$PIN_CHANNEL is not $PIN_RUSTC"
fi

if [ "${1:-}" = miri ]; then
  installed=$(rustup component list --installed --toolchain "$chosen" 2>/dev/null)
  if ! grep -q '^miri' <<<"$installed" || ! grep -q '^rust-src' <<<"$installed"; then
    log=$(mktemp)
    rustup component add --toolchain "$chosen" miri rust-src >"$log" 2>&1 \
      || { tail -5 "$log" >&2; rm -f "$log"; fail "cannot add miri and rust-src to $chosen"; }
    rm -f "$log"
  fi
fi
echo "$chosen"
