from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.urls import path
import redis

cache = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=5)


def healthz(request):
    with connection.cursor() as cursor:
        # The migrate service created the tables before the app started.
        cursor.execute("SELECT count(*) FROM orders")
        orders = cursor.fetchone()[0]
    return JsonResponse({"orders": orders, "cache": cache.ping()})


urlpatterns = [path("healthz/", healthz)]
