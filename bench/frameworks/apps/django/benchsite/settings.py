"""Minimal settings: no sessions, auth, admin or static files, DEBUG off; Django's templates for fortunes.

The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE), the same ones the
other apps read. Equal work (spec.md): CONN_MAX_AGE=None keeps each worker's one connection for its whole life
(Django opens it on first use), and Django runs in autocommit by default (no ATOMIC_REQUESTS), so a request sends
only its own statements.
"""
import os
from pathlib import Path

DEBUG = False
SECRET_KEY = "frameworks-bench-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchsite.urls"
INSTALLED_APPS = ["benchsite"]
MIDDLEWARE: list[str] = []
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [Path(__file__).resolve().parent / "templates"],
    "OPTIONS": {"context_processors": []},
}]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
        "USER": os.environ["PGUSER"],
        "NAME": os.environ["PGDATABASE"],
        "CONN_MAX_AGE": None,
    }
}
