"""Settings of the gallery: the site and its local upload app."""
SECRET_KEY = "fixture-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "uploads",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "gallery.urls"
DATABASES = {}
USE_TZ = True
