#!/usr/bin/env bash
# The browser of the browser tests: Debian's Chromium at /usr/bin/chromium (playwright-core drives
# it; no browser is downloaded). Installs the `chromium` package with apt-get when it is missing
# and we are root. Silent when it is there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
[[ -x "$CHROMIUM" ]] && exit 0
if [[ "$(id -u)" -ne 0 ]]; then
  echo "chromium: not installed; run as root or install it with: apt-get install -y chromium" >&2
  exit 1
fi
echo "chromium: installing with apt-get" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
