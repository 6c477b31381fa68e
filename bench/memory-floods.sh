#!/usr/bin/env bash
# Memory benchmark: the site's resident memory (RSS) under the two floods issue #20 reported.
#
# (a) Accept-Encoding flood: $FLOOD requests for the article, each with a distinct Accept-Encoding value,
#     then $LONG_FLOOD requests with distinct 24 KB values (16 keep-alive connections).
# (b) Large downloads: imports a run of $ROWS measurements into the suite the article cites (the newest run,
#     so the article's downloads serve it), then $CLIENTS clients fetch results.json and results.csv
#     (uncompressed, as curl does by default, and gzip) for $DOWNLOAD_SECONDS seconds.
# Prints RSS before, every second during and after each flood, and the peak. Loopback only; the site is the
# Release publish on a private PostgreSQL (bench/lib.sh). About two to three minutes.
#
# Usage: bench/memory-floods.sh   (FLOOD=20000 LONG_FLOOD=2000 ROWS=100000 CLIENTS=8 DOWNLOAD_SECONDS=20)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
FLOOD=${FLOOD:-20000}
LONG_FLOOD=${LONG_FLOOD:-2000}
ROWS=${ROWS:-100000}
CLIENTS=${CLIENTS:-8}
DOWNLOAD_SECONDS=${DOWNLOAD_SECONDS:-20}
ARTICLE=/fastapi-vs-django-vs-flask

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install curl python3
trap bench_cleanup EXIT
bench_setup

rss() { awk '{ printf "%.0f", $1 / 1024 }' <<<"$(ps -o rss= -p "$site_pid")"; }
peak=0
# sample_rss LABEL PID: prints RSS every second while PID runs; keeps the peak in $peak
sample_rss() {
  local label=$1 job=$2 second=0 now
  peak=$(rss)
  while kill -0 "$job" 2>/dev/null; do
    sleep 1
    second=$((second + 1))
    now=$(rss)
    [ "$now" -gt "$peak" ] && peak=$now
    echo "  ${label} ${second}s: ${now} MB"
  done
  wait "$job"
}

start_site; wait_for "$ARTICLE"
curl -s -o /dev/null "$site_url$ARTICLE"
echo "RSS after start-up and one page: $(rss) MB"

echo "(a) ${FLOOD} distinct Accept-Encoding values, then ${LONG_FLOOD} distinct 24 KB ones"
before=$(rss)
timeout 120 python3 - "$site_url" "$ARTICLE" "$FLOOD" "$LONG_FLOOD" <<'PY' &
import socket, sys, threading, urllib.parse
url, path, short, long_ = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
statuses, lock = {}, threading.Lock()

def client(values):
    sock = socket.create_connection((host, port))
    reader = sock.makefile("rb")
    for value in values:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {value}\r\n\r\n".encode())
        status = int(reader.readline().split()[1])
        length = 0
        while (line := reader.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        reader.read(length)
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
    sock.close()

def flood(values, connections=16):
    threads = [threading.Thread(target=client, args=(values[i::connections],)) for i in range(connections)]
    for t in threads: t.start()
    for t in threads: t.join()

flood([f"gzip;q=0.{i % 9 + 1}, x-{i}" for i in range(short)])
flood([f"br, x-{i}-" + "y" * 24_000 for i in range(long_)])
print("  answers:", dict(sorted(statuses.items())))
PY
sample_rss "flood" $!
echo "(a) RSS before ${before} MB, peak ${peak} MB, after $(rss) MB"

echo "(b) importing a run of ${ROWS} measurements into python-web-frameworks"
python3 "$root/bench/large_run.py" "$ROWS" --id bench-large-run --title "A large bench run" --date 2026-11-01 \
  > "$work/large-run.json"
started=$(date +%s)
"$work/app/ComparisonSite" import "$work/large-run.json" | tail -n 3
echo "  import took $(( $(date +%s) - started )) s"
sleep 2
for file in results.json results.csv; do
  size=$(curl -s -o /dev/null -w '%{size_download}' "$site_url$ARTICLE/$file")
  gzip=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$site_url$ARTICLE/$file")
  echo "  $file: ${size} bytes, ${gzip} gzip"
done

echo "(b) ${CLIENTS} clients fetching results.json and results.csv for ${DOWNLOAD_SECONDS}s"
before=$(rss)
(
  deadline=$(( $(date +%s) + DOWNLOAD_SECONDS ))
  for client in $(seq 1 "$CLIENTS"); do
    (
      count=0
      while [ "$(date +%s)" -lt "$deadline" ]; do
        for file in results.json results.csv; do
          encoding=identity
          [ $(( (client + count) % 4 )) -eq 0 ] && encoding=gzip
          curl -s -o /dev/null --max-time 30 -H "Accept-Encoding: $encoding" "$site_url$ARTICLE/$file"
          count=$((count + 1))
        done
      done
      echo "$count" > "$work/client-$client"
    ) &
  done
  wait
) &
sample_rss "downloads" $!
echo "  downloads served: $(cat "$work"/client-* | awk "{ n += \$1 } END { print n }")"
echo "(b) RSS before ${before} MB, peak ${peak} MB, after $(rss) MB"
