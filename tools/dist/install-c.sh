#!/usr/bin/env bash
# Installs the C library built in SRC (libpaynet_oauth.a and the .so linked with a
# SONAME) with the header, pkg-config files (paynet_oauth, paynet_oauth-static) and
# the CMake package, under DESTDIR. `make install` uses absolute paths; the release
# archives (MODE=relocatable) use paths relative to the .pc and .cmake files.
#
# Usage: install-c.sh ROOT SRC DESTDIR PREFIX LIBDIR INCLUDEDIR MODE NATIVE_LIBS
#   MODE: absolute | relocatable
set -euo pipefail
root=$1 src=$2 destdir=$3 prefix=$4 libdir=$5 includedir=$6 mode=$7 native_libs=$8
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
IFS=. read -r major minor _ <<<"$version"
soversion=$(bash "$root/tools/dist/soversion.sh" "$version")
lib=$destdir$libdir
inc=$destdir$includedir
install -d "$lib/pkgconfig" "$lib/cmake/paynet_oauth" "$inc"
install -m 644 "$src/libpaynet_oauth.a" "$lib/libpaynet_oauth.a"
install -m 755 "$src/libpaynet_oauth.so" "$lib/libpaynet_oauth.so.$version"
ln -sfn "libpaynet_oauth.so.$version" "$lib/libpaynet_oauth.so.$soversion"
ln -sfn "libpaynet_oauth.so.$soversion" "$lib/libpaynet_oauth.so"
install -m 644 "$root/include/paynet_oauth.h" "$inc/paynet_oauth.h"

if [[ $mode == relocatable ]]; then
  pc_prefix="\${pcfiledir}/$(realpath -m -s --relative-to="$libdir/pkgconfig" "$prefix")"
  pc_libdir="\${pcfiledir}/$(realpath -m -s --relative-to="$libdir/pkgconfig" "$libdir")"
  pc_includedir="\${pcfiledir}/$(realpath -m -s --relative-to="$libdir/pkgconfig" "$includedir")"
else
  pc_prefix=$prefix pc_libdir=$libdir pc_includedir=$includedir
fi
for pc in paynet_oauth paynet_oauth-static; do
  sed -e "s|@PREFIX@|$pc_prefix|" -e "s|@LIBDIR@|$pc_libdir|" -e "s|@INCLUDEDIR@|$pc_includedir|" \
    -e "s|@VERSION@|$version|" -e "s|@LIBS_PRIVATE@|$native_libs|" \
    "$root/bindings/c/$pc.pc.in" >"$lib/pkgconfig/$pc.pc"
done

# The CMake files find the library relative to themselves in both modes.
cmake_dir=$libdir/cmake/paynet_oauth
cmake_libs=$(sed -e 's/-l//g' -e 's/ /;/g' <<<"$native_libs")
sed -e "s|@VERSION@|$version|g" -e "s|@SOVERSION@|$soversion|g" -e "s|@CMAKE_LIBS@|$cmake_libs|" \
  -e "s|@LIBDIR_FROM_CMAKE@|$(realpath -m -s --relative-to="$cmake_dir" "$libdir")|" \
  -e "s|@INCLUDEDIR_FROM_CMAKE@|$(realpath -m -s --relative-to="$cmake_dir" "$includedir")|" \
  "$root/bindings/c/paynet_oauthConfig.cmake.in" >"$lib/cmake/paynet_oauth/paynet_oauthConfig.cmake"
sed -e "s|@VERSION@|$version|g" -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" \
  "$root/bindings/c/paynet_oauthConfigVersion.cmake.in" >"$lib/cmake/paynet_oauth/paynet_oauthConfigVersion.cmake"
