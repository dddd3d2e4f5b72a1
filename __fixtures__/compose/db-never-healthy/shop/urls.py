from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.urls import path
import redis

cache = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=5)


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database = cursor.fetchone()[0] == 1
    return JsonResponse({"database": database, "cache": cache.ping()})


urlpatterns = [path("healthz/", healthz)]
