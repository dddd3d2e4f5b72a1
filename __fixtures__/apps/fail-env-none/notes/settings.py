"""Settings of the notes service: everything that differs between hosts comes from the environment."""
import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "fixture-only-not-a-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ")

INSTALLED_APPS = ["django.contrib.contenttypes"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "notes.urls"
DATABASES = {}
USE_TZ = True
