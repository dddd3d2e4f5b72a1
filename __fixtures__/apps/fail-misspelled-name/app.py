from flask import Flask, jsonify

from cache import client

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", cache=client is not None)
