"""Load: wrk (closed loop) with every response checked by check.lua, and h2load at a fixed request rate.

Both are pinned to the load generator's cores (pinning.py) and refuse a cell with any failed or wrong answer.
"""
import json
import math
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from errors import HarnessError, InvalidRun
from verify import CHEAP

CHECK = Path(__file__).resolve().parent / "check.lua"
# Long enough that a queue behind 256 connections on a sync server is slow, not failed; wrk's default is 2 s.
REQUEST_TIMEOUT_S = 10
ERROR_NAMES = {
    "connect": "connect (socket errors)",
    "read": "read (socket errors)",
    "write": "write (socket errors)",
    "timeout": f"timeout (no answer within {REQUEST_TIMEOUT_S} s)",
    "status": "status (answers of 400 or more)",
}
# Clients of the fixed-rate run: each a keep-alive HTTP/1.1 connection sending at its share of the rate.
RATE_CLIENTS = 16


@dataclass(frozen=True)
class Cell:
    """What one load run asks: a framework's test type at a concurrency, for some seconds."""
    framework: str
    scenario: str  # the run document's scenario slug, e.g. single-query-c64
    test_type: str  # check.lua's type, e.g. single-query
    path: str
    connections: int


@dataclass(frozen=True)
class Throughput:
    requests: int
    rps: float
    connections_per_request: float


@dataclass(frozen=True)
class Latency:
    requests: int
    rate: float
    p50_ms: float
    p99_ms: float


def wrk_version() -> str:
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
    words = (done.stdout + done.stderr).split()
    # Debian prints "wrk debian/4.1.0-3+b2 [epoll] ...": keep the upstream version.
    version = words[1].split("/")[-1].split("-")[0] if len(words) > 1 else "unknown version"
    return f"wrk {version}"


def h2load_version() -> str:
    done = subprocess.run(["h2load", "--version"], capture_output=True, text=True, timeout=10)
    # "h2load nghttp2/1.52.0"
    return "h2load " + (done.stdout.split("/")[-1].strip() or "unknown version")


def throughput(cell: Cell, phase: str, port: int, token: str, seconds: int, pin: list[str]) -> Throughput:
    """wrk for `seconds` at the cell's connections; refused on any socket error or any response check.lua rejects."""
    threads = max(1, min(cell.connections, 2))
    argv = [*pin, "wrk", "-t", str(threads), "-c", str(cell.connections), "-d", f"{seconds}s",
            "--timeout", f"{REQUEST_TIMEOUT_S}s", "-s", str(CHECK), "-H", f"Authorization: Bearer {token}",
            f"http://127.0.0.1:{port}{cell.path}", "--", *check_arguments(cell.test_type)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace",
                              timeout=seconds + REQUEST_TIMEOUT_S + 30)
    except subprocess.TimeoutExpired as expired:
        raise InvalidRun(cell.framework, cell.scenario, phase, "wrk did not finish in time") from expired
    report = next((line for line in reversed(done.stdout.splitlines()) if line.startswith('{"requests"')), None)
    if done.returncode != 0 or report is None:
        raise HarnessError(f"wrk failed on {cell.framework} {cell.scenario} (exit {done.returncode}): "
                           f"{(done.stderr or done.stdout).strip()[-1000:]}")
    result = json.loads(report, strict=False)
    failed = {name: count for name, count in result["errors"].items() if count}
    if failed or result["requests"] == 0:
        errors = ", ".join(f"{ERROR_NAMES[name]}: {count}" for name, count in failed.items()) or "no requests"
        raise InvalidRun(cell.framework, cell.scenario, phase,
                         f"{sum(failed.values())} of {result['requests']} requests failed: {errors}")
    if result["bad"]:
        raise InvalidRun(cell.framework, cell.scenario, phase,
                         f"{result['bad']} of {result['requests']} responses failed the {cell.test_type} check "
                         f"(spec.md); the first: {result['example'].strip()}")
    # wrk opens each of its connections once, then again after every answer that closed it: those reopenings
    # are the connections the server made the client open per request (0 with keep-alive, 1 without).
    return Throughput(requests=result["requests"], rps=result["requests"] / (result["duration_us"] / 1e6),
                      connections_per_request=result["closed"] / result["requests"])


def check_arguments(test_type: str) -> list[str]:
    """verify.CHEAP's checks for the type, as check.lua reads them."""
    check = CHEAP[test_type]
    arguments = ["equals", check["equals"]] if "equals" in check else []
    arguments += [word for text in check.get("contains", []) for word in ("contains", text)]
    arguments += [word for text in check.get("excludes", []) for word in ("excludes", text)]
    arguments += [word for text, times in check.get("counts", {}).items() for word in ("count", str(times), text)]
    return arguments


def latency(cell: Cell, phase: str, port: int, token: str, rate: float, seconds: int, pin: list[str]) -> Latency:
    """h2load sending `rate` requests a second over RATE_CLIENTS keep-alive connections; every status must be 200.

    A fixed rate below the server's peak keeps requests from queueing behind each other in the load generator,
    so the percentiles are not hidden by coordinated omission as a closed loop's are.
    """
    per_client = max(1, math.floor(rate / RATE_CLIENTS))
    with tempfile.NamedTemporaryFile(prefix="h2load-", suffix=".log") as log:
        argv = [*pin, "h2load", "--h1", "-c", str(RATE_CLIENTS), "--rps", str(per_client), "-D", str(seconds),
                "-H", f"Authorization: Bearer {token}", f"--log-file={log.name}",
                f"http://127.0.0.1:{port}{cell.path}"]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=seconds + 60)
        except subprocess.TimeoutExpired as expired:
            raise InvalidRun(cell.framework, cell.scenario, phase, "h2load did not finish in time") from expired
        if done.returncode != 0:
            raise HarnessError(f"h2load failed on {cell.framework} {cell.scenario} (exit {done.returncode}): "
                               f"{(done.stderr or done.stdout).strip()[-1000:]}")
        rows = [line.split("\t") for line in Path(log.name).read_text().splitlines() if line.strip()]
    statuses = [int(row[1]) for row in rows]
    wrong = [status for status in statuses if status != 200]
    if not rows or wrong:
        raise InvalidRun(cell.framework, cell.scenario, f"{phase}, fixed rate",
                         f"{len(wrong)} of {len(rows)} requests did not answer 200 (first: {wrong[:1] or 'none'})"
                         if rows else "no requests completed")
    elapsed = sorted(int(row[2]) for row in rows)
    return Latency(requests=len(rows), rate=per_client * RATE_CLIENTS * 1.0,
                   p50_ms=percentile(elapsed, 50) / 1000, p99_ms=percentile(elapsed, 99) / 1000)


def percentile(ordered: list[int], share: float) -> float:
    """Nearest rank, as wrk's and HdrHistogram's percentiles are."""
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return float(ordered[rank - 1])
