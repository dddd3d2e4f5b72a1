from flask import Flask, jsonify

from pages import MAX_PAGE

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", max_page=MAX_PAGE)
