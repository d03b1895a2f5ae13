#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing Tepei needs.
# Idempotent: packages already present are not touched, and apt is not called at all when
# nothing is missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git python3
  libcpprest-dev libboost-dev libsqlite3-dev sqlite3 libssl-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev libxlsxwriter-dev libminizip-dev
  qt6-declarative-dev qt6-declarative-dev-tools qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools
  qml6-module-qttest xvfb xauth poppler-utils openssl unzip python3-openpyxl
  postgresql libpq-dev
)
# What the client loads at run time (QML modules, fonts, Qt's translations): the .deb's Depends.
root="$(cd "$(dirname "$0")/.." && pwd)"
while read -r p; do
  case "$p" in ''|'#'*) ;; *) packages+=("$p") ;; esac
done <"$root/installer/client-runtime-packages"

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages are already installed."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: ${#missing[@]} packages are missing (${missing[*]}) and this user is not root;" >&2
    echo "setup: run this script as root or install sudo, then try again." >&2
    exit 1
  fi
fi
echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done."
