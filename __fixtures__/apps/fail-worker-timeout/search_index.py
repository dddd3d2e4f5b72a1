import json
import os
import time

INDEX_PATH = os.environ.get("SEARCH_INDEX_PATH", "/var/lib/search/index.json")


def wait_for_index(path: str = INDEX_PATH, attempts: int = 30) -> dict:
    """The indexer job writes the index at deploy time; wait for it rather than serving empty results."""
    for _ in range(attempts):
        if os.path.exists(path):
            with open(path) as handle:
                return json.load(handle)
        time.sleep(1)
    raise RuntimeError(f"search index {path} did not appear")
