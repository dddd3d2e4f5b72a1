from flask import Flask, jsonify


def create_app() -> Flask:
    flask_app = Flask(__name__)

    @flask_app.get("/health")
    def health():
        return jsonify(status="ok")

    return flask_app


application = create_app()
