from flask import Flask, jsonify

from routes import register_routes

app = Flask(__name__)
register_routes(app)


@app.get("/health")
def health():
    return jsonify(status="ok")
