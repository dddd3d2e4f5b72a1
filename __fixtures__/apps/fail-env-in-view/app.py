import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    # The region is only known where the app is deployed.
    region = os.environ["DEPLOY_REGION"]
    return jsonify(status="ok", region=region)
