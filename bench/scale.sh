#!/usr/bin/env bash
# How the site's costs grow with the content (issue 31): the seed comparison copied N times, each its own slug, served
# by the Release publish (Production) against a private PostgreSQL, one row per N. See bench/scale.py for what each
# column measures. Prints a Markdown table; the README keeps its last output.
#
# Usage: bench/scale.sh [N...]      (default: 1 100 1000; 10000 takes about as long as the three together again)
#        RUNS=20 LARGE_RUN=100000   (further runs in the store, one of LARGE_RUN measurements; RUNS=0 for none)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(1 100 1000)

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install curl python3
trap bench_cleanup EXIT
bench_setup

echo "Warm-up start (migrates and seeds the empty store)..." >&2
start_site; wait_for /fastapi-vs-django-vs-flask; stop_site
export Results__MigrateOnStart=false

python3 "$root/bench/scale.py" "$work/app" "$work" "$site_url" "$root/content/fastapi-vs-django-vs-flask" \
  "$root/migrations/seed/$(ls "$root/migrations/seed" | grep '^measured-' | sort | tail -n 1)" "${sizes[@]}"
