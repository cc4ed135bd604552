#!/usr/bin/env bash
# Removes what install-c.sh installed (and nothing else; empty directories it created
# under LIBDIR stay only when they hold other files).
#
# Usage: uninstall-c.sh DESTDIR LIBDIR INCLUDEDIR
set -euo pipefail
destdir=$1 libdir=$2 includedir=$3
lib=$destdir$libdir
rm -f "$lib"/libpaynet_oauth.a "$lib"/libpaynet_oauth.so "$lib"/libpaynet_oauth.so.* \
  "$lib/pkgconfig/paynet_oauth.pc" "$lib/pkgconfig/paynet_oauth-static.pc" \
  "$lib/cmake/paynet_oauth/paynet_oauthConfig.cmake" "$lib/cmake/paynet_oauth/paynet_oauthConfigVersion.cmake" \
  "$destdir$includedir/paynet_oauth.h"
rmdir "$lib/cmake/paynet_oauth" 2>/dev/null || true
