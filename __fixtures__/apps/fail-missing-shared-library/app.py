import sqlite3

# A cache kept in SQLite, opened at import: the image lacks the library sqlite3's compiled module needs.
CACHE = sqlite3.connect(":memory:")


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
