#!/bin/sh
set -e
# Start the app only once the database accepts connections.
until python3 wait_for_db.py; do
  sleep 1
done
exec "$@"
