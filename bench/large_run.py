#!/usr/bin/env python3
"""A synthetic run document of ROWS measurements for the import verb: 100 frameworks x 10 metrics x as many scenarios
as the rows need, each named PREFIX-fw-N, PREFIX-metric-N, PREFIX-scenario-N. The one generator behind
bench/large-runs.sh, bench/memory-floods.sh and bench/scale.py.

Usage: large_run.py ROWS --id ID --title TITLE --date YYYY-MM-DD [--suite SLUG --suite-title TITLE]
                    [--prefix bench] [--step 1] [--shift 0] [--samples]       (writes the JSON to standard output)
"""
import argparse
import json
import sys


def document(rows, run_id, title, date, suite="python-web-frameworks", suite_title="Python web frameworks",
             prefix="bench", step=1, shift=0, samples=False):
    """The run document as a dict. Values are (index * step + shift) % 9973 + 0.5, so runs told apart by shift
    differ in every value; with samples, each result carries three rounds (value -3 %, value, +3 %) instead."""
    frameworks = [f"{prefix}-fw-{i}" for i in range(100)]
    metrics = [f"{prefix}-metric-{i}" for i in range(10)]
    scenarios = [f"{prefix}-scenario-{i}" for i in range(max(1, -(-rows // (len(frameworks) * len(metrics)))))]
    results = []
    for s in scenarios:
        for m in metrics:
            for f in frameworks:
                if len(results) < rows:
                    value = (len(results) * step + shift) % 9973 + 0.5
                    result = {"framework": f, "scenario": s, "metric": m}
                    if samples:
                        result["samples"] = [value * 0.97, value, value * 1.03]
                    else:
                        result["value"] = value
                    results.append(result)
    return {
        "suite": suite, "suiteTitle": suite_title,
        "run": {"id": run_id, "title": title, "date": date, "source": "bench", "origin": "measured"},
        "frameworks": [{"slug": f, "name": f"Framework {f}", "language": "Python"} for f in frameworks],
        "scenarios": [{"slug": s, "name": f"Scenario {s}"} for s in scenarios],
        "metrics": [{"slug": m, "name": f"Metric {m}", "unit": "req/s", "better": "higher", "decimals": 0,
                     "kind": "measurement"} for m in metrics],
        "results": results,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="bench/large_run.py", description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("--id", required=True)
    parser.add_argument("--title", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--suite", default="python-web-frameworks")
    parser.add_argument("--suite-title", default="Python web frameworks")
    parser.add_argument("--prefix", default="bench")
    parser.add_argument("--step", type=int, default=1)
    parser.add_argument("--shift", type=int, default=0)
    parser.add_argument("--samples", action="store_true")
    a = parser.parse_args()
    json.dump(document(a.rows, a.id, a.title, a.date, a.suite, a.suite_title, a.prefix, a.step, a.shift,
                       a.samples), sys.stdout)
