from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/ready")
def health():
    return jsonify(status="ok")
