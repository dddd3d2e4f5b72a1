import os

import redis
from flask import Flask, jsonify

app = Flask(__name__)
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"), socket_connect_timeout=1)


@app.get("/health")
def health():
    try:
        cache.ping()
    except redis.RedisError as error:
        return jsonify(status="unavailable", redis=str(error)), 503
    return jsonify(status="ok")
