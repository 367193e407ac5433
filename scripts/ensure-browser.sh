#!/usr/bin/env bash
# The browser of the browser tests: Debian's Chromium headless shell at
# /usr/bin/chromium-headless-shell (playwright-core drives it; no browser is downloaded), with fonts
# for every script of the interface: DejaVu covers Latin and Cyrillic, Noto the Arabic
# (fonts-noto-core) and the Chinese (fonts-noto-cjk), without which Chromium draws their letters as
# boxes. Installs what is missing with apt-get when we are root.
# Silent when all is there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium-headless-shell
missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium-headless-shell)
# fc-list, to ask for the fonts, comes with fontconfig, which the headless shell does not depend on.
command -v fc-list >/dev/null || missing+=(fontconfig)
has_font() { command -v fc-list >/dev/null && [[ -n "$(fc-list ":lang=$1" family)" ]]; }
has_font ar || missing+=(fonts-noto-core)
has_font zh-cn || missing+=(fonts-noto-cjk)
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ "$(id -u)" -ne 0 ]]; then
  echo "browser tests: missing ${missing[*]}; run as root or install with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "browser tests: installing ${missing[*]} with apt-get" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
