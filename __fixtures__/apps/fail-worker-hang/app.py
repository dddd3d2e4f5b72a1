import time
from flask import Flask, jsonify

time.sleep(3600)  # give the warm-up job time to fill the cache (it never runs in CI)
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")
