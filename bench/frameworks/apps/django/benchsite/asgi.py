"""Django in ASGI mode, served by Uvicorn: the same sync views as under Gunicorn, run by Django's ASGI handler."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings")
# Which catalog entry this process is, for the fault hook (the same views serve django and django-asgi).
os.environ["FRAMEWORKS_BENCH_APP"] = "django-asgi"
application = get_asgi_application()
