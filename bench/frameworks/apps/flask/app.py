"""The benchmark's test types in Flask (bench/frameworks/spec.md), with psycopg2 and Jinja2 templates.

Equal work (spec.md): one database connection per worker process, opened on first use (after Gunicorn forks, so
never shared by two processes), in autocommit: psycopg2 otherwise sends BEGIN before the first statement and
needs a COMMIT or ROLLBACK after the last, two more statements per request than the other apps run. Gunicorn
runs one thread per worker (gthread, --threads 1), so one request at a time uses the connection.
The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE).
"""
import random
import sys
from pathlib import Path

import psycopg2
from flask import Flask, jsonify, redirect, render_template, request
from markupsafe import Markup

sys.path.append(str(Path(__file__).resolve().parent.parent / "_shared"))
from benchfault import (ADDITIONAL_FORTUNE, MESSAGE, PLAINTEXT, USERS, WORLD_ROWS, WRONG_OBJECT,  # noqa: E402
                        WRONG_TEXT, Fault, queries_parameter)

WORLD_BY_ID = "select id, randomnumber from world where id = %s"
UPDATE_WORLD = "update world set randomnumber = %s where id = %s"
FORTUNES = "select id, message from fortune"
USER_BY_TOKEN = "select id, name, email, plan from users where token = %s"
ORDER_TOTALS = """
    select u.id, u.name, count(o.id) as orders, sum(o.item_count) as items, sum(o.total_cents) as total_cents
    from users u join orders o on o.user_id = u.id
    where u.id between %(start)s and %(start)s + 19
    group by u.id order by u.id"""

app = Flask(__name__)
fault = Fault("flask")
connection = None


def cursor():
    global connection
    if connection is None or connection.closed:
        connection = psycopg2.connect("")
        connection.autocommit = True
    return connection.cursor()


def injected(kind: str | None):
    """The fault hook's early answer (500, 302), if any; an extra query runs and lets the request go on."""
    if kind == "status":
        return "injected fault (FRAMEWORKS_BENCH_FAULT)", 500, {"Content-Type": "text/plain"}
    if kind == "redirect":
        return redirect(request.path, code=302)
    if kind == "extra-query":
        with cursor() as extra:
            extra.execute("select 1")
    return None


def world(db, world_id: int) -> dict:
    db.execute(WORLD_BY_ID, (world_id,))
    id_, number = db.fetchone()
    return {"id": id_, "randomNumber": number}


@app.get("/plaintext")
def plaintext():
    kind = fault("plaintext")
    return injected(kind) or (WRONG_TEXT if kind == "body" else PLAINTEXT, 200, {"Content-Type": "text/plain"})


@app.get("/serialization")
def serialization():
    kind = fault("serialization")
    return injected(kind) or jsonify(WRONG_OBJECT if kind == "body" else {"message": MESSAGE})


@app.get("/single-query")
def single_query():
    kind = fault("single-query")
    if failed := injected(kind):
        return failed
    with cursor() as db:
        row = world(db, random.randint(1, WORLD_ROWS))
    return jsonify(WRONG_OBJECT if kind == "body" else row)


@app.get("/multiple-queries")
def multiple_queries():
    kind = fault("multiple-queries")
    if failed := injected(kind):
        return failed
    count = queries_parameter(request.args.get("queries"))
    with cursor() as db:
        rows = [world(db, random.randint(1, WORLD_ROWS)) for _ in range(count)]
    return jsonify([WRONG_OBJECT] if kind == "body" else rows)


@app.get("/fortunes")
def fortunes():
    kind = fault("fortunes")
    if failed := injected(kind):
        return failed
    with cursor() as db:
        db.execute(FORTUNES)
        rows = db.fetchall()
    if kind != "body":  # the wrong body: the table without the row added at request time
        rows.append((0, ADDITIONAL_FORTUNE))
    rows.sort(key=lambda row: row[1])
    if kind == "unescaped":
        rows = [(id_, Markup(message)) for id_, message in rows]
    return render_template("fortunes.html", fortunes=rows)


@app.get("/updates")
def updates():
    kind = fault("updates")
    if failed := injected(kind):
        return failed
    count = queries_parameter(request.args.get("queries"))
    with cursor() as db:
        rows = [world(db, random.randint(1, WORLD_ROWS)) for _ in range(count)]
        # Written one by one in id order (spec.md): each UPDATE its own statement and, in autocommit, its own
        # transaction, so concurrent requests never wait on each other's locks in a cycle.
        rows.sort(key=lambda row: row["id"])
        for row in rows:
            row["randomNumber"] = random.randint(1, WORLD_ROWS)
            db.execute(UPDATE_WORLD, (row["randomNumber"], row["id"]))
    return jsonify([WRONG_OBJECT] if kind == "body" else rows)


@app.get("/user-lookup")
def user_lookup():
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return jsonify(detail="missing bearer token"), 401
    with cursor() as db:
        db.execute(USER_BY_TOKEN, (token,))
        row = db.fetchone()
    if row is None:
        return jsonify(detail="unknown token"), 401
    kind = fault("json")
    user = dict(zip(("id", "name", "email", "plan"), row))
    return injected(kind) or jsonify(WRONG_OBJECT if kind == "body" else user)


@app.get("/order-totals")
def order_totals():
    kind = fault("db")
    if failed := injected(kind):
        return failed
    with cursor() as db:
        db.execute(ORDER_TOTALS, {"start": random.randint(1, USERS - 19)})
        names = [column.name for column in db.description]
        rows = [dict(zip(names, row)) for row in db.fetchall()]
    return jsonify(WRONG_OBJECT if kind == "body" else {"users": rows})
