"""The benchmark workload in Flask: psycopg2, one connection per Gunicorn sync worker, kept across requests.

GET /json: the user whose bearer token is given (one indexed read), 401 without a known token.
GET /db: order totals of 20 consecutive users from a random start (a join and an aggregate).
The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE).
"""
import os
import random

import psycopg2.extras
import psycopg2.pool
from flask import Flask, abort, g, jsonify, request

USER_BY_TOKEN = "select id, name, email, plan from users where token = %s"
ORDER_TOTALS = """
    select u.id, u.name, count(o.id) as orders, sum(o.item_count) as items, sum(o.total_cents) as total_cents
    from users u join orders o on o.user_id = u.id
    where u.id between %(start)s and %(start)s + 19
    group by u.id order by u.id"""
USERS = 10_000

# Test hook, not a feature: FRAMEWORKS_BENCH_FAULT=flask:db makes that endpoint answer 500 after each worker's
# first answer, so the harness's start-up check passes and the failure shows in a measured round.
FAULT = os.environ.get("FRAMEWORKS_BENCH_FAULT", "")
answered = {"json": 0, "db": 0}

app = Flask(__name__)
# Created on first use, so in the worker after Gunicorn forks it rather than once in the master.
pool: psycopg2.pool.SimpleConnectionPool | None = None


def fault(scenario: str) -> None:
    answered[scenario] += 1
    if FAULT == f"flask:{scenario}" and answered[scenario] > 1:
        abort(500, "injected fault (FRAMEWORKS_BENCH_FAULT)")


def get_db():
    global pool
    if "db" not in g:
        if pool is None:
            pool = psycopg2.pool.SimpleConnectionPool(1, 1, "")
        g.db = pool.getconn()
    return g.db


@app.teardown_appcontext
def release_db(_error) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.rollback()
        pool.putconn(db)


def query(sql: str, params) -> list[dict]:
    with get_db().cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@app.get("/json")
def json_endpoint():
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return jsonify(detail="missing bearer token"), 401
    rows = query(USER_BY_TOKEN, (token,))
    if not rows:
        return jsonify(detail="unknown token"), 401
    fault("json")
    return jsonify(rows[0])


@app.get("/db")
def db_endpoint():
    fault("db")
    rows = query(ORDER_TOTALS, {"start": random.randint(1, USERS - 19)})
    return jsonify(users=rows)
