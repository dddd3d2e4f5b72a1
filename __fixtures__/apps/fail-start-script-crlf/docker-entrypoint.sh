#!/bin/sh
set -e
echo "Starting the API"
exec gunicorn --bind 0.0.0.0:8000 --workers 2 app:app
