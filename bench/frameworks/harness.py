"""Measures FastAPI, Flask, Django and Django (ASGI) on this machine and writes a run document for `import`.

Run it through bench/frameworks/run, which installs the Debian packages first. Standard library only, and
Debian's /usr/bin/python3, because the apps' packages are Debian's.
"""
import argparse
import datetime
import importlib.util
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cluster
import load
import rundoc
import servers
from errors import HarnessError, InvalidRun

REPOSITORY = Path(__file__).resolve().parents[2]
SCENARIOS = ("json", "db")
# Debian package for each module the apps import, so a missing one is named as something to install.
MODULES = {"fastapi": "python3-fastapi", "uvicorn": "uvicorn", "uvloop": "python3-uvloop",
           "httptools": "python3-httptools", "django": "python3-django", "flask": "python3-flask",
           "gunicorn": "gunicorn", "psycopg2": "python3-psycopg2", "asyncpg": "python3-asyncpg"}
# wrk takes whole seconds. --smoke: every app answers both endpoints and gets one brief round; the document is
# complete, its figures rough.
SMOKE = {"connections": 4, "duration": 2, "rounds": 1, "warmup": 1, "cold_starts": 1}
FULL = {"connections": 64, "duration": 10, "rounds": 5, "warmup": 5, "cold_starts": 5}


def options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/frameworks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one brief round with few connections (CI, tests)")
    parser.add_argument("--connections", type=int, help="wrk connections (default 64; 4 with --smoke)")
    parser.add_argument("--duration", type=int, help="seconds per framework and scenario a round (default 10)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds, each a sample (default 5)")
    parser.add_argument("--warmup", type=int, help="warm-up seconds per framework and scenario (default 5)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes per server (default 2)")
    parser.add_argument("--cold-starts", type=int, dest="cold_starts", help="cold-start samples (default 5)")
    parser.add_argument("--frameworks", default=",".join(servers.FRAMEWORKS),
                        help="comma-separated, of: " + ", ".join(servers.FRAMEWORKS))
    parser.add_argument("--out", type=Path, help="the run document (default bench/results/<run-id>.json)")
    parser.add_argument("--run-id", dest="run_id", help="default measured-<today>, with a suffix if taken")
    settings = parser.parse_args(argv)
    for name, value in (SMOKE if settings.smoke else FULL).items():
        if getattr(settings, name) is None:
            setattr(settings, name, value)
    settings.frameworks = [slug.strip() for slug in settings.frameworks.split(",") if slug.strip()]
    unknown = [slug for slug in settings.frameworks if slug not in servers.FRAMEWORKS]
    if unknown or not settings.frameworks:
        parser.error(f"unknown framework {', '.join(unknown) or '(none)'}; known: {', '.join(servers.FRAMEWORKS)}")
    for name in ("connections", "rounds", "workers", "cold_starts"):
        if getattr(settings, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if settings.duration <= 0 or settings.warmup < 0:
        parser.error("--duration must be positive and --warmup not negative")
    return settings


def check_tools() -> None:
    missing = [package for module, package in MODULES.items() if importlib.util.find_spec(module) is None]
    missing += [tool for tool in ("wrk", "psql") if shutil.which(tool) is None]
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        missing.append("util-linux (runuser)")
    if not Path(servers.GUNICORN).exists() and "gunicorn" not in missing:
        missing.append("gunicorn")
    if missing:
        raise HarnessError(f"missing Debian packages: {', '.join(missing)} (bench/frameworks/run installs them "
                           f"as root; or: sudo apt-get install -y {' '.join(missing)})")


def run_identity(settings: argparse.Namespace, today: str) -> tuple[str, Path]:
    results = REPOSITORY / "bench" / "results"
    run_id = settings.run_id or f"measured-{today}"
    # A second run on the same day gets its own id rather than replacing the first one's file (and, on import,
    # its run); an explicit --run-id or --out is taken as asked.
    suffix = 1
    while settings.run_id is None and settings.out is None and (results / f"{run_id}.json").exists():
        suffix += 1
        run_id = f"measured-{today}-{suffix}"
    return run_id, (settings.out or results / f"{run_id}.json").resolve()


def say(text: str) -> None:
    print(text, flush=True)


class Run:
    """One run: a private PostgreSQL, the servers, and the samples collected so far."""

    def __init__(self, settings: argparse.Namespace, work: Path):
        self.settings = settings
        self.work = work
        self.cluster = cluster.Cluster(work)
        self.running: dict[str, servers.Server] = {}
        self.samples: dict[tuple[str, str, str], list[float]] = {}
        self.token = ""
        self.expected_user: dict = {}

    def add(self, framework: str, scenario: str, metric: str, value: float) -> None:
        self.samples.setdefault((framework, scenario, metric), []).append(value)

    def spawn(self, slug: str, label: str) -> servers.Server:
        log = self.work / f"{slug}-{label}.log"
        return servers.Server(servers.FRAMEWORKS[slug], cluster.free_port(), self.settings.workers,
                              self.cluster.environment(), log)

    def start_database(self) -> None:
        say("Starting a private PostgreSQL and seeding it...")
        self.cluster.start()
        self.token = self.cluster.token(1)
        self.expected_user = {"id": 1, "name": "User 1", "email": "user1@example.com", "plan": "pro"}

    def cold_starts(self) -> None:
        # Before the measured servers start, and interleaved, so every framework spawns on the same quiet machine.
        for sample in range(1, self.settings.cold_starts + 1):
            for slug in self.settings.frameworks:
                server = self.spawn(slug, f"cold-{sample}")
                try:
                    seconds = server.wait_ready(self.token)
                finally:
                    server.stop()
                self.add(slug, "idle", "cold-start", seconds)
                say(f"  cold start {sample}: {slug} {seconds:.2f} s")

    def start_servers(self) -> None:
        # All servers stay up for the whole run: restarting between blocks would measure start-up effects again
        # and add minutes; an idle server costs the loaded one almost nothing.
        for slug in self.settings.frameworks:
            server = self.spawn(slug, "measured")
            self.running[slug] = server
            server.wait_ready(self.token)
            servers.check_endpoints(slug, server.port, self.token, self.expected_user)
            say(f"  {slug} on port {server.port}: /json and /db answer correct JSON")

    def measure(self, slug: str, scenario: str, phase: str, seconds: int) -> load.Sample:
        threads = load.threads_for(self.settings.connections, rundoc.cores())
        return load.measure(slug, scenario, phase, self.running[slug].port, self.token, self.settings.connections,
                            seconds, threads)

    def warm_up(self) -> None:
        if self.settings.warmup > 0:
            say(f"Warm-up ({self.settings.warmup} s per framework and scenario)...")
            for slug in self.settings.frameworks:
                for scenario in SCENARIOS:
                    self.measure(slug, scenario, "warm-up", self.settings.warmup)

    def rounds(self) -> None:
        frameworks = self.settings.frameworks
        for number in range(1, self.settings.rounds + 1):
            time.sleep(0.5)  # let the last round's connections close before reading idle memory
            for slug in frameworks:
                self.add(slug, "idle", "memory", self.running[slug].memory_mb())
            # Each round starts with the next framework, so none is always first after a pause.
            shift = (number - 1) % len(frameworks)
            for slug in frameworks[shift:] + frameworks[:shift]:
                for scenario in SCENARIOS:
                    sample = self.measure(slug, scenario, f"round {number}", self.settings.duration)
                    self.add(slug, scenario, "rps", sample.rps)
                    self.add(slug, scenario, "p50", sample.p50_ms)
                    self.add(slug, scenario, "p99", sample.p99_ms)
                    say(f"  round {number}: {slug:<12} {scenario:<4} {sample.rps:>9.1f} req/s  "
                        f"p50 {sample.p50_ms:>8.2f} ms  p99 {sample.p99_ms:>8.2f} ms")

    def stop(self) -> None:
        for server in self.running.values():
            server.stop()
        self.running.clear()
        self.cluster.stop()

    def results(self) -> list[dict]:
        digits = {"rps": 1, "p50": 2, "p99": 2, "memory": 1, "cold-start": 3}
        return [rundoc.result(framework, scenario, metric, values, digits[metric])
                for (framework, scenario, metric), values in self.samples.items()]


def write(document: dict, out: Path) -> None:
    # Written beside the target and renamed, so an interrupted write never leaves half a document.
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    os.replace(partial, out)


def summary(results: list[dict]) -> None:
    units = {metric["slug"]: metric["unit"] for metric in rundoc.METRICS}
    say(f"\n{'framework':<12} {'scenario':<8} {'metric':<10} {'median':>10} {'min-max':>21}  unit")
    order = list(servers.FRAMEWORKS)
    for row in sorted(results, key=lambda r: (r["scenario"], r["metric"], order.index(r["framework"]))):
        spread = f"{min(row['samples']):g}-{max(row['samples']):g}"
        say(f"{row['framework']:<12} {row['scenario']:<8} {row['metric']:<10} {row['value']:>10g} {spread:>21}  "
            f"{units[row['metric']]}")


def main(argv: list[str]) -> int:
    settings = options(argv)
    began = time.monotonic()
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    run_id, out = run_identity(settings, today)
    check_tools()
    load_tool = load.wrk_version()
    work = Path(tempfile.mkdtemp(prefix="frameworks-bench."))
    work.chmod(0o755)  # the postgres user creates its cluster inside
    run = Run(settings, work)
    try:
        run.start_database()
        say(f"Cold starts ({settings.cold_starts} per framework)...")
        run.cold_starts()
        say(f"Starting {', '.join(settings.frameworks)} with {settings.workers} workers each...")
        run.start_servers()
        run.warm_up()
        say(f"{settings.rounds} rounds of {settings.duration} s, {settings.connections} connections...")
        run.rounds()
        postgres, seeded = run.cluster.version(), run.cluster.counts()
    finally:
        run.stop()
        shutil.rmtree(work, ignore_errors=True)
    results = run.results()
    write(rundoc.document(settings, run_id, today, postgres, seeded, load_tool, results), out)
    summary(results)
    say(f"\nWrote run {run_id} to {out} in {time.monotonic() - began:.0f} s.")
    say(f"Import it: dotnet run --project src/ComparisonSite -- import {out}")
    return 0


def stop_on_signal(number: int, _frame) -> None:
    # Turned into an exception so the finally blocks stop the servers and PostgreSQL this run started.
    raise KeyboardInterrupt(f"signal {number}")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop_on_signal)
    try:
        sys.exit(main(sys.argv[1:]))
    except InvalidRun as invalid:
        print(f"invalid run: {invalid}\nThe run is refused; no document was written.", file=sys.stderr)
        sys.exit(1)
    except HarnessError as error:
        print(f"error: {error}\nNo document was written.", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted; no document was written.", file=sys.stderr)
        sys.exit(130)
