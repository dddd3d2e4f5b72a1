#!/bin/sh
# Starts the chat service (the platform sets PORT).
set -e
echo "starting chat on port ${PORT:-8000}"
exec gunicorn \
  --bind "0.0.0.0:${PORT:-8000}" \
  -k eventlet \
  --workers 2 \
  wsgi:app
