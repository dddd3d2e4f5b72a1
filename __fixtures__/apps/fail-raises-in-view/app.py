from flask import Flask, jsonify

import stats

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", hit_ratio=stats.hit_ratio())
