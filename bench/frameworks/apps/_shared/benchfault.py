"""Test hook, not a feature: makes one endpoint of one app misbehave, so the harness's checks can be seen to work.

FRAMEWORKS_BENCH_FAULT="<framework>:<scenario>:<kind>[:<after>]", e.g. "flask:fortunes:unescaped:1". The fault
starts after <after> answers of that endpoint in each worker process (default 0: from the first answer).
Scenarios are the test types' slugs without a concurrency suffix. Kinds:
  status       answer 500
  body         answer 200 with a well-formed but wrong body (one the cheap checks under load reject too)
  unescaped    fortunes only: render the messages without HTML escaping
  extra-query  run one extra `select 1` per request (shows in the statements counted per request)
  redirect     answer 302 to the same path
Every app shares this module (each adds apps/_shared to sys.path), so the hook means the same in every one.
"""
import os

SCENARIOS = ("plaintext", "serialization", "single-query", "multiple-queries", "fortunes", "updates", "json", "db")
KINDS = ("status", "body", "unescaped", "extra-query", "redirect")
VARIABLE = "FRAMEWORKS_BENCH_FAULT"


class Fault:
    """Asked once per answer: `fault(scenario)` is the kind to apply to this answer, or None."""

    def __init__(self, framework: str, setting: str | None = None):
        setting = os.environ.get(VARIABLE, "") if setting is None else setting
        self.framework = framework
        self.scenario = self.kind = None
        self.after = 0
        self.answered = dict.fromkeys(SCENARIOS, 0)
        if not setting:
            return
        parts = setting.split(":")
        # A bad value stops the app at start-up with the reason, rather than silently injecting nothing.
        if len(parts) not in (3, 4) or parts[1] not in SCENARIOS or parts[2] not in KINDS:
            raise ValueError(f"{VARIABLE}={setting!r}: expected <framework>:<scenario>:<kind>[:<after>] with a "
                             f"scenario of {', '.join(SCENARIOS)} and a kind of {', '.join(KINDS)}")
        if parts[2] == "unescaped" and parts[1] != "fortunes":
            raise ValueError(f"{VARIABLE}={setting!r}: the kind 'unescaped' applies to fortunes only")
        if len(parts) == 4 and not (parts[3].isdigit()):
            raise ValueError(f"{VARIABLE}={setting!r}: <after> must be a whole number of answers")
        if parts[0] == framework:  # a fault meant for another app leaves this one alone
            self.scenario, self.kind = parts[1], parts[2]
            self.after = int(parts[3]) if len(parts) == 4 else 0

    def __call__(self, scenario: str) -> str | None:
        self.answered[scenario] += 1
        if scenario == self.scenario and self.answered[scenario] > self.after:
            return self.kind
        return None


def queries_parameter(raw: str | None) -> int:
    """TechEmpower's rule for ?queries=: missing, not a number or below 1 means 1; above 500 means 500."""
    try:
        count = int(raw) if raw is not None else 1
    except ValueError:
        return 1
    return min(max(count, 1), 500)


PLAINTEXT = b"Hello, World!"
MESSAGE = "Hello, World!"
ADDITIONAL_FORTUNE = "Additional fortune added at request time."
WORLD_ROWS = 10_000
USERS = 10_000
# The wrong bodies for kind 'body': well-formed, status 200, and missing what the checks under load look for.
WRONG_TEXT = b"Goodbye, World!"
WRONG_OBJECT = {"fault": VARIABLE}
