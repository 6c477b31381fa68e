"""The apps as running servers: started in a session of their own, ready when they first answer, their memory."""
import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from errors import HarnessError
from frameworks import Framework

START_TIMEOUT = 60.0
# The path a cold start waits for: a database read, so opening the worker's connection (on first use, in every
# app) is part of the time, the same for all.
READY_PATH = "/single-query"
# Python's multiprocessing helpers: started by Uvicorn's master for its workers, not serving requests.
HELPER_MARKS = ("resource_tracker", "semaphore_tracker", "forkserver")


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

    def __init__(self, framework: Framework, port: int, workers: int, environment: dict[str, str], log: Path,
                 pin: list[str]):
        self.framework = framework
        self.port = port
        self.log = log
        if not port_is_free(port):
            raise HarnessError(f"{framework.slug}: port {port} on 127.0.0.1 is in use")
        env = {**os.environ, **environment, "FRAMEWORKS_BENCH_FLAVOUR": framework.slug,
               "PYTHONDONTWRITEBYTECODE": "1"}
        with open(log, "ab") as output:
            # Its own session, so stopping it reaches the master and every worker, and nothing else.
            self.process = subprocess.Popen([*pin, *framework.argv(port, workers)], env=env,
                                            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        self.started = time.monotonic()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no output)"

    def wait_ready(self) -> float:
        """Seconds from spawn to the first 200 on READY_PATH."""
        while True:
            if self.process.poll() is not None:
                raise HarnessError(f"{self.framework.slug} exited with code {self.process.returncode} before "
                                   f"answering on port {self.port}; its output ends with:\n{self.log_tail()}")
            try:
                status, _ = get(self.port, READY_PATH, None, timeout=2.0)
                if status == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            if time.monotonic() - self.started > START_TIMEOUT:
                raise HarnessError(f"{self.framework.slug} did not answer 200 on {READY_PATH} within "
                                   f"{START_TIMEOUT:.0f} s (port {self.port}); its output ends with:\n"
                                   f"{self.log_tail()}")
            time.sleep(0.01)

    def memory_mb(self) -> tuple[float, dict[str, float]]:
        """Proportional memory (PSS) of the master and its workers, and apart from it each helper process's.

        PSS divides a page shared by n processes by n, so a forked worker's shared pages are counted once in the
        sum, not once per process as resident memory (RSS) would count them.
        """
        server, helpers = 0, {}
        for pid in descendants(self.process.pid):
            kilobytes = pss_kb(pid)
            helper = next((mark for mark in HELPER_MARKS if mark in command_line(pid)), None)
            if helper:
                helpers[helper] = helpers.get(helper, 0) + kilobytes / 1024
            else:
                server += kilobytes
        return server / 1024, helpers

    def pids(self) -> list[int]:
        return descendants(self.process.pid)

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


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
