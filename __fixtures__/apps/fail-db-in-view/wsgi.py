import json
import os

import psycopg2

DSN = os.environ.get("DATABASE_URL", "postgresql://app:app@db:5432/app")


def application(environ, start_response):
    # Every request asks the database whether it is up.
    with psycopg2.connect(DSN, connect_timeout=2) as conn:
        conn.cursor().execute("SELECT 1")
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps({"status": "ok"}).encode()]
