from flask import Flask, jsonify, request

MESSAGES: list[dict] = []


def create_app() -> Flask:
    app = Flask(__name__)

    @app.get("/health")
    def health():
        return jsonify(status="ok")

    @app.post("/messages")
    def post_message():
        MESSAGES.append(request.get_json(force=True))
        return jsonify(count=len(MESSAGES)), 201

    return app
