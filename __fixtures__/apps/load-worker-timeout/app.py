from flask import Flask, jsonify

from inventory_db import ping

app = Flask(__name__)


@app.get("/health")
def health():
    # A "deep" health check that pings the database on every call.
    return jsonify(status="ok", database=ping())
