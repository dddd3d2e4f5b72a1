from flask import Flask, jsonify

from db import connection

app = Flask(__name__)


@app.get("/health")
def health():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return jsonify(status="ok")
