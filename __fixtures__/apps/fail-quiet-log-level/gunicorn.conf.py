import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = 2
# Production's setting: Gunicorn's INFO lines (Starting gunicorn, Booting worker, Worker exiting) are not printed.
loglevel = "warning"
