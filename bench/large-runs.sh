#!/usr/bin/env bash
# Page-size benchmark: two runs of $ROWS measurements each in the suite the article cites (issue #28). Prints, for
# the data page, both run pages (every part) and their difference page, the size and time of one uncompressed
# and one gzip request; then $READERS parallel readers fetch all of them uncompressed for $SECONDS seconds while
# RSS is sampled every second, and the home page's time is measured during that load.
# Loopback only; the site is the Release publish on a private PostgreSQL (bench/lib.sh). A few minutes.
#
# Usage: bench/large-runs.sh   (ROWS=100000 READERS=3 SECONDS_UNDER_LOAD=20)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ROWS=${ROWS:-100000}
READERS=${READERS:-3}
SECONDS_UNDER_LOAD=${SECONDS_UNDER_LOAD:-20}
ARTICLE=/fastapi-vs-django-vs-flask

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install curl python3
trap bench_cleanup EXIT
bench_setup
rss() { awk '{ printf "%.0f", $1 / 1024 }' <<<"$(ps -o rss= -p "$site_pid")"; }

start_site; wait_for "$ARTICLE"
echo "RSS after start-up: $(rss) MB"
for run in a b; do
  # Run b differs from run a in every value (shift 7) and is a day newer.
  python3 "$root/bench/large_run.py" "$ROWS" --id "bench-large-$run" --title "A large bench run ($run)" \
    --date "$([ "$run" = a ] && echo 2026-11-01 || echo 2026-11-02)" --step 31 \
    --shift "$([ "$run" = a ] && echo 0 || echo 7)" --samples > "$work/large-$run.json"
  "$work/app/ComparisonSite" import "$work/large-$run.json" | tail -n 1
done
sleep 3

# The pages: the data page, each run page and the difference, with every further part a page links to.
pages=("$ARTICLE/data" "$ARTICLE/runs/bench-large-a" "$ARTICLE/runs/bench-large-b"
  "$ARTICLE/runs/bench-large-a/vs/bench-large-b")
more=()
for page in "${pages[@]}"; do
  while IFS= read -r part; do more+=("$part"); done < <(curl -s --max-time 120 "$site_url$page" \
    | grep -o "href=\"${page}/part/[0-9]*\"" | sed -E 's/^href="(.*)"$/\1/' | sort -u)
done
all=("${pages[@]}" "${more[@]}")
echo "${#all[@]} pages (${#more[@]} further parts); first request after import, then gzip:"
printf '  %-66s %6s %10s %8s %10s %8s\n' page status bytes seconds gzip-bytes seconds
largest=0 slowest=0
for page in "${all[@]}"; do
  # Each page once uncompressed and once gzip: the first may render, the second may come from the cache.
  read -r status plain plain_time < <(curl -s -o /dev/null --max-time 120 \
    -w '%{http_code} %{size_download} %{time_total}\n' "$site_url$page")
  read -r gz gz_time < <(curl -s -o /dev/null --max-time 120 -H 'Accept-Encoding: gzip' \
    -w '%{size_download} %{time_total}\n' "$site_url$page")
  printf '  %-66s %6s %10s %8s %10s %8s\n' "$page" "$status" "$plain" "$plain_time" "$gz" "$gz_time"
  [ "$plain" -gt "$largest" ] && largest=$plain
  slowest=$(python3 -c "print(max($slowest, $plain_time, $gz_time))")
done
echo "largest page: $largest bytes; slowest request: $slowest s"

echo "$READERS parallel readers for ${SECONDS_UNDER_LOAD} s over all ${#all[@]} pages (uncompressed):"
printf '%s\n' "${all[@]}" > "$work/pages"
timeout $((SECONDS_UNDER_LOAD + 150)) python3 - "$site_url" "$work/pages" "$READERS" "$SECONDS_UNDER_LOAD" \
  > "$work/readers.out" <<'PY' &
import sys, threading, time, urllib.request
url, pages, readers, seconds = sys.argv[1], open(sys.argv[2]).read().split(), int(sys.argv[3]), float(sys.argv[4])
times, failures, lock, end = [], [], threading.Lock(), time.time() + seconds
def reader(offset):
    i = offset
    while time.time() < end:
        started = time.time()
        try:
            with urllib.request.urlopen(url + pages[i % len(pages)], timeout=120) as answer:
                answer.read()
        except Exception as error:  # a timeout or an error status: counted, and the reader goes on
            with lock:
                failures.append(f"{pages[i % len(pages)]}: {error}")
        with lock:
            times.append(time.time() - started)
        i += 1
threads = [threading.Thread(target=reader, args=(r,)) for r in range(readers)]
for t in threads: t.start()
for t in threads: t.join()
times.sort()
print(f"{len(times)} requests, median {times[len(times)//2]:.3f} s, slowest {times[-1]:.3f} s, "
      f"{len(failures)} failed {sorted(set(failures))[:3]}")
PY
load=$!
peak=$(rss)
home_slowest=0
while kill -0 "$load" 2>/dev/null; do
  home=$(curl -s -o /dev/null --max-time 60 -w '%{time_total}' "$site_url/")
  home_slowest=$(python3 -c "print(max($home_slowest, $home))")
  now=$(rss); [ "$now" -gt "$peak" ] && peak=$now
  sleep 1
done
wait "$load"
echo "  readers: $(cat "$work/readers.out")"
echo "  home page under that load: slowest ${home_slowest} s"
echo "  RSS peak: ${peak} MB; after: $(rss) MB"
