#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (tests/e2e, Playwright with
# executable_path; never a downloaded browser build). Installs the `chromium` package when
# running as root (or with sudo); otherwise stops with a clear error.
set -euo pipefail

CHROMIUM="${CLEARLANE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "ensure-chromium: $CHROMIUM is missing and this user cannot install packages." >&2
    echo "  Install Debian's Chromium as root: apt-get install -y chromium" >&2
    echo "  (or set CLEARLANE_CHROMIUM to a Chromium binary). The browser tests need it." >&2
    exit 1
  fi
fi
echo "ensure-chromium: installing Chromium from Debian's packages" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: the chromium package is installed but $CHROMIUM is not there" >&2
  exit 1
fi
