import os
import threading
import time
import urllib.request

PRICES_URL = os.environ.get("PRICES_URL", "http://127.0.0.1:9/prices.json")


def _refresh_forever(interval: float) -> None:
    while True:
        time.sleep(interval)
        try:
            urllib.request.urlopen(PRICES_URL, timeout=1).read()
        except OSError as error:
            print(f"price refresh failed: {error}; restarting worker", flush=True)
            # A stale price list is worse than a restart: let the master replace this worker.
            os._exit(1)


def start_refresher(interval: float = 4.0) -> None:
    threading.Thread(target=_refresh_forever, args=(interval,), daemon=True).start()
