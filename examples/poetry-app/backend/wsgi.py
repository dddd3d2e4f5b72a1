import json


def app(environ, start_response):
    """A plain WSGI app: /health answers for the smoke test, everything else with the service's name."""
    if environ.get("PATH_INFO") == "/health":
        body = json.dumps({"status": "ok"}).encode()
    else:
        body = json.dumps({"service": "poetry-app"}).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
