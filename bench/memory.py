#!/usr/bin/env python3
"""Where the site's memory goes at N comparisons: bench/scale.py's N copies of the seed, the site spawned from the
Release publish, resident memory read at three stages (ready; every page fetched once; 20 searches). Each stage
prints VmRSS and /proc/<pid>/smaps_rollup's anonymous and file-backed parts; with SETTLE=seconds, each reading
after the first waits that long (the memory keeper checks every 10 s); with DUMPS=DIR, each stage's
live managed objects are counted by type from a full dump taken there (and deleted unless KEEP_DUMPS=1), after the
reading.

Usage: memory.py APP_DIR WORK_DIR SITE_URL SEED_ARTICLE_DIR N (run by bench/memory.sh)
"""
import os
import subprocess
import sys
import time

import scale  # bench/scale.py, beside this script

DUMPS = os.environ.get("DUMPS", "")
SETTLE = float(os.environ.get("SETTLE", "0"))  # seconds to wait before each reading after the first
TOP_TYPES = 25


def rollup(pid):
    """VmRSS, anonymous and file-backed resident memory in MB."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as smaps:
        for line in smaps:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return fields.get("Rss", 0), fields.get("Anonymous", 0), fields.get("Rss", 0) - fields.get("Anonymous", 0)


def largest_anonymous(pid, count=4):
    """The resident MB of the largest anonymous mappings: the collector's reservation is one, native heaps others."""
    sizes, current = [], None
    with open(f"/proc/{pid}/smaps", encoding="ascii", errors="replace") as smaps:
        for line in smaps:
            parts = line.split()
            if "-" in parts[0] and not parts[0].endswith(":"):
                current = parts[5] if len(parts) > 5 else "[anonymous]"
            elif parts[0] == "Rss:" and current in ("[anonymous]", "[heap]"):
                sizes.append(int(parts[1]) / 1024)
    return sorted(sizes, reverse=True)[:count]


def stage(name, pid):
    rss, anonymous, files = rollup(pid)
    largest = ", ".join(f"{mb:.0f}" for mb in largest_anonymous(pid))
    print(f"{name}: RSS {rss:.0f} MB (anonymous {anonymous:.0f}, largest anonymous mappings {largest}; "
          f"file-backed {files:.0f})", flush=True)
    if not DUMPS:
        return
    # A full dump and the debugger's exact count by type (gcdump's event stream drops objects on large heaps).
    os.makedirs(DUMPS, exist_ok=True)
    path = os.path.join(DUMPS, f"{name.replace(' ', '-')}.dmp")
    tool = os.path.expanduser("~/.dotnet/tools/dotnet-dump")
    subprocess.run([tool, "collect", "-p", str(pid), "-o", path], check=True, stdout=subprocess.DEVNULL)
    report = subprocess.run([tool, "analyze", path, "-c", "dumpheap -stat -live", "-c", "exit"],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    rows = [line.split(None, 3) for line in report if len(line.split(None, 3)) == 4
            and line.split()[1].replace(",", "").isdigit() and line.split()[2].replace(",", "").isdigit()]
    rows.sort(key=lambda r: -int(r[2].replace(",", "")))
    total = sum(int(r[2].replace(",", "")) for r in rows)
    print(f"  managed objects: {total / 2**20:.0f} MB; largest types (MB, count, type):")
    for _, count, size, kind in rows[:TOP_TYPES]:
        print(f"   {int(size.replace(',', '')) / 2**20:7.1f} {count:>10} {kind[:150]}")
    if not os.environ.get("KEEP_DUMPS"):
        os.remove(path)


def main():
    app, work, site_url, seed_article, n = sys.argv[1:6]
    scale.configure(app, work, site_url, seed_article)
    n = int(n)
    if scale.RUNS > 0:
        scale.store_runs()
    content = scale.generate(n)
    # The memory keeper's collections, with the heap's figures, go to WORK_DIR/site.log.
    env = dict(os.environ, Content__Path=content,
               **{"Serilog__MinimumLevel__Override__ComparisonSite.Hosting.MemoryKeeper": "Debug"})
    with open(os.path.join(work, "site.log"), "ab") as log:
        site = subprocess.Popen([os.path.join(app, "ComparisonSite"), "--urls", site_url], stdout=log,
                                stderr=subprocess.STDOUT, env=env)
    try:
        ready = scale.wait(lambda: scale.get("/healthz/ready")[0] == 200, "readiness", site)
        print(f"{n} comparisons, ready in {ready:.1f} s", flush=True)
        time.sleep(1)
        stage("ready", site.pid)
        crawl, began = [], time.perf_counter()
        for i in range(1, n + 1):
            status, _, took = scale.get(f"/{scale.slug(i)}")
            if status != 200:
                sys.exit(f"/{scale.slug(i)} answered {status}")
            crawl.append(took)
        # How long the crawl took, and its slowest pages: where collections (the memory keeper's too) paused it.
        print(f"every page fetched in {time.perf_counter() - began:.1f} s; per page p50 / p99 / max "
              f"{scale.percentile(crawl, 0.5):.0f} / {scale.percentile(crawl, 0.99):.0f} / {max(crawl):.0f} ms",
              flush=True)
        time.sleep(SETTLE)
        stage("every page", site.pid)
        for query in scale.QUERIES:
            scale.get("/search?q=" + query.replace(" ", "+"))
        time.sleep(SETTLE)
        stage("searched", site.pid)
    finally:
        site.terminate()
        site.wait()
        with open(os.path.join(work, "site.log"), encoding="utf-8", errors="replace") as log:
            kept = [line.rstrip() for line in log if "Gave back heap memory" in line]
        print(f"memory keeper: {len(kept)} collections" + (", the last:" if kept else ""))
        for line in kept[-3:]:
            print("  " + line)


if __name__ == "__main__":
    main()
