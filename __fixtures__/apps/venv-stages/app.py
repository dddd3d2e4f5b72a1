import hashdemo_core  # installed in the virtualenv only


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"ok {hashdemo_core.VALUE}\n".encode()]
