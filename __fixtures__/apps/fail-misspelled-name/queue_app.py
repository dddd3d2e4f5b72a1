from flask import Flask, jsonify
from redis import StricRedis

app = Flask(__name__)
broker = StricRedis(host="localhost")


@app.get("/health")
def health():
    return jsonify(status="ok")
