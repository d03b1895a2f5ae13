#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds everything and runs every test (ctest).
# Tests that need tepei-server start their own on a free loopback port.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh"
build="${TEPEI_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j "${TEPEI_JOBS:-$(nproc)}" --timeout 600 "$@"
