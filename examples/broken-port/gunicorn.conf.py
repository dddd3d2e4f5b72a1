import os

# Looks right, works on a laptop with `gunicorn -b 0.0.0.0:8000 …`, dies on deploy: a config file is Python,
# and nothing expands "${PORT}" in a Python string.
bind = "0.0.0.0:${PORT}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gevent"
timeout = 30
