from flask import Flask, jsonify

import config

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = config.DATABASE_URL
app.config["SECRET_KEY"] = config.SECRET_KEY


@app.get("/health")
def health():
    return jsonify(status="ok")
