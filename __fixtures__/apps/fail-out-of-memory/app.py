import os

from flask import Flask, jsonify

# Keep every tile of the map in memory so requests never touch the disk.
TILE_CACHE_SLOTS = int(os.environ.get("TILE_CACHE_SLOTS", "60000000"))
tile_cache = [None] * TILE_CACHE_SLOTS

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", slots=len(tile_cache))
