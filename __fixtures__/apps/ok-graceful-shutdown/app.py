import os
import time

from flask import Flask

# A cache the app writes while it loads, where CACHE_FILE says (unset: none): on a read-only root it fails.
CACHE_FILE = os.environ.get("CACHE_FILE")
if CACHE_FILE:
    with open(CACHE_FILE, "w") as cache:
        cache.write("warm\n")

app = Flask(__name__)


@app.get("/health")
def health():
    return "ok"


@app.get("/slow")
def slow():
    # Long enough to be in flight when the stop signal arrives, short enough for any grace.
    time.sleep(1.5)
    return "done"
