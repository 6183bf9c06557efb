# Load-testing a signed-in page against /sign-in on the release server, for the bench scripts
# (sourced after lib.sh; they set $work, $SITE, DURATION, CONNECTIONS and FEW).

pid=
# Starts the release server on a database; sets $pid and $base.
serve() {
  local port=$(( 30000 + RANDOM % 20000 ))
  base="http://127.0.0.1:$port"
  DATABASE_URL="$1" SG_SITE_ROOT="$SITE" SG_ADDR="127.0.0.1:$port" \
    SG_FILES_DIR="$work/files" RUST_LOG=warn target/release/schoolgate serve &
  pid=$!
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$base/favicon.svg" && return
    sleep 0.1
  done
}
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }
rss() { awk -v k="$1" '$1 == k":" { print $2 / 1024 " MB" }' "/proc/$pid/status"; }
rate() { awk '/Requests\/sec/ { print $2 }'; }

# wrk on a path; prints requests/s, p50, p99 and errors; the rate goes to $work/rate.
load() {
  local connections=$1 path=$2; shift 2
  wrk -t2 -c"$connections" -d"$DURATION" --latency "$@" "$base$path" > "$work/wrk.txt"
  grep -E 'Requests/sec|  50%|  99%|Non-2xx|Socket errors' "$work/wrk.txt"
  rate < "$work/wrk.txt" > "$work/rate"
}

# The same figures for one school: /sign-in, then `path` as the signed-in `cookie`, then their
# ratio. `marker` counts the items on the page (a class every item carries once).
compare() {
  local cookie=$1 path=$2 marker=$3 name=$4
  local status
  status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  echo "GET $path as a parent: HTTP $status, $(wc -c < "$work/page.html") bytes, $(grep -o "$marker" "$work/page.html" | wc -l) items"
  echo "server resident memory before load: $(rss VmRSS)"
  echo "-- /sign-in (anonymous, server-rendered), $CONNECTIONS connections, $DURATION"
  load "$CONNECTIONS" /sign-in
  local sign_in; sign_in=$(cat "$work/rate")
  echo "-- $path (signed-in parent), $CONNECTIONS connections, $DURATION"
  load "$CONNECTIONS" "$path" -H "Cookie: $cookie"
  local page; page=$(cat "$work/rate")
  echo "-- $path (signed-in parent), $FEW connections, $DURATION"
  load "$FEW" "$path" -H "Cookie: $cookie"
  awk -v b="$page" -v s="$sign_in" -v n="$name" 'BEGIN { printf "%s throughput = %.1f %% of /sign-in (target ≥ 25 %%)\n", n, 100 * b / s }'
  echo "server peak resident memory (VmHWM): $(rss VmHWM); now $(rss VmRSS) (target ≤ 150 MB)"
}

# Signs the demo parent in on the running server; prints the session cookie.
demo_cookie() {
  curl -s -o /dev/null -c "$work/jar" -H "Origin: $base" \
    --data-urlencode "email=parent@riverside.example" --data-urlencode "password=Riverside-demo-2026" \
    "$base/api/auth/sign-in"
  local cookie
  cookie=$(awk '$6 == "sg_session" { print $6 "=" $7 }' "$work/jar")
  [ -n "$cookie" ] || { echo "could not sign the demo parent in" >&2; return 1; }
  echo "$cookie"
}
