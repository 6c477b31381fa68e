"""What the database did for the apps: statements (pg_stat_statements) and sessions (pg_stat_database).

Both are running totals for the bench database; the harness reads one before and one after a cell and divides
the difference by the requests answered. They are read from another database (cluster.MONITOR_DATABASE), so the
reading itself is not counted; pg_stat_statements' dbid, and pg_stat_database's row, keep only the bench
database's figures. The harness must not query the bench database itself while a cell runs.
"""
from collections.abc import Callable

from errors import HarnessError

DATABASE = "bench"

# calls: times each statement was executed. Utility statements (BEGIN, ROLLBACK, SET, RESET ALL) count as well,
# so a transaction or a connection reset around a request shows as more statements per request.
CALLS = (f"select coalesce(sum(s.calls), 0) from pg_stat_statements s "
         f"join pg_database d on d.oid = s.dbid where d.datname = '{DATABASE}'")
# sessions (PostgreSQL 14+): sessions opened to this database since the statistics were reset.
SESSIONS = f"select sessions from pg_stat_database where datname = '{DATABASE}'"


def whole_number(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError as error:
        raise HarnessError(f"reading {what} from PostgreSQL: expected a whole number, got {text.strip()[:200]!r}") \
            from error


def total_calls(query: Callable[[str], str]) -> int:
    """Statements executed in the bench database so far; `query` runs SQL outside it and returns the text."""
    return whole_number(query(CALLS), "pg_stat_statements' calls")


def total_sessions(query: Callable[[str], str]) -> int:
    """Sessions opened to the bench database so far (every new connection, whoever opened it)."""
    return whole_number(query(SESSIONS), "pg_stat_database's sessions")
