#!/bin/sh
set -e
echo "Applying migrations (none)"
exec "$@"
