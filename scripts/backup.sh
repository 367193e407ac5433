#!/usr/bin/env bash
# Backs up the platform into a new folder: the database (pg_dump, custom format) and the objects that its
# rows keep in the object store, each checked against its row's SHA-256, then SHA256SUMS over every file.
# A folder without SHA256SUMS is not a complete backup. Usage: scripts/backup.sh FOLDER
# Reads DATABASE_URL (the platform's default when unset) and, when some files are in the object store,
# the S3_* settings. docs/deploy.md, Backups, tells the rest.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FOLDER   (a new or empty folder)" >&2
  exit 2
fi
folder=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The admin commands: the build's, or another command line (the tests run the sources themselves).
read -r -a cli <<<"${PLATFORM_CLI:-node $root/dist/apps/cli/src/main.js}"
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator}

if [[ -e $folder && -n $(ls -A "$folder") ]]; then
  echo "backup: $folder is not empty" >&2
  exit 1
fi
mkdir -p "$folder"

# One snapshot of the whole database; the objects copied next are those its rows name.
pg_dump --format=custom --file="$folder/database.dump" "$DATABASE_URL"
"${cli[@]}" documents:backup --dump "$folder/database.dump" --out "$folder/objects"

(cd "$folder" && find . -type f ! -name 'SHA256SUMS*' -printf '%P\0' | sort -z | xargs -0 -r sha256sum --) \
  >"$folder/SHA256SUMS.partial"
mv "$folder/SHA256SUMS.partial" "$folder/SHA256SUMS"
echo "Backed up to $folder: $(wc -l <"$folder/SHA256SUMS") file(s) listed in SHA256SUMS."
