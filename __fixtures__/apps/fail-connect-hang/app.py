from flask import Flask, jsonify

import broker

EVENTS = broker.connect()
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")
