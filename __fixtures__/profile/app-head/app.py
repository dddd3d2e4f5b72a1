import time

from flask import Flask, jsonify

# Every postcode's shape, loaded once at import so requests never read the disk (about 150 MiB, written so
# the pages are resident), and the index built from it takes a while.
POSTCODE_SHAPES = bytearray(b"\x01") * (150 * 2**20)
time.sleep(1.5)

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", shapes=len(POSTCODE_SHAPES))
