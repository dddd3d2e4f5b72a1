from flask import Flask, jsonify

app = Flask(__name__)

NOTES = [
    {"id": 1, "text": "Ship the smoke test"},
    {"id": 2, "text": "Read the worker log before merging"},
]


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/api/notes")
def notes():
    return jsonify(NOTES)
