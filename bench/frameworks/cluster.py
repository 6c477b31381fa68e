"""A private PostgreSQL for one run: initdb in the run's folder, loopback, a free port, trust auth, seeded once.

initdb and postgres refuse to run as root, so as root they run as the postgres user (like bench/lib.sh).
"""
import os
import pwd
import socket
import subprocess
import time
from pathlib import Path

import statements
from errors import HarnessError

SEED = Path(__file__).resolve().parent / "apps" / "seed.sql"
USER = "bench"
DATABASE = "bench"
MONITOR_DATABASE = "postgres"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise HarnessError("PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin): install postgresql")
    return versions[-1].parent


def as_postgres(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def run(argv: list[str], what: str) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise HarnessError(f"{what} failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
    return done.stdout


class Cluster:
    """Started by start(), stopped by stop(); the apps reach it through libpq's environment variables."""

    def __init__(self, work: Path):
        self.bin = postgres_bin()
        self.root = work / "pg"
        self.data = self.root / "data"
        self.port = 0
        self.running = False

    def start(self) -> None:
        self.root.mkdir()
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.root, postgres.pw_uid, postgres.pw_gid)
        run(as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust", "--no-sync",
                         "-E", "UTF8"]), "initdb")
        self.port = free_port()
        # Room for every app's pools at once (all servers stay up during the rounds), whatever --workers is.
        # pg_stat_statements counts the statements every app sends (statements.py): loaded at start-up, as it
        # must be. track=top (its default) counts what clients send, not statements run inside functions, so a
        # count is round trips' statements; track_utility (default on) keeps BEGIN, ROLLBACK, RESET in the count.
        # synchronous_commit=off: a commit does not wait for its WAL to reach the disk, so the updates test
        # (20 single-row commits per request) measures the frameworks, not this machine's fsync latency; the same
        # for every app, and said in the run's notes.
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                   "-c max_connections=500 -c shared_preload_libraries=pg_stat_statements "
                   "-c pg_stat_statements.track=top -c pg_stat_statements.track_utility=on "
                   "-c synchronous_commit=off")
        log = self.root / "log"
        try:
            run(as_postgres([str(self.bin / "pg_ctl"), "start", "-D", str(self.data), "-l", str(log), "-w", "-t",
                             "60", "-o", options]), f"starting PostgreSQL on port {self.port}")
        except HarnessError as error:
            # pg_ctl only says "see the log"; the reason (a port in use, say) is in the log's last lines.
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-10:]) if log.exists() else ""
            raise HarnessError(f"{error}\nPostgreSQL's log ends with:\n{tail}") from error
        self.running = True
        self.psql("postgres", "-c", f"create database {DATABASE}")
        self.psql(DATABASE, "-f", str(SEED))
        # The view goes in the database the harness reads from, not the apps' one: it shows every database's
        # statements, and a reading made there is never counted as the apps' (statements.py).
        self.psql(MONITOR_DATABASE, "-c", "create extension pg_stat_statements")

    def psql(self, database: str, *args: str) -> str:
        return run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                    str(self.port), "-U", USER, "-d", database, *args], f"psql {' '.join(args)[:60]}")

    def version(self) -> str:
        return self.psql(DATABASE, "-c", "show server_version").strip()

    def environment(self) -> dict[str, str]:
        return {"PGHOST": "127.0.0.1", "PGPORT": str(self.port), "PGUSER": USER, "PGDATABASE": DATABASE}

    def token(self, user_id: int) -> str:
        return self.psql(DATABASE, "-c", f"select token from users where id = {int(user_id)}").strip()

    def counts(self) -> tuple[int, int]:
        users, orders = self.psql(DATABASE, "-c", "select (select count(*) from users), "
                                  "(select count(*) from orders)").strip().split("|")
        return int(users), int(orders)

    def monitor(self, sql: str) -> str:
        """One monitoring query, run in the postgres database so it is never counted as the apps' work."""
        return self.psql(MONITOR_DATABASE, "-c", sql).strip()

    def statements(self) -> int:
        """Statements run in the bench database so far (pg_stat_statements' calls), see statements.py."""
        return statements.total_calls(self.monitor)

    def settled_statements(self, timeout: float = 5.0) -> int:
        """The statement count once it stops moving: when wrk or h2load stops, the requests it left in flight still
        run their statements, and they belong to the cell that sent them, not to the next one."""
        deadline = time.monotonic() + timeout
        last = self.statements()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.statements()
            if now == last:
                return now
            last = now
        return last

    def sessions(self) -> int:
        """Sessions (connections) opened to the bench database so far, by the apps and anyone else."""
        return statements.total_sessions(self.monitor)

    def postmaster_pid(self) -> int:
        """The server's first process, whose children (and their affinity) every backend inherits."""
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])

    def stop(self) -> None:
        if self.running:
            subprocess.run(as_postgres([str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w"]),
                           capture_output=True, timeout=60)
            self.running = False
