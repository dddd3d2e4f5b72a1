import os

from observability import start_tracing

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = 2


def post_fork(server, worker):
    # Each worker gets its own exporter: the tracing client is not fork-safe.
    start_tracing(service="catalog", worker_id=worker.pid)
