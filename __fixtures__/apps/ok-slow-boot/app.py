import time

from flask import Flask, jsonify


def load_model():
    # Stands in for loading a large model or warming a cache at import: six seconds before the app exists.
    time.sleep(6)
    return {"ready": True}


MODEL = load_model()
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", model=MODEL["ready"])
