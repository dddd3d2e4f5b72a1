from flask import Flask, jsonify

from shop.warmup import warm_cache

# Each worker prints its 40 MiB of warm-up queries before it reaches the import that fails.
warm_cache()

from shop.payments import create_checkout_session  # noqa: E402

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.post("/checkout")
def checkout():
    return jsonify(create_checkout_session(amount_cents=1999))
