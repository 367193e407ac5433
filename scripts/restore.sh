#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into a new, empty database and, when it holds objects, into the
# object store of the S3_* settings: every file is checked against SHA256SUMS first, and afterwards each
# stored file against its row's SHA-256 (the bytes rows keep, in SQL; each object, read back from the
# store). Usage: scripts/restore.sh FOLDER. Reads DATABASE_URL (the database must exist and have no table).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FOLDER   (made by scripts/backup.sh)" >&2
  exit 2
fi
folder=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
read -r -a cli <<<"${PLATFORM_CLI:-node $root/dist/apps/cli/src/main.js}"
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator}

fail() {
  echo "restore: $*" >&2
  exit 1
}

[[ -f $folder/SHA256SUMS ]] || fail "$folder has no SHA256SUMS: not a complete backup"
(cd "$folder" && sha256sum --check --strict --quiet SHA256SUMS) || fail "files of $folder do not match SHA256SUMS"

tables=$(psql "$DATABASE_URL" -XtAqc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[[ $tables == 0 ]] || fail "the database already has $tables table(s): restore into a new, empty database"

pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" \
  "$folder/database.dump"

# Files whose bytes their rows keep (every table with a storage_key column): each must hash to its row.
for table in $(psql "$DATABASE_URL" -XtAqc "
  SELECT table_name FROM information_schema.columns
  WHERE table_schema = 'public' AND column_name = 'storage_key' ORDER BY table_name"); do
  altered=$(psql "$DATABASE_URL" -XtAqc "
    SELECT count(*) FROM $table
    WHERE content IS NOT NULL AND (encode(sha256(content), 'hex') <> sha256 OR length(content) <> size)")
  [[ $altered == 0 ]] || fail "$altered row(s) of $table do not hash to their SHA-256"
done

"${cli[@]}" documents:restore --dump "$folder/database.dump" --from "$folder/objects"
echo "Restored $folder. Run the migrations of the release (npm run migrate) before starting it."
