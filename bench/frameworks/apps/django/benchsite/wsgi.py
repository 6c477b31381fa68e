"""Django on Gunicorn (gthread worker, one thread per worker)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings")
# Which catalog entry this process is, for the fault hook (the same views serve django and django-asgi).
os.environ["FRAMEWORKS_BENCH_APP"] = "django"
application = get_wsgi_application()
