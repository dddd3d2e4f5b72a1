from flask import Flask, jsonify, request

from search_index import wait_for_index

INDEX = wait_for_index()
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", documents=len(INDEX))


@app.get("/search")
def search():
    term = request.args.get("q", "").lower()
    return jsonify([doc for doc in INDEX.get("documents", []) if term in doc.get("title", "").lower()])
