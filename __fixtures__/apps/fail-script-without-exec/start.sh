#!/bin/sh
set -e
echo "Starting the API"
# Without exec, this shell stays PID 1 and Gunicorn never hears SIGTERM.
gunicorn -c gunicorn.conf.py app:app
