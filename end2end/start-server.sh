#!/usr/bin/env bash
# Starts the portal for the browser tests on a fresh SQLite database with the demo school.
set -euo pipefail
port=${1:-3100}
here=$(cd "$(dirname "$0")" && pwd)
bin=${SG_SERVER_BIN:-$here/../target/debug/schoolgate}
data=$(mktemp -d /tmp/sg-e2e.XXXXXX)
trap 'rm -rf "$data"' EXIT
export DATABASE_URL="sqlite://$data/schoolgate.db?mode=rwc"
export SG_SITE_ROOT=${SG_SITE_ROOT:-$here/../target/site}
export SG_ADDR="127.0.0.1:$port"
# Uploaded files next to the database, not in the checkout.
export SG_FILES_DIR="$data/files"
"$bin" seed
exec "$bin" serve
