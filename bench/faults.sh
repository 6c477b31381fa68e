#!/usr/bin/env bash
# Fault benchmark: the site under steady load while its PostgreSQL goes away and comes back.
#
# Measures the article's peak throughput with wrk, then holds 80% of it with h2load for $DURATION seconds
# (mixing the article, the home page, the sitemap and a download), stops PostgreSQL at $STOP_AT seconds and
# starts it again at $START_AT. Prints requests, errors and the 5xx count (which must be 0), and how the
# readiness check followed the outage. Installs wrk and h2load (nghttp2-client) if missing.
#
# Usage: bench/faults.sh          (DURATION=60 STOP_AT=20 START_AT=50 CONNECTIONS=64 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
DURATION=${DURATION:-60}
STOP_AT=${STOP_AT:-20}
START_AT=${START_AT:-50}
CONNECTIONS=${CONNECTIONS:-64}
ARTICLE=/fastapi-vs-django-vs-flask

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install wrk h2load curl
trap bench_cleanup EXIT
bench_setup

start_site; wait_for "$ARTICLE"
wrk -t2 -c"$CONNECTIONS" -d3s "$site_url$ARTICLE" >/dev/null
peak=$(wrk -t2 -c"$CONNECTIONS" -d8s "$site_url$ARTICLE" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
rate=$(( peak * 8 / 10 ))
per_client=$(( rate / CONNECTIONS > 0 ? rate / CONNECTIONS : 1 ))
echo "peak ${peak} req/s; holding ${rate} req/s (${per_client} per connection x ${CONNECTIONS}) for ${DURATION}s;" \
  "PostgreSQL down from ${STOP_AT}s to ${START_AT}s"

printf '%s\n' "$site_url$ARTICLE" "$site_url/" "$site_url/sitemap.xml" "$site_url$ARTICLE/results.csv" > "$work/urls"
h2load --h1 -c "$CONNECTIONS" --rps="$per_client" -D "$DURATION" -i "$work/urls" > "$work/h2load.out" 2>&1 &
load=$!

readiness() { curl -s -o /dev/null -w '%{http_code}' "$site_url/healthz/ready"; }
timeline=()
for second in $(seq 1 "$DURATION"); do
  sleep 1
  [ "$second" -eq "$STOP_AT" ] && pg_stop && timeline+=("${second}s: PostgreSQL stopped")
  [ "$second" -eq "$START_AT" ] && pg_start && timeline+=("${second}s: PostgreSQL started")
  state=$(readiness)
  if [ "${last:-}" != "$state" ]; then timeline+=("${second}s: readiness ${state}"); last=$state; fi
done
wait "$load" || true

echo
grep -E '^(requests|status codes):' "$work/h2load.out"
echo
printf '%s\n' "${timeline[@]}"
fivexx=$(awk '/^status codes:/ { print $9 }' "$work/h2load.out")
echo
echo "5xx responses: ${fivexx:-unknown} (must be 0)"
echo "log lines about the store:" \
  "$(grep -cE 'Results store (unreachable|reachable again)' "$work/site.log" || true) (once down, once back)"
grep -E 'Results store (unreachable|reachable again)' "$work/site.log" | sed 's/^/  /'
[ "${fivexx:-1}" = "0" ]
