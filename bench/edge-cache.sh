#!/usr/bin/env bash
# Edge-cache benchmark: Varnish (deploy/varnish/site.vcl) in front of two site instances on one PostgreSQL,
# the instances purging it by surrogate key (see README, "Running at scale").
#
# Prints: the hit ratio under load (wrk through Varnish for $DURATION seconds over the article and a second
# comparison), edge requests against origin requests, the time from an import (a separate process) to the
# new figures through the cache over $REPS imports (median and max), and whether the comparison the imports
# do not touch stayed cached all along (the same stored object answered before and after).
# Installs varnish and wrk if missing.
#
# Usage: bench/edge-cache.sh          (DURATION=10 REPS=5 CONNECTIONS=32 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
DURATION=${DURATION:-10}
REPS=${REPS:-5}
CONNECTIONS=${CONNECTIONS:-32}
ARTICLE=/fastapi-vs-django-vs-flask
UNRELATED=/postgresql-vs-sqlite

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install varnish wrk curl
pids=()
edge_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  bench_cleanup
}
trap edge_cleanup EXIT
bench_setup

# Content: the repository's comparison (suite python-web-frameworks) and a fixture comparison in another suite.
mkdir -p "$work/content"
cp -r "$root/content/fastapi-vs-django-vs-flask" "$work/content/"
cp -r "$root/tests/ComparisonSite.Tests/Fixtures/second-site/content/postgresql-vs-sqlite" "$work/content/"
export Content__Path="$work/content"

varnish_port=$(free_port)
# The shared purge secret: varnishd refuses purges without it (site.vcl), the instances send it.
EDGE_PURGE_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export EDGE_PURGE_SECRET
ports=("$(free_port)" "$(free_port)")
mkdir -p "$work/vcl"
{
  echo 'probe ready { .url = "/healthz/ready"; .interval = 1s; .timeout = 1s;'
  echo '  .window = 3; .threshold = 2; .initial = 2; }'
  echo 'acl purgers { "127.0.0.1"; }'
  for i in 0 1; do echo "backend instance$i { .host = \"127.0.0.1\"; .port = \"${ports[$i]}\"; .probe = ready; }"; done
  echo 'sub vcl_init { new instances = directors.round_robin();'
  echo '  instances.add_backend(instance0); instances.add_backend(instance1); }'
} > "$work/vcl/backends.vcl"

for i in 0 1; do
  env "Serilog__MinimumLevel__Override__ComparisonSite.Caching.Edge=Information" \
    "Edge__Purgers__0__Name=varnish" "Edge__Purgers__0__Method=BAN" \
    "Edge__Purgers__0__Url=http://127.0.0.1:$varnish_port/" "Edge__Purgers__0__Headers__Surrogate-Key={keys}" \
    "Edge__Purgers__0__Headers__Purge-Secret=$EDGE_PURGE_SECRET" "Edge__Purgers__0__BatchSize=32" \
    "$work/app/ComparisonSite" --urls "http://127.0.0.1:${ports[$i]}" >>"$work/site$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do until curl -fs -o /dev/null "http://127.0.0.1:${ports[$i]}/healthz/ready"; do sleep 0.05; done; done

/usr/sbin/varnishd -F -j none -n "$work/varnish" -a "127.0.0.1:$varnish_port" -T none \
  -f "$root/deploy/varnish/site.vcl" -p "vcl_path=$work/vcl:$root/deploy/varnish" -s malloc,256m \
  >"$work/varnish.log" 2>&1 &
pids+=($!)
edge="http://127.0.0.1:$varnish_port"
until curl -fs -o /dev/null "$edge$ARTICLE"; do sleep 0.05; done
stat() { varnishstat -n "$work/varnish" -1 -f "MAIN.$1" | awk '{ print $2 }'; }

# Load: wrk through Varnish, half the connections on each comparison.
curl -fs -o /dev/null "$edge$UNRELATED"
hits0=$(stat cache_hit); misses0=$(stat cache_miss); client0=$(stat client_req); backend0=$(stat backend_req)
wrk -t1 -c$((CONNECTIONS / 2)) -d"${DURATION}s" "$edge$ARTICLE" > "$work/wrk1" &
wrk -t1 -c$((CONNECTIONS / 2)) -d"${DURATION}s" "$edge$UNRELATED" > "$work/wrk2"
wait %%
hits=$(( $(stat cache_hit) - hits0 )); misses=$(( $(stat cache_miss) - misses0 ))
client=$(( $(stat client_req) - client0 )); backend=$(( $(stat backend_req) - backend0 ))
rps=$(awk '/^Requests\/sec:/ { s += $2 } END { printf "%.0f", s }' "$work/wrk1" "$work/wrk2")
echo "load: ${DURATION}s, ${CONNECTIONS} connections through Varnish: ${rps} req/s"
ratio=$(awk -v h="$hits" -v m="$misses" 'BEGIN { printf "%.4f", h / (h + m) }')
echo "hit ratio: $hits hits / $((hits + misses)) lookups = $ratio"
echo "edge requests: $client; origin requests: $backend"

# Imports: each a new run of the article's suite, made by a separate process; time until the edge serves it.
object() { curl -fs -o /dev/null -D - "$edge$UNRELATED" | awk 'tolower($1) == "x-varnish:" { print $3 }' | tr -d '\r'; }
unrelated_before=$(object)
times=()
for rep in $(seq 1 "$REPS"); do
  before=$(curl -fs "$edge$ARTICLE" | sha256sum)
  # The fixture run under a new id, its figures scaled so every import changes what the article shows.
  python3 - "$root/tests/ComparisonSite.Tests/Fixtures/imports/second-run.json" "$rep" > "$work/run$rep.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
rep = int(sys.argv[2])
doc["run"]["id"] = f"edge-bench-{rep}"
for result in doc["results"]:
    if "samples" in result:
        result["samples"] = [round(v * (1 + rep / 100), 3) for v in result["samples"]]
    else:
        result["value"] = round(result["value"] * (1 + rep / 100), 3)
json.dump(doc, sys.stdout)
PY
  "$work/app/ComparisonSite" import "$work/run$rep.json" >/dev/null
  start=$(date +%s%N)
  until [ "$(curl -fs "$edge$ARTICLE" | sha256sum)" != "$before" ]; do
    [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 10000 ] && { echo "import $rep: not fresh within 10 s" >&2; exit 1; }
    sleep 0.005
  done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  sleep 1
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "import to fresh article through the edge over $REPS imports (ms): ${times[*]};" \
  "median $(sed -n "$(( (REPS + 1) / 2 ))p" <<<"$sorted"), max $(tail -n 1 <<<"$sorted")"
unrelated_after=$(object)
age=$(curl -fs -o /dev/null -D - "$edge$UNRELATED" | awk 'tolower($1) == "age:" { print $2 }' | tr -d '\r')
if [ -n "$unrelated_before" ] && [ "$unrelated_before" = "$unrelated_after" ]; then
  echo "unrelated page $UNRELATED: stayed cached (same object $unrelated_after, Age ${age}s, never purged)"
else
  echo "unrelated page $UNRELATED: was purged (object $unrelated_before -> $unrelated_after)"; exit 1
fi
echo "purges sent: $(cat "$work"/site*.log | grep -c 'Purged \[') (each instance purges after its own swap);" \
  "failed: $(cat "$work"/site*.log | grep -c 'Could not purge' || true)"
