#!/usr/bin/env bash
# Install node dependencies only when needed: node_modules is missing or older
# than package-lock.json. Silent when everything is up to date.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.install-stamp
# Reference mtime: our stamp (written after a successful install), else npm's
# own hidden lockfile (written at the end of any npm install), else the
# directory itself. The directory's mtime alone is unreliable: a fresh
# checkout/copy can give it an mtime just before package-lock.json's.
ref=node_modules
for f in node_modules/.package-lock.json "$stamp"; do
  if [[ -e "$f" ]]; then ref=$f; fi
done

if [[ ! -d node_modules || package-lock.json -nt "$ref" ]]; then
  echo "deps: installing node packages" >&2
  # `npm install` honours the pinned lockfile; `npm ci` refuses lockfiles written without the
  # optional platform packages of other operating systems, as npm writes them on this setup.
  npm install --no-audit --no-fund >&2
  mkdir -p node_modules # npm creates none for a project without dependencies
  touch "$stamp"
fi
