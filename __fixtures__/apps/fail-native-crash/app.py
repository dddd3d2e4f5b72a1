from flask import Flask, jsonify

import fastjson

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", codec=fastjson.NAME)
