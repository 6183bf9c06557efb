# Shared steps for ./sg and the measurement scripts. Sourced, not run; expects $ROOT.
# shellcheck shell=bash

SITE="$ROOT/target/site"
PKG="$SITE/pkg"

LOG_DIR="$ROOT/target/sg-logs"

step() {
  # Runs one step with its output in target/sg-logs/<step>.log; prints the step's name and time,
  # and on failure the end of its log. Compiler progress stays out of the terminal (and out of
  # CI's log, where a long run's output once ran to thousands of lines).
  local name=$1; shift
  local t0=$SECONDS status=0
  local log
  log=$(step_log "$name")
  mkdir -p "$LOG_DIR"
  echo "==> $name"
  # In the background and waited for, so `set -e` still stops the step at its first failing
  # command (a function run as the condition of `if` or `||` would ignore it).
  "$@" >"$log" 2>&1 &
  local pid=$!
  # A background job ignores Ctrl-C in a script; pass it on.
  trap 'kill -TERM "$pid" 2>/dev/null; exit 130' INT TERM
  wait "$pid" || status=$?
  trap - INT TERM
  if [ "$status" -ne 0 ]; then
    echo "    FAILED: $name ($((SECONDS - t0)) s, exit $status); the end of $log:"
    # Lines cut short: a linker's command line is one line of tens of kilobytes, and the
    # reason it failed comes after it.
    tail -n 200 "$log" | cut -c1-400 | sed 's/^/    | /'
    return "$status"
  fi
  echo "    done: $name ($((SECONDS - t0)) s)"
}

shown_step() {
  # A step whose output is the point (figures): run as a step, then printed.
  step "$@"
  sed 's/^/    /' "$(step_log "$1")"
}

step_log() { printf '%s/%s.log' "$LOG_DIR" "$(printf '%s' "$1" | tr -cs 'A-Za-z0-9' '-')"; }

counted() {
  # Runs a test command, keeping its output for the final count (any failure stops ./sg first).
  "$@" 2>&1 | tee -a "$TEST_LOG"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  # Debian packages, installed only when one is missing.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "    installing Debian packages: ${missing[*]}"
  if [ $APT_UPDATED = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

locked_version() {
  # The version Cargo.lock pins for a crate, e.g. wasm-bindgen.
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

npm_ci_if_needed() {
  # Installs a folder's npm packages when the lock file changed since the last install.
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.sg-installed-lock"; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.sg-installed-lock"
  fi
}

ensure_build_tools() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || step "rustup target add wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
  local want; want=$(locked_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    # --locked fails for this crate on these machines (a yanked transitive release).
    step "cargo install wasm-bindgen-cli $want" cargo install wasm-bindgen-cli --version "$want"
  fi
  command -v brotli >/dev/null || apt_install brotli
  npm_ci_if_needed "$ROOT/tools"
}

ensure_test_tools() {
  # poppler-utils: the reports tests read uploaded PDFs back with pdftotext.
  apt_install chromium postgresql fonts-wqy-microhei fonts-noto-core poppler-utils
  npm_ci_if_needed "$ROOT/end2end"
  ensure_smtp_sink
}

ensure_smtp_sink() {
  # The e-mail tests send to a real SMTP server (aiosmtpd from PyPI) and the calendar tests read
  # our .ics files with a parser that is not ours (icalendar), both in a private virtualenv.
  local venv="$ROOT/tools/smtp/venv"
  if ! "$venv/bin/python" -c "import aiosmtpd, icalendar, PIL" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$ROOT/tools/smtp/requirements.txt"
  fi
  export SG_TEST_SMTP_PYTHON="$venv/bin/python"
}

short_hash() { sha256sum "$1" | cut -c1-12; }

compress_file() {
  brotli -q 11 -f -k "$1"
  gzip -9 -f -k -n "$1"
}

# --converge repeats -Oz until it stops shrinking: about 1 KB brotli off the main wasm. The
# --strip flags drop the custom sections (names, producers, target features) the splitter's
# chunks carried: no browser reads them, and in files this small they were 2.7 KB of brotli on a
# parent's way to a notice (262.7 → 260.0 KB).
WASM_OPT_FLAGS=(-Oz --converge --strip-debug --strip-producers --strip-target-features
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)

build_frontend() {
  # cargo (with relocations kept for the splitter) → split into main module and chunks →
  # wasm-bindgen → wasm-opt per file → content-hashed names → brotli/gzip → pkg/manifest.txt.
  RUSTFLAGS="${RUSTFLAGS:-} -Clink-args=--emit-relocs" \
    cargo build --locked -p frontend --target wasm32-unknown-unknown --profile wasm-release
  cargo build --locked -q -p wasm-split --release
  local raw="$ROOT/target/wasm32-unknown-unknown/wasm-release/frontend.wasm"
  local stamp="$PKG/manifest.txt"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$raw" ] \
     && [ -z "$(find "$ROOT/style" "$ROOT/public" -newer "$stamp" -print -quit)" ]; then
    echo "    front end unchanged since the last build"
    return 0
  fi
  local work="$ROOT/target/wasm-split"
  local splitter="$ROOT/target/release/wasm-split"
  local wasm_opt="$ROOT/tools/node_modules/.bin/wasm-opt"
  rm -rf "$work" "$SITE"
  mkdir -p "$work" "$PKG"
  # The staff routes (by their route type, snake case): small chunks only they share are joined
  # into files no parents' route loads. A staff route missing here costs files, not safety.
  "$splitter" split "$raw" "$work" --staff compose,staff_,new_form,news_edit,office
  # --keep-lld-exports: the chunks link against the main module's table and functions.
  wasm-bindgen --target web --no-typescript --remove-name-section --keep-lld-exports \
    --out-dir "$work" --out-name schoolgate "$work/main.wasm"
  # wasm-opt only after wasm-bindgen: before it, the splitter cannot read the relocations.
  "$wasm_opt" "${WASM_OPT_FLAGS[@]}" "$work/schoolgate_bg.wasm" -o "$work/schoolgate_bg.wasm"
  while read -r chunk; do
    [ -n "$chunk" ] && "$wasm_opt" "${WASM_OPT_FLAGS[@]}" "$work/$chunk" -o "$work/$chunk"
  done < "$work/chunks.txt"
  "$splitter" finish "$work" "$PKG" > "$work/manifest.txt"
  local css_name="schoolgate.$(short_hash "$ROOT/style/main.css").css"
  cp "$ROOT/style/main.css" "$PKG/$css_name"
  echo "css=$css_name" >> "$work/manifest.txt"
  cp -r "$ROOT/public/." "$SITE/"
  for f in "$PKG"/*.wasm "$PKG"/*.js "$PKG/$css_name" "$SITE"/*.svg "$SITE"/*.webmanifest; do
    compress_file "$f"
  done
  cp "$work/manifest.txt" "$stamp"
}

PG_DIR=""
start_postgres() {
  # A throw-away PostgreSQL cluster on a loopback port, owned by this test run.
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/sg-pg.XXXXXX)
  local port=$(( 20000 + RANDOM % 20000 ))
  local run=()
  if [ "$(id -u)" = 0 ]; then
    # initdb and postgres refuse to run as root.
    chown postgres:postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export SG_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  PG_RUN=("${run[@]}"); PG_BIN=$bin
  trap stop_postgres EXIT
  echo "    PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
  unset SG_TEST_POSTGRES_URL
}

run_playwright() {
  # The browser tests use the debug server binary built by the integration tests.
  (cd "$ROOT/end2end" && SG_SERVER_BIN="$ROOT/target/debug/schoolgate" SG_SITE_ROOT="$SITE" \
    npx playwright test)
}
