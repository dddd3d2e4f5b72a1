import os
import sys

from flask import Flask, jsonify

LOG_BYTES = int(os.environ.get("NOISY_LOG_BYTES", str(40 * 1024 * 1024)))


def echo_warmup_queries(total: int) -> int:
    """What `echo=True` on a SQL engine prints while a cache warms up: one line per query, 40 MB of them."""
    written = 0
    row = 0
    out = sys.stderr
    while written < total:
        line = (
            f"INFO sqlalchemy.engine.Engine SELECT products.id, products.sku, products.title, products.price "
            f"FROM products WHERE products.id = {row} LIMIT 1 -- [cached since warm-up, row {row:08d}]\n"
        )
        out.write(line)
        written += len(line)
        row += 1
    out.flush()
    return row


ROWS = echo_warmup_queries(LOG_BYTES)
app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok", warmed=ROWS)
