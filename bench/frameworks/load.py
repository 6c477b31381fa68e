"""Load with wrk: one run of one framework and scenario, read from report.lua's JSON line, refused on any error."""
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from errors import HarnessError, InvalidRun

REPORT = Path(__file__).resolve().parent / "report.lua"
# Long enough that a queue behind 500 connections on a sync server is slow, not failed; wrk's default is 2 s.
REQUEST_TIMEOUT_S = 10
ERROR_NAMES = {
    "connect": "connect (socket errors)",
    "read": "read (socket errors)",
    "write": "write (socket errors)",
    "timeout": f"timeout (no answer within {REQUEST_TIMEOUT_S} s)",
    "status": "status (non-2xx answers)",
}


@dataclass(frozen=True)
class Sample:
    rps: float
    p50_ms: float
    p99_ms: float


def wrk_version() -> str:
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
    words = (done.stdout + done.stderr).split()
    # Debian prints "wrk debian/4.1.0-3+b2 [epoll] ...": keep the upstream version.
    version = words[1].split("/")[-1].split("-")[0] if len(words) > 1 else "unknown version"
    return f"wrk {version}"


def threads_for(connections: int, cores: int) -> int:
    return max(1, min(connections, cores))


def measure(framework: str, scenario: str, phase: str, port: int, token: str, connections: int, seconds: int,
            threads: int) -> Sample:
    argv = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
            "--timeout", f"{REQUEST_TIMEOUT_S}s", "-s", str(REPORT), "-H", f"Authorization: Bearer {token}",
            f"http://127.0.0.1:{port}/{scenario}"]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + REQUEST_TIMEOUT_S + 30)
    except subprocess.TimeoutExpired as expired:
        raise InvalidRun(framework, scenario, phase, "wrk did not finish in time") from expired
    report = next((line for line in reversed(done.stdout.splitlines()) if line.startswith('{"requests"')), None)
    if done.returncode != 0 or report is None:
        raise HarnessError(f"wrk failed on {framework} {scenario} (exit {done.returncode}): "
                           f"{(done.stderr or done.stdout).strip()[-1000:]}")
    result = json.loads(report)
    failed = {name: count for name, count in result["errors"].items() if count}
    if failed or result["requests"] == 0:
        errors = ", ".join(f"{ERROR_NAMES[name]}: {count}" for name, count in failed.items()) or "no requests"
        raise InvalidRun(framework, scenario, phase,
                         f"{sum(failed.values())} of {result['requests']} requests failed: {errors}")
    return Sample(
        rps=round(result["requests"] / (result["duration_us"] / 1e6), 1),
        p50_ms=round(result["p50_us"] / 1000, 2),
        p99_ms=round(result["p99_us"] / 1000, 2),
    )
