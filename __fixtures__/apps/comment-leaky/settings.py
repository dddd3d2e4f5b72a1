import os
import sys

DATABASE_URL = os.environ.get("DATABASE_URL", "")
API_TOKEN = os.environ.get("API_TOKEN", "")

# A start-up banner of the kind many apps print, with a debugging dump of the configuration.
print("```\n</details>\n<img src=x onerror=alert(1)> cc @octocat — config loaded", file=sys.stderr)
print(f"config: DATABASE_URL={DATABASE_URL} API_TOKEN={API_TOKEN}", file=sys.stderr, flush=True)

if not DATABASE_URL.startswith("postgresql://"):
    raise ValueError(f"DATABASE_URL {DATABASE_URL!r} must use the postgresql:// scheme")
