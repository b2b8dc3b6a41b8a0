"""WSGI entry point for a shared server (e.g. `gunicorn powermap.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "powermap.settings")
application = get_wsgi_application()
