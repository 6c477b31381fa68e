"""The benchmark's test types in FastAPI (bench/frameworks/spec.md), with asyncpg and Starlette's Jinja2 templates.

Equal work (spec.md): one database connection per worker process, opened on first use, each statement its own
implicit transaction (asyncpg runs in autocommit unless told to open a transaction), nothing sent on release.
The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE), which asyncpg reads.
"""
import random
import sys
from pathlib import Path

import asyncpg
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
sys.path.append(str(HERE.parent / "_shared"))
from benchfault import (ADDITIONAL_FORTUNE, MESSAGE, PLAINTEXT, USERS, WORLD_ROWS, WRONG_OBJECT,  # noqa: E402
                        WRONG_TEXT, Fault, queries_parameter)

WORLD_BY_ID = "select id, randomnumber from world where id = $1"
UPDATE_WORLD = "update world set randomnumber = $2 where id = $1"
FORTUNES = "select id, message from fortune"
USER_BY_TOKEN = "select id, name, email, plan from users where token = $1"
ORDER_TOTALS = """
    select u.id, u.name, count(o.id) as orders, sum(o.item_count) as items, sum(o.total_cents) as total_cents
    from users u join orders o on o.user_id = u.id
    where u.id between $1 and $1 + 19
    group by u.id order by u.id"""


class NoResetConnection(asyncpg.Connection):
    """A connection the pool gives back as it is, like the other apps' connections.

    asyncpg's pool calls Connection.reset() on every release, which sends `SELECT pg_advisory_unlock_all();
    CLOSE ALL; UNLISTEN *; RESET ALL;` (connection.py, _get_reset_query): four more statements per request than
    the other apps run. asyncpg 0.30 added create_pool(reset=...) to change that; 0.27 (Debian 12's) has no such
    argument, but documents `connection_class` for a Connection subclass, and reset() is a public method. These
    apps never take advisory locks, open cursors, LISTEN or SET, so there is nothing to reset; a transaction
    left open by an error is still rolled back, as asyncpg would.
    """

    async def reset(self, *, timeout=None) -> None:
        if self.is_in_transaction():
            await self.execute("ROLLBACK", timeout=timeout)


app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
templates = Jinja2Templates(directory=str(HERE / "templates"))
bearer = HTTPBearer(auto_error=False)
fault = Fault("fastapi")


@app.on_event("startup")
async def create_pool() -> None:
    # min_size=0 opens nothing here: the worker's one connection opens on first use, as in the other apps.
    # max_inactive_connection_lifetime=0 keeps it open between rounds (asyncpg closes idle ones after 300 s by
    # default), and max_queries is raised from 50,000 so the pool does not swap in a new connection mid-run.
    app.state.pool = await asyncpg.create_pool(min_size=0, max_size=1, max_inactive_connection_lifetime=0,
                                               max_queries=2**62, connection_class=NoResetConnection)


@app.on_event("shutdown")
async def close_pool() -> None:
    await app.state.pool.close()


def pool(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


async def injected(request: Request, kind: str | None, connection=None) -> Response | None:
    """The fault hook's early answer (500, 302), if any; an extra query runs and lets the request go on."""
    if kind == "status":
        return PlainTextResponse("injected fault (FRAMEWORKS_BENCH_FAULT)", status_code=500)
    if kind == "redirect":
        return RedirectResponse(request.url.path, status_code=302)
    if kind == "extra-query":
        await (connection or pool(request)).fetchval("select 1")
    return None


def world(row: asyncpg.Record) -> dict:
    return {"id": row["id"], "randomNumber": row["randomnumber"]}


@app.get("/plaintext")
async def plaintext(request: Request):
    kind = fault("plaintext")
    return await injected(request, kind) or PlainTextResponse(WRONG_TEXT if kind == "body" else PLAINTEXT)


@app.get("/serialization")
async def serialization(request: Request):
    kind = fault("serialization")
    return await injected(request, kind) or (WRONG_OBJECT if kind == "body" else {"message": MESSAGE})


@app.get("/single-query")
async def single_query(request: Request):
    kind = fault("single-query")
    async with pool(request).acquire() as connection:
        if failed := await injected(request, kind, connection):
            return failed
        row = await connection.fetchrow(WORLD_BY_ID, random.randint(1, WORLD_ROWS))
    return WRONG_OBJECT if kind == "body" else world(row)


@app.get("/multiple-queries")
async def multiple_queries(request: Request):
    kind = fault("multiple-queries")
    count = queries_parameter(request.query_params.get("queries"))
    async with pool(request).acquire() as connection:
        if failed := await injected(request, kind, connection):
            return failed
        rows = [await connection.fetchrow(WORLD_BY_ID, random.randint(1, WORLD_ROWS)) for _ in range(count)]
    return [WRONG_OBJECT] if kind == "body" else [world(row) for row in rows]


@app.get("/fortunes")
async def fortunes(request: Request):
    kind = fault("fortunes")
    async with pool(request).acquire() as connection:
        if failed := await injected(request, kind, connection):
            return failed
        rows = [(row["id"], row["message"]) for row in await connection.fetch(FORTUNES)]
    if kind != "body":  # the wrong body: the table without the row added at request time
        rows.append((0, ADDITIONAL_FORTUNE))
    rows.sort(key=lambda row: row[1])
    if kind == "unescaped":
        rows = [(id, Markup(message)) for id, message in rows]
    return templates.TemplateResponse("fortunes.html", {"request": request, "fortunes": rows})


@app.get("/updates")
async def updates(request: Request):
    kind = fault("updates")
    count = queries_parameter(request.query_params.get("queries"))
    async with pool(request).acquire() as connection:
        if failed := await injected(request, kind, connection):
            return failed
        rows = [world(await connection.fetchrow(WORLD_BY_ID, random.randint(1, WORLD_ROWS)))
                for _ in range(count)]
        # Written one by one in id order (spec.md): each UPDATE its own statement and, in autocommit, its own
        # transaction, so concurrent requests never wait on each other's locks in a cycle.
        rows.sort(key=lambda row: row["id"])
        for row in rows:
            row["randomNumber"] = random.randint(1, WORLD_ROWS)
            await connection.execute(UPDATE_WORLD, row["id"], row["randomNumber"])
    return [WRONG_OBJECT] if kind == "body" else rows


async def current_user(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> dict:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="missing bearer token")
    row = await pool(request).fetchrow(USER_BY_TOKEN, credentials.credentials)
    if row is None:
        raise HTTPException(status_code=401, detail="unknown token")
    return dict(row)


@app.get("/user-lookup")
async def user_lookup(request: Request, user: dict = Depends(current_user)):
    kind = fault("json")
    return await injected(request, kind) or (WRONG_OBJECT if kind == "body" else user)


@app.get("/order-totals")
async def order_totals(request: Request):
    kind = fault("db")
    async with pool(request).acquire() as connection:
        if failed := await injected(request, kind, connection):
            return failed
        rows = await connection.fetch(ORDER_TOTALS, random.randint(1, USERS - 19))
    return WRONG_OBJECT if kind == "body" else {"users": [dict(row) for row in rows]}
