"""The two ways a run ends early; harness.py prints either and exits non-zero without writing a document."""


class HarnessError(Exception):
    """Something the harness needs is missing or broken: a package, a port, an app that does not start."""


class InvalidRun(Exception):
    """A measured request failed, so the run's figures cannot stand: names the framework, scenario and error."""

    def __init__(self, framework: str, scenario: str, phase: str, error: str):
        super().__init__(f"{framework} {scenario} ({phase}): {error}")
        self.framework = framework
        self.scenario = scenario
