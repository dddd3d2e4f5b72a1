#!/bin/sh
set -e
# Metrics for the platform scraper, then the web server.
python3 metrics_exporter.py &
sleep 1
exec gunicorn --bind "0.0.0.0:${PORT:-8000}" --workers 2 app:app
