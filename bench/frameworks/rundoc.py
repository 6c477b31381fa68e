"""The run document the site's `import` reads: provenance detected from the machine, results with samples.

The catalog entries are declared exactly as the seed (migrations/seed/bytepulse-2026-03.json) declares them: the
catalog is shared by every suite, and the importer refuses a declaration that differs from the stored entry in
any field. So versions go in the run's environment, not in the frameworks' `version` field, and django-asgi keeps
the seed's server text although the harness serves it with Uvicorn (the run's server text says so).
"""
import importlib.metadata
import os
import platform
import statistics
import subprocess
from pathlib import Path

SUITE = "python-web-frameworks"
REPOSITORY = Path(__file__).resolve().parents[2]

FRAMEWORKS = {
    "fastapi": {"slug": "fastapi", "name": "FastAPI", "language": "Python", "server": "Uvicorn (ASGI)",
                "url": "https://fastapi.tiangolo.com/"},
    "django": {"slug": "django", "name": "Django", "language": "Python", "server": "Gunicorn (WSGI)",
               "url": "https://www.djangoproject.com/"},
    "flask": {"slug": "flask", "name": "Flask", "language": "Python", "server": "Gunicorn (WSGI)",
              "url": "https://flask.palletsprojects.com/"},
    "django-asgi": {"slug": "django-asgi", "name": "Django (ASGI)", "language": "Python",
                    "server": "Daphne (ASGI)", "url": "https://www.djangoproject.com/"},
}
SCENARIOS = [
    {"slug": "json", "name": "JSON endpoint",
     "description": "Simple JSON endpoint: authenticated user lookup, single database read"},
    {"slug": "db", "name": "Database-backed endpoint", "description": "Endpoint backed by database queries"},
    {"slug": "idle", "name": "Idle process", "description": "The application process without load"},
]
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
]


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


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


def server_text(workers: int, postgres: str, frameworks: list[str]) -> str:
    uvicorn = f"Uvicorn {version('uvicorn')} (uvloop {version('uvloop')}, httptools {version('httptools')})"
    gunicorn = f"Gunicorn {version('gunicorn')} (sync workers)"
    django = f"Django {version('Django')} (ORM, psycopg2 {version('psycopg2')}, persistent connections)"
    parts = {
        "fastapi": f"FastAPI {version('fastapi')} (Starlette {version('starlette')}, pydantic "
                   f"{version('pydantic')}, asyncpg {version('asyncpg')}, a pool per worker) on {uvicorn}",
        "flask": f"Flask {version('Flask')} (psycopg2 {version('psycopg2')}, a connection per worker) on {gunicorn}",
        "django": f"{django} on {gunicorn}",
        "django-asgi": f"{django} in ASGI mode on {uvicorn}; Uvicorn rather than Daphne, which runs a single "
                       "process, so the worker count matches the others",
    }
    listed = "; ".join(parts[slug] for slug in frameworks)
    return (f"{listed}. {workers} worker processes each. PostgreSQL {postgres} on the same machine. "
            f"Python {platform.python_version()} (Debian's packages).")


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPOSITORY), *args], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    # Tracked changes only: the run's own output and caches are untracked and change nothing measured.
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def caveats(settings) -> list[str]:
    found = [
        f"The load generator (wrk) runs on the same {cores()} cores as the servers and PostgreSQL, so it takes "
        "CPU from them; the figures are lower than on separate machines and compare the frameworks only "
        "with each other.",
        "PostgreSQL runs on the same machine, over loopback, with the whole data set in memory.",
        f"Short rounds ({count(settings.rounds, 'round')} of {settings.duration} s per framework and scenario); "
        "other work on the machine during a round shows as spread between its samples.",
        "Memory is the resident set of the master and workers summed, so pages they share are counted once per "
        "process.",
    ]
    if virtual_machine():
        found.insert(1, "Measured on a virtual machine: its CPU time is shared with other guests.")
    return found


def notes(settings, seeded: tuple[int, int]) -> str:
    users, orders = seeded
    return (
        f"Measured by bench/frameworks/run at commit {commit()}, not by hand. "
        f"Scenario json: GET /json with a bearer token checked against the users table (one indexed read), the "
        f"user returned as JSON. Scenario db: GET /db, order totals (count, items, sum) of 20 consecutive users "
        f"from a random start, a join of users and orders with an aggregate, as JSON. Seeded data: {users:,} "
        f"users with tokens and {orders:,} orders, the same for every framework. Load: wrk with "
        f"{settings.connections} connections, a warm-up of {settings.warmup} s per framework and scenario, "
        f"then {count(settings.rounds, 'round')} interleaved across frameworks (every framework and scenario once a "
        f"round), each round a sample; the value is the median. Memory (idle): resident memory of the master "
        f"and workers after start-up and warm-up, read from /proc before each round. Cold start: spawn to the "
        f"first 200 on /json, {count(settings.cold_starts, 'sample')} per framework."
    )


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def result(framework: str, scenario: str, metric: str, samples: list[float], digits: int) -> dict:
    rounded = [round(sample, digits) for sample in samples]
    return {"framework": framework, "scenario": scenario, "metric": metric,
            "value": round(statistics.median(rounded), digits), "samples": rounded}


def document(settings, run_id: str, date: str, postgres: str, seeded: tuple[int, int], load_tool: str,
             results: list[dict]) -> dict:
    return {
        "suite": SUITE,
        "suiteTitle": "Python web frameworks",
        "run": {
            "id": run_id,
            "title": f"ComparisonSite's own benchmark on a {cores()}-core machine",
            "date": date,
            "source": "ComparisonSite",
            "origin": "measured",
            "environment": {
                "hardware": cpu_model() + (" (virtual machine)" if virtual_machine() else ""),
                "cores": cores(),
                "memory": memory_text(),
                "os": os_text(),
                "server": server_text(settings.workers, postgres, settings.frameworks),
            },
            "load": {
                "tool": load_tool,
                "concurrency": settings.connections,
                "duration": f"{settings.warmup} s warm-up, then {count(settings.rounds, 'interleaved round')} of "
                            f"{settings.duration} s per framework and scenario",
            },
            "notes": notes(settings, seeded),
            "caveats": caveats(settings),
        },
        "frameworks": [FRAMEWORKS[slug] for slug in settings.frameworks],
        "scenarios": SCENARIOS,
        "metrics": METRICS,
        "results": results,
    }
