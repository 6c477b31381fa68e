"""Minimal settings for an API: no sessions, auth, admin, templates or static files, DEBUG off.

The database comes from libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE), the same ones the
other apps read. CONN_MAX_AGE keeps each worker's connection across requests, as the other apps' pools do.
"""
import os

DEBUG = False
SECRET_KEY = "frameworks-bench-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchsite.urls"
INSTALLED_APPS = ["benchsite"]
MIDDLEWARE: list[str] = []
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
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
