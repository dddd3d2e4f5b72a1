from flask import Flask, jsonify

from orders.monitoring import init_monitoring

app = Flask(__name__)
init_monitoring(app)


@app.get("/health")
def health():
    return jsonify(status="ok")
