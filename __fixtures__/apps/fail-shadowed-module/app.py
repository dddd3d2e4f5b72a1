import secrets

# A session key made at import: `secrets` here is the project's secrets.py, which has no token_hex.
SESSION_KEY = secrets.token_hex(16)


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
