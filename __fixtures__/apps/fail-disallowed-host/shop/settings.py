"""Production settings of the shop (the platform terminates TLS and sends its own host name)."""
SECRET_KEY = "fixture-only-not-a-secret"
DEBUG = False
ALLOWED_HOSTS = ["api.example.com"]

INSTALLED_APPS = ["django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
ROOT_URLCONF = "shop.urls"
DATABASES = {}
USE_TZ = True
