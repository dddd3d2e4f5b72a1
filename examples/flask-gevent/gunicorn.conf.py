import os

# Hosts such as Render and Heroku tell the app its port through $PORT; a config file is plain Python,
# so read the environment here ("0.0.0.0:${PORT}" would not be expanded).
bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gevent"
timeout = 30
accesslog = "-"
