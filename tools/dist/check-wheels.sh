#!/usr/bin/env bash
# Checks the Python artifacts in DIST: auditwheel's platform tag of every wheel, PEP 639
# license metadata, the sdist's contents, and, in a fresh venv whose PATH has no Rust
# toolchain, that `pip install` of the x86_64 manylinux wheel takes seconds and the
# installed module signs the get-balance vector.
#
# Usage: check-wheels.sh ROOT VENV DIST WORK
set -euo pipefail
root=$1 venv=$2 dist=$3 work=$4
w=$work/check-wheels
rm -rf "$w" && mkdir -p "$w"
fail() { echo "python dist: $*" >&2; exit 1; }
wheels=("$dist"/paynet_oauth-*.whl)
[[ ${#wheels[@]} -eq 3 ]] || fail "expected 3 wheels, found ${#wheels[@]}"
tags=()
for whl in "${wheels[@]}"; do
  case $whl in
    *manylinux*x86_64.whl) want=manylinux_2_17_x86_64 ;;
    *manylinux*aarch64.whl) want=manylinux_2_17_aarch64 ;;
    *musllinux_1_2_x86_64.whl) want=musllinux_1_2_x86_64 ;;
    *) fail "unexpected wheel $(basename "$whl")" ;;
  esac
  [[ $whl == *-cp39-abi3-* ]] || fail "$(basename "$whl") is not an abi3 (cp39) wheel"
  if [[ $want == manylinux* ]]; then
    "$venv/bin/auditwheel" show "$whl" >"$w/auditwheel.log" 2>&1 || { cat "$w/auditwheel.log" >&2; fail "auditwheel show failed"; }
    grep -q "\"$want\"" "$w/auditwheel.log" || { cat "$w/auditwheel.log" >&2; fail "$(basename "$whl") is not $want"; }
    tags+=("auditwheel $want")
  else
    # auditwheel on a glibc host cannot judge a musl wheel (it finds no musl libc, and
    # zig links musl's libc as `libc.so`, the name musl's loader maps to itself): check
    # the extension itself needs nothing but musl's libc and no glibc symbol version.
    mkdir -p "$w/musl" && python3 -m zipfile -e "$whl" "$w/musl"
    so=$(find "$w/musl" -name '_native*.so')
    needed=$(readelf -d "$so" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | paste -sd' ')
    [[ $needed == libc.so ]] || fail "$(basename "$whl"): the extension needs '$needed', not only musl's libc.so"
    ! readelf -W --dyn-syms "$so" | grep -q GLIBC_ || fail "$(basename "$whl"): glibc symbol versions in a musl wheel"
    tags+=("$want (NEEDED libc.so only)")
  fi
  meta=$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode())' "$whl")
  grep -qx 'License-Expression: MIT OR Apache-2.0' <<<"$meta" || fail "no PEP 639 License-Expression in $(basename "$whl")"
  grep -qx 'License-File: LICENSE-MIT' <<<"$meta" && grep -qx 'License-File: LICENSE-APACHE' <<<"$meta" \
    || fail "License-File entries missing in $(basename "$whl")"
  grep -q 'dist-info/licenses/LICENSE-APACHE' <<<"$(python3 -m zipfile -l "$whl")" || fail "LICENSE-APACHE not in $(basename "$whl")"
done
sdist=$(ls "$dist"/paynet_oauth-*.tar.gz)
listing=$(tar -tzf "$sdist")
for f in pyproject.toml LICENSE-MIT LICENSE-APACHE PKG-INFO Cargo.toml; do
  grep -q "^paynet_oauth-[^/]*/$f\$" <<<"$listing" || fail "$f missing from $(basename "$sdist")"
done

# A user's machine: no cargo, no rustc on PATH.
clean_path=/usr/local/bin:/usr/bin:/bin
env PATH=$clean_path bash -c '! command -v cargo && ! command -v rustc' >/dev/null \
  || fail "cargo or rustc is on $clean_path: cannot check an install without Rust"
x86=$(ls "$dist"/paynet_oauth-*manylinux*x86_64.whl)
env -i HOME="$HOME" PATH=$clean_path python3 -m venv "$w/venv"
start=$(date +%s%N)
env -i HOME="$HOME" PATH=$clean_path "$w/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$x86" \
  >"$w/pip.log" 2>&1 || { cat "$w/pip.log" >&2; fail "pip install $(basename "$x86") failed"; }
ms=$(( ($(date +%s%N) - start) / 1000000 ))
sig=$(env -i HOME="$HOME" PATH=$clean_path "$w/venv/bin/python" -c '
import paynet_oauth
s = paynet_oauth.sign("POST", "https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID",
                      {"balance-provider": "Test"}, consumer_key="balance_test_merchant14",
                      consumer_secret="F9F65098-1111-1111-1111-621611111111",
                      timestamp="1686923599", nonce="2xGTFuAgetE")
print(s.signature)')
[[ $sig == 'CROVVmkEAaZtIzV8pkEZKiHgHps=' ]] || fail "the installed wheel signed '$sig'"
echo "python dist: $(IFS=,; echo "${tags[*]}"); pip install of the x86_64 wheel without Rust: $ms ms, signs the vector"
