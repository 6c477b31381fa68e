"""The benchmark's test types in Django (bench/frameworks/spec.md): the ORM, JsonResponse, Django's templates."""
import os
import random
import sys
from pathlib import Path

from django.db import connection
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from .models import Fortune, User, World

sys.path.append(str(Path(__file__).resolve().parents[2] / "_shared"))
from benchfault import (ADDITIONAL_FORTUNE, MESSAGE, PLAINTEXT, USERS, WORLD_ROWS, WRONG_OBJECT,  # noqa: E402
                        WRONG_TEXT, Fault, queries_parameter)

fault = Fault(os.environ.get("FRAMEWORKS_BENCH_APP", "django"))


def injected(request: HttpRequest, kind: str | None) -> HttpResponse | None:
    """The fault hook's early answer (500, 302), if any; an extra query runs and lets the request go on."""
    if kind == "status":
        return HttpResponse(b"injected fault (FRAMEWORKS_BENCH_FAULT)", status=500, content_type="text/plain")
    if kind == "redirect":
        return HttpResponseRedirect(request.path)
    if kind == "extra-query":
        with connection.cursor() as cursor:
            cursor.execute("select 1")
    return None


def world(world_id: int) -> dict:
    row = World.objects.get(id=world_id)
    return {"id": row.id, "randomNumber": row.randomnumber}


def plaintext(request: HttpRequest) -> HttpResponse:
    kind = fault("plaintext")
    return injected(request, kind) or HttpResponse(WRONG_TEXT if kind == "body" else PLAINTEXT,
                                                   content_type="text/plain")


def serialization(request: HttpRequest) -> HttpResponse:
    kind = fault("serialization")
    return injected(request, kind) or JsonResponse(WRONG_OBJECT if kind == "body" else {"message": MESSAGE})


def single_query(request: HttpRequest) -> HttpResponse:
    kind = fault("single-query")
    if failed := injected(request, kind):
        return failed
    row = world(random.randint(1, WORLD_ROWS))
    return JsonResponse(WRONG_OBJECT if kind == "body" else row)


def multiple_queries(request: HttpRequest) -> HttpResponse:
    kind = fault("multiple-queries")
    if failed := injected(request, kind):
        return failed
    rows = [world(random.randint(1, WORLD_ROWS)) for _ in range(queries_parameter(request.GET.get("queries")))]
    return JsonResponse([WRONG_OBJECT] if kind == "body" else rows, safe=False)


def fortunes(request: HttpRequest) -> HttpResponse:
    kind = fault("fortunes")
    if failed := injected(request, kind):
        return failed
    rows = list(Fortune.objects.all())
    if kind != "body":  # the wrong body: the table without the row added at request time
        rows.append(Fortune(id=0, message=ADDITIONAL_FORTUNE))
    rows.sort(key=lambda row: row.message)
    if kind == "unescaped":
        for row in rows:
            row.message = mark_safe(row.message)
    return render(request, "fortunes.html", {"fortunes": rows})


def updates(request: HttpRequest) -> HttpResponse:
    kind = fault("updates")
    if failed := injected(request, kind):
        return failed
    rows = [World.objects.get(id=random.randint(1, WORLD_ROWS))
            for _ in range(queries_parameter(request.GET.get("queries")))]
    # Written one by one in id order (spec.md): each save() one UPDATE (update_fields, so no SELECT first) and, in
    # autocommit, its own transaction, so concurrent requests never wait on each other's locks in a cycle.
    rows.sort(key=lambda row: row.id)
    for row in rows:
        row.randomnumber = random.randint(1, WORLD_ROWS)
        row.save(update_fields=["randomnumber"])
    answer = [{"id": row.id, "randomNumber": row.randomnumber} for row in rows]
    return JsonResponse([WRONG_OBJECT] if kind == "body" else answer, safe=False)


def user_lookup(request: HttpRequest) -> HttpResponse:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return JsonResponse({"detail": "missing bearer token"}, status=401)
    user = User.objects.filter(token=token).values("id", "name", "email", "plan").first()
    if user is None:
        return JsonResponse({"detail": "unknown token"}, status=401)
    kind = fault("json")
    return injected(request, kind) or JsonResponse(WRONG_OBJECT if kind == "body" else user)


def order_totals(request: HttpRequest) -> HttpResponse:
    kind = fault("db")
    if failed := injected(request, kind):
        return failed
    start = random.randint(1, USERS - 19)
    users = (
        User.objects.filter(id__range=(start, start + 19))
        .annotate(orders_count=Count("orders"), items=Sum("orders__item_count"), total=Sum("orders__total_cents"))
        .order_by("id")
        .values("id", "name", "orders_count", "items", "total")
    )
    return JsonResponse(WRONG_OBJECT if kind == "body" else {"users": [
        {"id": u["id"], "name": u["name"], "orders": u["orders_count"], "items": u["items"],
         "total_cents": u["total"]}
        for u in users
    ]})
