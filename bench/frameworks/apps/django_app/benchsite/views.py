"""GET /json: the user whose bearer token is given (one indexed read), 401 without a known token.
GET /db: order totals of 20 consecutive users from a random start (a join and an aggregate, through the ORM).
"""
import os
import random

from django.db.models import Count, Sum
from django.http import HttpRequest, JsonResponse

from .models import User

USERS = 10_000

# Test hook, not a feature: FRAMEWORKS_BENCH_FAULT=django:db (or django-asgi:db) makes that endpoint answer 500
# after each worker's first answer, so the harness's start-up check passes and the failure shows in a round.
FAULT = os.environ.get("FRAMEWORKS_BENCH_FAULT", "")
FLAVOUR = os.environ.get("FRAMEWORKS_BENCH_FLAVOUR", "django")
answered = {"json": 0, "db": 0}


def fault(scenario: str) -> JsonResponse | None:
    answered[scenario] += 1
    if FAULT == f"{FLAVOUR}:{scenario}" and answered[scenario] > 1:
        return JsonResponse({"detail": "injected fault (FRAMEWORKS_BENCH_FAULT)"}, status=500)
    return None


def json_endpoint(request: HttpRequest) -> JsonResponse:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return JsonResponse({"detail": "missing bearer token"}, status=401)
    user = User.objects.filter(token=token).values("id", "name", "email", "plan").first()
    if user is None:
        return JsonResponse({"detail": "unknown token"}, status=401)
    return fault("json") or JsonResponse(user)


def db_endpoint(request: HttpRequest) -> JsonResponse:
    failed = fault("db")
    if failed:
        return failed
    start = random.randint(1, USERS - 19)
    users = (
        User.objects.filter(id__range=(start, start + 19))
        .annotate(orders_count=Count("orders"), items=Sum("orders__item_count"), total=Sum("orders__total_cents"))
        .order_by("id")
        .values("id", "name", "orders_count", "items", "total")
    )
    return JsonResponse({"users": [
        {"id": u["id"], "name": u["name"], "orders": u["orders_count"], "items": u["items"],
         "total_cents": u["total"]}
        for u in users
    ]})
