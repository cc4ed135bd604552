#!/usr/bin/env bash
# Checks a C release archive as a user would: unpacks it, checks the versioned SONAME,
# builds tools/dist/consumer with CMake (find_package, both imported targets) and with
# make + pkg-config (paynet_oauth, paynet_oauth-static), checks what each program
# links, and runs them (under qemu-user for aarch64).
#
# Usage: check-c-archive.sh ROOT ARCHIVE TRIPLE WORK
set -euo pipefail
root=$(realpath "$1") archive=$(realpath "$2") triple=$3 work=$(realpath -m "$4")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
soversion=$(bash "$root/tools/dist/soversion.sh" "$version")
w=$work/check-c-$triple
rm -rf "$w" && mkdir -p "$w/make"
tar -xzf "$archive" -C "$w"
dir=$(echo "$w"/paynet-oauth-*/)
dir=${dir%/}
fail() { echo "c archive $triple: $*" >&2; exit 1; }
for f in include/paynet_oauth.h lib/libpaynet_oauth.a lib/libpaynet_oauth.so lib/pkgconfig/paynet_oauth.pc \
  lib/cmake/paynet_oauth/paynet_oauthConfig.cmake LICENSE-MIT LICENSE-APACHE; do
  [[ -e $dir/$f ]] || fail "missing $f"
done
soname=$(readelf -d "$dir/lib/libpaynet_oauth.so.$version" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[[ $soname == "libpaynet_oauth.so.$soversion" ]] || fail "SONAME is '$soname', expected libpaynet_oauth.so.$soversion"

case $triple in
  x86_64-*) cc=cc run=() cmake_cross=() ;;
  aarch64-*) cc=aarch64-linux-gnu-gcc run=(qemu-aarch64 -L /usr/aarch64-linux-gnu)
    cmake_cross=(-DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64 -DCMAKE_C_COMPILER=aarch64-linux-gnu-gcc) ;;
  *) fail "no compiler known" ;;
esac
PKG_CONFIG_LIBDIR=$dir/lib/pkgconfig make --no-print-directory -s -C "$root/tools/dist/consumer" \
  CC="$cc" OUT="$w/make" >"$w/build.log" 2>&1 || { cat "$w/build.log" >&2; fail "make + pkg-config build failed"; }
cmake -S "$root/tools/dist/consumer" -B "$w/cmake" -DCMAKE_PREFIX_PATH="$dir" -DCMAKE_BUILD_TYPE=Release \
  "${cmake_cross[@]}" >>"$w/build.log" 2>&1 && cmake --build "$w/cmake" >>"$w/build.log" 2>&1 \
  || { cat "$w/build.log" >&2; fail "CMake build failed"; }

for prog in "$w"/make/sign_shared "$w"/make/sign_static "$w"/cmake/sign_shared "$w"/cmake/sign_static; do
  needed=$(readelf -d "$prog" | sed -n 's/.*Shared library: \[\(libpaynet_oauth[^]]*\)\].*/\1/p')
  case $prog in
    *_shared) [[ $needed == "libpaynet_oauth.so.$soversion" ]] || fail "$prog needs '$needed', not the SONAME" ;;
    *_static) [[ -z $needed ]] || fail "$prog links $needed dynamically" ;;
  esac
  out=$("${run[@]}" "$prog") || fail "$prog failed: $out"
  [[ $out == "paynet_oauth $version: CROVVmkEAaZtIzV8pkEZKiHgHps=" ]] || fail "$prog printed '$out'"
done
echo "c archive $triple: SONAME libpaynet_oauth.so.$soversion; CMake and pkg-config programs, shared and static, sign the vector${run:+ (under ${run[0]})}"
