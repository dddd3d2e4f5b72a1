import os
import sys

import psycopg2

try:
    psycopg2.connect(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"], user="app", connect_timeout=2).close()
except psycopg2.OperationalError as error:
    print(f"database not ready: {str(error).strip()}", flush=True)
    sys.exit(1)
