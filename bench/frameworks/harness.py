"""Measures the apps under apps/ on this machine and writes a run document for `import`.

Run it through bench/frameworks/run, which installs the Debian packages first. Standard library only, and
Debian's /usr/bin/python3, because the apps' packages are Debian's. spec.md says what each test type asks.
"""
import argparse
import datetime
import importlib.util
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import cluster
import load
import pinning
import rundoc
import servers
import testtypes
import verify
from errors import HarnessError, InvalidRun
from frameworks import FRAMEWORKS

REPOSITORY = Path(__file__).resolve().parents[2]
# Debian package for each module the apps import, so a missing one is named as something to install.
MODULES = {"fastapi": "python3-fastapi", "uvicorn": "uvicorn", "uvloop": "python3-uvloop",
           "httptools": "python3-httptools", "django": "python3-django", "flask": "python3-flask",
           "jinja2": "python3-jinja2", "gunicorn": "gunicorn", "psycopg2": "python3-psycopg2",
           "asyncpg": "python3-asyncpg"}
# wrk takes whole seconds. --smoke: every app answers every test type, one brief round; the document is
# complete, its figures rough.
# A smoke run shares the machine with a test suite, so its drift limit only catches the absurd.
SMOKE = {"connections": 4, "levels": "2,4", "duration": 1, "rounds": 1, "warmup": 0, "cold_starts": 1,
         "probe": 1, "drift": 0.9}
FULL = {"connections": 64, "levels": "16,64,256", "duration": 3, "rounds": 6, "warmup": 2, "cold_starts": 5,
        "probe": 2, "drift": 0.15}
# Before a drifting round is measured again: long enough for a passing burst of other work on the machine (or on
# the host of a virtual machine, which shows as no CPU steal here) to end.
PAUSE_BEFORE_REPEAT_S = 30


def options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/frameworks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one brief round at low concurrency (CI, tests)")
    parser.add_argument("--types", default=",".join(testtypes.TYPES),
                        help="comma-separated test types, of: " + ", ".join(testtypes.TYPES))
    parser.add_argument("--frameworks", default=",".join(FRAMEWORKS),
                        help="comma-separated, of: " + ", ".join(FRAMEWORKS))
    parser.add_argument("--levels", help="concurrency levels of serialization and single-query (default 16,64,256)")
    parser.add_argument("--connections", type=int, help="wrk connections for the other types (default 64)")
    parser.add_argument("--duration", type=int, help="seconds per load cell a round (default 3)")
    parser.add_argument("--rounds", type=int, help="rounds, each a sample of every cell (default 6)")
    parser.add_argument("--warmup", type=int, help="warm-up seconds per cell (default 2)")
    parser.add_argument("--probe", type=int, help="seconds of the drift probe before and after a round (default 2)")
    parser.add_argument("--drift", type=float,
                        help="largest share the drift probe may move during a round (default 0.15; 0.9 with "
                             "--smoke)")
    parser.add_argument("--repeats", type=int, default=3, help="times a drifting round is repeated (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes per server (default 2)")
    parser.add_argument("--cold-starts", type=int, dest="cold_starts", help="cold-start samples (default 5)")
    parser.add_argument("--no-pin", dest="pin", action="store_false",
                        help="let the load generator share the servers' cores")
    parser.add_argument("--out", type=Path, help="the run document (default bench/results/<run-id>.json)")
    parser.add_argument("--run-id", dest="run_id", help="default measured-<today>, with a suffix if taken")
    settings = parser.parse_args(argv)
    for name, value in (SMOKE if settings.smoke else FULL).items():
        if getattr(settings, name) is None:
            setattr(settings, name, value)
    settings.frameworks = listed(parser, settings.frameworks, FRAMEWORKS, "framework")
    settings.types = [testtypes.TYPES[slug] for slug in listed(parser, settings.types, testtypes.TYPES, "type")]
    try:
        settings.levels = sorted({int(level) for level in settings.levels.split(",") if level.strip()})
    except ValueError:
        parser.error(f"--levels must be whole numbers separated by commas, not {settings.levels!r}")
    for name in ("connections", "rounds", "workers", "cold_starts", "duration", "probe"):
        if getattr(settings, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if not settings.levels or settings.levels[0] < 1:
        parser.error("--levels must list at least one level of 1 or more")
    if settings.warmup < 0 or settings.repeats < 0 or not 0 < settings.drift < 1:
        parser.error("--warmup and --repeats must not be negative, and --drift must be between 0 and 1")
    return settings


def listed(parser: argparse.ArgumentParser, text: str, known, what: str) -> list[str]:
    slugs = [slug.strip() for slug in text.split(",") if slug.strip()]
    unknown = [slug for slug in slugs if slug not in known]
    if unknown or not slugs:
        parser.error(f"unknown {what} {', '.join(unknown) or '(none)'}; known: {', '.join(known)}")
    return slugs


def check_tools() -> None:
    missing = [package for module, package in MODULES.items() if importlib.util.find_spec(module) is None]
    tools = (("wrk", "wrk"), ("h2load", "nghttp2-client"), ("psql", "postgresql-client"), ("taskset", "util-linux"))
    missing += [package for tool, package in tools if shutil.which(tool) is None]
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        missing.append("util-linux (runuser)")
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
        self.cores = pinning.choose(settings.pin)
        self.cluster = cluster.Cluster(work)
        self.running: dict[str, servers.Server] = {}
        self.samples: dict[tuple[str, str, str], list[float]] = {}
        self.helpers: dict[str, dict[str, list[float]]] = {}
        self.peaks: dict[tuple[str, str], float] = {}
        self.token = ""
        self.history: list[str] = []  # what happened to each round, for the document's notes
        self.steal: list[float] = []
        self.pause_before_repeat = 0 if settings.smoke else PAUSE_BEFORE_REPEAT_S

    def add(self, framework: str, scenario: str, metric: str, value: float) -> None:
        self.samples.setdefault((framework, scenario, metric), []).append(value)

    def spawn(self, slug: str, label: str) -> servers.Server:
        log = self.work / f"{slug}-{label}.log"
        server = servers.Server(FRAMEWORKS[slug], cluster.free_port(), self.settings.workers,
                                self.cluster.environment(), log,
                                ["taskset", "-c", ",".join(map(str, self.cores.servers))])
        return server

    def start_database(self) -> None:
        say("Starting a private PostgreSQL and seeding it...")
        self.cluster.start()
        self.cores.pin_servers(servers.descendants(self.cluster.postmaster_pid()))
        self.token = self.cluster.token(1)

    def cold_starts(self) -> None:
        # Before the measured servers start, and interleaved, so every framework spawns on the same quiet machine.
        for sample in range(1, self.settings.cold_starts + 1):
            for slug in self.settings.frameworks:
                server = self.spawn(slug, f"cold-{sample}")
                try:
                    seconds = server.wait_ready()
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
            server.wait_ready()
            statements = verify.verify(slug, server.port, self.token, self.cluster.statements, say=say)
            checked = ", ".join(f"{t} {n:g}" for t, n in statements.items())
            say(f"  {slug} on port {server.port} answers every test type as spec.md asks; statements per "
                f"request: {checked}")

    def throughput(self, cell: load.Cell, phase: str, seconds: int) -> load.Throughput:
        before = self.cluster.settled_statements()
        sample = load.throughput(cell, phase, self.running[cell.framework].port, self.token, seconds,
                                 self.cores.load_prefix())
        statements = self.cluster.settled_statements() - before
        if not phase.startswith(("warm-up", "probe")):
            self.add(cell.framework, cell.scenario, "rps", sample.rps)
            # wrk stops with a request in flight on each connection and does not count it, but the server still
            # answers it and runs its statements: they are the cell's requests too. In a brief cell of a slow
            # type (Django's updates: 11 answers in a second on 4 connections) dividing by the answers alone
            # read 54.6 statements for the spec's 40.
            answered = sample.requests + cell.connections
            self.add(cell.framework, cell.scenario, "round-trips", statements / answered)
            self.add(cell.framework, cell.scenario, "connections", sample.connections_per_request)
        return sample

    def latency(self, cell: load.Cell, phase: str) -> load.Latency:
        peak = self.peaks[(cell.framework, cell.test_type)]
        sample = load.latency(cell, phase, self.running[cell.framework].port, self.token, peak / 2,
                              self.settings.duration, self.cores.load_prefix())
        self.add(cell.framework, cell.scenario, "p50", sample.p50_ms)
        self.add(cell.framework, cell.scenario, "p99", sample.p99_ms)
        return sample

    def cells(self, slug: str) -> list[load.Cell]:
        s = self.settings
        return testtypes.throughput_cells(slug, s.types, s.levels, s.connections)

    def warm_up(self) -> None:
        """Every cell once, unmeasured: a server's, a driver's and PostgreSQL's caches fill in the first seconds."""
        say(f"Warm-up ({self.settings.warmup} s per cell)...")
        for slug in self.settings.frameworks:
            for cell in self.cells(slug):
                self.throughput(cell, "warm-up", self.settings.warmup)

    def probe(self, phase: str) -> float:
        """Plaintext on the first framework: the same small job each time, so a change is the machine's."""
        cell = load.Cell(self.settings.frameworks[0], "probe", "plaintext", "/plaintext", 16)
        return load.throughput(cell, phase, self.running[cell.framework].port, self.token, self.settings.probe,
                               self.cores.load_prefix()).rps

    def rounds(self) -> None:
        self.probe("probe, warm-up")  # a server's first seconds are slower than the rest
        for number in range(1, self.settings.rounds + 1):
            for attempt in range(self.settings.repeats + 1):
                kept = {key: len(values) for key, values in self.samples.items()}
                kept_helpers = {(slug, name): len(values)
                                for slug, helpers in self.helpers.items() for name, values in helpers.items()}
                steal = pinning.Steal()
                moved = self.round(number)
                if moved is None:
                    self.steal.append(steal.share())
                    break
                for key in list(self.samples):  # the whole round goes, so samples stay paired by round
                    del self.samples[key][kept.get(key, 0):]
                for slug, helpers in self.helpers.items():
                    for name, values in helpers.items():
                        del values[kept_helpers.get((slug, name), 0):]
                what = (f"round {number}: the drift probe moved {moved:+.0%} during the round "
                        f"(limit ±{self.settings.drift:.0%})")
                if attempt == self.settings.repeats:
                    raise InvalidRun("all frameworks", "drift probe", f"round {number}",
                                     f"{what} in {attempt + 1} attempts; the machine is too unsteady to measure "
                                     "on. The run is refused")
                self.history.append(f"{what}; repeated")
                say(f"  {what}; repeating it in {self.pause_before_repeat} s")
                time.sleep(self.pause_before_repeat)

    def round(self, number: int) -> float | None:
        """One sample of every cell, in an order of its own; the drift probe's move if it was too large."""
        before = self.probe(f"probe before round {number}")
        time.sleep(0.5)  # let the probe's connections close before reading idle memory
        for slug, server in self.running.items():
            memory, helpers = server.memory_mb()
            self.add(slug, "idle", "memory", memory)
            for name, megabytes in helpers.items():
                self.helpers.setdefault(slug, {}).setdefault(name, []).append(megabytes)
        order = [cell for slug in self.settings.frameworks for cell in self.cells(slug)]
        # A different order each round, repeatable from the round's number, so no framework is always first
        # after a pause or always measured as the machine warms.
        random.Random(number).shuffle(order)
        # The fixed rates are half of each framework's peak on the type (its best level) in the first round, kept
        # for every later round so that all of a cell's latency samples are taken at one rate. A repeated first
        # round sets them again.
        calibrating = number == 1
        if calibrating:
            self.peaks.clear()
        for cell in order:
            sample = self.throughput(cell, f"round {number}", self.settings.duration)
            if calibrating:
                key = (cell.framework, cell.test_type)
                self.peaks[key] = max(self.peaks.get(key, 0.0), sample.rps)
            say(f"  round {number}: {cell.framework:<12} {cell.scenario:<20} {sample.rps:>9.1f} req/s")
        fixed = [cell for slug in self.settings.frameworks
                 for cell in testtypes.latency_cells(slug, self.settings.types)]
        random.Random(-number).shuffle(fixed)
        for cell in fixed:
            sample = self.latency(cell, f"round {number}")
            say(f"  round {number}: {cell.framework:<12} {cell.scenario:<20} at {sample.rate:>7.0f} req/s: "
                f"p50 {sample.p50_ms:.2f} ms, p99 {sample.p99_ms:.2f} ms")
        after = self.probe(f"probe after round {number}")
        # Between rounds a slower or faster machine moves every framework alike, which intervals paired over rounds
        # cancel; during a round it would favour whichever frameworks came first, so before and after must agree.
        moved = after / before - 1
        say(f"  round {number}: drift probe {before:.0f} req/s before, {after:.0f} after ({moved:+.1%})")
        return moved if abs(moved) > self.settings.drift else None

    def stop(self) -> None:
        for server in self.running.values():
            server.stop()
        self.running.clear()
        self.cluster.stop()

    def results(self) -> list[dict]:
        digits = {"rps": 1, "p50": 2, "p99": 2, "memory": 1, "cold-start": 3, "round-trips": 2, "connections": 4}
        return [rundoc.result(framework, scenario, metric, values, digits[metric])
                for (framework, scenario, metric), values in self.samples.items()]

    def all_cells(self) -> list[load.Cell]:
        return [cell for slug in self.settings.frameworks
                for cell in self.cells(slug) + testtypes.latency_cells(slug, self.settings.types)]


def write(document: dict, out: Path) -> None:
    # Written beside the target and renamed, so an interrupted write never leaves half a document.
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    os.replace(partial, out)


def summary(results: list[dict]) -> None:
    units = {metric["slug"]: metric["unit"] for metric in rundoc.METRICS}
    say(f"\n{'framework':<12} {'scenario':<20} {'metric':<12} {'median':>10} {'min-max':>21}  unit")
    order = list(FRAMEWORKS)
    for row in sorted(results, key=lambda r: (r["scenario"], r["metric"], order.index(r["framework"]))):
        spread = f"{min(row['samples']):g}-{max(row['samples']):g}"
        say(f"{row['framework']:<12} {row['scenario']:<20} {row['metric']:<12} {row['value']:>10g} {spread:>21}  "
            f"{units[row['metric']]}")


def main(argv: list[str]) -> int:
    settings = options(argv)
    began = time.monotonic()
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    run_id, out = run_identity(settings, today)
    check_tools()
    tools = f"{load.wrk_version()} and {load.h2load_version()}"
    work = Path(tempfile.mkdtemp(prefix="frameworks-bench."))
    work.chmod(0o755)  # the postgres user creates its cluster inside
    run = Run(settings, work)
    say(run.cores.describe())
    try:
        run.start_database()
        say(f"Cold starts ({settings.cold_starts} per framework)...")
        run.cold_starts()
        say(f"Starting and verifying {', '.join(settings.frameworks)} with {settings.workers} workers each...")
        run.start_servers()
        if settings.warmup > 0:
            run.warm_up()
        say(f"{settings.rounds} rounds of {settings.duration} s per cell...")
        run.rounds()
        postgres, seeded = run.cluster.version(), run.cluster.counts()
    finally:
        run.stop()
        shutil.rmtree(work, ignore_errors=True)
    results = run.results()
    measured = rundoc.Measured(settings=settings, run_id=run_id, date=today, postgres=postgres, seeded=seeded,
                               tools=tools, results=results, cells=run.all_cells(), cores=run.cores,
                               helpers=run.helpers, history=run.history, steal=run.steal,
                               seconds=time.monotonic() - began)
    write(rundoc.document(measured), out)
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
