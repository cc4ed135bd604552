#!/usr/bin/env bash
# Packs the C library built for TRIPLE (in SRC, linked with a SONAME) into
# OUT/paynet-oauth-VERSION-TRIPLE.tar.gz: one top folder with include/, lib/ (the
# stripped .a and .so, lib/pkgconfig/, lib/cmake/paynet_oauth/), the licenses and the
# C README. Records the library sizes before and after stripping in WORK/sizes.tsv.
#
# Usage: c-archive.sh ROOT TRIPLE SRC OUT WORK NATIVE_LIBS
set -euo pipefail
root=$1 triple=$2 src=$3 out=$4 work=$5 native_libs=$6
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
name=paynet-oauth-$version-$triple
stage=$work/c-$triple
rm -rf "$stage" && mkdir -p "$stage/$name" "$out"
bash "$root/tools/dist/install-c.sh" "$root" "$src" "$stage/$name" / /lib /include relocatable "$native_libs"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/$name/"
cp "$root/bindings/c/README.md" "$stage/$name/README.md"
strip=$(bash "$root/tools/dist/strip-for.sh" "$triple")
"$strip" --strip-unneeded "$stage/$name/lib/libpaynet_oauth.so.$version"
"$strip" --strip-debug "$stage/$name/lib/libpaynet_oauth.a"
sizes=$work/sizes.tsv
bash "$root/tools/dist/sizes.sh" "$sizes" "$name (libpaynet_oauth.so)" "$src/libpaynet_oauth.so" "$stage/$name/lib/libpaynet_oauth.so.$version"
bash "$root/tools/dist/sizes.sh" "$sizes" "$name (libpaynet_oauth.a)" "$src/libpaynet_oauth.a" "$stage/$name/lib/libpaynet_oauth.a"
# Reproducible: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - "$name" | gzip -n -9 >"$out/$name.tar.gz"
echo "c: $name.tar.gz ($(stat -c %s "$out/$name.tar.gz") bytes)"
