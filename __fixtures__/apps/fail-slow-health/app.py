import time

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    # Checks a dependency that takes longer than any health probe waits.
    time.sleep(5)
    return jsonify(status="ok")
