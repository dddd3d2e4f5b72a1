from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/products")
def products():
    return jsonify([{"sku": "A-1", "name": "Teapot"}])
