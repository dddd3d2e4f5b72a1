import os
import sys

LOG_BYTES = int(os.environ.get("FLOOD_LOG_BYTES", str(40 * 1024 * 1024)))


def warm_cache() -> int:
    """What `echo=True` on a SQL engine prints while a cache warms up: one line per query, 40 MiB of them."""
    written = 0
    row = 0
    while written < LOG_BYTES:
        line = (
            f"INFO sqlalchemy.engine.Engine SELECT products.id, products.sku, products.title, products.price "
            f"FROM products WHERE products.id = {row} LIMIT 1 -- [cached since warm-up, row {row:08d}]\n"
        )
        sys.stderr.write(line)
        written += len(line)
        row += 1
    sys.stderr.flush()
    return row
