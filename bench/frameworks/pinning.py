"""Which cores run what: the load generator on its own core, the servers and PostgreSQL on the others.

The load generator's cost per request is the same for every framework, so sharing cores with it pushes every
ratio towards 1. On a machine with two or more cores, wrk and h2load get the last core and everything measured
gets the rest. On one core nothing can be separated, and the run says so.
"""
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Cores:
    load: list[int]
    servers: list[int]

    @property
    def separated(self) -> bool:
        return not set(self.load) & set(self.servers)

    def load_prefix(self) -> list[str]:
        """Prepended to wrk's and h2load's command lines."""
        return ["taskset", "-c", ",".join(map(str, self.load))]

    def pin_servers(self, pids: list[int]) -> None:
        """Servers' and PostgreSQL's processes; processes they fork later inherit the mask."""
        for pid in pids:
            try:
                os.sched_setaffinity(pid, self.servers)
            except (ProcessLookupError, PermissionError):
                pass  # exited in between, or a thread that went away

    def describe(self) -> str:
        if not self.separated:
            return (f"The load generator (wrk, h2load), the servers and PostgreSQL shared core "
                    f"{list_text(self.servers)}, so the load generator took CPU from what it measured.")
        return (f"The load generator (wrk, h2load) ran alone on core {list_text(self.load)}; the servers and "
                f"PostgreSQL on core {list_text(self.servers)} (taskset). They still share the memory bus and "
                "caches, and PostgreSQL shares its core(s) with the servers.")


def list_text(cores: list[int]) -> str:
    return ", ".join(map(str, cores))


def choose(pin: bool) -> Cores:
    available = sorted(os.sched_getaffinity(0))
    if not pin or len(available) < 2:
        return Cores(load=available, servers=available)
    return Cores(load=available[-1:], servers=available[:-1])


class Steal:
    """CPU time the hypervisor gave to other guests, as a share of all CPU time, between start() and stop()."""

    def __init__(self) -> None:
        self.before = read_cpu_times()

    def share(self) -> float:
        after = read_cpu_times()
        total = sum(after) - sum(self.before)
        # /proc/stat's cpu line: user nice system idle iowait irq softirq steal guest guest_nice; guest time is
        # already in user, so only the first eight columns add up to the total.
        steal = after[7] - self.before[7]
        return steal / total if total > 0 else 0.0


def read_cpu_times() -> list[int]:
    first = Path("/proc/stat").read_text().splitlines()[0].split()
    return [int(value) for value in first[1:9]] + [0] * max(0, 9 - len(first))
