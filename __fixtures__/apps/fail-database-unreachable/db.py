import os

import psycopg2

DSN = os.environ.get("DATABASE_URL", "postgresql://app:app@db:5432/app")

# One connection opened at import, shared by the request handlers.
connection = psycopg2.connect(DSN, connect_timeout=5)
