"""The benchmark workload in FastAPI: asyncpg with one connection pool per Uvicorn worker.

GET /json: the user whose bearer token is given (one indexed read), 401 without a known token.
GET /db: order totals of 20 consecutive users from a random start (a join and an aggregate).
The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE).
"""
import os
import random

import asyncpg
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

USER_BY_TOKEN = "select id, name, email, plan from users where token = $1"
ORDER_TOTALS = """
    select u.id, u.name, count(o.id) as orders, sum(o.item_count) as items, sum(o.total_cents) as total_cents
    from users u join orders o on o.user_id = u.id
    where u.id between $1 and $1 + 19
    group by u.id order by u.id"""
USERS = 10_000

# Test hook, not a feature: FRAMEWORKS_BENCH_FAULT=fastapi:db makes that endpoint answer 500 after each worker's
# first answer, so the harness's start-up check passes and the failure shows in a measured round.
FAULT = os.environ.get("FRAMEWORKS_BENCH_FAULT", "")
answered = {"json": 0, "db": 0}

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
bearer = HTTPBearer(auto_error=False)


def fault(scenario: str) -> None:
    answered[scenario] += 1
    if FAULT == f"fastapi:{scenario}" and answered[scenario] > 1:
        raise HTTPException(status_code=500, detail="injected fault (FRAMEWORKS_BENCH_FAULT)")


@app.on_event("startup")
async def open_pool() -> None:
    # Each worker is its own process with its own event loop, so each opens its own pool.
    app.state.pool = await asyncpg.create_pool(min_size=10, max_size=10)


@app.on_event("shutdown")
async def close_pool() -> None:
    await app.state.pool.close()


async def current_user(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> dict:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="missing bearer token")
    row = await request.app.state.pool.fetchrow(USER_BY_TOKEN, credentials.credentials)
    if row is None:
        raise HTTPException(status_code=401, detail="unknown token")
    return dict(row)


@app.get("/json")
async def json_endpoint(user: dict = Depends(current_user)) -> dict:
    fault("json")
    return user


@app.get("/db")
async def db_endpoint(request: Request) -> dict:
    fault("db")
    start = random.randint(1, USERS - 19)
    rows = await request.app.state.pool.fetch(ORDER_TOTALS, start)
    return {"users": [dict(row) for row in rows]}
