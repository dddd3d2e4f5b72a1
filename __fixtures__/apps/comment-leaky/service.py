from flask import Flask, jsonify

import settings

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", db=settings.DATABASE_URL.split("@")[-1])
