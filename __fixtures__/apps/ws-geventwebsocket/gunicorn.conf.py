# Gunicorn settings: one gevent-websocket worker handles many long-lived connections.
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "geventwebsocket.gunicorn.workers.GeventWebSocketWorker"
workers = 1
accesslog = "-"
