"""Django in ASGI mode, served by Uvicorn: the views are the same sync views, run by Django's ASGI handler."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings")
application = get_asgi_application()
