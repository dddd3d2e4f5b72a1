from flask import Flask, jsonify

from billing.payments import create_checkout_session

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.post("/checkout")
def checkout():
    return jsonify(create_checkout_session(amount_cents=1999))
