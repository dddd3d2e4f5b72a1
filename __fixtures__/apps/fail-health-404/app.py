from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(service="catalog", status="ok")


@app.get("/items")
def items():
    return jsonify([])
