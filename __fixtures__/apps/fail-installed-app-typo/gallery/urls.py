from django.urls import path

from upload.views import health

urlpatterns = [path("health", health)]
