from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/livez")
def health():
    return jsonify(status="ok")
