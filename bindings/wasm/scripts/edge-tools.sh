#!/usr/bin/env bash
# The edge runtimes make test-edge runs the package in, from npm, pinned, installed
# quietly once into ROOT/build/tools/edge (not committed):
# deno (its `deno` condition), workerd (Cloudflare's runtime) and esbuild (bundles the
# worker as wrangler does, through the `workerd` condition).
#
#   edge-tools.sh check ROOT | install ROOT | bin ROOT NAME
set -euo pipefail
mode=$1 root=$2
dir=$root/build/tools/edge
tools=(deno@2.9.6 workerd@1.20261117.1 esbuild@0.28.2)
bin() { echo "$dir/node_modules/.bin/$1"; }

check() {
  for tool in "${tools[@]}"; do
    name=${tool%@*} want=${tool#*@}
    [ -x "$(bin "$name")" ] || { echo "$(bin "$name") is missing"; return 1; }
    version=$("$(bin "$name")" --version 2>&1 | head -n 1)
    case $name in workerd) want=${want#1.} want="${want:0:4}-${want:4:2}-${want:6:2}" ;; esac
    grep -qF "$want" <<<"$version" || { echo "$name: '$version' is not $want"; return 1; }
  done
}

case $mode in
  check) check ;;
  install)
    mkdir -p "$dir"
    [ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
    (cd "$dir" && npm install --silent --no-audit --no-fund --loglevel=error "${tools[@]}")
    check
    ;;
  bin) bin "$3" ;;
  *) echo "usage: edge-tools.sh check|install|bin ROOT [NAME]" >&2; exit 2 ;;
esac
