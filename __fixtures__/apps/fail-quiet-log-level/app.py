import logging
import os
import sys

from flask import Flask

REGION = os.environ.get("DEPLOY_REGION", "")
if not REGION:
    logging.error("DEPLOY_REGION not set: the app cannot choose its data centre")
    sys.exit(1)

app = Flask(__name__)


@app.get("/health")
def health():
    return {"status": "ok", "region": REGION}
