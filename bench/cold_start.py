#!/usr/bin/env python3
"""Cold start: RUNS times, starts COMMAND, polls GET URL every 5 ms until the first 200, stops it with SIGTERM
and waits for it to exit. Prints each run's milliseconds from start to first 200, one per line.

Polling from this one process, rather than starting curl every few milliseconds, keeps the measuring tool
from taking CPU from the site it measures: on 2 cores, a fork and exec per poll cost the site ~0.25 s of
its start. Usage: cold_start.py RUNS URL LOGFILE COMMAND...
"""
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

runs, url, logfile, command = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
target = urlsplit(url)
request = f"GET {target.path or '/'} HTTP/1.1\r\nHost: {target.netloc}\r\nConnection: close\r\n\r\n".encode()


def answers_200():
    try:
        with socket.create_connection((target.hostname, target.port), timeout=10) as connection:
            connection.sendall(request)
            return connection.recv(12).startswith(b"HTTP/1.1 200")
    except OSError:
        return False  # not listening yet


for _ in range(runs):
    started = time.monotonic()
    with open(logfile, "ab") as log:
        site = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    while not answers_200():
        if site.poll() is not None:
            sys.exit(f"the site exited with code {site.returncode} before answering 200 (see {logfile})")
        if time.monotonic() - started > 60:
            site.kill()
            sys.exit("no 200 within 60 s")
        time.sleep(0.005)
    print(round((time.monotonic() - started) * 1000), flush=True)
    site.terminate()
    site.wait()
