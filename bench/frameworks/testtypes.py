"""The test types (spec.md has their written requirements) and the load cells a run measures for them."""
from dataclasses import dataclass

from load import RATE_CLIENTS, Cell


@dataclass(frozen=True)
class TestType:
    slug: str  # check.lua's type and, for a type measured at several levels, the scenarios' family
    name: str
    path: str
    description: str
    scaled: bool  # measured at every --levels concurrency; the others at --connections
    fixed_rate: bool  # latency (p50, p99) measured at a fixed request rate


TYPES = {t.slug: t for t in [
    TestType("plaintext", "Plaintext", "/plaintext",
             "TechEmpower's plaintext test type: a fixed text/plain body, no database", False, False),
    TestType("serialization", "JSON serialization", "/serialization",
             "TechEmpower's JSON test type: an object built per request and serialised, no database", True, True),
    TestType("single-query", "Single query", "/single-query",
             "TechEmpower's single-query test type: one row of world by random id, as JSON", True, True),
    TestType("multiple-queries", "Multiple queries (20)", "/multiple-queries?queries=20",
             "TechEmpower's multiple-queries test type: 20 rows of world by random ids, one query each", False,
             False),
    TestType("fortunes", "Fortunes", "/fortunes",
             "TechEmpower's fortunes test type: every row of fortune and one added at request time, sorted, "
             "rendered by the framework's own templates with HTML escaping", False, False),
    TestType("updates", "Updates (20)", "/updates?queries=20",
             "TechEmpower's updates test type: 20 rows of world read by random ids and each written back with a "
             "new random number, one statement each", False, False),
    # The source's two workloads, under the slugs its figures use, so they keep a scenario that matches theirs.
    TestType("json", "JSON endpoint", "/user-lookup",
             "Simple JSON endpoint: authenticated user lookup, single database read", False, True),
    TestType("db", "Database-backed endpoint", "/order-totals",
             "Endpoint backed by database queries", False, True),
]}
# The source's scenarios are declared exactly as its run declares them (the catalog is shared and the importer
# refuses a declaration that differs), so they carry no family or level. Neither do the other types measured at
# one level (--connections, which the run's load records): a level in the shared catalog would make every later
# run at another --connections, a smoke run's 4 among them, a catalog change the importer refuses.
SOURCE_TYPES = ("json", "db")


def scenario(test_type: TestType, level: int) -> str:
    return f"{test_type.slug}-c{level}" if test_type.scaled else test_type.slug


def throughput_cells(framework: str, types: list[TestType], levels: list[int], connections: int) -> list[Cell]:
    return [Cell(framework, scenario(t, level), t.slug, t.path, level)
            for t in types for level in (levels if t.scaled else [connections])]


def latency_cells(framework: str, types: list[TestType]) -> list[Cell]:
    # h2load's clients are the concurrency of a fixed-rate cell, so its scenario is the type's level of that size.
    return [Cell(framework, scenario(t, RATE_CLIENTS), t.slug, t.path, RATE_CLIENTS) for t in types if t.fixed_rate]


def catalog(types: list[TestType], cells: list[Cell]) -> list[dict]:
    levels = {cell.scenario: cell.connections for cell in cells}
    entries = []
    for t in types:
        if t.slug in SOURCE_TYPES or not t.scaled:
            entries.append({"slug": t.slug, "name": t.name, "description": t.description})
            continue
        for slug, level in sorted((s, n) for s, n in levels.items() if s == t.slug or s.startswith(f"{t.slug}-c")):
            entries.append({"slug": slug, "name": f"{t.name}, {level} connections" if t.scaled else t.name,
                            "description": t.description, "family": t.slug, "concurrency": level})
    return sorted(entries, key=lambda e: (list(TYPES).index(e.get("family", e["slug"])), e.get("concurrency", 0)))
