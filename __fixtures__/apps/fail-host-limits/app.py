# A plain WSGI app that holds HOG_MB megabytes from its import on (each worker its own copy): under a memory limit
# below that, the kernel kills the workers while they boot.
import os

HOG = bytearray(int(os.environ.get("HOG_MB", "0")) * 1024 * 1024)
for page in range(0, len(HOG), 4096):
    HOG[page] = 1


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]
