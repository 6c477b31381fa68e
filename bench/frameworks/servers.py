"""The four apps as servers: how each starts, when it first answers, whether it answers correctly, its memory."""
import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from errors import HarnessError

APPS = Path(__file__).resolve().parent / "apps"
DJANGO = APPS / "django_app"
PYTHON = "/usr/bin/python3"
GUNICORN = "/usr/bin/gunicorn"
START_TIMEOUT = 60.0


def uvicorn(app: str, app_dir: Path, port: int, workers: int) -> list[str]:
    return [PYTHON, "-m", "uvicorn", app, "--app-dir", str(app_dir), "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
            "--log-level", "warning"]


def gunicorn(app: str, app_dir: Path, port: int, workers: int) -> list[str]:
    return [GUNICORN, "--chdir", str(app_dir), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--worker-class", "sync", "--log-level", "warning", app]


@dataclass(frozen=True)
class Framework:
    slug: str
    argv: Callable[[int, int], list[str]]  # (port, workers) -> the server's command line


FRAMEWORKS = {
    "fastapi": Framework("fastapi", lambda port, n: uvicorn("fastapi_app:app", APPS, port, n)),
    "flask": Framework("flask", lambda port, n: gunicorn("flask_app:app", APPS, port, n)),
    "django": Framework("django", lambda port, n: gunicorn("benchsite.wsgi:application", DJANGO, port, n)),
    "django-asgi": Framework("django-asgi", lambda port, n: uvicorn("benchsite.asgi:application", DJANGO, port, n)),
}


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def get(port: int, path: str, token: str | None, timeout: float = 5.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Server:
    """One running instance of a framework's app: a process group the harness started and alone stops."""

    def __init__(self, framework: Framework, port: int, workers: int, environment: dict[str, str], log: Path):
        self.framework = framework
        self.port = port
        self.log = log
        if not port_is_free(port):
            raise HarnessError(f"{framework.slug}: port {port} on 127.0.0.1 is in use")
        env = {**os.environ, **environment, "FRAMEWORKS_BENCH_FLAVOUR": framework.slug,
               "PYTHONDONTWRITEBYTECODE": "1"}
        with open(log, "ab") as output:
            # Its own session, so stopping it reaches the master and every worker, and nothing else.
            self.process = subprocess.Popen(framework.argv(port, workers), env=env, stdin=subprocess.DEVNULL,
                                            stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        self.started = time.monotonic()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no output)"

    def wait_ready(self, token: str) -> float:
        """Seconds from spawn to the first 200 on /json."""
        while True:
            if self.process.poll() is not None:
                raise HarnessError(f"{self.framework.slug} exited with code {self.process.returncode} before "
                                   f"answering on port {self.port}; its output ends with:\n{self.log_tail()}")
            try:
                status, _ = get(self.port, "/json", token, timeout=2.0)
                if status == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            if time.monotonic() - self.started > START_TIMEOUT:
                raise HarnessError(f"{self.framework.slug} did not answer 200 on /json within {START_TIMEOUT:.0f} s "
                                   f"(port {self.port}); its output ends with:\n{self.log_tail()}")
            time.sleep(0.01)

    def memory_mb(self) -> float:
        """Resident memory of the master and every process below it (workers, helpers), from /proc."""
        return sum(rss_kb(pid) for pid in descendants(self.process.pid)) / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)


def descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The command name in field 2 may hold spaces and parentheses; the parent id follows the last ')'.
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, frontier = [root], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def check_endpoints(slug: str, port: int, token: str, expected_user: dict) -> None:
    """Both endpoints answer the agreed JSON; a wrong answer stops the run before anything is measured."""
    def fail(message: str) -> None:
        raise HarnessError(f"{slug} answers wrongly: {message}")

    for path, sent in (("/json", None), ("/json", "not-a-token")):
        status, _ = get(port, path, sent)
        if status != 401:
            fail(f"GET {path} with {'no' if sent is None else 'an unknown'} token: expected 401, got {status}")
    status, body = get(port, "/json", token)
    if status != 200:
        fail(f"GET /json: expected 200, got {status}: {body[:200]!r}")
    if json.loads(body) != expected_user:
        fail(f"GET /json: expected {expected_user}, got {body[:300]!r}")
    status, body = get(port, "/db", None)
    if status != 200:
        fail(f"GET /db: expected 200, got {status}: {body[:200]!r}")
    check_order_totals(json.loads(body), fail)


def check_order_totals(document: object, fail) -> None:
    users = document.get("users") if isinstance(document, dict) else None
    if not isinstance(users, list) or len(users) != 20:
        fail(f"GET /db: expected {{\"users\": [20 rows]}}, got {str(document)[:300]}")
    keys = {"id", "name", "orders", "items", "total_cents"}
    for row in users:
        if not isinstance(row, dict) or set(row) != keys or not all(
                isinstance(row[k], int) for k in keys - {"name"}):
            fail(f"GET /db: a row is not {sorted(keys)} with whole numbers: {str(row)[:200]}")
        # Every user has exactly 10 orders (seed.sql), so the aggregate is checkable without the database.
        if row["name"] != f"User {row['id']}" or row["orders"] != 10:
            fail(f"GET /db: row {row} does not match the seeded data")
    ids = [row["id"] for row in users]
    if ids != list(range(ids[0], ids[0] + 20)):
        fail(f"GET /db: expected 20 consecutive user ids in order, got {ids}")
