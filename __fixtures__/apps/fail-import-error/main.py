from flask import Flask, jsonify

from settings import Settings, get_settings

settings: Settings = get_settings()
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", env=settings.env)
