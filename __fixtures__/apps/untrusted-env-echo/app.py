import os

from flask import Flask, jsonify

# Everything the container was given, in the log: what a hostile pull request would read and send away.
for name, value in sorted(os.environ.items()):
    print(f"ENV {name}={value}", flush=True)

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", env=sorted(os.environ))
