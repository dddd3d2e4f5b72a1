import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
application = get_wsgi_application()

# Fail at boot, not on the first request, when the database or the cache is out of reach.
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
import redis  # noqa: E402

connection.ensure_connection()
redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=5).ping()
print(f"shop: connected to {os.environ['DATABASE_URL']} and {settings.REDIS_URL}", flush=True)
