import os

bind = f"0.0.0.0:{os.environ.get('PORT', '10000')}"
# WEB_CONCURRENCY is read by Gunicorn itself when `workers` is not set here.
timeout = 30
