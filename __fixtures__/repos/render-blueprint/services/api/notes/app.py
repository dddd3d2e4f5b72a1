import os

from flask import Flask, jsonify

# The blueprint sets APP_ENV for every environment; a missing value means a misconfigured deploy.
APP_ENV = os.environ["APP_ENV"]


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-only")

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok", env=APP_ENV)

    return app
