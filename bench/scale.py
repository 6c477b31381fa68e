#!/usr/bin/env python3
"""How the site's costs grow with the content: one row per size N, the site serving N copies of the seed
comparison (each its own slug, the same suite), started from the Release publish against a store of its own.

For each N: spawn the site and time the first 200 on an article (cold start) and on /healthz/ready (everything
loaded); the first home page, search and sitemap; then fetch every article once and read the process's resident
memory; then search p50/p95 over 40 queries, the home page and sitemap warm (median of 5); then 5 saves (a
marker paragraph written into one article's section file, atomically, timed until its page shows it) and 2
imports (the measured seed with a new FastAPI figure, through the import verb, timed from the verb's start until
the article shows the figure). Run by bench/scale.sh, which sets up the publish and PostgreSQL.

Before the first size, the store gets RUNS further runs (environment, default 20) in a suite of their own, one of
them of LARGE_RUN measurements (default 100,000, the import limit): the snapshot every instance holds, and each
import's reload, then carry a store of that size.

Usage: scale.py APP_DIR WORK_DIR SITE_URL SEED_ARTICLE_DIR MEASURED_SEED_JSON N...
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

import large_run  # bench/large_run.py, beside this script

app = work = site_url = seed_article = measured_seed = ""  # set by configure(), from the command line
SAVES, IMPORTS, QUERIES = 5, 2, ["fastapi", "django", "flask", "async", "admin panel", "orm", "cold start",
                                 "pydantic", "websockets", "celery", "latency", "memory", "hosting", "migrations",
                                 "prototype", "api", "python", "benchmark", "throughput", "security"] * 2
LIMIT = 900  # seconds any one wait may take before the run is called failed
RUNS, LARGE_RUN = int(os.environ.get("RUNS", "20")), int(os.environ.get("LARGE_RUN", "100000"))


def configure(app_dir, work_dir, url, seed_article_dir, measured_seed_json=""):
    """Where the publish, the work folder, the site and the seed are; bench/memory.py calls it too."""
    global app, work, site_url, seed_article, measured_seed
    app, work, site_url, seed_article, measured_seed = app_dir, work_dir, url, seed_article_dir, measured_seed_json


def get(path):
    """The status and body of GET path, and how long it took in ms."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(site_url + path, timeout=LIMIT) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except OSError:
        body, status = b"", 0
    return status, body, (time.perf_counter() - started) * 1000


def wait(condition, what, site):
    started = time.perf_counter()
    while not condition():
        if site.poll() is not None:
            sys.exit(f"the site exited with code {site.returncode} while waiting for {what} (see {work}/site.log)")
        if time.perf_counter() - started > LIMIT:
            sys.exit(f"no {what} within {LIMIT} s")
        time.sleep(0.005)
    return time.perf_counter() - started


def slug(i):
    return f"seed-copy-{i:05d}"


def generate(n):
    """N copies of the seed article, each with its own slug and title; written once per size."""
    content = os.path.join(work, f"content-{n}")
    if os.path.isdir(content):
        return content
    os.makedirs(content)
    files = {name: open(os.path.join(seed_article, name), encoding="utf-8").read()
             for name in os.listdir(seed_article) if name.endswith(".md")}
    for i in range(1, n + 1):
        folder = os.path.join(content, slug(i))
        os.makedirs(folder)
        for name, text in files.items():
            if name == "index.md":
                text = text.replace("slug: fastapi-vs-django-vs-flask", f"slug: {slug(i)}", 1)
                text = text.replace('title: "', f'title: "Copy {i}: ', 1)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
    return content


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def save(content, i, k):
    """Writes a marker paragraph into article i's verdict section the way editors' tools do: a temporary file
    renamed over the old one. Returns the marker."""
    marker = f"Scale marker {k} {time.time_ns()}"
    path = os.path.join(content, slug(i), "01-verdict.md")
    text = open(path, encoding="utf-8").read().rstrip("\n")
    text = text.split("\n\nScale marker")[0] + f"\n\n{marker}.\n"
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)
    return marker


def import_file(k):
    """The measured seed with FastAPI's JSON endpoint at 7,00k req/s (rounds alike), as a file to import."""
    document = json.load(open(measured_seed, encoding="utf-8"))
    value = 7000.0 + k
    for result in document["results"]:
        if (result["framework"], result["scenario"], result["metric"]) == ("fastapi", "json", "rps"):
            result["value"] = value
            result["samples"] = [value] * len(result["samples"])
    path = os.path.join(work, f"import-{k}.json")
    json.dump(document, open(path, "w", encoding="utf-8"))
    return path, f"7,00{k}".encode()


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(n):
    content = generate(n)
    article = f"/{slug((n + 1) // 2)}"
    env = dict(os.environ, Content__Path=content)
    with open(os.path.join(work, "site.log"), "ab") as log:
        started = time.perf_counter()
        site = subprocess.Popen([os.path.join(app, "ComparisonSite"), "--urls", site_url], stdout=log,
                                stderr=subprocess.STDOUT, env=env)
    try:
        wait(lambda: get(article)[0] == 200, "200 on an article", site)
        cold = time.perf_counter() - started
        wait(lambda: get("/healthz/ready")[0] == 200, "readiness", site)
        ready = time.perf_counter() - started
        first_home = get("/")[2]
        first_search = get("/search?q=fastapi")[2]
        first_sitemap = get("/sitemap.xml")[2]
        for i in range(1, n + 1):
            status = get(f"/{slug(i)}")[0]
            if status != 200:
                sys.exit(f"/{slug(i)} answered {status}")
        rss = rss_mb(site.pid)
        searches = [get("/search?q=" + urllib.request.quote(q))[2] for q in QUERIES]
        homes = [get("/")[2] for _ in range(5)]
        sitemaps = [get("/sitemap.xml")[2] for _ in range(5)]
        saves = []
        for k in range(SAVES):
            target = 1 + (k * 7919) % n
            marker = save(content, target, k).encode()
            began = time.perf_counter()
            wait(lambda: marker in get(f"/{slug(target)}")[1], "a save on its page", site)
            saves.append(time.perf_counter() - began)
        imports = []
        for k in range(1, IMPORTS + 1):
            path, shown = import_file(k)
            began = time.perf_counter()
            subprocess.run([os.path.join(app, "ComparisonSite"), "import", path], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            wait(lambda: shown in get(article)[1], "an import on its page", site)
            imports.append(time.perf_counter() - began)
    finally:
        site.terminate()
        site.wait()
    return {
        "comparisons": n,
        "cold start (s)": round(cold, 2),
        "ready (s)": round(ready, 2),
        "RSS after every page (MB)": round(rss),
        "save to page, median / max (s)": f"{statistics.median(saves):.2f} / {max(saves):.2f}",
        "import to page, max (s)": f"{max(imports):.2f}",
        "first home / search / sitemap (ms)": f"{first_home:.0f} / {first_search:.0f} / {first_sitemap:.0f}",
        "search p50 / p95 (ms)": f"{percentile(searches, 0.5):.0f} / {percentile(searches, 0.95):.0f}",
        "home / sitemap, warm (ms)": f"{statistics.median(homes):.0f} / {statistics.median(sitemaps):.0f}",
    }


def store_runs():
    """RUNS runs in a suite no comparison cites, the last of LARGE_RUN measurements, imported through the verb."""
    for k in range(RUNS):
        document = large_run.document(
            LARGE_RUN if k == RUNS - 1 else 1000, f"scale-run-{k:03d}", f"Scale bench run {k}",
            f"2026-10-{1 + k % 28:02d}", suite="scale-bench", suite_title="Scale bench", prefix="scale", step=31,
            shift=k, samples=True)
        path = os.path.join(work, f"store-run-{k}.json")
        json.dump(document, open(path, "w", encoding="utf-8"))
        subprocess.run([os.path.join(app, "ComparisonSite"), "import", path], check=True, stdout=subprocess.DEVNULL)
        os.remove(path)


def main():
    configure(*sys.argv[1:6])
    sizes = [int(n) for n in sys.argv[6:]]
    if RUNS > 0:
        print(f"Importing {RUNS} further runs, one of {LARGE_RUN:,} measurements...", file=sys.stderr, flush=True)
        store_runs()

    rows = []
    for size in sizes:
        print(f"Measuring {size} comparisons...", file=sys.stderr, flush=True)
        rows.append(measure(size))
        # Each size leaves its store as it found it, apart from the imports, which only move one figure.
        shutil.rmtree(os.path.join(work, f"content-{size}"), ignore_errors=True)

    headers = list(rows[0])
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(str(row[h]) for h in headers) + " |")


if __name__ == "__main__":
    main()
