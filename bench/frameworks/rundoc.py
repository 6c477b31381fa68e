"""The run document the site's `import` reads: provenance detected from the machine, results with samples.

The catalog entries are declared exactly as the store holds them (the catalog is shared by every suite, and the
importer refuses a declaration that differs from the stored entry in any field). So versions and configuration
go in the run's setup, not in the frameworks' `version` or `server` fields.
"""
import argparse
import importlib.metadata
import os
import platform
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import load
import testtypes
from frameworks import FRAMEWORKS
from pinning import Cores

SUITE = "python-web-frameworks"
REPOSITORY = Path(__file__).resolve().parents[2]
METRICS = [
    {"slug": "rps", "name": "Requests per second", "unit": "req/s", "better": "higher", "decimals": 0,
     "higherWord": "faster", "lowerWord": "slower"},
    {"slug": "p50", "name": "P50 latency", "unit": "ms", "better": "lower", "decimals": 1,
     "higherWord": "higher", "lowerWord": "lower"},
    {"slug": "p99", "name": "P99 latency", "unit": "ms", "better": "lower", "decimals": 0,
     "higherWord": "higher", "lowerWord": "lower"},
    {"slug": "memory", "name": "Memory at baseline", "unit": "MB", "better": "lower", "decimals": 0,
     "higherWord": "more", "lowerWord": "less"},
    {"slug": "cold-start", "name": "Cold start time", "unit": "s", "better": "lower", "decimals": 1,
     "higherWord": "slower", "lowerWord": "faster"},
    {"slug": "round-trips", "name": "Database round trips per request", "unit": "per request", "better": "lower",
     "decimals": 1, "higherWord": "more", "lowerWord": "fewer"},
    {"slug": "connections", "name": "New connections per request", "unit": "per request", "better": "lower",
     "decimals": 2, "higherWord": "more", "lowerWord": "fewer"},
]
HELPER_NAMES = {"resource_tracker": "Python's multiprocessing resource tracker",
                "semaphore_tracker": "Python's multiprocessing semaphore tracker",
                "forkserver": "Python's multiprocessing fork server"}


@dataclass(frozen=True)
class Measured:
    """Everything a run found, for the document."""
    settings: argparse.Namespace
    run_id: str
    date: str
    postgres: str
    seeded: tuple[int, int]
    tools: str
    results: list[dict]
    cells: list[load.Cell]
    cores: Cores
    helpers: dict[str, dict[str, list[float]]]
    history: list[str]
    steal: list[float]
    seconds: float


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def virtual_machine() -> bool:
    # The CPU flag a hypervisor sets for its guests.
    return any(line.startswith("flags") and " hypervisor" in line
               for line in Path("/proc/cpuinfo").read_text().splitlines())


def cores() -> int:
    return len(os.sched_getaffinity(0))


def memory_text() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{round(int(line.split()[1]) / 1024 / 1024)} GB RAM"
    return "unknown"


def os_text() -> str:
    release = {}
    for line in Path("/etc/os-release").read_text().splitlines():
        key, _, value = line.partition("=")
        release[key] = value.strip('"')
    name = release.get("PRETTY_NAME") or f"{release.get('NAME', 'Linux')} {release.get('VERSION_ID', '')}"
    return f"{name}, Linux kernel {platform.release()}"


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


def server_text(m: Measured) -> str:
    names = ", ".join(FRAMEWORKS[slug].catalog["name"] for slug in m.settings.frameworks)
    return (f"{names}: {m.settings.workers} worker processes each, one database connection per worker; versions "
            f"and configuration per framework in the run's setup. PostgreSQL {m.postgres} on the same machine. "
            f"Python {platform.python_version()} (Debian's packages).")


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPOSITORY), *args], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    # Tracked changes only: the run's own output and caches are untracked and change nothing measured.
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def caveats(m: Measured) -> list[str]:
    s = m.settings
    found = [
        m.cores.describe(),
        "PostgreSQL runs on the same machine, over loopback, with the whole data set in memory and "
        "synchronous_commit off (a commit does not wait for the disk), so the updates test measures the "
        "frameworks rather than this machine's disk.",
        f"{count(s.rounds, 'round')} of {s.duration} s per cell: short, so other work on the machine during a "
        "round widens the intervals. A drift probe (plaintext on one framework) runs before and after every "
        f"round; a round during which it moved more than {s.drift:.0%} was measured again. A machine slower in one "
        "round than in another moves every framework alike, which the intervals, paired over rounds, cancel.",
        "CPU steal (time the hypervisor gave to other guests) per round: "
        + ", ".join(percent(share) for share in m.steal) + ".",
        "Latency (P50, P99) is measured at a fixed rate, half of each framework's own peak on the test type in the "
        "first round, so the frameworks are not at the same rate: each is at the same share of what it can do. "
        "Each of h2load's 16 clients sends its next request only after the last answer, so an answer slower than "
        "the client's interval still delays the next request (a remaining coordinated omission, small at half "
        "the peak).",
    ]
    if virtual_machine():
        found.insert(1, "Measured on a virtual machine: its CPU time is shared with other guests.")
    return found + m.history


def notes(m: Measured) -> str:
    s = m.settings
    users, orders = m.seeded
    levels = ", ".join(map(str, s.levels))
    return (
        f"Measured by bench/frameworks/run at commit {commit()}, not by hand, in {m.seconds / 60:.0f} minutes. "
        "Test types as bench/frameworks/spec.md writes them: plaintext, JSON serialization, single query, "
        "20 queries, fortunes and 20 updates from TechEmpower's Framework Benchmarks, and the source's two "
        "workloads (json: an authenticated user lookup; db: order totals of 20 users, a join and an aggregate). "
        f"Seeded data: {users:,} users with tokens, {orders:,} orders, 10,000 world rows and 12 fortunes, the same "
        "for every framework. Before the load, every app was checked against the spec, including the statements "
        "it sends per request (pg_stat_statements). "
        f"Throughput: wrk, closed loop, {s.connections} connections; serialization and single query at "
        f"{levels} connections; every response's status and body checked during the load (check.lua), and a "
        f"cell with one failed or wrong response refuses the run, after a {s.warmup} s warm-up per cell. "
        f"{count(s.rounds, 'round')}: each a sample of every cell, in a different order each round; the "
        "value is the median. Intervals on the site are paired over rounds. Round trips per request: statements "
        "PostgreSQL ran during the cell (pg_stat_statements) divided by the requests answered. New connections "
        "per request: the answers that closed their connection (so the client had to open a new one), divided "
        "by the requests; wrk's first connection per client is not counted. Memory "
        "(idle): proportional set size (PSS) of the master and its workers before each round; helper processes "
        "apart, in the setup. Cold start: spawn to the first answer of /single-query, which opens the worker's "
        f"database connection (every app connects on first use), {count(s.cold_starts, 'sample')} per framework."
    )


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def result(framework: str, scenario: str, metric: str, samples: list[float], digits: int) -> dict:
    rounded = [round(sample, digits) for sample in samples]
    return {"framework": framework, "scenario": scenario, "metric": metric,
            "value": round(statistics.median(rounded), digits), "samples": rounded}


def setup(m: Measured, slug: str) -> dict:
    entry = FRAMEWORKS[slug].setup(m.settings.workers)
    helpers = m.helpers.get(slug, {})
    if helpers:
        entry["helpers"] = "; ".join(
            f"{HELPER_NAMES.get(name, name)}, {statistics.median(values):.1f} MB (PSS), not in Memory"
            for name, values in sorted(helpers.items()))
    return entry


def document(m: Measured) -> dict:
    s = m.settings
    frameworks = s.frameworks
    return {
        "suite": SUITE,
        "suiteTitle": "Python web frameworks",
        "run": {
            "id": m.run_id,
            "title": f"ComparisonSite's own benchmark on a {cores()}-core machine",
            "date": m.date,
            "source": "ComparisonSite",
            "origin": "measured",
            "environment": {
                "hardware": cpu_model() + (" (virtual machine)" if virtual_machine() else ""),
                "cores": cores(),
                "memory": memory_text(),
                "os": os_text(),
                "server": server_text(m),
            },
            "load": {
                "tool": f"{m.tools}, pinned to core {', '.join(map(str, m.cores.load))}",
                "concurrency": s.connections,
                "duration": f"{s.warmup} s warm-up per cell, then {count(s.rounds, 'round')} of {s.duration} s "
                            "per cell, in a different order each round",
            },
            "notes": notes(m),
            "caveats": caveats(m),
            "setup": [setup(m, slug) for slug in frameworks],
        },
        "frameworks": [FRAMEWORKS[slug].catalog for slug in frameworks],
        "scenarios": testtypes.catalog(s.types, m.cells) + [
            {"slug": "idle", "name": "Idle process", "description": "The application process without load"}],
        "metrics": METRICS,
        "results": m.results,
    }
