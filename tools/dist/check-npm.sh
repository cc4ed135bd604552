#!/usr/bin/env bash
# Checks the npm tarballs in DIST/npm: each platform package's os/cpu/libc and its
# addon's architecture, libc and (gnu) newest glibc symbol version; the main package's
# README, licenses, repository and optionalDependencies; then, in an empty directory
# with no Rust toolchain on PATH, `npm install` of the main and linux-x64-gnu tarballs,
# and `require` and `import` sign the get-balance vector; the main package's WebAssembly
# build (wasm/, for browsers, Deno and workers) is there and, imported through the
# `browser` condition and the `paynet-oauth/wasm` subpath, signs it too.
#
# Usage: check-npm.sh ROOT DIST WORK
set -euo pipefail
root=$1 dist=$2 work=$3
w=$work/check-npm
rm -rf "$w" && mkdir -p "$w"
fail() { echo "npm dist: $*" >&2; exit 1; }
version=$(node -p "require('$root/bindings/node/package.json').version")
main=$dist/npm/paynet-oauth-$version.tgz
[[ -f $main ]] || fail "no $main"

for plat in linux-x64-gnu linux-arm64-gnu linux-x64-musl linux-arm64-musl; do
  tgz=$dist/npm/paynet-oauth-$plat-$version.tgz
  [[ -f $tgz ]] || fail "no $tgz"
  mkdir -p "$w/$plat" && tar -xzf "$tgz" -C "$w/$plat"
  pkg=$w/$plat/package
  node -e '
    const p = require(process.argv[1]); const [os, cpu, libc] = process.argv[2].split("-")
    const want = { os: ["linux"], cpu: [cpu], libc: [libc === "gnu" ? "glibc" : "musl"] }
    for (const k of Object.keys(want)) if (JSON.stringify(p[k]) !== JSON.stringify(want[k])) throw new Error(`${p.name}: ${k} ${JSON.stringify(p[k])}`)
    if (!p.repository || !p.repository.url.includes("github.com/paynet-oauth/paynet-oauth")) throw new Error(`${p.name}: repository`)
  ' "$pkg/package.json" "$plat" || fail "$plat: package.json"
  addon=$pkg/paynet-oauth.$plat.node
  [[ -f $addon && -f $pkg/LICENSE-MIT && -f $pkg/LICENSE-APACHE ]] || fail "$plat: addon or licenses missing"
  machine=$(readelf -h "$addon" | sed -n 's/ *Machine: *//p')
  case $plat in
    *x64*) [[ $machine == *X86-64* ]] || fail "$plat: machine $machine" ;;
    *arm64*) [[ $machine == *AArch64* ]] || fail "$plat: machine $machine" ;;
  esac
  libc=$(readelf -d "$addon" | sed -n 's/.*Shared library: \[\(libc\.[^]]*\)\].*/\1/p')
  case $plat in
    *gnu) [[ $libc == libc.so.6 ]] || fail "$plat: links '$libc', not glibc"
      newest=$(readelf -W --dyn-syms "$addon" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
      [[ $(printf '%s\n' "$newest" GLIBC_2.17 | sort -V | tail -1) == GLIBC_2.17 ]] || fail "$plat: needs $newest (> 2.17)" ;;
    *musl) [[ $libc == libc.so ]] || fail "$plat: links '$libc', not musl's libc.so" ;;
  esac
done

mkdir -p "$w/main" && tar -xzf "$main" -C "$w/main"
for f in README.md LICENSE-MIT LICENSE-APACHE index.js index.d.ts index.mjs index.d.mts main.js; do
  [[ -f $w/main/package/$f ]] || fail "main package: $f missing"
done
for f in index.js init.js workerd.js index.d.ts init.d.ts paynet_oauth_wasm.js paynet_oauth_wasm_bg.wasm; do
  [[ -f $w/main/package/wasm/$f ]] || fail "main package: wasm/$f missing"
done
[[ $(head -c 4 "$w/main/package/wasm/paynet_oauth_wasm_bg.wasm" | od -An -tx1 | tr -d ' ') == 0061736d ]] \
  || fail "main package: wasm/paynet_oauth_wasm_bg.wasm is not WebAssembly"
! ls "$w"/main/package/*.node >/dev/null 2>&1 || fail "main package carries a .node"
node -e '
  const p = require(process.argv[1])
  const want = ["paynet-oauth-linux-arm64-gnu", "paynet-oauth-linux-arm64-musl", "paynet-oauth-linux-x64-gnu", "paynet-oauth-linux-x64-musl"]
  if (JSON.stringify(Object.keys(p.optionalDependencies || {}).sort()) !== JSON.stringify(want)) throw new Error("optionalDependencies")
  for (const v of Object.values(p.optionalDependencies)) if (v !== p.version) throw new Error("optionalDependencies version")
  if (!p.repository.url.includes("github.com/paynet-oauth/paynet-oauth")) throw new Error("repository")
  if (p.devDependencies || p.scripts) throw new Error("devDependencies/scripts in the published package")
' "$w/main/package/package.json" || fail "main package.json"

# A user's machine: no cargo, no rustc on PATH; an empty project.
node_dir=$(dirname "$(command -v node)")
clean_path=$node_dir:/usr/local/bin:/usr/bin:/bin
env PATH=$clean_path bash -c '! command -v cargo && ! command -v rustc' >/dev/null \
  || fail "cargo or rustc is on $clean_path: cannot check an install without Rust"
app=$w/app
mkdir -p "$app" && cd "$app"
printf '{"name": "paynet-oauth-dist-check", "version": "1.0.0", "private": true}\n' >package.json
start=$(date +%s%N)
env PATH=$clean_path npm install --no-audit --no-fund --loglevel=error "$main" "$dist/npm/paynet-oauth-linux-x64-gnu-$version.tgz" \
  >"$w/npm.log" 2>&1 || { cat "$w/npm.log" >&2; fail "npm install failed"; }
ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat >check.cjs <<'JS'
const { sign } = require('paynet-oauth')
const s = sign({ method: 'POST', url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
  params: { 'balance-provider': 'Test' }, consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111', timestamp: 1686923599, nonce: '2xGTFuAgetE' })
if (s.signature !== 'CROVVmkEAaZtIzV8pkEZKiHgHps=') throw new Error('require: ' + s.signature)
JS
cat >check.mjs <<'JS'
import { sign } from 'paynet-oauth'
const s = sign({ method: 'POST', url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
  params: [['balance-provider', 'Test']], consumerKey: 'balance_test_merchant14',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111', timestamp: '1686923599', nonce: '2xGTFuAgetE' })
if (s.signature !== 'CROVVmkEAaZtIzV8pkEZKiHgHps=') throw new Error('import: ' + s.signature)
JS
# The WebAssembly build, as a browser bundler or a worker resolves it; `native` is the
# addon (it has `Client`'s async runtime), so its absence shows which build answered.
cat >check-wasm.mjs <<'JS'
import * as paynet from 'paynet-oauth'
import * as wasm from 'paynet-oauth/wasm'
for (const [how, m] of [['browser condition', paynet], ['paynet-oauth/wasm', wasm]]) {
  if (typeof m.commandRequest !== 'function') throw new Error(`${how}: not the wasm build`)
  const s = m.sign({ method: 'POST', url: 'https://sandbox.payneteasy.com/paynet/api/v2/get-balance/ENDPOINTID',
    params: [['balance-provider', 'Test']], consumerKey: 'balance_test_merchant14',
    consumerSecret: 'F9F65098-1111-1111-1111-621611111111', timestamp: '1686923599', nonce: '2xGTFuAgetE' })
  if (s.signature !== 'CROVVmkEAaZtIzV8pkEZKiHgHps=') throw new Error(`${how}: ${s.signature}`)
}
JS
env PATH=$clean_path node check.cjs || fail "require failed"
env PATH=$clean_path node check.mjs || fail "import failed"
env PATH=$clean_path node --conditions=browser check-wasm.mjs || fail "the wasm build (browser condition, paynet-oauth/wasm) failed"
[[ ! -e node_modules/paynet-oauth/paynet-oauth.linux-x64-gnu.node && -f node_modules/paynet-oauth-linux-x64-gnu/paynet-oauth.linux-x64-gnu.node ]] \
  || fail "the addon did not come from the platform package"
echo "npm dist: 4 platform packages (os/cpu/libc, ELF machine, glibc <= 2.17 / musl) and the main package;" \
  "npm install without Rust: $ms ms; require and import sign the vector, and so does the wasm build"
