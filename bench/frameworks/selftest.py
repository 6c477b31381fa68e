"""Self-check of the apps against spec.md: each app started on a private PostgreSQL and verified, and every fault
kind of the hook (apps/_shared/benchfault.py) shown to make verify fail (extra-query: counted, not refused).

    /usr/bin/python3 -B bench/frameworks/selftest.py [--frameworks fastapi,flask] [--no-faults]
Standard library and the harness's own modules; not part of a run.
"""
import argparse
import http.client
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cluster
import frameworks
import verify
from errors import HarnessError

WORKERS = 2
FAULTS = [("status", "single-query"), ("body", "serialization"), ("unescaped", "fortunes"),
          ("extra-query", "single-query"), ("redirect", "db"), ("body", "fortunes"), ("body", "json")]


class App:
    def __init__(self, framework: frameworks.Framework, database: cluster.Cluster, work: Path, fault: str = ""):
        self.port = cluster.free_port()
        self.log = work / f"{framework.slug}-{self.port}.log"
        env = {**os.environ, **database.environment(), "PYTHONDONTWRITEBYTECODE": "1",
               "FRAMEWORKS_BENCH_FAULT": fault}
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(framework.argv(self.port, WORKERS), env=env, stdin=subprocess.DEVNULL,
                                            stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        began = time.monotonic()
        while True:
            if self.process.poll() is not None or time.monotonic() - began > 60:
                self.stop()
                raise HarnessError(f"{framework.slug} did not start:\n{self.log.read_text()[-2000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/plaintext")
                connection.getresponse().read()
                connection.close()
                return
            except OSError:
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frameworks", default=",".join(frameworks.FRAMEWORKS))
    parser.add_argument("--no-faults", action="store_true")
    settings = parser.parse_args(argv)
    chosen = [frameworks.FRAMEWORKS[slug] for slug in settings.frameworks.split(",")]
    work = Path(tempfile.mkdtemp(prefix="frameworks-selftest."))
    work.chmod(0o755)
    database = cluster.Cluster(work)
    failures = 0
    try:
        database.start()
        token = database.token(1)
        kinds = list(verify.PATHS)
        print(f"{'framework':<12}" + "".join(f"{kind:>17}" for kind in kinds) + "   sessions")
        for framework in chosen:
            app = App(framework, database, work)
            try:
                sessions = database.sessions()
                found = verify.verify(framework.slug, app.port, token, database.statements, say=lambda _: None)
                time.sleep(1.2)  # pg_stat_database takes up to a second to show a new session
                opened = database.sessions() - sessions
            finally:
                app.stop()
            print(f"{framework.slug:<12}" + "".join(f"{found[kind]:>17g}" for kind in kinds) + f"   {opened}")
        if settings.no_faults:
            return 0
        for framework in chosen:
            for kind, scenario in FAULTS:
                app = App(framework, database, work, f"{framework.slug}:{scenario}:{kind}")
                try:
                    found = verify.verify(framework.slug, app.port, token, database.statements,
                                          say=lambda _: None)
                    outcome = f"passed; {scenario} {found[scenario]:g} statements per request"
                    failures += kind != "extra-query" or found[scenario] != verify.STATEMENTS[scenario] + 1
                except HarnessError as error:
                    outcome = f"refused: {str(error)[:160]}"
                    failures += kind == "extra-query"
                finally:
                    app.stop()
                print(f"  fault {framework.slug}:{scenario}:{kind}: {outcome}")
    finally:
        database.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("all as expected" if not failures else f"{failures} unexpected outcomes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
