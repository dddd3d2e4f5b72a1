# Gunicorn settings for the web service.
import multiprocessing

bind = "0.0.0.0:${PORT}"
workers = min(multiprocessing.cpu_count() * 2 + 1, 4)
accesslog = "-"
timeout = 60
