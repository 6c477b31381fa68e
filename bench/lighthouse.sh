#!/usr/bin/env bash
# Page-speed benchmark: Lighthouse (the version pinned in tests/tools, default mobile emulation, Debian's
# Chromium) $RUNS times on every page that shows a figure, against a Release publish in Production on loopback
# with a private PostgreSQL holding the seeded runs. Prints, per page, the median Performance score, Total
# Blocking Time, Largest Contentful Paint, Cumulative Layout Shift, the bytes transferred, the HTML's Brotli
# size and the other three category scores, as a Markdown table; then whether issue 17's targets hold
# (Performance >= 98, TBT < 100 ms, LCP < 1.5 s, CLS 0, the other categories 100).
#
# Usage: bench/lighthouse.sh                     (RUNS=3; PAGES="/ /slug …" to choose the pages)
#        STRICT=1 bench/lighthouse.sh            (exit 1 when a target is missed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${RUNS:-3}
SLUG=fastapi-vs-django-vs-flask

# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
bench_install curl
PREREQUISITES_FOR=test "$root/scripts/prerequisites"
trap '[ -n "${KEEP_REPORTS:-}" ] && cp -r "$work/reports" "$KEEP_REPORTS"; bench_cleanup' EXIT
bench_setup

start_site; wait_for "/$SLUG"
if [ -z "${PAGES:-}" ]; then
  # Every kind of page with a figure, the home and tag pages, a search and the calculator's page; the embed page
  # of the article's first figure when the site has embed pages.
  PAGES="/ /tags /tags/python /search?q=django+admin /$SLUG /$SLUG/cost?requests=50000000&peak=2&headroom=0.8"
  PAGES="$PAGES /$SLUG/data /$SLUG/runs/measured-2026-12-07 /$SLUG/runs/bytepulse-2026-03"
  PAGES="$PAGES /$SLUG/runs/bytepulse-2026-03/vs/measured-2026-12-07"
  first=$(curl -s "$site_url/$SLUG" | grep -o '<figure class="chart[^"]*" id="[^"]*"' | head -n 1 \
    | sed 's/.*id="//; s/"$//')
  if [ -n "$first" ] && curl -fs -o /dev/null "$site_url/$SLUG/figures/$first"; then
    PAGES="$PAGES /$SLUG/figures/$first"
  fi
fi

flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
flags="$flags --disable-background-networking --disable-component-update --disable-sync --disable-quic"
mkdir -p "$work/reports"
echo "Lighthouse $(node tests/tools/node_modules/lighthouse/cli/index.js --version)," \
  "${RUNS} runs per page, $(nproc) cores"
for path in $PAGES; do
  name=$(echo "$path" | tr '/' '_')
  curl -s --compressed -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}\n' "$site_url$path" \
    > "$work/reports/$name.br"
  for run in $(seq 1 "$RUNS"); do
    CHROME_PATH=$(command -v chromium) timeout 180 node tests/tools/node_modules/lighthouse/cli/index.js \
      "$site_url$path" --quiet --output=json --output-path="$work/reports/$name.$run.json" \
      --chrome-flags="$flags" >/dev/null 2>>"$work/lighthouse.log" || echo "lighthouse failed on $path (run $run)" >&2
  done
done

python3 - "$work/reports" "$RUNS" $PAGES <<'EOF'
import json, os, statistics, sys

folder, runs, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print()
print("| page | Performance | TBT ms | LCP ms | CLS | transferred KB | HTML br KB | a11y / BP / SEO |")
print("|---|---|---|---|---|---|---|---|")
missed = []
for path in pages:
    name = path.replace("/", "_")
    reports = []
    for run in range(1, runs + 1):
        file = os.path.join(folder, f"{name}.{run}.json")
        if os.path.exists(file):
            with open(file) as f:
                reports.append(json.load(f))
    if not reports:
        print(f"| {path} | failed | | | | | | |")
        missed.append(f"{path}: no Lighthouse report")
        continue
    def median(get):
        return statistics.median(get(r) for r in reports)
    score = lambda key: lambda r: round((r["categories"][key]["score"] or 0) * 100)
    audit = lambda key: lambda r: r["audits"][key]["numericValue"]
    perf, tbt, lcp, cls = median(score("performance")), median(audit("total-blocking-time")), \
        median(audit("largest-contentful-paint")), median(audit("cumulative-layout-shift"))
    weight = median(audit("total-byte-weight")) / 1024
    others = [median(score(k)) for k in ("accessibility", "best-practices", "seo")]
    with open(os.path.join(folder, f"{name}.br")) as f:
        html = int(f.read().strip() or 0) / 1024
    print(f"| {path} | {perf:.0f} | {tbt:.0f} | {lcp:.0f} | {cls:.3f} | {weight:.1f} | {html:.1f} | "
          + " / ".join(f"{o:.0f}" for o in others) + " |")
    for ok, what in ((perf >= 98, f"Performance {perf:.0f}"), (tbt < 100, f"TBT {tbt:.0f} ms"),
                     (lcp < 1500, f"LCP {lcp:.0f} ms"), (cls == 0, f"CLS {cls:.3f}"),
                     (all(o == 100 for o in others), "a11y/BP/SEO " + "/".join(f"{o:.0f}" for o in others))):
        if not ok:
            missed.append(f"{path}: {what}")
print()
print("Targets (Performance >= 98, TBT < 100 ms, LCP < 1.5 s, CLS 0, others 100): "
      + ("all met" if not missed else "missed: " + "; ".join(missed)))
with open(os.path.join(folder, "missed"), "w") as f:
    f.write(str(len(missed)))
EOF
if [ "${STRICT:-0}" = 1 ] && [ "$(cat "$work/reports/missed")" != 0 ]; then
  exit 1
fi
