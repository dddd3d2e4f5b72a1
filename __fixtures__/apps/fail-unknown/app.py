# A failure no rule knows: the app refuses to start for a reason of its own. The diagnosis can only say
# `unknown`, but it still names the exception and the line that raised it.
from flask import Flask

SEARCH_INDEX = None


def load_index():
    if SEARCH_INDEX is None:
        raise RuntimeError("search index missing: run `manage.py build_index` before starting")
    return SEARCH_INDEX


app = Flask(__name__)
index = load_index()
