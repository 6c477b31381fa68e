#!/usr/bin/env bash
# Where the site's memory goes at N comparisons (issue 31): the same N copies of the seed as bench/scale.sh, the
# Release publish against a private PostgreSQL. Prints resident memory and its parts (/proc/<pid>/smaps_rollup,
# the collector's own figures from dotnet-dump) at readiness, after every page once, and after a few searches;
# with DUMPS=DIR it counts each stage's live managed objects by type from a full dump (taken there, then deleted).
#
# Usage: bench/memory.sh N        (environment: RUNS as in scale.sh, default 0; any Site/Memory setting)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
n=${1:?usage: bench/memory.sh N}
export RUNS=${RUNS:-0}

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install curl python3
dotnet tool list -g | grep -q dotnet-dump || dotnet tool install -g dotnet-dump >/dev/null
trap bench_cleanup EXIT
bench_setup
start_site; wait_for /fastapi-vs-django-vs-flask; stop_site
export Results__MigrateOnStart=false

python3 "$root/bench/memory.py" "$work/app" "$work" "$site_url" "$root/content/fastapi-vs-django-vs-flask" "$n"
