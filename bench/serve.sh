#!/usr/bin/env bash
# Serving benchmark (issue: "fast as a static file server").
#
# Builds Release (ReadyToRun), starts a private PostgreSQL and the site on loopback, and measures with wrk,
# each at $CONNECTIONS connections for $DURATION seconds:
#   1. the article page through the site (output cache);
#   2. the very same response bytes as a static file from nginx (the practical ceiling on this machine);
#   3. the same bytes through the site's own static file middleware;
#   4. the same bytes from a bare Kestrel program (bench/kestrel-ceiling: no middleware, bytes from memory),
#      which shows what Kestrel itself costs per response on this machine, apart from the site.
# Prints requests/s and p50/p99 latency for each, the site/nginx ratios, cold start (process start to the
# first 200 on the article, median of 5), resident memory after the load, and the article's compressed size.
# Writes the figures as a run document (bench/results/serve-<time>.json) that `import` accepts.
#
# The machine is shared and noisy: the three targets are measured in turn, ROUNDS times, and the median of
# each figure is reported, so all three see the same conditions.
#
# Usage: bench/serve.sh            (ROUNDS=3 DURATION=8 CONNECTIONS=64 THREADS=2 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
COLD_RUNS=${COLD_RUNS:-5}
ARTICLE=/fastapi-vs-django-vs-flask

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install wrk nginx curl
nginx_conf=""
ceiling_pid=""
cleanup() {
  [ -n "$nginx_conf" ] && /usr/sbin/nginx -c "$nginx_conf" -s stop 2>/dev/null || true
  [ -n "$ceiling_pid" ] && kill "$ceiling_pid" 2>/dev/null || true
  bench_cleanup
}
trap cleanup EXIT
bench_setup
dotnet publish "$root/bench/kestrel-ceiling" -c Release -o "$work/ceiling" --nologo -v quiet >/dev/null
wait_article() { wait_for "$ARTICLE"; }

echo "Warm-up start (migrates and seeds the empty store)..."
start_site; wait_article; stop_site

# In production the migrate job (docker compose's one-shot service, or the migrate verb) applies migrations;
# site instances skip that check at start-up, as here from now on.
export Results__MigrateOnStart=false
echo "Cold start, $COLD_RUNS runs..."
mapfile -t colds < <(python3 "$root/bench/cold_start.py" "$COLD_RUNS" "$site_url$ARTICLE" "$work/site.log" \
  env "Serilog__MinimumLevel__Override__ComparisonSite.Results.Sync=Information" \
    "$work/app/ComparisonSite" --urls "$site_url")
[ "${#colds[@]}" -eq "$COLD_RUNS" ] || { echo "cold start failed; see the log:"; tail -20 "$work/site.log"; exit 1; }
cold_ms=$(printf '%s\n' "${colds[@]}" | sort -n | sed -n "$(( (COLD_RUNS + 1) / 2 ))p")

start_site; wait_article
mkdir -p "$work/www" "$work/app/wwwroot/_bench"
curl -fs -o "$work/www/article.html" "$site_url$ARTICLE"
cp "$work/www/article.html" "$work/app/wwwroot/_bench/article.html"
html_bytes=$(stat -c %s "$work/www/article.html")
br_bytes=$(curl -fs -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$site_url$ARTICLE")
gzip_bytes=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$site_url$ARTICLE")

nginx_port=$(free_port)
nginx_conf="$work/nginx.conf"
cat >"$nginx_conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
NGINX
/usr/sbin/nginx -c "$nginx_conf"
ceiling_port=$(free_port)
"$work/ceiling/KestrelCeiling" "$work/www/article.html" "http://127.0.0.1:$ceiling_port" >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$ceiling_port/"; do sleep 0.05; done

# wrk prints latency with units; convert to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n
  }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A samples
measure() { # measure NAME URL: one wrk run, appended to that target's samples
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
  samples[rps_$1]+=" $(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  samples[p50_$1]+=" $(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  samples[p99_$1]+=" $(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  samples[errors_$1]+=" $(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
}

echo "Load: $CONNECTIONS connections, ${DURATION}s per target, $ROUNDS rounds..."
curl -fs -o /dev/null "$site_url/_bench/article.html"
# Let tiered compilation settle before measuring (a long-running server is past this point).
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$site_url$ARTICLE" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$site_url/_bench/article.html" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$ceiling_port/" >/dev/null
for _ in $(seq "$ROUNDS"); do
  measure site "$site_url$ARTICLE"
  measure nginx "http://127.0.0.1:$nginx_port/article.html"
  measure static "$site_url/_bench/article.html"
  measure kestrel "http://127.0.0.1:$ceiling_port/"
done
for target in site nginx static kestrel; do
  for figure in rps p50 p99; do
    # shellcheck disable=SC2086
    printf -v "${figure}_$target" '%s' "$(median ${samples[${figure}_$target]})"
  done
  errors=${samples[errors_$target]// /}
  printf -v "errors_$target" '%s' "${errors}"
done
rss_mb=$(( $(ps -o rss= -p "$site_pid") / 1024 ))

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
printf '%-34s %12s %10s %10s\n' "target" "requests/s" "p50 ms" "p99 ms"
printf '%-34s %12s %10s %10s\n' "article through the site" "$rps_site" "$p50_site" "$p99_site"
printf '%-34s %12s %10s %10s\n' "same bytes from nginx" "$rps_nginx" "$p50_nginx" "$p99_nginx"
printf '%-34s %12s %10s %10s\n' "same bytes, site static files" "$rps_static" "$p50_static" "$p99_static"
printf '%-34s %12s %10s %10s\n' "same bytes, bare Kestrel" "$rps_kestrel" "$p50_kestrel" "$p99_kestrel"
echo
echo "medians of $ROUNDS rounds; site requests/s per round:${samples[rps_site]};" \
  "nginx:${samples[rps_nginx]}; bare Kestrel:${samples[rps_kestrel]}"
echo "throughput site/nginx:        $(ratio "$rps_site" "$rps_nginx")   (target >= 0.80)"
echo "  bare Kestrel/nginx:         $(ratio "$rps_kestrel" "$rps_nginx")   (Kestrel's own ceiling on this machine)"
echo "  site/bare Kestrel:          $(ratio "$rps_site" "$rps_kestrel")   (what the site's own work leaves of it)"
echo "p99 site/nginx:               $(ratio "$p99_site" "$p99_nginx")   (target <= 2.00)"
echo "cold start, median of $COLD_RUNS:     ${cold_ms} ms  (runs: ${colds[*]}; target < 1000)"
echo "resident memory after load:   ${rss_mb} MB  (target < 150)"
echo "article HTML:                 ${html_bytes} bytes; brotli ${br_bytes}, gzip ${gzip_bytes}" \
  "(target < 30720 compressed)"
[ -n "${errors_site:-}${errors_nginx:-}${errors_static:-}${errors_kestrel:-}" ] \
  && echo "non-2xx responses: site ${errors_site:-0}, nginx ${errors_nginx:-0}, static ${errors_static:-0}," \
    "bare Kestrel ${errors_kestrel:-0}"

mkdir -p "$root/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/serve-$stamp.json"
cat >"$out" <<JSON
{
  "suite": "comparisonsite-serving",
  "suiteTitle": "ComparisonSite serving benchmark",
  "run": {
    "id": "serve-$(tr 'TZ' 'tz' <<<"$stamp")",
    "title": "Article serving on one machine: site vs nginx",
    "date": "$(date -u +%Y-%m-%d)",
    "source": "ComparisonSite bench/serve.sh",
    "origin": "measured",
    "environment": {
      "hardware": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//;s/"//g')",
      "cores": $(nproc),
      "memory": "$(free -g | awk '/Mem:/ { print $2 }') GB",
      "os": "$(. /etc/os-release; echo "$PRETTY_NAME")",
      "server": "Kestrel (.NET $(dotnet --version)), nginx $(/usr/sbin/nginx -v 2>&1 | cut -d/ -f2)"
    },
    "load": { "tool": "wrk", "concurrency": $CONNECTIONS, "duration": "${DURATION} s per target" },
    "notes": "Same response bytes ($html_bytes bytes, uncompressed) for all four targets; wrk on the same machine."
  },
  "frameworks": [
    { "slug": "comparisonsite", "name": "ComparisonSite (output cache)" },
    { "slug": "nginx-static", "name": "nginx static file" },
    { "slug": "kestrel-static", "name": "ComparisonSite static files" },
    { "slug": "kestrel-bare", "name": "Bare Kestrel (bytes from memory)" }
  ],
  "scenarios": [
    { "slug": "article", "name": "Article page", "description": "GET $ARTICLE at $CONNECTIONS connections" }
  ],
  "metrics": [
    { "slug": "rps", "name": "Requests per second", "unit": "req/s", "better": "higher",
      "higherWord": "faster", "lowerWord": "slower" },
    { "slug": "p50", "name": "Median latency", "unit": "ms", "better": "lower", "decimals": 2 },
    { "slug": "p99", "name": "P99 latency", "unit": "ms", "better": "lower", "decimals": 2 },
    { "slug": "cold-start", "name": "Cold start time", "unit": "s", "better": "lower", "decimals": 2,
      "higherWord": "slower", "lowerWord": "faster" },
    { "slug": "rss", "name": "Resident memory after load", "unit": "MB", "better": "lower" }
  ],
  "results": [
    { "framework": "comparisonsite", "scenario": "article", "metric": "rps", "value": $rps_site },
    { "framework": "comparisonsite", "scenario": "article", "metric": "p50", "value": $p50_site },
    { "framework": "comparisonsite", "scenario": "article", "metric": "p99", "value": $p99_site },
    { "framework": "comparisonsite", "scenario": "article", "metric": "cold-start",
      "samples": [$(printf '%s\n' "${colds[@]}" | awk '{ printf "%s%.3f", (NR > 1 ? ", " : ""), $1 / 1000 }')] },
    { "framework": "comparisonsite", "scenario": "article", "metric": "rss", "value": $rss_mb },
    { "framework": "nginx-static", "scenario": "article", "metric": "rps", "value": $rps_nginx },
    { "framework": "nginx-static", "scenario": "article", "metric": "p50", "value": $p50_nginx },
    { "framework": "nginx-static", "scenario": "article", "metric": "p99", "value": $p99_nginx },
    { "framework": "kestrel-static", "scenario": "article", "metric": "rps", "value": $rps_static },
    { "framework": "kestrel-static", "scenario": "article", "metric": "p50", "value": $p50_static },
    { "framework": "kestrel-static", "scenario": "article", "metric": "p99", "value": $p99_static },
    { "framework": "kestrel-bare", "scenario": "article", "metric": "rps", "value": $rps_kestrel },
    { "framework": "kestrel-bare", "scenario": "article", "metric": "p50", "value": $p50_kestrel },
    { "framework": "kestrel-bare", "scenario": "article", "metric": "p99", "value": $p99_kestrel }
  ]
}
JSON
echo "run document: ${out#"$root"/}"
