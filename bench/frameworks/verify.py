"""Before anything is measured: every test type of an app answers as spec.md says, with the statements it says.

For each type, requests over one keep-alive connection (as the load generator sends them), every answer checked
in full (status, content type, the body's shape and values), and the statements the database ran for them,
counted by pg_stat_statements: fewer than the spec's is refused (a cache or a shortcut is not the test's work);
more is allowed, printed as a warning and returned, so the run records it as round trips per request.
CHEAP holds the checks spec.md gives for every answer under load; verify applies them too, so they can never
reject an answer verify accepts.
"""
import hashlib
import http.client
import json
from collections.abc import Callable
from html.parser import HTMLParser

from errors import HarnessError

REQUESTS = 8  # counted requests per type, after one uncounted one (a worker's first use opens its connection)
WORLD_ROWS = 10_000
QUERIES = 20
PATHS = {
    "plaintext": "/plaintext",
    "serialization": "/serialization",
    "single-query": "/single-query",
    "multiple-queries": f"/multiple-queries?queries={QUERIES}",
    "fortunes": "/fortunes",
    "updates": f"/updates?queries={QUERIES}",
    "json": "/user-lookup",
    "db": "/order-totals",
}
# Statements per request (spec.md): what the test type asks of the database, and nothing around it.
STATEMENTS = {"plaintext": 0, "serialization": 0, "single-query": 1, "multiple-queries": QUERIES, "fortunes": 1,
              "updates": 2 * QUERIES, "json": 1, "db": 1}
ADDITIONAL = "Additional fortune added at request time."
FORTUNES = [
    (1, "fortune: No such file or directory"),
    (2, "A computer scientist is someone who fixes things that aren't broken."),
    (3, "After enough decimal places, nobody gives a damn."),
    (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (5, "A computer program does what you tell it to do, not what you want it to do."),
    (6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
    (7, "Any program that runs right is obsolete."),
    (8, "A list is only as strong as its weakest link. — Donald Knuth"),
    (9, "Feature: A bug with seniority."),
    (10, "Computers make very fast, very accurate mistakes."),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, "フレームワークのベンチマーク"),
]
# The checks under load (spec.md), cheap enough for wrk's Lua on every answer: status 200 and
#   equals: the whole body; contains: substrings that must be there; excludes: substrings that must not;
#   counts: substrings that must occur exactly so many times.
CHEAP: dict[str, dict] = {
    "plaintext": {"equals": "Hello, World!"},
    "serialization": {"contains": ['"message"', "Hello, World!"]},
    "single-query": {"contains": ['"id"'], "counts": {'"randomNumber"': 1}},
    "multiple-queries": {"counts": {'"randomNumber"': QUERIES}},
    "fortunes": {"contains": ["&lt;script&gt;", ADDITIONAL, "フレームワークのベンチマーク"],
                 "excludes": ["<script"], "counts": {"<td>": 2 * (len(FORTUNES) + 1)}},
    "updates": {"counts": {'"randomNumber"': QUERIES}},
    # The harness loads it with user 1's token (pro plan).
    "json": {"contains": ['"email"', '"plan"', '"user1@example.com"', '"pro"']},
    "db": {"contains": ['"users"'], "counts": {'"total_cents"': 20}},
}


class Refused(HarnessError):
    pass


def refuse(framework: str, kind: str, expected: str, got: str, body: bytes = b"") -> Refused:
    excerpt = f"; the body begins: {body[:300]!r}" if body else ""
    return Refused(f"{framework} fails the {kind} test type's check: expected {expected}, got {got}{excerpt}")


def cheap_failure(kind: str, body: str) -> str | None:
    """What the under-load check would reject in this body, or None."""
    check = CHEAP[kind]
    if "equals" in check and body != check["equals"]:
        return f"the body to be exactly {check['equals']!r}"
    for text in check.get("contains", []):
        if text not in body:
            return f"the body to contain {text!r}"
    for text in check.get("excludes", []):
        if text in body:
            return f"the body not to contain {text!r}"
    for text, times in check.get("counts", {}).items():
        if body.count(text) != times:
            return f"{text!r} {times} times in the body (found {body.count(text)})"
    return None


def expected_user(token: str) -> dict:
    """The seeded user holding this token (seed.sql: md5('frameworks-bench-token-' || id), plans by id % 3)."""
    for user_id in range(1, 10_001):
        if hashlib.md5(f"frameworks-bench-token-{user_id}".encode()).hexdigest() == token:
            return {"id": user_id, "name": f"User {user_id}", "email": f"user{user_id}@example.com",
                    "plan": ("free", "pro", "team")[user_id % 3]}
    raise HarnessError("the token given to verify belongs to no seeded user")


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def world_problem(row: object) -> str | None:
    if not isinstance(row, dict) or set(row) != {"id", "randomNumber"}:
        return f'an object with exactly "id" and "randomNumber", not {str(row)[:100]}'
    for key in ("id", "randomNumber"):
        if not is_int(row[key]) or not 1 <= row[key] <= WORLD_ROWS:
            return f"{key} a whole number in 1..{WORLD_ROWS}, not {row[key]!r}"
    return None


def worlds_problem(document: object, count: int) -> str | None:
    if not isinstance(document, list) or len(document) != count:
        size = len(document) if isinstance(document, list) else type(document).__name__
        return f"a JSON array of {count} rows, not {size}"
    return next((problem for problem in map(world_problem, document) if problem), None)


class FortuneTable(HTMLParser):
    """The rows of the page's table as (id text, message text), and whether the page holds a script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.headers = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag == "th":
            self.headers += 1
        elif tag == "td":
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None and self.rows:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def fortunes_problem(text: str) -> str | None:
    page = FortuneTable()
    page.feed(text)
    page.close()
    if page.scripts:
        return "no <script> element (the message holding one must come out HTML-escaped)"
    rows = [row for row in page.rows if row]
    if page.headers != 2:
        return f"a header row of two <th> cells (id, message), found {page.headers} <th>"
    expected = sorted([(0, ADDITIONAL), *FORTUNES], key=lambda row: row[1])
    found = []
    for row in rows:
        if len(row) != 2 or not row[0].strip().isdigit():
            return f"rows of two cells, an id and a message, not {row}"
        found.append((int(row[0]), row[1]))
    if sorted(found, key=lambda row: row[1]) != found:
        return "the rows sorted by message"
    if found != expected:
        missing = [row for row in expected if row not in found]
        extra = [row for row in found if row not in expected]
        return f"the 12 fortunes and the one added at request time (missing {missing[:2]}, unexpected {extra[:2]})"
    return None


def order_totals_problem(document: object) -> str | None:
    users = document.get("users") if isinstance(document, dict) else None
    if not isinstance(users, list) or len(users) != 20:
        return '{"users": [20 rows]}'
    keys = {"id", "name", "orders", "items", "total_cents"}
    for row in users:
        if not isinstance(row, dict) or set(row) != keys or not all(is_int(row[k]) for k in keys - {"name"}):
            return f"rows of {sorted(keys)} with whole numbers, not {str(row)[:200]}"
        # Every user has exactly 10 orders (seed.sql), so the aggregate is checkable without the database.
        if row["name"] != f"User {row['id']}" or row["orders"] != 10:
            return f"rows matching the seeded data, not {row}"
    ids = [row["id"] for row in users]
    if ids != list(range(ids[0], ids[0] + 20)):
        return f"20 consecutive user ids in order, not {ids}"
    return None


class Client:
    """One keep-alive connection to the app, as the load generator holds them."""

    def __init__(self, framework: str, port: int):
        self.framework = framework
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, kind: str, path: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
        try:
            self.connection.request("GET", path, headers=headers)
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise refuse(self.framework, kind, f"an answer to GET {path} on a kept-alive connection",
                         f"{type(error).__name__}: {error}") from error
        if response.will_close and response.status == 200:
            raise refuse(self.framework, kind, "the connection kept alive after the answer (spec.md)",
                         f"a closed connection after GET {path}", body)
        return response.status, response.getheader("Content-Type", ""), body

    def close(self) -> None:
        self.connection.close()


def check(framework: str, kind: str, path: str, status: int, content_type: str, body: bytes,
          user: dict, count: int = QUERIES) -> None:
    def fail(expected: str, got: str) -> Refused:
        return refuse(framework, kind, f"{expected} (GET {path})", got, body)

    if status != 200:
        raise fail("status 200", f"status {status}")
    media = content_type.split(";")[0].strip().lower()
    wanted = {"plaintext": "text/plain", "fortunes": "text/html"}.get(kind, "application/json")
    if media != wanted:
        raise fail(f"Content-Type {wanted}", repr(content_type))
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise fail("a UTF-8 body", "bytes that are not UTF-8") from None
    if kind == "fortunes":
        problem = fortunes_problem(text)
    elif kind == "plaintext":
        problem = None if text == "Hello, World!" else "the body 'Hello, World!'"
    else:
        try:
            document = json.loads(text)
        except ValueError:
            raise fail("a JSON body", "text that is not JSON") from None
        if kind == "serialization":
            problem = None if document == {"message": "Hello, World!"} else '{"message": "Hello, World!"}'
        elif kind == "single-query":
            problem = world_problem(document)
        elif kind in ("multiple-queries", "updates"):
            problem = worlds_problem(document, count)
        elif kind == "json":
            problem = None if document == user else f"the user {user}"
        else:
            problem = order_totals_problem(document)
    if problem:
        raise fail(problem, "an answer that does not match")
    if count == QUERIES and (cheap := cheap_failure(kind, text)):
        # A body verify accepts must pass the checks under load too, or spec.md's cheap checks are wrong.
        raise fail(cheap, "an answer the checks under load would reject")


def edge_cases(client: Client, framework: str, kind: str, user: dict) -> None:
    """TechEmpower's ?queries= rule (spec.md): missing, 0 or not a number means 1; above 500 means 500."""
    base = PATHS[kind].split("?")[0]
    for query, count in (("", 1), ("?queries=0", 1), ("?queries=abc", 1), ("?queries=600", 500)):
        status, content_type, body = client.get(kind, base + query, {})
        check(framework, kind, base + query, status, content_type, body, user, count)


def unauthorised(client: Client, framework: str) -> None:
    for headers, what in (({}, "no Authorization header"), ({"Authorization": "Bearer not-a-token"},
                                                            "an unknown token")):
        status, _, body = client.get("json", PATHS["json"], headers)
        if status != 401:
            raise refuse(framework, "json", f"status 401 for GET {PATHS['json']} with {what}", f"status {status}",
                         body)


def verify(framework: str, port: int, token: str, statements: Callable[[], int],
           requests: int = REQUESTS, say: Callable[[str], None] = print) -> dict[str, float]:
    """Checks every test type of the app on this port; returns statements per request by type slug.

    `statements()` is the running total of statements run in the bench database (statements.total_calls).
    Raises HarnessError (naming the framework, the type, what was expected and what came) on a wrong answer or
    on fewer statements per request than spec.md asks.
    """
    user = expected_user(token)
    found: dict[str, float] = {}
    for kind, path in PATHS.items():
        headers = {"Authorization": f"Bearer {token}"} if kind == "json" else {}
        client = Client(framework, port)
        try:
            if kind == "json":
                unauthorised(client, framework)
            # Uncounted: the worker's first database use may open its connection (and a driver may set it up).
            check(framework, kind, path, *client.get(kind, path, headers), user)
            before = statements()
            for _ in range(requests):
                check(framework, kind, path, *client.get(kind, path, headers), user)
            after = statements()
            if kind in ("multiple-queries", "updates"):
                edge_cases(client, framework, kind, user)
        finally:
            client.close()
        per_request = (after - before) / requests
        found[kind] = per_request
        wanted = STATEMENTS[kind]
        if per_request < wanted:
            raise Refused(f"{framework} fails the {kind} test type's check: expected {wanted} statements per "
                          f"request (spec.md), got {per_request:g} ({after - before} for {requests} requests to "
                          f"GET {path}): a cache or a shortcut does less than the test asks")
        if per_request > wanted:
            say(f"  warning: {framework} {kind}: {per_request:g} statements per request, spec.md asks {wanted}; "
                f"the run records the excess as round trips")
    return found

